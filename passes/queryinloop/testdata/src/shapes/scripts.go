package shapes

import (
	"context"
	"database/sql"
	"os"
	"strconv"
	"strings"
)

// RunScript sends the statements of a SQL file one by one: each
// iteration runs a statement of its own, not one statement per item.
func RunScript(ctx context.Context, db *sql.DB, path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	for _, stmt := range strings.Split(string(b), ";") {
		stmt = strings.TrimSpace(stmt)
		if stmt == "" {
			continue
		}
		if _, err := db.ExecContext(ctx, stmt); err != nil { // silent: the item is the statement
			return err
		}
	}
	return nil
}

// Step is a named statement of an upgrade.
type Step struct {
	Name string
	SQL  string
}

// Apply runs each step's own statement.
func Apply(ctx context.Context, db *sql.DB, steps []Step) {
	for _, s := range steps {
		db.ExecContext(ctx, s.SQL) // silent: the item's statement
	}
}

// exec wraps the driver: its query is the caller's.
func exec(ctx context.Context, db *sql.DB, query string, args ...any) error {
	_, err := db.ExecContext(ctx, query, args...)
	return err
}

// ApplyAll runs the statements through the wrapper.
func ApplyAll(ctx context.Context, db *sql.DB, stmts []string) {
	for _, q := range stmts {
		exec(ctx, db, q) // silent: the item is the statement
	}
}

// Purge builds one statement per id by concatenation: the same DELETE,
// once per item.
func Purge(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		db.ExecContext(ctx, "DELETE FROM sessions WHERE id = "+strconv.FormatInt(id, 10)) // want `once per item of ids`
	}
}

// Replayer holds a statement built elsewhere.
type Replayer struct {
	db    *sql.DB
	query string
}

// Replay runs the same statement once per id.
func (r *Replayer) Replay(ctx context.Context, ids []int64) {
	for _, id := range ids {
		r.db.ExecContext(ctx, r.query, id) // want `once per item of ids`
	}
}

// Lookup passes the item as the statement's argument, not as its text.
func (r *Replayer) Lookup(ctx context.Context, names []string) {
	for _, name := range names {
		exec(ctx, r.db, r.query, name) // want `once per item of names`
	}
}
