// Stub of github.com/jackc/pgx/v5/pgconn (signatures mirror v5.12.0; bodies are placeholders).

package pgconn

import (
	"context"
	"time"
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

// ParseConfigOptions contains options that control how a config is built.
type ParseConfigOptions struct{}

func ParseConfig(connString string) (*Config, error) { panic("stub") }

// Notification is a message received from the PostgreSQL LISTEN/NOTIFY system.
type Notification struct {
	PID     uint32
	Channel string
	Payload string
}

// PgConn is a low-level PostgreSQL connection handle.
type PgConn struct {
	status byte
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
	FieldDescriptions []FieldDescription
	Rows              [][][]byte
	CommandTag        CommandTag
	Err               error
}

// FieldDescription describes one column of a result.
type FieldDescription struct {
	Name                 string
	TableOID             uint32
	TableAttributeNumber uint16
	DataTypeOID          uint32
	DataTypeSize         int16
	TypeModifier         int32
	Format               int16
}

// StatementDescription is the result of preparing a statement.
type StatementDescription struct {
	Name      string
	SQL       string
	ParamOIDs []uint32
	Fields    []FieldDescription
}

// CommandTag is the status text returned by PostgreSQL for a query.
type CommandTag struct {
	s string
}

// NewCommandTag makes a CommandTag from s.
func NewCommandTag(s string) CommandTag { panic("stub") }

func (ct CommandTag) RowsAffected() int64 { panic("stub") }

func (ct CommandTag) String() string { panic("stub") }

func (ct CommandTag) Insert() bool { panic("stub") }

func (ct CommandTag) Update() bool { panic("stub") }

func (ct CommandTag) Delete() bool { panic("stub") }

func (ct CommandTag) Select() bool { panic("stub") }
