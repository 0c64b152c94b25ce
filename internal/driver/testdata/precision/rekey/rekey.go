// Package rekey re-encrypts every user's key the first time a repository
// is made, which every request does: the loop runs once per process.
package rekey

import (
	"context"
	"database/sql"
	"sync"
)

var once sync.Once

type Repo struct{ db *sql.DB }

func New(ctx context.Context, db *sql.DB) *Repo {
	r := &Repo{db: db}
	once.Do(func() { r.rekey(ctx) })
	return r
}

func (r *Repo) rekey(ctx context.Context) {
	var ids []int64
	for _, id := range ids {
		r.db.ExecContext(ctx, "UPDATE users SET key = encrypt(key) WHERE id = $1", id) // low: once per process
	}
}

// Rotate runs per request, besides once under once.Do: the route's.
func (r *Repo) Rotate(ctx context.Context, ids []int64) {
	r.rotate(ctx, ids)
}

func (r *Repo) rotate(ctx context.Context, ids []int64) {
	for _, id := range ids {
		r.db.ExecContext(ctx, "UPDATE users SET key = rotate(key) WHERE id = $1", id) // reported: per request
	}
}

var warm sync.Once

func Warm(ctx context.Context, r *Repo, ids []int64) {
	warm.Do(func() { r.rotate(ctx, ids) })
}
