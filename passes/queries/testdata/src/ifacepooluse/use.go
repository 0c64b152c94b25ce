// Package ifacepooluse holds the interfaces of ifacepool.
package ifacepooluse // want `stats: 2 sites, 0 unresolved, 0 unparsed, 0 orm`

import (
	"context"

	"ifacepool"
)

type Store struct {
	pool   ifacepool.Pool
	lookup ifacepool.Lookup
	remote ifacepool.Remote
}

func (s *Store) Users(ctx context.Context) error { // want `issuesQueries\(read SELECT id, name FROM users WHERE team_id = \$1 @use.go:\d+ via ifacepool.Pool.Query\)`
	rows, err := s.pool.Query(ctx, "SELECT id, name FROM users WHERE team_id = $1", 7) // want `site query read "SELECT id, name FROM users WHERE team_id = \$1"`
	if err != nil {
		return err
	}
	return rows.Close()
}

func (s *Store) Touch(ctx context.Context, id int) error { // want `issuesQueries\(write UPDATE users SET seen_at = now\(\) WHERE id = \$1 @use.go:\d+ via ifacepool.Pool.Exec\)`
	return s.pool.Exec(ctx, "UPDATE users SET seen_at = now() WHERE id = $1", id) // want `site exec write "UPDATE users SET seen_at = now\(\) WHERE id = \$1"`
}

func (s *Store) Other(ctx context.Context) error {
	_, err := s.lookup.Get(ctx, "SELECT 1")
	if err != nil {
		return err
	}
	_, err = s.remote.Query(ctx, "SELECT id FROM users")
	return err
}

func (s *Store) Close() error { return s.pool.Close() }
