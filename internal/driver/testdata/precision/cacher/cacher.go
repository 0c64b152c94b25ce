// Package cacher reads through a Cacher interface whose Fetch takes the
// miss's loader as a function, as exposure-notifications-verification-
// server's cache.Cacher does: the in-memory and no-op implementations
// call it in place; the Redis one calls it from a closure of its own,
// run by its connection helper in a closure handed to it.
package cacher

import (
	"context"
	"database/sql"
	"strconv"
	"sync"
)

type FetchFunc func() (any, error)

type Cacher interface {
	Fetch(ctx context.Context, key string, ttl int, f FetchFunc) (any, error)
}

type memory struct {
	mu   sync.Mutex
	data map[string]any
}

func (c *memory) Fetch(_ context.Context, key string, _ int, f FetchFunc) (any, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.data[key]; ok {
		return v, nil
	}
	v, err := f()
	if err != nil {
		return nil, err
	}
	c.data[key] = v
	return v, nil
}

type noop struct{}

func (noop) Fetch(_ context.Context, _ string, _ int, f FetchFunc) (any, error) { return f() }

// conn stands for a Redis connection.
type conn struct{ cached map[string]any }

type remote struct{ pool chan *conn }

func (c *remote) Fetch(ctx context.Context, key string, ttl int, f FetchFunc) (any, error) {
	fn := func(cn *conn) (any, error) {
		if v, ok := cn.cached[key]; ok {
			return v, nil
		}
		v, err := f()
		if err != nil {
			return nil, err
		}
		cn.cached[key] = v
		return v, nil
	}
	var out any
	var err error
	for i := 0; i < 5; i++ { // a compare-and-swap, retried
		err = c.withConn(func(cn *conn) error {
			v, err := fn(cn)
			out = v
			return err
		})
		if err == nil {
			break
		}
	}
	return out, err
}

func (c *remote) withConn(f func(*conn) error) error {
	cn := <-c.pool
	defer func() { c.pool <- cn }()
	return f(cn)
}

func New(kind string) Cacher {
	switch kind {
	case "memory":
		return &memory{data: map[string]any{}}
	case "redis":
		return &remote{pool: make(chan *conn, 1)}
	}
	return noop{}
}

// Keys stands for a key manager outside the database (a cloud KMS).
type Keys interface {
	Public(ctx context.Context, id string) ([]byte, error)
}

type Service struct {
	db    *sql.DB
	cache Cacher
	kms   Keys
}

func NewService(db *sql.DB, cache Cacher, kms Keys) *Service {
	return &Service{db: db, cache: cache, kms: kms}
}

// PublicKey reads through the cache from the key manager: no query.
func (s *Service) PublicKey(ctx context.Context, id string) ([]byte, error) {
	v, err := s.cache.Fetch(ctx, "key:"+id, 60, func() (any, error) {
		return s.kms.Public(ctx, id)
	})
	if err != nil {
		return nil, err
	}
	return v.([]byte), nil
}

// App reads through the cache from the database, by each item's id.
func (s *Service) App(ctx context.Context, id int64) (string, error) {
	v, err := s.cache.Fetch(ctx, "app:"+strconv.FormatInt(id, 10), 60, func() (any, error) {
		var name string
		err := s.db.QueryRowContext(ctx, "SELECT name FROM apps WHERE id = $1", id).Scan(&name)
		return name, err
	})
	if err != nil {
		return "", err
	}
	return v.(string), nil
}

// PublicKeys reads one key per id from the key manager, through the
// cache: no query, whatever the other callers of Fetch hand it.
func (s *Service) PublicKeys(ctx context.Context, ids []string) [][]byte {
	var out [][]byte
	for _, id := range ids {
		k, _ := s.PublicKey(ctx, id)
		out = append(out, k)
	}
	return out
}

// Apps reads each app through the cache, keyed by its id: a first pass
// misses on every one and runs one SELECT per id. Reported, with the
// apps query only.
func (s *Service) Apps(ctx context.Context, ids []int64) []string {
	var out []string
	for _, id := range ids {
		n, _ := s.App(ctx, id)
		out = append(out, n)
	}
	return out
}
