// Package preparedstore prepares exported statements that another
// package runs.
package preparedstore

import "database/sql"

type Statements struct {
	ByID   *sql.Stmt
	ByName *sql.Stmt
	Either *sql.Stmt
}

func Prepare(db *sql.DB, admin bool) (s Statements) {
	s.ByID, _ = db.Prepare("SELECT id FROM users WHERE id = $1")
	s.ByName, _ = db.Prepare("SELECT id FROM users WHERE name = $1")
	s.Either, _ = db.Prepare("DELETE FROM users")
	if admin {
		s.Either, _ = db.Prepare("DELETE FROM admins")
	}
	return s
}
