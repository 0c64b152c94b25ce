// Stub of github.com/jackc/pgx/v4 (signatures mirror v4.18.3; bodies are placeholders).

package pgx

import "context"

func CopyFromRows(rows [][]interface{}) CopyFromSource { panic("stub") }

func CopyFromSlice(length int, next func(int) ([]interface{}, error)) CopyFromSource { panic("stub") }

// CopyFromSource is the interface used by *Conn.CopyFrom as the source for copy data.
type CopyFromSource interface {
	Next() bool

	Values() ([]interface{}, error)

	Err() error
}

func (c *Conn) CopyFrom(ctx context.Context, tableName Identifier, columnNames []string, rowSrc CopyFromSource) (int64, error) {
	panic("stub")
}
