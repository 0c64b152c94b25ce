package core

import "database/sql"

// Runner applies a list's migrations.
type Runner struct {
	db   *sql.DB
	list List
}

func NewRunner(db *sql.DB, list List) *Runner { return &Runner{db: db, list: list} }

// Up runs the migrations not applied yet and records them.
func (r *Runner) Up() error {
	if _, err := r.db.Exec("CREATE TABLE IF NOT EXISTS _migrations (file TEXT PRIMARY KEY)"); err != nil {
		return err
	}
	for _, m := range r.list.Items() {
		var n int
		if err := r.db.QueryRow("SELECT count(*) FROM _migrations WHERE file = $1", m.File).Scan(&n); err != nil || n > 0 {
			continue
		}
		tx, err := r.db.Begin()
		if err != nil {
			return err
		}
		if err := m.Up(tx); err != nil {
			tx.Rollback()
			return err
		}
		if _, err := tx.Exec("INSERT INTO _migrations (file) VALUES ($1)", m.File); err != nil {
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// Down reverts the last migration.
func (r *Runner) Down() error {
	items := r.list.Items()
	for _, m := range items[len(items)-1:] {
		tx, err := r.db.Begin()
		if err != nil {
			return err
		}
		if m.Down != nil {
			if err := m.Down(tx); err != nil {
				return err
			}
		}
		if _, err := tx.Exec("DELETE FROM _migrations WHERE file = $1", m.File); err != nil {
			return err
		}
		tx.Commit()
	}
	return nil
}
