// Package handle declares a program's own database handle interface, which
// *sqlx.DB and *sqlx.Tx implement: its Rebind is sqlx's.
package handle // want `stats: 0 sites, 0 unresolved, 0 unparsed, 0 orm`

import (
	"context"
	"database/sql"

	"github.com/jmoiron/sqlx"
)

// Handler is what the stores take: a database or a transaction.
type Handler interface {
	Rebind(string) string
	GetContext(context.Context, interface{}, string, ...interface{}) error
	ExecContext(context.Context, string, ...interface{}) (sql.Result, error)
	QueryxContext(context.Context, string, ...interface{}) (*sqlx.Rows, error)
}

// Rebinder rewrites placeholders, whatever it is: no query method says it
// is a database handle.
type Rebinder interface {
	Rebind(string) string
}

// Accessor embeds sqlx's own interfaces: its Rebind and BindNamed are
// declared by sqlx's unexported binder, which no query method comes with,
// but the interface the stores hold is a handle *sqlx.DB implements.
type Accessor interface {
	sqlx.ExtContext
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	GetContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error
}

// Binder binds named parameters, whatever it is: sqlx implements it, but
// no query method says it is a database handle.
type Binder interface {
	BindNamed(string, interface{}) (string, []interface{}, error)
}
