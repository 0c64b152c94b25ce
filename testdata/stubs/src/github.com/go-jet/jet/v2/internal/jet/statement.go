// Package jet is a stub of go-jet's internal/jet: the Statement every
// statement embeds, whose methods send it.
package jet

import (
	"context"
	"database/sql"

	"github.com/go-jet/jet/v2/qrm"
)

type Statement interface {
	Sql() (query string, args []interface{})
	Query(db qrm.DB, destination interface{}) error
	QueryContext(ctx context.Context, db qrm.DB, destination interface{}) error
	Exec(db qrm.DB) (sql.Result, error)
	ExecContext(ctx context.Context, db qrm.DB) (sql.Result, error)
	Rows(ctx context.Context, db qrm.DB) (*Rows, error)
}

type Rows struct{ *sql.Rows }

type Expression interface{ expr() }

type BoolExpression interface {
	Expression
	bool()
}
