package keyed

import (
	"context"
	"database/sql"
	"time"
)

// Expiring is shaped like go-cache: Get answers (value, found), Set takes
// a time to live, SetDefault the cache's own.
type Expiring struct{}

const (
	NoExpiration      time.Duration = -1
	DefaultExpiration time.Duration = 0
)

func (*Expiring) Get(k string) (interface{}, bool)             { return nil, false }
func (*Expiring) Set(k string, v interface{}, d time.Duration) {}
func (*Expiring) SetDefault(k string, v interface{})           {}

// LRU is shaped like golang-lru: Contains answers whether it holds a key.
type LRU struct{}

func (*LRU) Contains(k int64) bool                { return false }
func (*LRU) Get(k int64) (string, bool)           { return "", false }
func (*LRU) Add(k int64, v string) (evicted bool) { return false }

// Costly is shaped like ristretto: Set takes a cost.
type Costly struct{}

func (*Costly) Get(k string) (interface{}, bool)             { return nil, false }
func (*Costly) Set(k string, v interface{}, cost int64) bool { return true }

type Projects struct {
	db     *sql.DB
	cache  *Expiring
	lru    *LRU
	costly *Costly
}

func (p *Projects) query(ctx context.Context, key string) string {
	var name string
	p.db.QueryRowContext(ctx, `SELECT name FROM projects WHERE key = $1`, key).Scan(&name)
	return name
}

// Day keeps a project for a day.
func (p *Projects) Day(ctx context.Context, key string) string {
	if v, found := p.cache.Get(key); found {
		return v.(string)
	}
	name := p.query(ctx, key)
	p.cache.Set(key, name, 24*time.Hour)
	return name
}

// Forever keeps it until the process ends.
func (p *Projects) Forever(ctx context.Context, key string) string {
	if v, found := p.cache.Get(key); found {
		return v.(string)
	}
	name := p.query(ctx, key)
	p.cache.Set(key, name, NoExpiration)
	return name
}

// Default keeps it for the cache's own time.
func (p *Projects) Default(ctx context.Context, key string) string {
	if v, found := p.cache.Get(key); found {
		return v.(string)
	}
	name := p.query(ctx, key)
	p.cache.SetDefault(key, name)
	return name
}

// Brief keeps it ten seconds: a loop mostly meets cold keys.
func (p *Projects) Brief(ctx context.Context, key string) string {
	if v, found := p.cache.Get(key); found {
		return v.(string)
	}
	name := p.query(ctx, key)
	p.cache.Set(key, name, 10*time.Second)
	return name
}

// Recent reads through an LRU, asking whether it holds the key.
func (p *Projects) Recent(ctx context.Context, id int64) string {
	if !p.lru.Contains(id) {
		var name string
		p.db.QueryRowContext(ctx, `SELECT name FROM projects WHERE id = $1`, id).Scan(&name)
		p.lru.Add(id, name)
	}
	v, _ := p.lru.Get(id)
	return v
}

// Cost reads through a cache that weighs its entries.
func (p *Projects) Cost(ctx context.Context, key string) string {
	if v, found := p.costly.Get(key); found {
		return v.(string)
	}
	name := p.query(ctx, key)
	p.costly.Set(key, name, 1)
	return name
}

func (p *Projects) All(ctx context.Context, keys []string, ids []int64) {
	for _, k := range keys {
		p.Day(ctx, keys[0])     // silent: one key for every item; a day's cache by key
		p.Forever(ctx, keys[0]) // silent: one key for every item; likewise, for good
		p.Default(ctx, keys[0]) // silent: one key for every item; likewise, for the cache's time
		p.Cost(ctx, keys[0])    // silent: one key for every item; likewise
		p.Brief(ctx, k)         // want `keyed.\(\*Projects\).Brief runs .* once per item of keys`
	}
	for _, id := range ids {
		p.Recent(ctx, ids[0]) // silent: one key for every item; the query runs when the LRU lacks the key
		p.Recent(ctx, id)     // silent: the LRU is the process's; once warm, every id hits
	}
}
