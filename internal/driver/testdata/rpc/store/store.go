// Package store is the data the services read, behind an interface.
package store

import "context"

type Item struct {
	ID   int64
	Name string
}

type Store interface {
	Item(ctx context.Context, id int64) (*Item, error)
	Items(ctx context.Context) ([]*Item, error)
	Record(ctx context.Context, msg string) error
	Count(ctx context.Context) (int, error)
}
