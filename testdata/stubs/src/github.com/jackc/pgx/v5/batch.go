// Stub of github.com/jackc/pgx/v5 (signatures mirror v5.12.0; bodies are placeholders).

package pgx

import "github.com/jackc/pgx/v5/pgconn"

// QueuedQuery is a query that has been queued for execution via a Batch.
type QueuedQuery struct {
	SQL       string
	Arguments []any
	Fn        batchItemFunc
}

type batchItemFunc func(br BatchResults) error

func (qq *QueuedQuery) Query(fn func(rows Rows) error) { panic("stub") }

func (qq *QueuedQuery) QueryRow(fn func(row Row) error) { panic("stub") }

func (qq *QueuedQuery) Exec(fn func(ct pgconn.CommandTag) error) { panic("stub") }

// Batch queries are a way of bundling multiple queries together to avoid
// unnecessary network round trips. A Batch must only be sent once.
type Batch struct {
	QueuedQueries []*QueuedQuery

	txOptions *TxOptions
}

func (b *Batch) BeginTx(txOptions TxOptions) { panic("stub") }

// Queue queues a query to batch b. query can be an SQL query or the name of a prepared statement.
func (b *Batch) Queue(query string, arguments ...any) *QueuedQuery { panic("stub") }

func (b *Batch) Len() int { panic("stub") }

type BatchResults interface {
	Exec() (pgconn.CommandTag, error)

	Query() (Rows, error)

	QueryRow() Row

	Close() error

	Tx() Tx
}
