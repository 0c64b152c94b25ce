// Package testdb fills a database with fixtures for the tests of the
// packages above the repository.
package testdb

import (
	"context"
	"database/sql"

	"example.com/layered/internal/repo"
)

// Seed inserts users and their projects.
func Seed(ctx context.Context, db *sql.DB, users []repo.User, projects []repo.Project) error {
	for _, u := range users {
		if _, err := db.ExecContext(ctx, `INSERT INTO users (id, email, name) VALUES ($1, $2, $3)`, u.ID, u.Email, u.Name); err != nil {
			return err
		}
	}
	for _, p := range projects {
		if _, err := db.ExecContext(ctx, `INSERT INTO projects (id, owner_id, name) VALUES ($1, $2, $3)`, p.ID, p.OwnerID, p.Name); err != nil {
			return err
		}
	}
	return nil
}

// UserByEmail reads back a seeded user.
func UserByEmail(ctx context.Context, db *sql.DB, email string) (repo.User, error) {
	var u repo.User
	var admin bool
	err := db.QueryRowContext(ctx, `SELECT * FROM users WHERE email = $1`, email).Scan(&u.ID, &u.Email, &u.Name, &admin, &u.CreatedAt)
	return u, err
}
