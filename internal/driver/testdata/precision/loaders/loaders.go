// Package loaders reads through caches that take a loader: the loader's
// reads run on a miss only, through an interface of the module's cache
// and through a typed wrapper its callers hand their loader to.
package loaders

import (
	"context"
	"strconv"

	"example.com/precision/loaders/lru"
	"example.com/precision/store"
)

type Users struct {
	s     store.Store
	cache lru.Cache
}

func New(s store.Store, off bool) *Users {
	if off {
		return &Users{s: s, cache: lru.None{}}
	}
	return &Users{s: s, cache: lru.New()}
}

func (u *Users) User(ctx context.Context, id int64) (store.User, error) {
	v, err := u.cache.GetOrSet(id, func() (any, error) { return u.s.User(ctx, id) })
	if err != nil {
		return store.User{}, err
	}
	return v.(store.User), nil
}

// Typed keeps users in a cache for any type; its callers hand it their
// loader, which it hands on.
type Typed struct{ c lru.Cache }

func (t *Typed) User(k int64, set func() (store.User, error)) (store.User, error) {
	v, err := t.c.GetOrSet(k, func() (any, error) { return set() })
	if err != nil {
		return store.User{}, err
	}
	return v.(store.User), nil
}

type Auth struct {
	s     store.Store
	users *Typed
}

func NewAuth(s store.Store) *Auth { return &Auth{s: s, users: &Typed{c: lru.New()}} }

func (a *Auth) Allowed(ctx context.Context, id int64) bool {
	_, err := a.users.User(id, func() (store.User, error) { return a.s.User(ctx, id) })
	return err == nil
}

// Touch's loader writes a row on each miss: no read of what it keeps.
func (u *Users) Touch(ctx context.Context, name string) error {
	_, err := u.cache.GetOrSet(name, func() (any, error) { return nil, u.s.AddUser(ctx, name) })
	return err
}

// Flight is shaped like singleflight.Group: it merges the calls that
// overlap in time, and the next call runs fn again.
type Flight struct{}

func (*Flight) Do(key string, fn func() (any, error)) (any, error, bool) {
	v, err := fn()
	return v, err, false
}

func (u *Users) Shared(ctx context.Context, f *Flight, id int64) {
	f.Do(strconv.FormatInt(id, 10), func() (any, error) { return u.s.User(ctx, id) })
}

func Handle(ctx context.Context, u *Users, a *Auth, f *Flight, ids []int64, names []string) {
	for _, id := range ids {
		u.User(ctx, id)      // silent: the loader runs on a miss only
		a.Allowed(ctx, id)   // silent: likewise, through the typed wrapper
		u.Shared(ctx, f, id) // reported: singleflight dedupes, it keeps nothing
	}
	for _, n := range names {
		u.Touch(ctx, n) // reported: the loader writes
	}
}
