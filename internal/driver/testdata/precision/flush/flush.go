// Package flush writes rows in batches: a closure over the batch sends
// it once it is full (one statement per 500 rows), and once more for the
// rest. A closure called for every row sends one statement per row.
package flush

import (
	"context"
	"database/sql"
	"net/http"
	"strconv"
)

type Store struct{ db *sql.DB }

// upsertRows sends one multi-row INSERT, its VALUES list built for ids.
func (s *Store) upsertRows(ctx context.Context, ids []int64) error {
	q := `INSERT INTO seen (id) VALUES `
	var args []any
	for i, id := range ids {
		if i > 0 {
			q += ", "
		}
		args = append(args, id)
		q += "($" + strconv.Itoa(len(args)) + ")"
	}
	_, err := s.db.ExecContext(ctx, q, args...)
	return err
}

// Batched sends a statement per 500 keys.
func (s *Store) Batched(ctx context.Context, keys []int64) error {
	batch := make([]int64, 0, 500)
	flush := func() error {
		if err := s.upsertRows(ctx, batch); err != nil {
			return err
		}
		batch = batch[:0]
		return nil
	}
	for _, k := range keys {
		batch = append(batch, k)
		if len(batch) == 500 {
			if err := flush(); err != nil { // silent: once per 500 keys
				return err
			}
		}
	}
	if len(batch) > 0 {
		return flush()
	}
	return nil
}

// EachRow sends its one-row batch for every key.
func (s *Store) EachRow(ctx context.Context, keys []int64) {
	var one []int64
	send := func() {
		s.upsertRows(ctx, one)
		one = one[:0]
	}
	for _, k := range keys {
		one = append(one, k)
		send() // reported: once per key
	}
}

// Routes registers the package's routes.
func Routes(db *sql.DB) {
	s := &Store{db: db}
	keys := func(r *http.Request) []int64 {
		var out []int64
		for _, v := range r.URL.Query()["k"] {
			n, _ := strconv.ParseInt(v, 10, 64)
			out = append(out, n)
		}
		return out
	}
	http.HandleFunc("/batched", func(w http.ResponseWriter, r *http.Request) { s.Batched(r.Context(), keys(r)) })
	http.HandleFunc("/each-row", func(w http.ResponseWriter, r *http.Request) { s.EachRow(r.Context(), keys(r)) })
}
