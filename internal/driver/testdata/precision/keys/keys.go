// Package keys writes through a writer.Writer, as dendrite's key and
// federation databases do: every write is a function handed to the
// writer's Do, which one writer runs on its goroutine.
package keys

import (
	"context"
	"database/sql"

	"example.com/precision/writer"
)

type DB struct {
	db      *sql.DB
	w       writer.Writer
	pending map[string]bool
}

func Open(db *sql.DB, exclusive bool) *DB {
	w := writer.NewDirect()
	if exclusive {
		w = writer.NewExclusive()
	}
	return &DB{db: db, w: w, pending: map[string]bool{}}
}

func (d *DB) StoreSig(ctx context.Context, target, sig string) error {
	return d.w.Do(d.db, nil, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "INSERT INTO sigs (target, sig) VALUES ($1, $2)", target, sig)
		return err
	})
}

func (d *DB) MarkOffline(ctx context.Context, server string) error {
	return d.w.Do(d.db, nil, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "INSERT INTO assumed_offline (server) VALUES ($1)", server); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "DELETE FROM queue WHERE server = $1", server)
		return err
	})
}

// forget uses the writer to serialize a change in memory: no query.
func (d *DB) forget(target string) error {
	return d.w.Do(nil, nil, func(*sql.Tx) error {
		delete(d.pending, target)
		return nil
	})
}

// StoreSigs inserts one row per signature: reported, with StoreSig's
// insert only, not another writer's caller's queries.
func (d *DB) StoreSigs(ctx context.Context, sigs map[string]string) error {
	for target, sig := range sigs {
		if err := d.StoreSig(ctx, target, sig); err != nil {
			return err
		}
	}
	return nil
}

// Forget runs no query per target: not reported.
func (d *DB) Forget(targets []string) {
	for _, t := range targets {
		d.forget(t)
	}
}
