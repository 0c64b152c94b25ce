// Package cached reads users through a package-level cache whose misses
// a singleflight-shaped group merges, the group's loader keeping the
// user it read through a func variable of the package.
package cached

import (
	"context"
	"strconv"

	"example.com/precision/store"
)

// Map keeps users by key.
type Map struct{ m map[int64]store.User }

func (c *Map) Get(k int64) (store.User, bool) { u, ok := c.m[k]; return u, ok }
func (c *Map) Set(k int64, u store.User)      { c.m[k] = u }

// Group merges the calls for one key that overlap in time.
type Group struct{}

func (*Group) Do(key string, fn func() (store.User, error)) (store.User, error, bool) {
	u, err := fn()
	return u, err, false
}

var (
	users = &Map{m: map[int64]store.User{}}
	g     Group
)

var keep = func(u store.User) { users.Set(u.ID, u) }

// User reads through users: the group's loader keeps what it read.
func User(ctx context.Context, s store.Store, id int64) (store.User, error) {
	if u, ok := users.Get(id); ok {
		return u, nil
	}
	u, err, _ := g.Do(strconv.FormatInt(id, 10), func() (store.User, error) {
		u, err := s.User(ctx, id)
		if err == nil {
			keep(u)
		}
		return u, err
	})
	return u, err
}

// drop may be set to keep nothing (a test's switch).
var drop = func(store.User) {}

func Off() { drop = keep }

// Dropped stores through a func variable assigned again: what it keeps
// is whatever it holds then.
func Dropped(ctx context.Context, s store.Store, id int64) (store.User, error) {
	if u, ok := users.Get(id); ok {
		return u, nil
	}
	u, err, _ := g.Do(strconv.FormatInt(id, 10), func() (store.User, error) {
		u, err := s.User(ctx, id)
		if err == nil {
			drop(u)
		}
		return u, err
	})
	return u, err
}

// Admin reads the administrator, by a constant key, through User.
func Admin(ctx context.Context, s store.Store) (store.User, error) { return User(ctx, s, 1) }
