package seeding

import (
	"context"
	"database/sql"
)

// SeedUsers says seed by its name, and so does its closure.
func SeedUsers(ctx context.Context, db *sql.DB, names []string) {
	insert := func(n string) {
		db.ExecContext(ctx, `INSERT INTO users (name) VALUES ($1)`, n)
	}
	for _, n := range names {
		insert(n) // silent: seeding
	}
}

// DemoService's methods make a demo instance's data.
type DemoService struct{ db *sql.DB }

func (s *DemoService) addContacts(ctx context.Context, emails []string) {
	for _, e := range emails {
		s.db.ExecContext(ctx, `INSERT INTO contacts (email) VALUES ($1)`, e) // silent: the receiver says demo
	}
}

// LoadFixtures loads a developer's fixtures.
func LoadFixtures(ctx context.Context, db *sql.DB, names []string) {
	for _, n := range names {
		db.ExecContext(ctx, `INSERT INTO users (name) VALUES ($1)`, n) // silent
	}
}

// Demographics is no demo: a word is whole or it is not the word.
func Demographics(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		db.ExecContext(ctx, `UPDATE users SET counted = true WHERE id = $1`, id) // want `UPDATE users .* once per item of ids`
	}
}

// Reseed is one word, a cache's, not seed data.
func (s *Cache) Reseed(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		db.QueryRowContext(ctx, `SELECT name FROM users WHERE id = $1`, id) // want `SELECT from users .* once per item of ids`
	}
}

type Cache struct{}

// ResetDemo calls seeding code in a loop of its own: the loop is the
// caller's, named for nothing, and reported.
func ResetAll(ctx context.Context, db *sql.DB, tenants [][]string) {
	for _, names := range tenants {
		SeedUsers(ctx, db, names) // want `seeding.SeedUsers runs .* once per item of tenants`
	}
}

// InitDB sets a new installation's database up, table by table.
func InitDB(ctx context.Context, db *sql.DB, tables []string) {
	for _, t := range tables {
		db.ExecContext(ctx, `INSERT INTO installed (name) VALUES ($1)`, t) // silent: set-up
	}
}
