// Package blob keeps its drivers by name too, but hands its registry out:
// what a name opens is no longer the registry's to say.
package blob

import "context"

type Bucket interface {
	Put(ctx context.Context, key string) error
}

type Driver interface {
	Open(ctx context.Context) Bucket
}

var drivers = map[string]Driver{}

func Register(name string, d Driver) { drivers[name] = d }

// Registered is the registry itself: its callers may change it.
func Registered() map[string]Driver { return drivers }

func Open(ctx context.Context, name string) Bucket { return drivers[name].Open(ctx) }
