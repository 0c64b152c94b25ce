// Package store runs one query per function, each on its own line.
package store

import (
	"context"
	"database/sql"
)

var DB *sql.DB

func Page(ctx context.Context)     { DB.ExecContext(ctx, "SELECT body FROM pages") }
func Session(ctx context.Context)  { DB.ExecContext(ctx, "SELECT * FROM sessions") }
func Attempts(ctx context.Context) { DB.ExecContext(ctx, "UPDATE attempts SET n = n + 1") }
func Audit(ctx context.Context)    { DB.ExecContext(ctx, "INSERT INTO audit DEFAULT VALUES") }
func Flags(ctx context.Context)    { DB.ExecContext(ctx, "SELECT name FROM flags") }
func Items(ctx context.Context)    { DB.ExecContext(ctx, "SELECT id FROM items") }
func Token(ctx context.Context)    { DB.ExecContext(ctx, "SELECT id FROM tokens") }
func Files(ctx context.Context)    { DB.ExecContext(ctx, "SELECT id FROM files") }
