package keyed

import (
	"context"
	"database/sql"
	"sync"
)

// Catalog marks the users whose tags it loaded; the load fills another
// cache, by tag.
type Catalog struct {
	db *sql.DB

	mu     sync.Mutex
	loaded map[int64]bool   // users whose tags are in tags
	tags   map[string]int64 // tag name -> id, for every user loaded

	done sync.Map // users whose tags are in byID
	byID sync.Map // tag id -> name
}

// Load reads a user's tags the first time it meets the user.
func (c *Catalog) Load(ctx context.Context, user int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.loaded[user] {
		return
	}
	rows, _ := c.db.QueryContext(ctx, `SELECT id, name FROM tags WHERE user_id = $1`, user)
	for rows.Next() {
		var id int64
		var name string
		rows.Scan(&id, &name)
		c.tags[name] = id
	}
	c.loaded[user] = true
}

// Fill does the same with sync.Maps, on the miss branch.
func (c *Catalog) Fill(ctx context.Context, user int64) {
	if _, ok := c.done.Load(user); !ok {
		var id int64
		var name string
		c.db.QueryRowContext(ctx, `SELECT id, name FROM tags WHERE user_id = $1`, user).Scan(&id, &name)
		c.byID.Store(id, name)
		c.done.Store(user, true)
	}
}

// Count marks the user but keeps what it read in a map of its own.
func (c *Catalog) Count(ctx context.Context, user int64) int {
	if _, ok := c.done.Load(user); ok {
		return 0
	}
	counts := map[int64]int{}
	var n int
	c.db.QueryRowContext(ctx, `SELECT count(*) FROM tags WHERE user_id = $1`, user).Scan(&n)
	counts[user] = n
	c.done.Store(user, true)
	return n
}

// Touch fills the other cache but never marks the user: it reads again.
func (c *Catalog) Touch(ctx context.Context, user int64) {
	if !c.loaded[user] {
		var id int64
		var name string
		c.db.QueryRowContext(ctx, `SELECT id, name FROM tags WHERE user_id = $1`, user).Scan(&id, &name)
		c.tags[name] = id
	}
}

// Flag marks the user and keeps a constant elsewhere: nothing read.
func (c *Catalog) Flag(ctx context.Context, user int64) {
	if !c.loaded[user] {
		c.db.ExecContext(ctx, `UPDATE tags SET seen = true WHERE user_id = $1`, user)
		c.tags["seen"] = 1
		c.loaded[user] = true
	}
}

func (c *Catalog) Users(ctx context.Context, users []int64) {
	for _, u := range users {
		c.Load(ctx, users[0]) // silent: one key for every item; a user's tags load once
		c.Fill(ctx, users[0]) // silent: one key for every item; likewise
		c.Count(ctx, u)       // want `keyed.\(\*Catalog\).Count runs .* once per item of users`
		c.Touch(ctx, u)       // want `keyed.\(\*Catalog\).Touch runs .* once per item of users`
		c.Flag(ctx, u)        // want `keyed.\(\*Catalog\).Flag runs .* once per item of users`
	}
}
