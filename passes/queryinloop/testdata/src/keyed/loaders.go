package keyed

import (
	"context"
	"database/sql"
	"fmt"
)

// Loading is shaped like a module's own read-through cache: GetOrSet
// answers the value cached under k, running set only on a miss.
type Loading interface {
	GetOrSet(k any, set func() (any, error)) (any, error)
}

// Keyed hands the loader its key.
type Keyed[K comparable, V any] struct{}

func (*Keyed[K, V]) Get(k K, load func(K) (V, error)) (V, error) {
	var v V
	return v, nil
}

// Flight is shaped like singleflight.Group: concurrent calls for one key
// share one run, but the next call runs again.
type Flight struct{}

func (*Flight) Do(key string, fn func() (any, error)) (any, error, bool) { return nil, nil, false }

// Retry runs fn again on failure; it keeps nothing.
func Retry(ctx context.Context, fn func() (any, error)) (any, error) { return fn() }

// Tracer runs fn in a span of that name: a constant, no key.
type Tracer struct{}

func (*Tracer) Span(ctx context.Context, name string, fn func() (any, error)) (any, error) {
	return fn()
}

type Loaders struct {
	tracer *Tracer
	db     *sql.DB
	users  Loading
	tags   *Keyed[int64, string]
	flight *Flight
}

func (l *Loaders) user(ctx context.Context, id int64) (string, error) {
	v, err := l.users.GetOrSet(id, func() (any, error) {
		var name string
		err := l.db.QueryRowContext(ctx, `SELECT name FROM users WHERE id = $1`, id).Scan(&name)
		return name, err
	})
	if err != nil {
		return "", err
	}
	return v.(string), nil
}

func (l *Loaders) tag(ctx context.Context, id int64) (string, error) {
	return l.tags.Get(id, func(id int64) (string, error) {
		var name string
		err := l.db.QueryRowContext(ctx, `SELECT name FROM tags WHERE id = $1`, id).Scan(&name)
		return name, err
	})
}

// touch's loader writes: each miss changes a row, which is no read of
// what the cache keeps.
func (l *Loaders) touch(ctx context.Context, id int64) (any, error) {
	return l.users.GetOrSet(id, func() (any, error) {
		return l.db.ExecContext(ctx, `UPDATE users SET seen = now() WHERE id = $1`, id)
	})
}

func (l *Loaders) shared(ctx context.Context, key string) (any, error) {
	v, err, _ := l.flight.Do(key, func() (any, error) {
		var name string
		err := l.db.QueryRowContext(ctx, `SELECT name FROM users WHERE key = $1`, key).Scan(&name)
		return name, err
	})
	return v, err
}

func (l *Loaders) retried(ctx context.Context, id int64) (any, error) {
	return Retry(ctx, func() (any, error) {
		var name string
		err := l.db.QueryRowContext(ctx, `SELECT name FROM users WHERE id = $1`, id).Scan(&name)
		return name, err
	})
}

func (l *Loaders) traced(ctx context.Context, id int64) (any, error) {
	return l.tracer.Span(ctx, "user", func() (any, error) {
		var name string
		err := l.db.QueryRowContext(ctx, `SELECT name FROM users WHERE id = $1`, id).Scan(&name)
		return name, err
	})
}

// tracedAs names its span by what its caller says: a name that varies is
// no key either, the work it wraps reading nothing of it.
func (l *Loaders) tracedAs(ctx context.Context, op string, id int64) (any, error) {
	return l.tracer.Span(ctx, op, func() (any, error) {
		var name string
		err := l.db.QueryRowContext(ctx, `SELECT name FROM users WHERE id = $1`, id).Scan(&name)
		return name, err
	})
}

// userByKey's key is built from the id its loader reads.
func (l *Loaders) userByKey(ctx context.Context, id int64) (any, error) {
	return l.users.GetOrSet(fmt.Sprintf("user:%d", id), func() (any, error) {
		var name string
		err := l.db.QueryRowContext(ctx, `SELECT name FROM users WHERE id = $1`, id).Scan(&name)
		return name, err
	})
}

type adminKey struct{ Name string }

const adminName = "admin"

// admin's cache holds one entry, its key a literal of constants the
// loader reads too.
func (l *Loaders) admin(ctx context.Context) (any, error) {
	return l.users.GetOrSet(adminKey{Name: adminName}, func() (any, error) {
		var id int64
		err := l.db.QueryRowContext(ctx, `SELECT id FROM users WHERE name = $1`, adminName).Scan(&id)
		return id, err
	})
}

// byName hands its caller's loader on, as a typed cache does.
func (l *Loaders) byName(name string, set func() (string, error)) (string, error) {
	v, err := l.users.GetOrSet(name, func() (any, error) { return set() })
	if err != nil {
		return "", err
	}
	return v.(string), nil
}

func (l *Loaders) named(ctx context.Context, name string) (string, error) {
	return l.byName(name, func() (string, error) {
		var n string
		err := l.db.QueryRowContext(ctx, `SELECT name FROM users WHERE name = $1`, name).Scan(&n)
		return n, err
	})
}

func (l *Loaders) All(ctx context.Context, ids []int64, keys []string) {
	for _, id := range ids {
		l.user(ctx, id)             // a loader of a cache: runs on a miss only
		l.tag(ctx, id)              // likewise, the loader taking the key
		l.touch(ctx, id)            // want `keyed.\(\*Loaders\).touch runs .* once per item of ids`
		l.retried(ctx, id)          // want `keyed.\(\*Loaders\).retried runs .* once per item of ids`
		l.traced(ctx, id)           // want `keyed.\(\*Loaders\).traced runs .* once per item of ids`
		l.tracedAs(ctx, "user", id) // want `keyed.\(\*Loaders\).tracedAs runs .* once per item of ids`
		l.userByKey(ctx, id)        // a loader of a cache, its key built from the id
		l.admin(ctx)                // likewise, one fixed entry
	}
	for _, k := range keys {
		l.named(ctx, k)  // a loader handed on to a cache
		l.shared(ctx, k) // want `keyed.\(\*Loaders\).shared runs .* once per item of keys`
	}
}
