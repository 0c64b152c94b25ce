// Package backend is the storage interface two programs share; each
// links the implementations it imports, registered by their init.
package backend

import "context"

// Client stores blobs.
type Client interface {
	Stat(ctx context.Context, name string) error
}

var factories = map[string]func() Client{}

// Register makes a backend available by name.
func Register(name string, f func() Client) { factories[name] = f }

// New returns the backend of the configured name.
func New(name string) Client { return factories[name]() }
