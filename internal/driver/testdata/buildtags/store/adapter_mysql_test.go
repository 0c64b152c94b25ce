//go:build mysql

package store

import (
	"database/sql"
	"testing"
)

// A test file: not counted, whatever it imports.
func TestNames(t *testing.T) { _ = Names((*sql.DB)(nil)) }
