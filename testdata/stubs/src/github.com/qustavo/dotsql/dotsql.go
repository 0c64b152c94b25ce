// Stub of github.com/qustavo/dotsql (signatures mirror master, 5d06b89; bodies are placeholders).

// Package dotsql provides a way to separate your code from SQL queries.
package dotsql

import (
	"context"
	"database/sql"
	"io"
	"text/template"
)

// Preparer is an interface used by Prepare.
type Preparer interface {
	Prepare(query string) (*sql.Stmt, error)
}

// PreparerContext is an interface used by PrepareContext.
type PreparerContext interface {
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

// Queryer is an interface used by Query.
type Queryer interface {
	Query(query string, args ...interface{}) (*sql.Rows, error)
}

// QueryerContext is an interface used by QueryContext.
type QueryerContext interface {
	QueryContext(ctx context.Context, query string, args ...interface{}) (*sql.Rows, error)
}

// QueryRower is an interface used by QueryRow.
type QueryRower interface {
	QueryRow(query string, args ...interface{}) *sql.Row
}

// QueryRowerContext is an interface used by QueryRowContext.
type QueryRowerContext interface {
	QueryRowContext(ctx context.Context, query string, args ...interface{}) *sql.Row
}

// Execer is an interface used by Exec.
type Execer interface {
	Exec(query string, args ...interface{}) (sql.Result, error)
}

// ExecerContext is an interface used by ExecContext.
type ExecerContext interface {
	ExecContext(ctx context.Context, query string, args ...interface{}) (sql.Result, error)
}

// DotSql represents a dotSQL queries holder.
type DotSql struct {
	queries map[string]*template.Template
	data    any
}

func (d DotSql) WithData(data any) DotSql { panic("stub") }

func (d DotSql) Prepare(db Preparer, name string) (*sql.Stmt, error) { panic("stub") }

func (d DotSql) PrepareContext(ctx context.Context, db PreparerContext, name string) (*sql.Stmt, error) {
	panic("stub")
}

func (d DotSql) Query(db Queryer, name string, args ...interface{}) (*sql.Rows, error) {
	panic("stub")
}

func (d DotSql) QueryContext(ctx context.Context, db QueryerContext, name string, args ...interface{}) (*sql.Rows, error) {
	panic("stub")
}

func (d DotSql) QueryRow(db QueryRower, name string, args ...interface{}) (*sql.Row, error) {
	panic("stub")
}

func (d DotSql) QueryRowContext(ctx context.Context, db QueryRowerContext, name string, args ...interface{}) (*sql.Row, error) {
	panic("stub")
}

func (d DotSql) Exec(db Execer, name string, args ...interface{}) (sql.Result, error) {
	panic("stub")
}

func (d DotSql) ExecContext(ctx context.Context, db ExecerContext, name string, args ...interface{}) (sql.Result, error) {
	panic("stub")
}

// Raw returns the query, everything after the --name tag
func (d DotSql) Raw(name string) (string, error) { panic("stub") }

// QueryMap returns a map[string]string of loaded queries
func (d DotSql) QueryMap() map[string]*template.Template { panic("stub") }

// Load imports sql queries from any io.Reader.
func Load(r io.Reader) (*DotSql, error) { panic("stub") }

// LoadFromFile imports SQL queries from the file.
func LoadFromFile(sqlFile string) (*DotSql, error) { panic("stub") }

// LoadFromString imports SQL queries from the string.
func LoadFromString(sql string) (*DotSql, error) { panic("stub") }

// Merge takes one or more *DotSql and merge its queries
func Merge(dots ...*DotSql) *DotSql { panic("stub") }
