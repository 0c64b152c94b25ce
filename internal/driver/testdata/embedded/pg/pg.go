// Package pg is the SQL datastore.
package pg

import (
	"context"
	"database/sql"

	"github.com/pressly/goose/v3"
)

type Datastore struct{ db *sql.DB }

func New(db *sql.DB) *Datastore { return &Datastore{db: db} }

// IsReady pings the database, then asks goose which migration it is at.
func (d *Datastore) IsReady(ctx context.Context) (bool, error) {
	if err := d.db.PingContext(ctx); err != nil {
		return false, err
	}
	v, err := goose.GetDBVersionContext(ctx, d.db)
	return v >= minVersion, err
}

const minVersion = 4

func (d *Datastore) Read(ctx context.Context, id string) (string, error) {
	var s string
	err := d.db.QueryRowContext(ctx, "SELECT body FROM tuples WHERE id = $1", id).Scan(&s)
	return s, err
}

func (d *Datastore) Stats(ctx context.Context) (int, error) {
	var n int
	err := d.db.QueryRowContext(ctx, "SELECT count(*) FROM tuples").Scan(&n)
	return n, err
}
