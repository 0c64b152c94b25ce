// Package queries is a stub of sqlboiler v4's queries: the statement a
// generated model builds, and what sends it.
package queries

import (
	"context"
	"database/sql"

	"github.com/volatiletech/sqlboiler/v4/boil"
)

type Query struct {
	from  []string
	where []string
	limit int
}

func Raw(query string, args ...interface{}) *Query  { return &Query{} }
func RawG(query string, args ...interface{}) *Query { return &Query{} }

func SetFrom(q *Query, from ...string)        { q.from = from }
func SetLimit(q *Query, limit int)            { q.limit = limit }
func SetSelect(q *Query, sel []string)        {}
func SetCount(q *Query)                       {}
func SetDelete(q *Query)                      {}
func SetUpdate(q *Query, cols map[string]any) {}
func AppendWhere(q *Query, clause string, args ...interface{}) {
	q.where = append(q.where, clause)
}

func (q *Query) Bind(ctx context.Context, exec boil.Executor, obj interface{}) error { return nil }
func (q *Query) BindP(ctx context.Context, exec boil.Executor, obj interface{})      {}
func (q *Query) BindG(ctx context.Context, obj interface{}) error                    { return nil }

func (q *Query) Exec(exec boil.Executor) (sql.Result, error) { return nil, nil }
func (q *Query) QueryRow(exec boil.Executor) *sql.Row        { return nil }
func (q *Query) Query(exec boil.Executor) (*sql.Rows, error) { return nil, nil }
func (q *Query) ExecContext(ctx context.Context, exec boil.ContextExecutor) (sql.Result, error) {
	return nil, nil
}
func (q *Query) QueryRowContext(ctx context.Context, exec boil.ContextExecutor) *sql.Row {
	return nil
}
func (q *Query) QueryContext(ctx context.Context, exec boil.ContextExecutor) (*sql.Rows, error) {
	return nil, nil
}
