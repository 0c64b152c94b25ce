// Stub of github.com/jackc/pgx/v5/pgxpool (signatures mirror v5.12.0; bodies are placeholders).

package pgxpool

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
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

	PrepareConn func(context.Context, *pgx.Conn) (bool, error)

	AfterRelease func(*pgx.Conn) bool

	BeforeClose func(*pgx.Conn)

	MaxConnLifetime time.Duration

	MaxConnLifetimeJitter time.Duration

	MaxConnIdleTime time.Duration

	PingTimeout time.Duration

	MaxConns int32

	MinConns int32

	MinIdleConns int32

	HealthCheckPeriod time.Duration
}

func (c *Config) Copy() *Config { panic("stub") }

func (c *Config) ConnString() string { panic("stub") }

// Stat is a snapshot of Pool statistics.
type Stat struct {
	newConnsCount int64
}

func (s *Stat) TotalConns() int32 { panic("stub") }

func New(ctx context.Context, connString string) (*Pool, error) { panic("stub") }

func NewWithConfig(ctx context.Context, config *Config) (*Pool, error) { panic("stub") }

func ParseConfig(connString string) (*Config, error) { panic("stub") }

func (p *Pool) Acquire(ctx context.Context) (c *Conn, err error) { panic("stub") }

func (p *Pool) AcquireAllIdle(ctx context.Context) []*Conn { panic("stub") }

func (p *Pool) AcquireFunc(ctx context.Context, f func(*Conn) error) error { panic("stub") }

func (p *Pool) Begin(ctx context.Context) (pgx.Tx, error) { panic("stub") }

func (p *Pool) BeginTx(ctx context.Context, txOptions pgx.TxOptions) (pgx.Tx, error) { panic("stub") }

func (p *Pool) Close() { panic("stub") }

func (p *Pool) Config() *Config { panic("stub") }

func (p *Pool) CopyFrom(ctx context.Context, tableName pgx.Identifier, columnNames []string, rowSrc pgx.CopyFromSource) (int64, error) {
	panic("stub")
}

func (p *Pool) Exec(ctx context.Context, sql string, arguments ...any) (pgconn.CommandTag, error) {
	panic("stub")
}

func (p *Pool) Ping(ctx context.Context) error { panic("stub") }

func (p *Pool) Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error) { panic("stub") }

func (p *Pool) QueryRow(ctx context.Context, sql string, args ...any) pgx.Row { panic("stub") }

func (p *Pool) Reset() { panic("stub") }

func (p *Pool) SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults { panic("stub") }

func (p *Pool) Stat() *Stat { panic("stub") }
