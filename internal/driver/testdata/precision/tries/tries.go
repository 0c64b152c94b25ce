// Package tries writes through a helper that tries again while the
// branch it wrote to moved, and opens a diff lazily: the calls the
// loops reach run once in the normal case, not once per item.
package tries

import (
	"context"
	"database/sql"
	"errors"
	"net/http"
)

type Branch struct {
	ID    int64
	Token string
}

// Store is what the handlers need of the database.
type Store interface {
	Branch(ctx context.Context, id int64) (*Branch, error)
	Stage(ctx context.Context, token, key string) error
	Diff(ctx context.Context, from, to string) (Diff, error)
}

// Diff iterates over the keys two commits disagree on.
type Diff interface {
	SeekGE(key string)
	Next() bool
}

type SQL struct{ db *sql.DB }

func (s *SQL) Branch(ctx context.Context, id int64) (*Branch, error) {
	var b Branch
	err := s.db.QueryRowContext(ctx, "SELECT id, token FROM branches WHERE id = $1", id).Scan(&b.ID, &b.Token)
	return &b, err
}

func (s *SQL) Stage(ctx context.Context, token, key string) error {
	_, err := s.db.ExecContext(ctx, "INSERT INTO staged (token, key) VALUES ($1, $2)", token, key)
	return err
}

type rows struct{ *sql.Rows }

func (r rows) SeekGE(key string) {}

func (s *SQL) Diff(ctx context.Context, from, to string) (Diff, error) {
	rs, err := s.db.QueryContext(ctx, "SELECT key FROM changes WHERE commit_id = $1 AND parent_id = $2 ORDER BY key", to, from)
	return rows{rs}, err
}

var ErrTooManyTries = errors.New("too many tries")

// Logger logs with fields.
type Logger interface {
	WithFields(map[string]any) Logger
	Trace(msg string)
}

type nop struct{}

func (nop) WithFields(map[string]any) Logger { return nop{} }
func (nop) Trace(string)                     {}

// safeWrite runs op at the branch's token until nobody moved the
// branch meanwhile: attempts, not items.
func safeWrite(ctx context.Context, s Store, log Logger, id int64, maxTries int, op func(*Branch) error) error {
	var try int
	for try = 1; try <= maxTries; try++ {
		pre, err := s.Branch(ctx, id)
		if err != nil {
			return err
		}
		if err = op(pre); err != nil {
			return err
		}
		post, err := s.Branch(ctx, id)
		if err != nil {
			return err
		}
		if pre.Token == post.Token {
			break
		}
		log.WithFields(map[string]any{"try": try, "pre": pre.Token, "post": post.Token}).Trace("branch moved")
	}
	if try > maxTries {
		return ErrTooManyTries
	}
	return nil
}

// Set hands safeWrite its write: silent.
func Set(ctx context.Context, s Store, id int64, key string, tries int) error {
	return safeWrite(ctx, s, nop{}, id, tries, func(b *Branch) error {
		return s.Stage(ctx, b.Token, key)
	})
}

// eachTry goes on while its function works: one run per round.
func eachTry(n int, op func(int) error) error {
	for i := 0; i < n; i++ {
		if err := op(i); err != nil {
			return err
		}
	}
	return nil
}

// Fill hands eachTry its write: reported, once per round.
func Fill(ctx context.Context, s Store, key string, n int) error {
	return eachTry(n, func(int) error { return s.Stage(ctx, "t", key) })
}

// Changed opens the diff at the first prefix: silent.
func Changed(ctx context.Context, s Store, from, to string, prefixes []string) (bool, error) {
	var diff Diff
	for _, p := range prefixes {
		if diff == nil {
			var err error
			diff, err = s.Diff(ctx, from, to)
			if err != nil {
				return false, err
			}
		}
		diff.SeekGE(p)
		if diff.Next() {
			return true, nil
		}
	}
	return false, nil
}

// ChangedEach opens a diff per prefix: reported.
func ChangedEach(ctx context.Context, s Store, from, to string, prefixes []string) bool {
	for _, p := range prefixes {
		diff, err := s.Diff(ctx, from, to)
		if err != nil {
			return false
		}
		diff.SeekGE(p)
		if diff.Next() {
			return true
		}
	}
	return false
}

func Routes(db *sql.DB) {
	s := &SQL{db}
	http.HandleFunc("/stage", func(w http.ResponseWriter, r *http.Request) {
		Set(r.Context(), s, 1, r.FormValue("key"), 0)
		Fill(r.Context(), s, r.FormValue("key"), len(r.Form["n"]))
		Changed(r.Context(), s, "a", "b", r.Form["prefix"])
		ChangedEach(r.Context(), s, "a", "b", r.Form["prefix"])
	})
}
