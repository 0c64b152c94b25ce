// Stub of github.com/jackc/pgx/v4/pgxpool (signatures mirror v4.18.3; bodies are placeholders).

package pgxpool

import (
	"context"
	"time"

	"github.com/jackc/pgconn"
	"github.com/jackc/pgx/v4"
)

// Pool allows for connection reuse.
type Pool struct {
	config *Config
}

// Config is the configuration struct for creating a pool.
type Config struct {
	ConnConfig *pgx.ConnConfig

	BeforeConnect func(context.Context, *pgx.ConnConfig) error

	AfterConnect func(context.Context, *pgx.Conn) error

	BeforeAcquire func(context.Context, *pgx.Conn) bool

	AfterRelease func(*pgx.Conn) bool

	MaxConnLifetime time.Duration

	MaxConnLifetimeJitter time.Duration

	MaxConnIdleTime time.Duration

	MaxConns int32

	MinConns int32

	HealthCheckPeriod time.Duration

	LazyConnect bool
}

func (c *Config) Copy() *Config { panic("stub") }

func (c *Config) ConnString() string { panic("stub") }

// Stat is a snapshot of Pool statistics.
type Stat struct {
	newConnsCount int64
}

func (s *Stat) TotalConns() int32 { panic("stub") }

func Connect(ctx context.Context, connString string) (*Pool, error) { panic("stub") }

func ConnectConfig(ctx context.Context, config *Config) (*Pool, error) { panic("stub") }

func ParseConfig(connString string) (*Config, error) { panic("stub") }

func (p *Pool) Acquire(ctx context.Context) (*Conn, error) { panic("stub") }

func (p *Pool) AcquireAllIdle(ctx context.Context) []*Conn { panic("stub") }

func (p *Pool) AcquireFunc(ctx context.Context, f func(*Conn) error) error { panic("stub") }

func (p *Pool) Begin(ctx context.Context) (pgx.Tx, error) { panic("stub") }

func (p *Pool) BeginFunc(ctx context.Context, f func(pgx.Tx) error) error { panic("stub") }

func (p *Pool) BeginTx(ctx context.Context, txOptions pgx.TxOptions) (pgx.Tx, error) { panic("stub") }

func (p *Pool) BeginTxFunc(ctx context.Context, txOptions pgx.TxOptions, f func(pgx.Tx) error) error {
	panic("stub")
}

func (p *Pool) Close() { panic("stub") }

func (p *Pool) Config() *Config { panic("stub") }

func (p *Pool) CopyFrom(ctx context.Context, tableName pgx.Identifier, columnNames []string, rowSrc pgx.CopyFromSource) (int64, error) {
	panic("stub")
}

func (p *Pool) Exec(ctx context.Context, sql string, arguments ...interface{}) (pgconn.CommandTag, error) {
	panic("stub")
}

func (p *Pool) Ping(ctx context.Context) error { panic("stub") }

func (p *Pool) Query(ctx context.Context, sql string, args ...interface{}) (pgx.Rows, error) {
	panic("stub")
}

func (p *Pool) QueryFunc(ctx context.Context, sql string, args []interface{}, scans []interface{}, f func(pgx.QueryFuncRow) error) (pgconn.CommandTag, error) {
	panic("stub")
}

func (p *Pool) QueryRow(ctx context.Context, sql string, args ...interface{}) pgx.Row { panic("stub") }

func (p *Pool) SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults { panic("stub") }

func (p *Pool) Stat() *Stat { panic("stub") }
