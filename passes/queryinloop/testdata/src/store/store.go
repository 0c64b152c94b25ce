package store

import (
	"context"
	"database/sql"
	"slices"
)

type Item struct{ ID int64 }

type Store struct{ db *sql.DB }

func (s *Store) q(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, query, args...)
}

// Items issues one query per call.
func (s *Store) Items(ctx context.Context, orderID int64) ([]Item, error) {
	rows, err := s.q(ctx, "SELECT id FROM items WHERE order_id = $1", orderID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return nil, nil
}

// ItemsForOrders is the fix: one query for all orders.
func (s *Store) ItemsForOrders(ctx context.Context, orderIDs []int64) ([]Item, error) {
	rows, err := s.q(ctx, "SELECT id FROM items WHERE order_id = ANY($1)", orderIDs)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return nil, nil
}

// Tags loops itself: callers in a loop make it nested.
func (s *Store) Tags(ctx context.Context, items []Item) {
	for _, it := range items {
		s.db.QueryRowContext(ctx, "SELECT name FROM tags WHERE item_id = $1", it.ID) // fix `WHERE item_id IN \(...\) with the keys of all items, or a JOIN` // want `^SELECT from tags runs once per item of items: n round trips instead of 1$`
	}
}

// Migrate runs DDL in a loop: a migration runner, silent.
func (s *Store) Migrate(ctx context.Context, stmts []string) {
	for range stmts {
		s.db.ExecContext(ctx, "CREATE TABLE IF NOT EXISTS t (id int)")
	}
}

// Kind is an enumeration; AllKinds lists its values, and nothing in the
// package assigns it again.
type Kind string

const (
	KindBug     Kind = "bug"
	KindFeature Kind = "feature"
)

var AllKinds = []Kind{KindBug, KindFeature}

func (s *Store) CountKind(ctx context.Context, k Kind) {
	s.q(ctx, "SELECT count(*) FROM issues WHERE kind = $1", string(k))
}

// Pending takes ten jobs at a time, as a work queue does.
func (s *Store) Pending(ctx context.Context) ([]Item, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id FROM jobs WHERE NOT done ORDER BY id LIMIT 10 FOR UPDATE SKIP LOCKED")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Item
	for rows.Next() {
		var it Item
		rows.Scan(&it.ID)
		out = append(out, it)
	}
	return out, nil
}

// Recent is a page of a hundred: data.
func (s *Store) Recent(ctx context.Context) ([]Item, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id FROM items ORDER BY id DESC LIMIT 100")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return nil, nil
}

// statuses is the fixed list of an order's statuses.
var statuses = []string{"new", "paid", "shipped"}

// Statuses hands out a copy of it.
func Statuses() []string { return slices.Clone(statuses) }

// Copy copies the list it is given: as long as that is.
func Copy(xs []string) []string { return append([]string(nil), xs...) }
