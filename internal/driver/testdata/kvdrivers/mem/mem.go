// Package mem is the kv driver in memory.
package mem

import (
	"context"

	"example.com/kvdrivers/blob"
	"example.com/kvdrivers/kv"
)

const DriverName = "mem"

type Driver struct{}

type Store struct{ m map[string]string }

func init() { kv.Register(DriverName, &Driver{}) }

func (d *Driver) Open(ctx context.Context, cfg kv.Config) (kv.Store, error) {
	return &Store{m: map[string]string{}}, nil
}

func (s *Store) Get(ctx context.Context, key string) (string, error) {
	return s.m[key], nil
}

type BucketDriver struct{}

type Bucket struct{ keys []string }

func init() { blob.Register(DriverName, &BucketDriver{}) }

func (d *BucketDriver) Open(ctx context.Context) blob.Bucket { return &Bucket{} }

func (b *Bucket) Put(ctx context.Context, key string) error {
	b.keys = append(b.keys, key)
	return nil
}
