package direct

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
)

// Names formats the loop's item into the statement's text. Where the item
// lands in a name (a table, a schema, a column, a function) each item is
// a different statement: there is nothing to fetch with one IN (...)
// query, so the loop is not an N+1. Where it lands in a value (a number,
// a quoted string, an IN list), every item is the same statement with
// another constant, which is the N+1 itself.
type Partition struct {
	Schema string
	Table  string
}

type Store struct {
	db    *sql.DB
	table string
}

func (s *Store) PurgeTenant(ctx context.Context, tables []string, tenant int64) {
	for _, table := range tables {
		s.db.ExecContext(ctx, fmt.Sprintf("DELETE FROM %s WHERE tenant_id = $1", table), tenant) // silent: the table is the item
	}
	for _, p := range tablesOf(tables) {
		s.db.QueryRowContext(ctx, fmt.Sprintf("SELECT count(*) FROM %s.%s", p.Schema, p.Table)) // silent: a field of the item names the table
	}
	for _, t := range tables {
		archive := strings.ToLower(t) + "_archive"
		q := fmt.Sprintf("INSERT INTO %s SELECT * FROM events WHERE tenant_id = $1", archive)
		s.db.ExecContext(ctx, q, tenant) // silent: a name derived from the item
	}
	for _, table := range tables {
		s.db.QueryRowContext(ctx, fmt.Sprintf("SELECT count(*) FROM %q", table)) // silent: a quoted name
	}
	for _, table := range tables {
		s.db.QueryRowContext(ctx, fmt.Sprintf("SELECT count(*) FROM `%s` WHERE tenant_id = ?", table), tenant) // silent: MySQL's quoted name
	}
	for shard := 0; shard < len(tables); shard++ {
		s.db.QueryRowContext(ctx, fmt.Sprintf("SELECT count(*) FROM events_%d WHERE tenant_id = $1", shard), tenant) // silent: the counter is part of the table's name
	}
}

func (s *Store) Columns(ctx context.Context, cols, fns []string, id int64) {
	for _, col := range cols {
		s.db.QueryRowContext(ctx, fmt.Sprintf("SELECT count(*) FROM users WHERE %s IS NULL", col)) // silent: the item is a column
	}
	for _, col := range cols {
		s.db.QueryRowContext(ctx, fmt.Sprintf("SELECT id FROM users WHERE %s = $1", col), id) // silent: compared with a parameter, the item is the column
	}
	for _, col := range cols {
		s.db.QueryRowContext(ctx, fmt.Sprintf("SELECT u.%s FROM users u WHERE u.id = $1", col), id) // silent: a qualified column
	}
	for _, fn := range fns {
		s.db.QueryRowContext(ctx, fmt.Sprintf("SELECT %s($1)", fn), id) // silent: the item names a function
	}
}

func (s *Store) Values(ctx context.Context, ids []int64, emails, keys []string, users []User) {
	for _, id := range ids {
		s.db.QueryRowContext(ctx, fmt.Sprintf("SELECT name FROM users WHERE id = %d", id)) // want `^SELECT from users runs once per item of ids: n round trips instead of 1$`
	}
	for _, e := range emails {
		s.db.ExecContext(ctx, fmt.Sprintf("UPDATE users SET seen = now() WHERE email = '%s'", e)) // want `^UPDATE users runs once per item of emails`
	}
	for _, k := range keys {
		s.db.QueryRowContext(ctx, fmt.Sprintf("SELECT id FROM users WHERE id = %s", k)) // want `^SELECT from users runs once per item of keys`
	}
	for i := 0; i < len(ids); i++ {
		s.db.QueryRowContext(ctx, fmt.Sprintf("SELECT name FROM users WHERE id IN (%s)", strconv.FormatInt(ids[i], 10))) // want `^SELECT from users runs once per item of ids`
	}
	for _, u := range users {
		s.db.ExecContext(ctx, fmt.Sprintf("INSERT INTO seen (user_id, at) SELECT %d, now()", u.ID)) // want `^INSERT into seen runs once per item of users`
	}
	for _, id := range ids {
		s.db.ExecContext(ctx, fmt.Sprintf("DELETE FROM %s WHERE id = $1", s.table), id) // want `^query "DELETE FROM \$2 WHERE id = \$1" runs once per item of ids`
	}
	for _, id := range ids {
		s.db.ExecContext(ctx, "DELETE FROM sessions WHERE user_id = $1", id) // want `^DELETE from sessions runs once per item of ids`
	}
}

func tablesOf(names []string) []Partition {
	var out []Partition
	for _, n := range names {
		out = append(out, Partition{Schema: "public", Table: n})
	}
	return out
}
