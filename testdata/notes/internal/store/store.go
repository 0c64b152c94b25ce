// Package store runs the notes service's queries, kept in queries/*.sql:
// the ones of struct fields tagged query:"name" (filled by goyesql), and
// one by name through dotsql.
package store

import (
	"context"
	"database/sql"
	_ "embed"

	"github.com/knadh/goyesql/v2"
	"github.com/qustavo/dotsql"
)

//go:embed queries/notes.sql
var notesSQL []byte

type queries struct {
	GetNote  *sql.Stmt `query:"get-note"`
	NoteTags string    `query:"note-tags"`
}

type Store struct {
	db  *sql.DB
	q   queries
	dot *dotsql.DotSql
}

func New(db *sql.DB) (*Store, error) {
	qs, err := goyesql.ParseBytes(notesSQL)
	if err != nil {
		return nil, err
	}
	s := &Store{db: db}
	if err := goyesql.ScanToStruct(&s.q, qs, db); err != nil {
		return nil, err
	}
	s.dot, err = dotsql.LoadFromString(string(notesSQL))
	return s, err
}

type Note struct {
	ID    int64
	Title string
}

func (s *Store) Note(ctx context.Context, id int64) (Note, error) {
	var n Note
	err := s.q.GetNote.QueryRowContext(ctx, id).Scan(&n.ID, &n.Title)
	return n, err
}

func (s *Store) ByOwner(ctx context.Context, owner int64) ([]Note, error) {
	rows, err := s.dot.QueryContext(ctx, s.db, "notes-by-owner", owner)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Note
	for rows.Next() {
		var n Note
		if err := rows.Scan(&n.ID, &n.Title); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

func (s *Store) Tags(ctx context.Context, note int64) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, s.q.NoteTags, note)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}
