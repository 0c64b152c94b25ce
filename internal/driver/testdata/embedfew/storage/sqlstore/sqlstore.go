// Package sqlstore is the SQL implementation of the log's storage.
package sqlstore

import (
	"context"
	"database/sql"
	"sort"

	"example.com/embedfew/storage"
)

type Store struct{ db *sql.DB }

func New(db *sql.DB) *Store { return &Store{db: db} }

func (s *Store) QueueLeaves(ctx context.Context, leaves []storage.Leaf) error {
	return s.queue(ctx, leaves)
}

// AddLeaves adds the client's leaves: one INSERT per leaf of the
// request's list, reported.
func (s *Store) AddLeaves(ctx context.Context, leaves []storage.Leaf) error {
	ord := sortForInsert(leaves)
	for _, o := range ord {
		if _, err := s.db.ExecContext(ctx, "INSERT INTO leaves (idx, hash, value) VALUES ($1, $2, $3)", o.idx, o.leaf.Hash, o.leaf.Value); err != nil {
			return err
		}
	}
	return nil
}

// queue inserts the leaves in hash order, one INSERT per leaf: as many
// as QueueLeaves is handed, and the server queues one leaf at a time
// (the conformance suite's batches run in tests only). Silent.
func (s *Store) queue(ctx context.Context, leaves []storage.Leaf) error {
	ord := sortForInsert(leaves)
	for _, o := range ord {
		if _, err := s.db.ExecContext(ctx, "INSERT INTO queued (idx, hash, value) VALUES ($1, $2, $3)", o.idx, o.leaf.Hash, o.leaf.Value); err != nil {
			return err
		}
	}
	return nil
}

type ordered struct {
	idx  int
	leaf storage.Leaf
}

// sortForInsert gives a slot per leaf, in hash order: as many items as
// it is handed.
func sortForInsert(leaves []storage.Leaf) []ordered {
	ord := make([]ordered, len(leaves))
	for i, l := range leaves {
		ord[i] = ordered{idx: i, leaf: l}
	}
	sort.Slice(ord, func(i, j int) bool { return string(ord[i].leaf.Hash) < string(ord[j].leaf.Hash) })
	return ord
}
