package store

import (
	"context"
	"database/sql"

	"github.com/qustavo/dotsql"
)

type Store struct {
	db  *sql.DB
	dot *dotsql.DotSql
}

func (s *Store) Note(ctx context.Context, id int64) {
	s.dot.QueryRowContext(ctx, s.db, "get-note", id)
}

func (s *Store) ByOwner(ctx context.Context, owner int64) {
	s.dot.QueryContext(ctx, s.db, "notes-by-owner", owner)
	s.dot.QueryContext(ctx, s.db, "owner-notes", owner)
}
