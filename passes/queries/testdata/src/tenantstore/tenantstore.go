// Package tenantstore runs its statements through package tenant's
// helpers: the statement given is the one run (their Appends facts), with
// what they append when it is constant; a helper that may return another
// string leaves the SQL unresolved, saying which.
package tenantstore // want `stats: 20 sites, 9 unresolved, 0 unparsed, 0 orm`

import (
	"context"
	"database/sql"
	"fmt"

	"tenant"
)

type Store struct{ db *sql.DB }

const fields = `id, name`

const baseSQL = `SELECT %s FROM projects p`

// A package variable formatted from constants.
var selectProjects = fmt.Sprintf(baseSQL, fields) // want `sqlText\("SELECT id, name FROM projects p"\)`

// A function returning constants formatted.
func countProjects() string { return fmt.Sprintf(baseSQL, "COUNT(*)") }

func (s *Store) Name(ctx context.Context, id int) (name string) { // want `issuesQueries\(.*\)`
	q, params := tenant.Scope(ctx, "SELECT name FROM projects WHERE id = $1", id)
	s.db.QueryRowContext(ctx, q, params...).Scan(&name) // want `site query read "SELECT name FROM projects WHERE id = \$1"`
	return name
}

func (s *Store) Get(ctx context.Context, id int) *sql.Row { // want `issuesQueries\(.*\)`
	q, params := tenant.ScopeWithPrefix(ctx, selectProjects+" WHERE p.id = $1", "p.", id)
	return s.db.QueryRowContext(ctx, q, params...) // want `site query read "SELECT id, name FROM projects p WHERE p.id = \$1"`
}

func (s *Store) Count(ctx context.Context) (n int) { // want `issuesQueries\(.*\)`
	q, params := tenant.ScopeWithPrefix(ctx, countProjects(), "p.")
	s.db.QueryRowContext(ctx, q, params...).Scan(&n) // want `site query read "SELECT COUNT\(\*\) FROM projects p"`
	return n
}

// listQuery is an appender of this package: the join it appends on every
// path is kept, what the helpers after it append varies.
func listQuery(ctx context.Context, base, query string, params []any) (string, []any) {
	sql := base + " JOIN owners o ON o.id = p.owner_id"
	sql, params = tenant.Search(sql, " WHERE p.name ILIKE $3", query, params)
	sql, params = tenant.ScopeWithPrefix(ctx, sql, "p.", params...)
	return sql, params
}

// List is the whole pipeline: a filter, a tenant, a sort, then a page.
func (s *Store) List(ctx context.Context, take, skip int, query, sortBy, dir string) (*sql.Rows, error) { // want `issuesQueries\(.*\)`
	q, params := listQuery(ctx, selectProjects, query, []any{take, skip})
	q = tenant.Sort(q, sortBy, dir, map[string]string{"name": "p.name", "created": "p.created_at"})
	q += " LIMIT $1 OFFSET $2"
	stmt, err := s.db.PrepareContext(ctx, q) // want `site prepare read "SELECT id, name FROM projects p JOIN owners o ON o.id = p.owner_id LIMIT \$1 OFFSET \$2"`
	if err != nil {
		return nil, err
	}
	return stmt.QueryContext(ctx, params...) // want `site stmt read "SELECT id, name FROM projects p JOIN owners o ON o.id = p.owner_id LIMIT \$1 OFFSET \$2"`
}

// query scopes what it is given, then runs it: a wrapper.
func (s *Store) query(ctx context.Context, q string, args ...any) *sql.Row { // want `sqlParam\(1, query\)`
	q, args = tenant.Scope(ctx, q, args...)
	return s.db.QueryRowContext(ctx, q, args...)
}

func (s *Store) Owner(ctx context.Context, id int) (name string) { // want `issuesQueries\(.*\)`
	s.query(ctx, "SELECT name FROM owners WHERE id = $1", id).Scan(&name) // want `site query read "SELECT name FROM owners WHERE id = \$1"`
	return name
}

func (s *Store) Paged(ctx context.Context) (*sql.Rows, error) { // want `issuesQueries\(.*\)`
	return s.db.QueryContext(ctx, tenant.Page("SELECT id FROM owners")) // want `site query read "SELECT id FROM owners LIMIT \$1 OFFSET \$2"`
}

func (s *Store) Newest(ctx context.Context, one bool) (*sql.Rows, error) { // want `issuesQueries\(.*\)`
	return s.db.QueryContext(ctx, tenant.Latest("SELECT id FROM owners ORDER BY created_at DESC", one)) // want `site query read "SELECT id FROM owners ORDER BY created_at DESC LIMIT 1"`
}

func (s *Store) Filtered(ctx context.Context, cond string) (*sql.Rows, error) { // want `issuesQueries\(.*\)`
	s.db.QueryContext(ctx, tenant.Filter("SELECT id FROM owners", cond)) // want `site query read "SELECT id FROM owners"`
	return s.db.QueryContext(ctx, tenant.Joined(selectProjects, cond))   // want `site query read "SELECT id, name FROM projects p JOIN owners o ON o.id = p.owner_id"`
}

func (s *Store) CreateSequence(ctx context.Context, testID string) error { // want `issuesQueries\(.*\)`
	_, err := s.db.ExecContext(ctx, tenant.WithSequence(`CREATE SEQUENCE IF NOT EXISTS "%sequence_name%"`, testID)) // want `site exec ddl "CREATE SEQUENCE IF NOT EXISTS \\"%sequence_name%\\""`
	return err
}

// Others go through helpers that are no appenders, or give an appender
// what is no statement.
func (s *Store) Others(ctx context.Context, table string, count bool) { // want `issuesQueries\(.*\)`
	s.db.ExecContext(ctx, tenant.Rename("DELETE FROM users", table))      // want `site exec write unresolved: SQL comes from a call to Rename`
	s.db.QueryContext(ctx, tenant.Counted("SELECT id FROM users", count)) // want `site query unknown unresolved: SQL comes from a call to Counted`
	s.db.QueryContext(ctx, tenant.Wrapped("SELECT id FROM users", count)) // want `site query unknown unresolved: SQL comes from a call to Wrapped`
	s.db.QueryContext(ctx, tenant.Reset("SELECT id FROM owners", count))  // want `site query unknown unresolved: SQL comes from a call to Reset`
	s.db.ExecContext(ctx, tenant.Key("DELETE FROM users"))                // want `site exec write unresolved: SQL comes from a call to Key`
	s.db.ExecContext(ctx, tenant.Format("DELETE FROM %s", table))         // want `site exec write unresolved: SQL comes from a call to Format`
	q, _ := tenant.Search("DELETE FROM ", "users", table, nil)
	s.db.ExecContext(ctx, q)                                              // want `site exec write unresolved: SQL comes from a call to Search, which appends text to what is no whole statement`
	s.db.QueryContext(ctx, tenant.ScopedOr(ctx, "SELECT id FROM owners")) // want `site query unknown unresolved: SQL comes from a call to ScopedOr`
	s.db.ExecContext(ctx, tenant.Quote("DELETE FROM users", `"`))         // want `site exec write unresolved: SQL comes from a call to Quote`
}
