// Package storage is the datastore's interface.
package storage

import "context"

type Datastore interface {
	IsReady(ctx context.Context) (bool, error)
	Read(ctx context.Context, id string) (string, error)
	Stats(ctx context.Context) (int, error)
}
