// Package wrappers decorates a datastore: each embeds the interface and
// overrides what it changes.
package wrappers

import (
	"context"
	"sync"

	"example.com/embedded/storage"
)

// Tracing overrides nothing: every method is the wrapped datastore's.
type Tracing struct{ storage.Datastore }

func NewTracing(ds storage.Datastore) *Tracing { return &Tracing{ds} }

// Caching overrides Read.
type Caching struct {
	storage.Datastore
	cache sync.Map
}

func NewCaching(ds storage.Datastore) storage.Datastore { return &Caching{Datastore: ds} }

func (c *Caching) Read(ctx context.Context, id string) (string, error) {
	if v, ok := c.cache.Load(id); ok {
		return v.(string), nil
	}
	s, err := c.Datastore.Read(ctx, id)
	if err == nil {
		c.cache.Store(id, s)
	}
	return s, err
}
