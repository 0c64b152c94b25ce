//go:build integration

package store_test

import (
	"testing"

	"example.com/testsupport/conformance"
)

// Built only with -tags integration: without it, nothing imports
// conformance.
func TestConformance(t *testing.T) { conformance.All(t, nil, []int64{1, 2, 3}) }
