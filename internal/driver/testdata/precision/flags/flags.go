// Package flags runs a query per item only when a flag says so, inside a
// closure a transaction helper runs; every caller passes the flag the same.
package flags

import (
	"context"
	"database/sql"
	"net/http"
)

type Service struct{ db *sql.DB }

// runTx runs fn in a transaction.
func (s *Service) runTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// detach deletes each email's traffic, unless told to keep it: its only
// caller keeps it, so the DELETE never runs.
func (s *Service) detach(ctx context.Context, emails []string, keepTraffic bool) error {
	return s.runTx(ctx, func(tx *sql.Tx) error {
		for _, e := range emails {
			if keepTraffic {
				continue
			}
			if _, err := tx.ExecContext(ctx, "DELETE FROM traffic WHERE email = $1", e); err != nil {
				return err
			}
		}
		return nil
	})
}

// remove is called with both values: its DELETE runs per email.
func (s *Service) remove(ctx context.Context, emails []string, keepTraffic bool) error {
	return s.runTx(ctx, func(tx *sql.Tx) error {
		for _, e := range emails {
			if !keepTraffic {
				if _, err := tx.ExecContext(ctx, "DELETE FROM stats WHERE email = $1", e); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// Detach is the one caller of detach.
func (s *Service) Detach(ctx context.Context, emails []string) error {
	return s.detach(ctx, emails, true)
}

func (s *Service) Remove(ctx context.Context, emails []string) error {
	return s.remove(ctx, emails, false)
}

func (s *Service) Clear(ctx context.Context, emails []string) error {
	return s.remove(ctx, emails, true)
}

// Routes serves the three.
func Routes(s *Service) {
	http.HandleFunc("/detach", func(w http.ResponseWriter, r *http.Request) {
		s.Detach(r.Context(), r.URL.Query()["email"])
	})
	http.HandleFunc("/remove", func(w http.ResponseWriter, r *http.Request) {
		s.Remove(r.Context(), r.URL.Query()["email"])
	})
	http.HandleFunc("/clear", func(w http.ResponseWriter, r *http.Request) {
		s.Clear(r.Context(), r.URL.Query()["email"])
	})
}
