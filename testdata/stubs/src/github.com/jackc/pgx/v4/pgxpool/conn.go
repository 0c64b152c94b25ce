// Stub of github.com/jackc/pgx/v4/pgxpool (signatures mirror v4.18.3; bodies are placeholders).

package pgxpool

import (
	"context"

	"github.com/jackc/pgconn"
	"github.com/jackc/pgx/v4"
)

// Conn is an acquired *pgx.Conn from a Pool.
type Conn struct {
	p *Pool
}

func (c *Conn) Begin(ctx context.Context) (pgx.Tx, error) { panic("stub") }

func (c *Conn) BeginFunc(ctx context.Context, f func(pgx.Tx) error) error { panic("stub") }

func (c *Conn) BeginTx(ctx context.Context, txOptions pgx.TxOptions) (pgx.Tx, error) { panic("stub") }

func (c *Conn) BeginTxFunc(ctx context.Context, txOptions pgx.TxOptions, f func(pgx.Tx) error) error {
	panic("stub")
}

func (c *Conn) Conn() *pgx.Conn { panic("stub") }

func (c *Conn) CopyFrom(ctx context.Context, tableName pgx.Identifier, columnNames []string, rowSrc pgx.CopyFromSource) (int64, error) {
	panic("stub")
}

func (c *Conn) Exec(ctx context.Context, sql string, arguments ...interface{}) (pgconn.CommandTag, error) {
	panic("stub")
}

func (c *Conn) Hijack() *pgx.Conn { panic("stub") }

func (c *Conn) Ping(ctx context.Context) error { panic("stub") }

func (c *Conn) Query(ctx context.Context, sql string, args ...interface{}) (pgx.Rows, error) {
	panic("stub")
}

func (c *Conn) QueryFunc(ctx context.Context, sql string, args []interface{}, scans []interface{}, f func(pgx.QueryFuncRow) error) (pgconn.CommandTag, error) {
	panic("stub")
}

func (c *Conn) QueryRow(ctx context.Context, sql string, args ...interface{}) pgx.Row { panic("stub") }

func (c *Conn) Release() { panic("stub") }

func (c *Conn) SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults { panic("stub") }
