// Package storage declares the log's storage, one implementation per
// database.
package storage

import "context"

type Leaf struct{ Hash, Value []byte }

type LogStorage interface {
	// QueueLeaves queues a batch of leaves; the server queues one.
	QueueLeaves(ctx context.Context, leaves []Leaf) error
	// AddLeaves adds the leaves a client sends, any number.
	AddLeaves(ctx context.Context, leaves []Leaf) error
}
