// Package flightcache is shaped like a generic in-memory cache library
// and a generic singleflight group.
package flightcache

import "time"

// Cache keeps values by key.
type Cache[V any] interface {
	Get(key string) (V, bool)
	Set(key string, v V, opts ...Option[V])
	Clear()
}

// Option sets how an entry is kept.
type Option[V any] func(*V)

// WithEx keeps an entry for d.
func WithEx[V any](d time.Duration) Option[V] { return nil }

// New makes a cache.
func New[V any]() Cache[V] { return nil }

// Group shares one run of fn among the concurrent calls for one key; the
// next call runs fn again.
type Group[T any] struct{}

func (g *Group[T]) Do(key string, fn func() (T, error)) (v T, err error, shared bool) {
	v, err = fn()
	return v, err, false
}
