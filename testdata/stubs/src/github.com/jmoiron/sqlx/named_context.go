// Stub of github.com/jmoiron/sqlx (signatures mirror v1.4.0; bodies are placeholders).

package sqlx

import (
	"context"
	"database/sql"
)

func (n *NamedStmt) ExecContext(ctx context.Context, arg interface{}) (sql.Result, error) {
	panic("stub")
}

func (n *NamedStmt) QueryContext(ctx context.Context, arg interface{}) (*sql.Rows, error) {
	panic("stub")
}

func (n *NamedStmt) QueryRowContext(ctx context.Context, arg interface{}) *Row { panic("stub") }

func (n *NamedStmt) MustExecContext(ctx context.Context, arg interface{}) sql.Result { panic("stub") }

func (n *NamedStmt) QueryxContext(ctx context.Context, arg interface{}) (*Rows, error) { panic("stub") }

func (n *NamedStmt) QueryRowxContext(ctx context.Context, arg interface{}) *Row { panic("stub") }

func (n *NamedStmt) SelectContext(ctx context.Context, dest interface{}, arg interface{}) error {
	panic("stub")
}

func (n *NamedStmt) GetContext(ctx context.Context, dest interface{}, arg interface{}) error {
	panic("stub")
}

func NamedQueryContext(ctx context.Context, e ExtContext, query string, arg interface{}) (*Rows, error) {
	panic("stub")
}

func NamedExecContext(ctx context.Context, e ExtContext, query string, arg interface{}) (sql.Result, error) {
	panic("stub")
}
