// Stub of github.com/jackc/pgx/v5 (signatures mirror v5.12.0; bodies are placeholders).

package pgx

import "context"

func CopyFromRows(rows [][]any) CopyFromSource { panic("stub") }

func CopyFromSlice(length int, next func(int) ([]any, error)) CopyFromSource { panic("stub") }

func CopyFromFunc(nxtf func() (row []any, err error)) CopyFromSource { panic("stub") }

// CopyFromSource is the interface used by *Conn.CopyFrom as the source for copy data.
type CopyFromSource interface {
	Next() bool
	Values() ([]any, error)
	Err() error
}

func (c *Conn) CopyFrom(ctx context.Context, tableName Identifier, columnNames []string, rowSrc CopyFromSource) (int64, error) {
	panic("stub")
}
