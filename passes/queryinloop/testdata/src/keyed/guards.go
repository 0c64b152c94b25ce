package keyed

import (
	"context"
	"database/sql"
	"time"
)

type entry struct {
	name string
	at   time.Time
}

// Guarded reads through caches whose hit tests something more than the
// key's presence.
type Guarded struct {
	db      *sql.DB
	ttl     *TTL
	opt     *TTL // nil unless configured
	entries map[int64]entry
	enabled bool
}

func (g *Guarded) query(ctx context.Context, id int64) string {
	var name string
	g.db.QueryRowContext(ctx, `SELECT name FROM users WHERE id = $1`, id).Scan(&name)
	return name
}

// Valid tests the entry it found.
func (g *Guarded) Valid(ctx context.Context, key string) string {
	if v, ok := g.ttl.Get(key); ok && v != nil {
		return v.(string)
	}
	var name string
	g.db.QueryRowContext(ctx, `SELECT name FROM labels WHERE key = $1`, key).Scan(&name)
	g.ttl.Set(key, name)
	return name
}

// Fresh keeps an entry for an hour.
func (g *Guarded) Fresh(ctx context.Context, id int64) string {
	if e, ok := g.entries[id]; ok && time.Since(e.at) < time.Hour {
		return e.name
	}
	name := g.query(ctx, id)
	g.entries[id] = entry{name, time.Now()}
	return name
}

// Stale refreshes on a miss or an entry older than an hour.
func (g *Guarded) Stale(ctx context.Context, id int64) string {
	e, ok := g.entries[id]
	if !ok || time.Since(e.at) > time.Hour {
		e = entry{g.query(ctx, id), time.Now()}
		g.entries[id] = e
	}
	return e.name
}

// Brief keeps an entry for five seconds: most loops meet cold keys.
func (g *Guarded) Brief(ctx context.Context, id int64) string {
	if e, ok := g.entries[id]; ok && time.Since(e.at) < 5*time.Second {
		return e.name
	}
	name := g.query(ctx, id)
	g.entries[id] = entry{name, time.Now()}
	return name
}

// Bypass skips the cache when its caller says so.
func (g *Guarded) Bypass(ctx context.Context, id int64, skip bool) string {
	if e, ok := g.entries[id]; ok && !skip {
		return e.name
	}
	name := g.query(ctx, id)
	g.entries[id] = entry{name, time.Now()}
	return name
}

// Switched reads the cache only when a setting turns it on.
func (g *Guarded) Switched(ctx context.Context, id int64) string {
	if e, ok := g.entries[id]; ok && g.enabled {
		return e.name
	}
	name := g.query(ctx, id)
	g.entries[id] = entry{name, time.Now()}
	return name
}

// Optional reads a cache that exists only when configured: without it,
// every call queries.
func (g *Guarded) Optional(ctx context.Context, key string) string {
	if g.opt != nil {
		if v, ok := g.opt.Get(key); ok {
			return v.(string)
		}
	}
	var name string
	g.db.QueryRowContext(ctx, `SELECT name FROM labels WHERE key = $1`, key).Scan(&name)
	if g.opt != nil {
		g.opt.Set(key, name)
	}
	return name
}

// Configured reads through the cache after a setting's check: with the
// setting off, each call queries.
func (g *Guarded) Configured(ctx context.Context, id int64) string {
	if !g.enabled {
		return g.query(ctx, id)
	}
	if e, ok := g.entries[id]; ok {
		return e.name
	}
	name := g.query(ctx, id)
	g.entries[id] = entry{name, time.Now()}
	return name
}

func (g *Guarded) Users(ctx context.Context, ids []int64, keys []string) {
	for _, id := range ids {
		g.Fresh(ctx, ids[0])     // silent: one key for every item; an hour's cache by id
		g.Stale(ctx, ids[0])     // silent: one key for every item; likewise, refreshed on the miss branch
		g.Brief(ctx, id)         // want `keyed.\(\*Guarded\).Brief runs .* once per item of ids`
		g.Bypass(ctx, id, false) // want `keyed.\(\*Guarded\).Bypass runs .* once per item of ids`
		g.Switched(ctx, id)      // want `keyed.\(\*Guarded\).Switched runs .* once per item of ids`
		g.Configured(ctx, id)    // want `keyed.\(\*Guarded\).Configured runs .* once per item of ids`
	}
	for _, k := range keys {
		g.Valid(ctx, keys[0]) // silent: one key for every item; the hit checks the value it found
		g.Optional(ctx, k)    // want `keyed.\(\*Guarded\).Optional runs .* once per item of keys`
	}
}
