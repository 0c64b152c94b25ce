// Package keyed holds read-through caches by key: the query runs only on
// a miss of a long-lived cache, next to look-alikes that query per item.
package keyed

import (
	"context"
	"database/sql"
	"sync"
)

// TTL is shaped like a cache library's (go-cache, golang-lru): Get
// answers (value, found).
type TTL struct{}

func (*TTL) Get(k string) (interface{}, bool) { return nil, false }
func (*TTL) Set(k string, v interface{})      {}

type Store struct {
	db *sql.DB

	users sync.Map

	mu     sync.RWMutex
	groups map[int64]string

	ttl   *TTL
	roles map[int64]string
	seen  map[int64]bool
}

// Label asserts the type it cached on a hit; its result is declared
// before the lookup.
func (s *Store) Label(ctx context.Context, key string) string {
	var name string
	if v, ok := s.ttl.Get(key); ok {
		if n, ok := v.(string); ok {
			return n
		}
	}
	s.db.QueryRowContext(ctx, `SELECT name FROM labels WHERE key = $1`, key).Scan(&name)
	s.ttl.Set(key, name)
	return name
}

// Seen marks the keys it saw: it keeps nothing the query read.
func (s *Store) Seen(ctx context.Context, id int64) {
	if _, ok := s.seen[id]; ok {
		return
	}
	s.db.ExecContext(ctx, `SELECT name FROM users WHERE id = $1`, id)
	s.seen[id] = true
}

// User reads through a sync.Map.
func (s *Store) User(ctx context.Context, id int64) (string, error) {
	if v, ok := s.users.Load(id); ok {
		return v.(string), nil
	}
	var name string
	err := s.db.QueryRowContext(ctx, `SELECT name FROM users WHERE id = $1`, id).Scan(&name)
	if err != nil {
		return "", err
	}
	s.users.Store(id, name)
	return name, nil
}

// Group reads through a map field under a mutex.
func (s *Store) Group(ctx context.Context, id int64) string {
	s.mu.RLock()
	g, ok := s.groups[id]
	s.mu.RUnlock()
	if ok {
		return g
	}
	var name string
	s.db.QueryRowContext(ctx, `SELECT name FROM groups WHERE id = $1`, id).Scan(&name)
	s.mu.Lock()
	s.groups[id] = name
	s.mu.Unlock()
	return name
}

// Tag reads through a cache library's Get and Set, the query on the miss
// branch.
func (s *Store) Tag(ctx context.Context, key string) string {
	v, found := s.ttl.Get(key)
	if !found {
		var name string
		s.db.QueryRowContext(ctx, `SELECT name FROM tags WHERE key = $1`, key).Scan(&name)
		s.ttl.Set(key, name)
		v = name
	}
	return v.(string)
}

// Peek looks the cache up but queries on a hit too.
func (s *Store) Peek(ctx context.Context, id int64) string {
	if v, ok := s.users.Load(id); ok {
		_ = v
	}
	var name string
	s.db.QueryRowContext(ctx, `SELECT name FROM users WHERE id = $1`, id).Scan(&name)
	s.users.Store(id, name)
	return name
}

// Role reads a cache that nothing fills with what it queried.
func (s *Store) Role(ctx context.Context, id int64) string {
	if r, ok := s.roles[id]; ok {
		return r
	}
	var name string
	s.db.QueryRowContext(ctx, `SELECT name FROM roles WHERE id = $1`, id).Scan(&name)
	return name
}

func (s *Store) Names(ctx context.Context, ids []int64, keys []string) {
	for _, id := range ids {
		s.User(ctx, ids[0])  // silent: one key for every item; the query runs on a cache miss
		s.Group(ctx, ids[0]) // silent: one key for every item; likewise
		s.Peek(ctx, id)      // want `keyed.\(\*Store\).Peek runs .* once per item of ids`
		s.Role(ctx, id)      // want `keyed.\(\*Store\).Role runs .* once per item of ids`
		s.Seen(ctx, id)      // want `keyed.\(\*Store\).Seen runs .* once per item of ids`
	}
	for _, k := range keys {
		s.Tag(ctx, keys[0])   // silent: one key for every item; the query runs on a cache miss
		s.Label(ctx, keys[0]) // silent: one key for every item; likewise
		// Each item its own key: a first pass misses on every one, but
		// the cache is the process's, and the passes after hit.
		s.Tag(ctx, k) // silent: a cache of the Store's, by each item's key
	}
	// A memo made here lives as long as this call: one query per
	// distinct id.
	memo := map[int64]string{}
	for _, id := range ids {
		if _, ok := memo[id]; !ok {
			var name string
			s.db.QueryRowContext(ctx, `SELECT name FROM users WHERE id = $1`, id).Scan(&name) // want `.*once per item of ids`
			memo[id] = name
		}
	}
	// Likewise in a field of a value made here.
	local := &Store{db: s.db, groups: map[int64]string{}}
	for _, id := range ids {
		if _, ok := local.groups[id]; !ok {
			var name string
			s.db.QueryRowContext(ctx, `SELECT name FROM groups WHERE id = $1`, id).Scan(&name) // want `.*once per item of ids`
			local.groups[id] = name
		}
	}
}

// declCache is a cache of the process behind a getter answering nil on
// a miss, as dify-plugin-daemon's declaration cache.
type declCache struct {
	mu    sync.Mutex
	items map[string]*string
}

func (c *declCache) get(key string) *string {
	c.mu.Lock()
	defer c.mu.Unlock()
	item, ok := c.items[key]
	if !ok {
		return nil
	}
	return item
}

func (c *declCache) set(key string, v *string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[key] = v
}

var decls = &declCache{items: map[string]*string{}}

// Decl reads through decls: the query runs on a miss, and a success is
// kept.
func (s *Store) Decl(ctx context.Context, id string) (*string, error) {
	if d := decls.get(id); d != nil {
		return d, nil
	}
	var name string
	err := s.db.QueryRowContext(ctx, `SELECT name FROM declarations WHERE id = $1`, id).Scan(&name)
	if err == nil {
		decls.set(id, &name)
	}
	return &name, err
}

// Peeked reads through the getter but never keeps what it read.
func (s *Store) Peeked(ctx context.Context, id string) *string {
	if d := decls.get(id); d != nil {
		return d
	}
	var name string
	s.db.QueryRowContext(ctx, `SELECT name FROM declarations WHERE id = $1`, id).Scan(&name)
	return &name
}

func (s *Store) Decls(ctx context.Context, ids []string) {
	for _, id := range ids {
		s.Decl(ctx, id)   // silent: a cache of the process, filled on success
		s.Peeked(ctx, id) // want `keyed.\(\*Store\).Peeked runs .* once per item of ids`
	}
}
