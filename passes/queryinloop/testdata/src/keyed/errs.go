package keyed

import (
	"context"
	"database/sql"
	"errors"
)

// Bytes is shaped like bigcache or freecache: Get answers (value, error).
type Bytes struct{}

func (*Bytes) Get(k string) ([]byte, error) { return nil, errors.New("not found") }
func (*Bytes) Set(k string, v []byte) error { return nil }
func (*Bytes) Delete(k string) error        { return nil }
func newBytes() *Bytes                      { return &Bytes{} }

type Blobs struct {
	db    *sql.DB
	cache *Bytes
}

// Name reads through a cache answering (value, error).
func (b *Blobs) Name(ctx context.Context, key string) string {
	if v, err := b.cache.Get(key); err == nil {
		return string(v)
	}
	var name string
	b.db.QueryRowContext(ctx, `SELECT name FROM blobs WHERE key = $1`, key).Scan(&name)
	b.cache.Set(key, []byte(name))
	return name
}

// Body does so on the miss branch, the hit checked for content.
func (b *Blobs) Body(ctx context.Context, key string) []byte {
	v, err := b.cache.Get(key)
	if err != nil || len(v) == 0 {
		b.db.QueryRowContext(ctx, `SELECT body FROM blobs WHERE key = $1`, key).Scan(&v)
		b.cache.Set(key, v)
	}
	return v
}

// Size reads a cache nothing fills.
func (b *Blobs) Size(ctx context.Context, key string) int {
	if v, err := b.cache.Get(key); err == nil {
		return len(v)
	}
	var n int
	b.db.QueryRowContext(ctx, `SELECT size FROM blobs WHERE key = $1`, key).Scan(&n)
	return n
}

// Kind reads through a cache made for the call.
func (b *Blobs) Kind(ctx context.Context, key string) string {
	c := newBytes()
	if v, err := c.Get(key); err == nil {
		return string(v)
	}
	var kind string
	b.db.QueryRowContext(ctx, `SELECT kind FROM blobs WHERE key = $1`, key).Scan(&kind)
	c.Set(key, []byte(kind))
	return kind
}

// Owner returns on the failure and queries when the cache answered.
func (b *Blobs) Owner(ctx context.Context, key string) string {
	if _, err := b.cache.Get(key); err != nil {
		return ""
	}
	var owner string
	b.db.QueryRowContext(ctx, `SELECT owner FROM blobs WHERE key = $1`, key).Scan(&owner)
	b.cache.Set(key, []byte(owner))
	return owner
}

func (b *Blobs) All(ctx context.Context, keys []string) {
	for _, k := range keys {
		b.Name(ctx, keys[0]) // silent: one key for every item; the query runs on a cache miss
		b.Body(ctx, keys[0]) // silent: one key for every item; likewise
		b.Size(ctx, k)       // want `keyed.\(\*Blobs\).Size runs .* once per item of keys`
		b.Kind(ctx, k)       // want `keyed.\(\*Blobs\).Kind runs .* once per item of keys`
		b.Owner(ctx, k)      // want `keyed.\(\*Blobs\).Owner runs .* once per item of keys`
	}
}
