// Package cfg's getter, whose fast path a reload flag turns off, and
// walk call each other: walk asks the getter to reload.
package cfg

import (
	"context"
	"database/sql"
)

type Cfg struct {
	db *sql.DB
	v  *string
}

func (c *Cfg) get(ctx context.Context, reload bool) string {
	if c.v != nil && !reload {
		return *c.v
	}
	var v string
	c.db.QueryRowContext(ctx, `SELECT v FROM cfg`).Scan(&v)
	c.v = &v
	c.walk(ctx, v == "")
	return v
}

func (c *Cfg) walk(ctx context.Context, deep bool) {
	if deep {
		return
	}
	c.get(ctx, true)
}

// Walks walks per item: the getter, asked to reload, reads per item,
// whatever Walks passes walk.
func (c *Cfg) Walks(ctx context.Context, ids []int64) {
	for range ids {
		c.walk(ctx, false)
	}
}
