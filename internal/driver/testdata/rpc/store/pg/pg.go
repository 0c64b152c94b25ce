// Package pg implements the store on PostgreSQL.
package pg

import (
	"context"
	"database/sql"

	"example.com/rpc/store"
)

type DB struct{ db *sql.DB }

func New(db *sql.DB) *DB { return &DB{db: db} }

func (d *DB) Item(ctx context.Context, id int64) (*store.Item, error) {
	var it store.Item
	err := d.db.QueryRowContext(ctx, "SELECT id, name FROM items WHERE id = $1", id).Scan(&it.ID, &it.Name)
	return &it, err
}

func (d *DB) Items(ctx context.Context) ([]*store.Item, error) {
	rows, err := d.db.QueryContext(ctx, "SELECT id, name FROM items ORDER BY id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*store.Item
	for rows.Next() {
		var it store.Item
		if err := rows.Scan(&it.ID, &it.Name); err != nil {
			return nil, err
		}
		out = append(out, &it)
	}
	return out, rows.Err()
}

func (d *DB) Record(ctx context.Context, msg string) error {
	_, err := d.db.ExecContext(ctx, "INSERT INTO audit (msg) VALUES ($1)", msg)
	return err
}

func (d *DB) Count(ctx context.Context) (int, error) {
	var n int
	err := d.db.QueryRowContext(ctx, "SELECT count(*) FROM items").Scan(&n)
	return n, err
}
