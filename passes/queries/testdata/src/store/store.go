// Package store is a typical store layer: a wrapper that takes SQL, methods
// that use it and the database handle directly, SQL in constants and
// package-level variables that other packages reuse.
package store // want `stats: 15 sites, 2 unresolved, 0 unparsed, 0 orm`

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// Columns is reused by other packages to build their SQL.
const Columns = "id, name, email"

// UserByID is an exported constant query.
const UserByID = "SELECT " + Columns + " FROM users WHERE id = $1"

// listUsers is SQL in a package-level variable never reassigned.
var listUsers = "SELECT id, name FROM users ORDER BY id LIMIT $1" // want `sqlText\("SELECT id, name FROM users ORDER BY id LIMIT \$1"\)`

type Store struct{ db *sql.DB }

// query is a wrapper: its SQL is its parameter, so its callers are the
// query sites.
func (s *Store) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) { // want `sqlParam\(1, query\)`
	return s.db.QueryContext(ctx, q, args...)
}

// Query is an exported wrapper, called from package api.
func (s *Store) Query(ctx context.Context, q string, args ...any) (*sql.Rows, error) { // want `sqlParam\(1, query\)`
	return s.query(ctx, q, args...)
}

// exec wraps exec through a second wrapper level.
func (s *Store) exec(ctx context.Context, q string, args ...any) error { // want `sqlParam\(1, exec\)`
	_, err := s.db.ExecContext(ctx, q, args...)
	return err
}

func (s *Store) User(ctx context.Context, id int64) error { // want `issuesQueries\(read SELECT id, name, email FROM users WHERE id = \$1 @store.go:\d+\)`
	return s.db.QueryRowContext(ctx, UserByID, id).Scan(&id) // want `site query read "SELECT id, name, email FROM users WHERE id = \$1"`
}

func (s *Store) Users(ctx context.Context, n int) error { // want `issuesQueries\(read SELECT id, name FROM users ORDER BY id LIMIT \$1 @store.go:\d+ via store.\(\*Store\).query\)`
	rows, err := s.query(ctx, listUsers, n) // want `site query read "SELECT id, name FROM users ORDER BY id LIMIT \$1"`
	if err != nil {
		return err
	}
	return rows.Close()
}

func (s *Store) Rename(ctx context.Context, id int64, name string) error { // want `issuesQueries\(write UPDATE users SET name = \$1 WHERE id = \$2 @store.go:\d+ via store.\(\*Store\).exec\)`
	q := "UPDATE users SET name = $1"
	q += " WHERE id = $2"
	return s.exec(ctx, q, name, id) // want `site exec write "UPDATE users SET name = \$1 WHERE id = \$2"`
}

// Search builds its SQL with optional filters; every filter is kept.
func (s *Store) Search(ctx context.Context, name string, active bool) error { // want `issuesQueries\(read .*\)`
	var b strings.Builder
	b.WriteString("SELECT id FROM users WHERE name = $1")
	if active {
		b.WriteString(" AND active")
	}
	rows, err := s.db.QueryContext(ctx, b.String(), name) // want `site query read "SELECT id FROM users WHERE name = \$1 AND active"`
	if err != nil {
		return err
	}
	return rows.Close()
}

// Page uses Sprintf with a constant format: verbs become placeholders.
func (s *Store) Page(ctx context.Context, table string, limit int) error { // want `issuesQueries\(read .*\)`
	q := fmt.Sprintf("SELECT id FROM users ORDER BY %s LIMIT %d", "id", limit)
	_, err := s.db.QueryContext(ctx, q) // want `site query read "SELECT id FROM users ORDER BY id LIMIT \$1"`
	return err
}

// Dynamic SQL that cannot be resolved is counted, never dropped.
func (s *Store) Dynamic(ctx context.Context, table string) error { // want `issuesQueries\(write \? @store.go:\d+\)`
	_, err := s.db.ExecContext(ctx, "DELETE FROM "+table) // want `site exec write unresolved: SQL is built from a parameter \(parameter table\)`
	return err
}

// Branches assigns different SQL on different paths: the site is each
// statement (see package oneof).
func (s *Store) Branches(ctx context.Context, admin bool) error { // want `issuesQueries\(.*\)`
	q := "SELECT id FROM users"
	if admin {
		q = "SELECT id FROM admins"
	}
	_, err := s.db.QueryContext(ctx, q) // want `site query read "SELECT id FROM users;\\nSELECT id FROM admins"`
	return err
}

// Tx runs its queries in a transaction helper's callback, which runs in place.
func (s *Store) Tx(ctx context.Context) error { // want `issuesQueries\(write DELETE FROM sessions @store.go:\d+\)`
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "DELETE FROM sessions") // want `site exec write "DELETE FROM sessions"`
		return err
	})
}

func (s *Store) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	return fn(tx)
}

// Prepared resolves a statement's SQL from its Prepare.
func (s *Store) Prepared(ctx context.Context, ids []int64) error { // want `issuesQueries\(.*\)`
	stmt, err := s.db.PrepareContext(ctx, "INSERT INTO audit (user_id) VALUES ($1)") // want `site prepare write "INSERT INTO audit \(user_id\) VALUES \(\$1\)"`
	if err != nil {
		return err
	}
	for _, id := range ids {
		stmt.ExecContext(ctx, id) // want `site stmt write "INSERT INTO audit \(user_id\) VALUES \(\$1\)" in data loop`
	}
	return nil
}

// ItemsPerUser loops over data and queries: the loop is recorded.
func (s *Store) ItemsPerUser(ctx context.Context, ids []int64) error { // want `issuesQueries\(read×1 SELECT id FROM items WHERE user_id = \$1 @store.go:\d+ via store.\(\*Store\).query\)`
	for _, id := range ids {
		rows, err := s.query(ctx, "SELECT id FROM items WHERE user_id = $1", id) // want `site query read "SELECT id FROM items WHERE user_id = \$1" in data loop`
		if err != nil {
			return err
		}
		rows.Close()
	}
	return nil
}

// Retry is a bounded retry loop: not data.
func (s *Store) Retry(ctx context.Context) error { // want `issuesQueries\(write .*\)`
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if _, err = s.db.ExecContext(ctx, "UPDATE counters SET n = n + 1"); err == nil { // want `site exec write "UPDATE counters SET n = n \+ 1" in retry loop`
			break
		}
	}
	return err
}

// execTx runs its SQL in a transaction helper's callback: a wrapper.
func (s *Store) execTx(ctx context.Context, q string) error { // want `sqlParam\(1, exec\)`
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, q)
		return err
	})
}

func (s *Store) Touch(ctx context.Context) error { // want `issuesQueries\(write UPDATE users SET seen = now\(\) @store.go:\d+ via store.\(\*Store\).execTx\)`
	return s.execTx(ctx, "UPDATE users SET seen = now()") // want `site exec write "UPDATE users SET seen = now\(\)"`
}

// flavor translates SQL for another database at run time; conn's methods
// translate, then run, the SQL they are given: they are wrappers.
type flavor struct{ replacers []*strings.Replacer }

func (f flavor) translate(q string) string {
	for _, r := range f.replacers {
		q = r.Replace(q)
	}
	return q
}

type conn struct {
	db     *sql.DB
	flavor flavor
}

func (c *conn) Exec(q string, args ...any) error { // want `sqlParam\(0, exec\)`
	q = c.flavor.translate(q)
	_, err := c.db.Exec(q, args...)
	return err
}

// limit changes the statement: no rewriter (an appender), and its
// callers' SQL is not their parameter.
func limit(q string) string {
	q += " LIMIT 10"
	return q
}

func (c *conn) Limited(q string) { // want `issuesQueries\(.*\)`
	c.db.Query(limit(q)) // want `site query unknown unresolved: SQL is built from a parameter \(parameter q\)`
}

func Sessions(c *conn) { // want `issuesQueries\(write DELETE FROM sessions WHERE expired @store.go:\d+ via store.\(\*conn\).Exec\)`
	c.Exec("DELETE FROM sessions WHERE expired") // want `site exec write "DELETE FROM sessions WHERE expired"`
}
