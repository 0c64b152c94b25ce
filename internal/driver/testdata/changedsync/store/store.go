// Package store keeps customers in SQL behind an interface.
package store

import (
	"context"
	"database/sql"
)

type Customer struct {
	ID    int64
	Name  string
	Phone string
	State string
}

type Repository interface {
	List(ctx context.Context) ([]Customer, error)
	UpdateByID(ctx context.Context, c Customer) error
	Audit(ctx context.Context, id int64, what string) error
}

// pgRepo has value receivers: an interface holding a *pgRepo calls them
// through the pointer methods Go makes for it.
type pgRepo struct{ db *sql.DB }

func New(db *sql.DB) Repository { return &pgRepo{db: db} }

func (r pgRepo) List(ctx context.Context) ([]Customer, error) {
	rows, err := r.db.QueryContext(ctx, "SELECT id, name, phone, state FROM customers")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Customer
	for rows.Next() {
		var c Customer
		if err := rows.Scan(&c.ID, &c.Name, &c.Phone, &c.State); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

func (r pgRepo) UpdateByID(ctx context.Context, c Customer) error {
	if _, err := r.db.ExecContext(ctx, "UPDATE customers SET name = $1, phone = $2, state = $3 WHERE id = $4", c.Name, c.Phone, c.State, c.ID); err != nil {
		return err
	}
	return r.Audit(ctx, c.ID, "updated")
}

func (r pgRepo) Audit(ctx context.Context, id int64, what string) error {
	_, err := r.db.ExecContext(ctx, "INSERT INTO audit (customer_id, what) VALUES ($1, $2)", id, what)
	return err
}
