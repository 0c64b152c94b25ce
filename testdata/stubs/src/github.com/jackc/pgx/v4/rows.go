// Stub of github.com/jackc/pgx/v4 (signatures mirror v4.18.3; bodies are placeholders).

package pgx

import (
	"github.com/jackc/pgconn"
	"github.com/jackc/pgproto3/v2"
	"github.com/jackc/pgtype"
)

// Rows is the result set returned from *Conn.Query.
type Rows interface {
	Close()

	Err() error

	CommandTag() pgconn.CommandTag

	FieldDescriptions() []pgproto3.FieldDescription

	Next() bool

	Scan(dest ...interface{}) error

	Values() ([]interface{}, error)

	RawValues() [][]byte
}

// Row is a convenience wrapper over Rows that is returned by QueryRow.
type Row interface {
	Scan(dest ...interface{}) error
}

type ScanArgError struct {
	ColumnIndex int
	Err         error
}

func (e ScanArgError) Error() string { panic("stub") }

func (e ScanArgError) Unwrap() error { panic("stub") }

func ScanRow(connInfo *pgtype.ConnInfo, fieldDescriptions []pgproto3.FieldDescription, values [][]byte, dest ...interface{}) error {
	panic("stub")
}
