// Package pg is the kv driver over PostgreSQL.
package pg

import (
	"context"
	"database/sql"

	"example.com/kvdrivers/blob"
	"example.com/kvdrivers/kv"
)

const DriverName = "postgres"

type Driver struct{}

type Store struct{ db *sql.DB }

func init() { kv.Register(DriverName, &Driver{}) }

func (d *Driver) Open(ctx context.Context, cfg kv.Config) (kv.Store, error) {
	db, err := sql.Open("postgres", cfg.Path)
	if err != nil {
		return nil, err
	}
	return &Store{db: db}, nil
}

func (s *Store) Get(ctx context.Context, key string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, "SELECT value FROM kv WHERE key = $1", key).Scan(&v)
	return v, err
}

type BucketDriver struct{}

type Bucket struct{ db *sql.DB }

func init() { blob.Register(DriverName, &BucketDriver{}) }

func (d *BucketDriver) Open(ctx context.Context) blob.Bucket {
	db, _ := sql.Open("postgres", "")
	return &Bucket{db: db}
}

func (b *Bucket) Put(ctx context.Context, key string) error {
	_, err := b.db.ExecContext(ctx, "INSERT INTO blobs (key) VALUES ($1)", key)
	return err
}
