// Package store runs the statements the loops of package api call per
// item, in the shapes whose count per call is not the number of
// statements they reach.
package store

import (
	"context"
	"database/sql"
)

type Store struct{ db *sql.DB }

func New(db *sql.DB) *Store { return &Store{db} }

// Apply dispatches on the kind: one call runs one case's statement, one
// of three.
func (s *Store) Apply(ctx context.Context, kind string, id int64) error {
	var err error
	switch kind {
	case "archive":
		_, err = s.db.ExecContext(ctx, "UPDATE items SET archived = true WHERE id = $1", id)
	case "delete":
		_, err = s.db.ExecContext(ctx, "DELETE FROM items WHERE id = $1", id)
	case "touch":
		_, err = s.db.ExecContext(ctx, "UPDATE items SET seen = now() WHERE id = $1", id)
	}
	return err
}

// Save runs three statements, one after the other, on every call.
func (s *Store) Save(ctx context.Context, id int64) error {
	if _, err := s.db.ExecContext(ctx, "UPDATE items SET saved = now() WHERE id = $1", id); err != nil {
		return err
	}
	if _, err := s.db.ExecContext(ctx, "INSERT INTO history (item_id) VALUES ($1)", id); err != nil {
		return err
	}
	_, err := s.db.ExecContext(ctx, "DELETE FROM drafts WHERE item_id = $1", id)
	return err
}

// Run runs a rule: a notice, or a cascade that runs the next rule (a
// recursion, as an event manager's actions that fire events are).
func (s *Store) Run(ctx context.Context, rule int, id int64) error {
	if rule%2 == 0 {
		_, err := s.db.ExecContext(ctx, "INSERT INTO notices (item_id) VALUES ($1)", id)
		return err
	}
	return s.cascade(ctx, rule, id)
}

func (s *Store) cascade(ctx context.Context, rule int, id int64) error {
	if _, err := s.db.ExecContext(ctx, "UPDATE items SET rule = $1 WHERE id = $2", rule, id); err != nil {
		return err
	}
	return s.Run(ctx, rule-1, id)
}

// Node is a tree walked recursively.
type Node struct {
	ID       int64
	Children []*Node
}

// Walk marks a tree: an UPDATE per node. Its loop over the children is
// the recursion's own, which is one loop: n round trips, not n×m.
func (s *Store) Walk(ctx context.Context, n *Node) error {
	if _, err := s.db.ExecContext(ctx, "UPDATE nodes SET seen = true WHERE id = $1", n.ID); err != nil {
		return err
	}
	for _, c := range n.Children {
		if err := s.Walk(ctx, c); err != nil {
			return err
		}
	}
	return nil
}

// Expand follows links: per id, a lookup, and an expansion of the ids
// it finds (a recursion through expandLink), whose loop over ids is the
// recursion's own.
func (s *Store) Expand(ctx context.Context, ids []int64) error {
	for _, id := range ids {
		if err := s.expandLink(ctx, id); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) expandLink(ctx context.Context, id int64) error {
	rows, err := s.db.QueryContext(ctx, "SELECT child FROM links WHERE parent = $1", id)
	if err != nil {
		return err
	}
	var next []int64
	for rows.Next() {
		var c int64
		if err := rows.Scan(&c); err != nil {
			return err
		}
		next = append(next, c)
	}
	rows.Close()
	return s.Expand(ctx, next)
}

// Users is implemented once per database, each in its dialect.
type Users interface {
	Touch(ctx context.Context, id int64) error
}

// BatchSize is how many names one statement of AddAll inserts.
const BatchSize = 500

// AddAll inserts the names a batch at a time, stepping by the batch at
// the end of the loop: one statement per batch, not per name — a call
// runs one statement, no loop of its own per name.
func (s *Store) AddAll(ctx context.Context, kind string, names []string) error {
	lb := 0
	size := len(names)
	for lb < size {
		ub := min(lb+BatchSize, size)
		if _, err := s.db.ExecContext(ctx, "INSERT INTO tags (kind, name) SELECT $1, unnest($2::text[])", kind, names[lb:ub]); err != nil {
			return err
		}
		lb += BatchSize
	}
	return nil
}

// AddEach walks the names a batch at a time but inserts each name of a
// batch on its own: a loop per name.
func (s *Store) AddEach(ctx context.Context, kind string, names []string) error {
	for lb := 0; lb < len(names); lb += BatchSize {
		for _, name := range names[lb:min(lb+BatchSize, len(names))] {
			if _, err := s.db.ExecContext(ctx, "INSERT INTO tags (kind, name) VALUES ($1, $2)", kind, name); err != nil {
				return err
			}
		}
	}
	return nil
}
