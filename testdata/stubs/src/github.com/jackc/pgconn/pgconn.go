// Stub of github.com/jackc/pgconn (signatures mirror v1.14.3, the pgconn of pgx v4; bodies are placeholders).

package pgconn

import (
	"context"
	"time"

	"github.com/jackc/pgproto3/v2"
)

// Config is the settings used to establish a connection to a PostgreSQL server.
type Config struct {
	Host           string
	Port           uint16
	Database       string
	User           string
	Password       string
	ConnectTimeout time.Duration
	RuntimeParams  map[string]string
}

func ParseConfig(connString string) (*Config, error) { panic("stub") }

// Notification is a message received from the PostgreSQL LISTEN/NOTIFY system.
type Notification struct {
	PID     uint32
	Channel string
	Payload string
}

// PgConn is a low-level PostgreSQL connection handle.
type PgConn struct {
	pid uint32
}

func Connect(ctx context.Context, connString string) (*PgConn, error) { panic("stub") }

func (pgConn *PgConn) Close(ctx context.Context) error { panic("stub") }

func (pgConn *PgConn) Exec(ctx context.Context, sql string) *MultiResultReader { panic("stub") }

func (pgConn *PgConn) Prepare(ctx context.Context, name, sql string, paramOIDs []uint32) (*StatementDescription, error) {
	panic("stub")
}

// MultiResultReader is a reader for a command that could return multiple results.
type MultiResultReader struct {
	err error
}

func (mrr *MultiResultReader) ReadAll() ([]*Result, error) { panic("stub") }

func (mrr *MultiResultReader) Close() error { panic("stub") }

// Result is the saved query response that is returned by calling Read on a ResultReader.
type Result struct {
	FieldDescriptions []pgproto3.FieldDescription
	Rows              [][][]byte
	CommandTag        CommandTag
	Err               error
}

// StatementDescription is the result of preparing a statement.
type StatementDescription struct {
	Name      string
	SQL       string
	ParamOIDs []uint32
	Fields    []pgproto3.FieldDescription
}

// CommandTag is the result of an Exec function. In pgconn v1 it is a byte slice.
type CommandTag []byte

func (ct CommandTag) RowsAffected() int64 { panic("stub") }

func (ct CommandTag) String() string { panic("stub") }

func (ct CommandTag) Insert() bool { panic("stub") }

func (ct CommandTag) Update() bool { panic("stub") }

func (ct CommandTag) Delete() bool { panic("stub") }

func (ct CommandTag) Select() bool { panic("stub") }
