// Package prepared keeps prepared statements in fields: a finding names
// the statement by its SQL, or by its field when the SQL is not known.
package prepared

import (
	"context"
	"database/sql"
)

type Store struct {
	deleteSession *sql.Stmt
	custom        *sql.Stmt
}

func New(db *sql.DB, custom string) (*Store, error) {
	s := &Store{}
	var err error
	if s.deleteSession, err = db.Prepare("DELETE FROM sessions WHERE id = $1"); err != nil {
		return nil, err
	}
	if s.custom, err = db.Prepare(custom); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Store) Expire(ctx context.Context, ids []string) {
	for _, id := range ids {
		s.deleteSession.ExecContext(ctx, id) // fix `^delete all rows in one statement: DELETE FROM sessions WHERE id` // want `^DELETE from sessions runs once per item of ids: n round trips instead of 1$`
	}
	for _, id := range ids {
		s.custom.ExecContext(ctx, id) // want `^prepared statement s.custom runs once per item of ids: n round trips instead of 1$`
	}
}
