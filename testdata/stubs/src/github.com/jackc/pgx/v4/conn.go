// Stub of github.com/jackc/pgx/v4 (signatures mirror v4.18.3; bodies are placeholders).

package pgx

import (
	"context"
	"errors"

	"github.com/jackc/pgconn"
	"github.com/jackc/pgproto3/v2"
	"github.com/jackc/pgtype"
)

// ConnConfig contains all the options used to establish a connection.
type ConnConfig struct {
	pgconn.Config
	Logger   Logger
	LogLevel LogLevel

	connString string

	PreferSimpleProtocol bool
}

func (cc *ConnConfig) Copy() *ConnConfig { panic("stub") }

func (cc *ConnConfig) ConnString() string { panic("stub") }

// Conn is a PostgreSQL connection handle. It is not safe for concurrent usage.
type Conn struct {
	pgConn *pgconn.PgConn
	config *ConnConfig
}

// Identifier a PostgreSQL identifier or name.
type Identifier []string

func (ident Identifier) Sanitize() string { panic("stub") }

// ErrNoRows occurs when rows are expected but none are returned.
var ErrNoRows = errors.New("no rows in result set")

// LogLevel represents the pgx logging level.
type LogLevel int

// Logger is the interface used to get logging from pgx internals.
type Logger interface {
	Log(ctx context.Context, level LogLevel, msg string, data map[string]interface{})
}

func Connect(ctx context.Context, connString string) (*Conn, error) { panic("stub") }

func ConnectConfig(ctx context.Context, connConfig *ConnConfig) (*Conn, error) { panic("stub") }

func ParseConfig(connString string) (*ConnConfig, error) { panic("stub") }

func (c *Conn) Close(ctx context.Context) error { panic("stub") }

func (c *Conn) Prepare(ctx context.Context, name, sql string) (sd *pgconn.StatementDescription, err error) {
	panic("stub")
}

func (c *Conn) Deallocate(ctx context.Context, name string) error { panic("stub") }

func (c *Conn) WaitForNotification(ctx context.Context) (*pgconn.Notification, error) { panic("stub") }

func (c *Conn) IsClosed() bool { panic("stub") }

func (c *Conn) Ping(ctx context.Context) error { panic("stub") }

func (c *Conn) PgConn() *pgconn.PgConn { panic("stub") }

func (c *Conn) ConnInfo() *pgtype.ConnInfo { panic("stub") }

func (c *Conn) Config() *ConnConfig { panic("stub") }

func (c *Conn) Exec(ctx context.Context, sql string, arguments ...interface{}) (pgconn.CommandTag, error) {
	panic("stub")
}

// QueryResultFormats controls the result format (text=0, binary=1) of a query by result column position.
type QueryResultFormats []int16

// QueryResultFormatsByOID controls the result format (text=0, binary=1) of a query by the result column OID.
type QueryResultFormatsByOID map[uint32]int16

// QuerySimpleProtocol controls whether the simple or extended protocol is used to send the query.
type QuerySimpleProtocol bool

func (c *Conn) Query(ctx context.Context, sql string, args ...interface{}) (Rows, error) {
	panic("stub")
}

// QueryFuncRow is the argument to the QueryFunc callback function.
type QueryFuncRow interface {
	FieldDescriptions() []pgproto3.FieldDescription

	RawValues() [][]byte
}

func (c *Conn) QueryFunc(ctx context.Context, sql string, args []interface{}, scans []interface{}, f func(QueryFuncRow) error) (pgconn.CommandTag, error) {
	panic("stub")
}

func (c *Conn) QueryRow(ctx context.Context, sql string, args ...interface{}) Row { panic("stub") }

func (c *Conn) SendBatch(ctx context.Context, b *Batch) BatchResults { panic("stub") }
