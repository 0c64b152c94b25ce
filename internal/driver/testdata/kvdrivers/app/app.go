package app

import (
	"context"

	"example.com/kvdrivers/blob"
	"example.com/kvdrivers/kv"
	"example.com/kvdrivers/mem"
	"example.com/kvdrivers/pg"
)

// Sweep keeps its marks in a store in memory it opens itself: no query.
func Sweep(ctx context.Context, keys []string) error {
	marks, err := kv.Open(ctx, kv.Config{Type: mem.DriverName})
	if err != nil {
		return err
	}
	for _, k := range keys {
		if _, err := marks.Get(ctx, k); err != nil {
			return err
		}
	}
	return nil
}

// Serve reads from the store the configuration names: any driver.
func Serve(ctx context.Context, cfg kv.Config, keys []string) error {
	s, err := kv.Open(ctx, cfg)
	if err != nil {
		return err
	}
	for _, k := range keys {
		s.Get(ctx, k) // the configured driver may be PostgreSQL: an N+1
	}
	return nil
}

// Archive opens the PostgreSQL driver by name: still a query per key.
func Archive(ctx context.Context, keys []string) error {
	s, err := kv.Open(ctx, kv.Config{Type: pg.DriverName, Path: "postgres://archive"})
	if err != nil {
		return err
	}
	for _, k := range keys {
		s.Get(ctx, k) // PostgreSQL by name: an N+1
	}
	return nil
}

// Upload opens the in-memory bucket by name, but the registry is handed
// out (blob.Registered), so what the name opens is not known: reported.
func Upload(ctx context.Context, keys []string) {
	b := blob.Open(ctx, mem.DriverName)
	for _, k := range keys {
		b.Put(ctx, k) // the registry could hold anything under the name
	}
}

// Twice names the in-memory driver, then PostgreSQL on some paths: the
// name is not one constant, so either driver may run.
func Twice(ctx context.Context, keys []string, archive bool) error {
	cfg := kv.Config{Type: mem.DriverName, Path: "twice"}
	if archive {
		cfg.Type = pg.DriverName
	}
	s, err := kv.Open(ctx, cfg)
	if err != nil {
		return err
	}
	for _, k := range keys {
		s.Get(ctx, k) // PostgreSQL on some paths: an N+1
	}
	return nil
}
