// Stub of github.com/jackc/pgx/v4 (signatures mirror v4.18.3; bodies are placeholders).

package pgx

import "github.com/jackc/pgconn"

type batchItem struct {
	query     string
	arguments []interface{}
}

// Batch queries are a way of bundling multiple queries together to avoid
// unnecessary network round trips. In v4, Queue returns nothing.
type Batch struct {
	items []*batchItem
}

func (b *Batch) Queue(query string, arguments ...interface{}) { panic("stub") }

func (b *Batch) Len() int { panic("stub") }

type BatchResults interface {
	Exec() (pgconn.CommandTag, error)

	Query() (Rows, error)

	QueryRow() Row

	QueryFunc(scans []interface{}, f func(QueryFuncRow) error) (pgconn.CommandTag, error)

	Close() error
}
