// Package goose is a stub of the migration tool's API the test uses.
package goose

import (
	"context"
	"database/sql"
)

func GetDBVersion(db *sql.DB) (int64, error) { panic("stub") }

func GetDBVersionContext(ctx context.Context, db *sql.DB) (int64, error) { panic("stub") }

func SetTableName(n string) { panic("stub") }
