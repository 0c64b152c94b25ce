// Package store reads and writes posts.
package store

import (
	"context"
	"database/sql"
)

// Posts is what the program's jobs hold the store as.
type Posts interface {
	Touch(ctx context.Context, ids []int)
	Hide(ctx context.Context, ids []int)
}

// Storer is what the program's services hold it as.
type Storer interface {
	Posts
	Title(ctx context.Context, id int) string
}

type Store struct{ db *sql.DB }

func New(db *sql.DB) *Store { return &Store{db: db} }

// Touch is called through Posts, by the job.
func (s *Store) Touch(ctx context.Context, ids []int) {
	for _, id := range ids {
		_, _ = s.db.ExecContext(ctx, "UPDATE posts SET views = views + 1 WHERE id = $1", id)
	}
}

func (s *Store) Title(ctx context.Context, id int) string {
	var t string
	_ = s.db.QueryRowContext(ctx, "SELECT title FROM posts WHERE id = $1", id).Scan(&t)
	return t
}

// Hide is in Posts, but nothing calls it: code outside holding a Posts
// cannot name that interface.
func (s *Store) Hide(ctx context.Context, ids []int) {
	for _, id := range ids {
		_, _ = s.db.ExecContext(ctx, "UPDATE posts SET hidden = true WHERE id = $1", id)
	}
}

// Unused is exported, in no interface, and nothing calls it.
func (s *Store) Unused(ctx context.Context, ids []int) {
	for _, id := range ids {
		_, _ = s.db.ExecContext(ctx, "DELETE FROM posts WHERE id = $1", id)
	}
}

// String is fmt.Stringer's: code outside holding a Posts may assert it
// to that, and call it.
func (s *Store) String() string {
	var n string
	for _, id := range []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12} {
		_ = s.db.QueryRow("SELECT name FROM shards WHERE id = $1", id).Scan(&n)
	}
	return n
}

// Archive goes to fmt as any, whole: Reported, which nothing calls,
// may be called by reflection there.
type Archive struct{ db *sql.DB }

func NewArchive(db *sql.DB) *Archive { return &Archive{db: db} }

func (a *Archive) Reported(ctx context.Context, ids []int) {
	for _, id := range ids {
		_, _ = a.db.ExecContext(ctx, "DELETE FROM archive WHERE id = $1", id)
	}
}

// Cache is kept in a map of the module's as any too, but a loop prints
// every value of the map: fmt gets the cache whole, and may call Flush,
// which nothing in the module calls.
type Cache struct{ db *sql.DB }

func NewCache(db *sql.DB) *Cache { return &Cache{db: db} }

func (c *Cache) Flush(ctx context.Context, ids []int) {
	for _, id := range ids {
		_, _ = c.db.ExecContext(ctx, "DELETE FROM cache WHERE id = $1", id)
	}
}
