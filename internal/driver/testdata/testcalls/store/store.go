// Package store is the database layer, reached through Interface.
package store

import (
	"context"
	"database/sql"
)

type Item struct {
	ID    int64
	Tags  []int64
	Repo  string
	Names []string
}

// Interface is what the handlers hold.
type Interface interface {
	GetItem(ctx context.Context, id int64) (*Item, error)
	GetItemForRepo(ctx context.Context, repo string) (*Item, error)
	ListItems(ctx context.Context) ([]*Item, error)
	ListItemsForRepo(ctx context.Context, repo string) ([]*Item, error)
	Refresh(ctx context.Context, ids []int64)
}

type Engine struct{ db *sql.DB }

func New(db *sql.DB) Interface { return &Engine{db: db} }

// GetItem is called by a test alone, through Interface: not shown.
func (e *Engine) GetItem(ctx context.Context, id int64) (*Item, error) {
	it := &Item{ID: id}
	for _, t := range it.Tags {
		_ = e.db.QueryRowContext(ctx, "SELECT name FROM tags WHERE id = $1", t).Scan(new(string))
	}
	return it, nil
}

// GetItemForRepo runs in the handler's requests: reported.
func (e *Engine) GetItemForRepo(ctx context.Context, repo string) (*Item, error) {
	it := &Item{Repo: repo}
	for _, t := range it.Tags {
		_ = e.db.QueryRowContext(ctx, "SELECT name FROM repo_tags WHERE id = $1", t).Scan(new(string))
	}
	return it, nil
}

// ListItems is called by its package's test alone, directly: not shown.
func (e *Engine) ListItems(ctx context.Context) ([]*Item, error) {
	out := e.scan(ctx)
	for _, it := range out {
		_, _ = e.db.ExecContext(ctx, "UPDATE items SET seen = true WHERE id = $1", it.ID)
	}
	return out, nil
}

// ListItemsForRepo runs in the handler's requests: reported.
func (e *Engine) ListItemsForRepo(ctx context.Context, repo string) ([]*Item, error) {
	out := e.scan(ctx)
	for _, it := range out {
		_, _ = e.db.ExecContext(ctx, "UPDATE repo_items SET seen = true WHERE id = $1", it.ID)
	}
	return out, nil
}

// Refresh's value is taken through Interface by the handler's package:
// where that value goes the graph does not follow; reported.
func (e *Engine) Refresh(ctx context.Context, ids []int64) {
	for _, id := range ids {
		_, _ = e.db.ExecContext(ctx, "UPDATE items SET fresh = true WHERE id = $1", id)
	}
}

// scan reads the items the caller walks.
func (e *Engine) scan(ctx context.Context) []*Item {
	var out []*Item
	rows, err := e.db.QueryContext(ctx, "SELECT id FROM items")
	if err != nil {
		return nil
	}
	defer rows.Close()
	for rows.Next() {
		it := &Item{}
		_ = rows.Scan(&it.ID)
		out = append(out, it)
	}
	return out
}
