// Stub of github.com/jackc/pgx/v4/pgxpool (signatures mirror v4.18.3; bodies are placeholders).

package pgxpool

import (
	"context"

	"github.com/jackc/pgconn"
	"github.com/jackc/pgx/v4"
)

// Tx represents a database transaction acquired from a Pool.
type Tx struct {
	t pgx.Tx
	c *Conn
}

func (tx *Tx) Begin(ctx context.Context) (pgx.Tx, error) { panic("stub") }

func (tx *Tx) BeginFunc(ctx context.Context, f func(pgx.Tx) error) error { panic("stub") }

func (tx *Tx) Commit(ctx context.Context) error { panic("stub") }

func (tx *Tx) Conn() *pgx.Conn { panic("stub") }

func (tx *Tx) CopyFrom(ctx context.Context, tableName pgx.Identifier, columnNames []string, rowSrc pgx.CopyFromSource) (int64, error) {
	panic("stub")
}

func (tx *Tx) Exec(ctx context.Context, sql string, arguments ...interface{}) (pgconn.CommandTag, error) {
	panic("stub")
}

func (tx *Tx) LargeObjects() pgx.LargeObjects { panic("stub") }

func (tx *Tx) Prepare(ctx context.Context, name, sql string) (*pgconn.StatementDescription, error) {
	panic("stub")
}

func (tx *Tx) Query(ctx context.Context, sql string, args ...interface{}) (pgx.Rows, error) {
	panic("stub")
}

func (tx *Tx) QueryFunc(ctx context.Context, sql string, args []interface{}, scans []interface{}, f func(pgx.QueryFuncRow) error) (pgconn.CommandTag, error) {
	panic("stub")
}

func (tx *Tx) QueryRow(ctx context.Context, sql string, args ...interface{}) pgx.Row { panic("stub") }

func (tx *Tx) Rollback(ctx context.Context) error { panic("stub") }

func (tx *Tx) SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults { panic("stub") }
