// Package oneof chooses its SQL on different paths: a site given one of
// several constant statements runs one of them per call, and is each of
// them for the checks.
package oneof // want `stats: 8 sites, 4 unresolved, 0 unparsed, 0 orm`

import (
	"context"
	"database/sql"

	"github.com/jmoiron/sqlx"
)

// Branches runs one statement or the other.
func Branches(ctx context.Context, db *sql.DB, admin bool) { // want `issuesQueries\(.*\)`
	q := "SELECT id FROM users"
	if admin {
		q = "SELECT id FROM admins"
	}
	db.QueryContext(ctx, q) // want `site query read "SELECT id FROM users;\\nSELECT id FROM admins"`
}

// HasTable assigns a blank variable in a switch on the driver, and
// rebinds it: the blank is no statement.
func HasTable(db *sqlx.DB, driver, name string) bool { // want `issuesQueries\(.*\)`
	var query string
	switch driver {
	case "sqlite3", "sqlite":
		query = "SELECT name FROM sqlite_master WHERE type='table' AND name=?"
	case "postgres":
		fallthrough
	case "mysql":
		query = "SELECT table_name FROM information_schema.tables WHERE table_name = ?"
	}
	query = db.Rebind(query)
	var n string
	return db.Get(&n, query, name) == nil // want `site query read "SELECT name FROM sqlite_master WHERE type='table' AND name=\?;\\nSELECT table_name FROM information_schema.tables WHERE table_name = \?"`
}

// Placeholders is one statement in the bind syntax of two drivers: that
// statement, as PostgreSQL writes it.
func Placeholders(db *sql.DB, pg bool) { // want `issuesQueries\(.*\)`
	q := "SELECT id FROM users WHERE id = ?"
	if pg {
		q = "SELECT id FROM users WHERE id = $1"
	}
	db.Query(q, 1) // want `site query read "SELECT id FROM users WHERE id = \$1"`
}

type Migrations struct{}

// schema returns the table's DDL for each driver: PostgreSQL's is the one
// the checks read; the others' words it refuses.
func (Migrations) schema(driver string) string {
	switch driver {
	case "sqlite3", "sqlite":
		return `CREATE TABLE IF NOT EXISTS migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, version INTEGER NOT NULL UNIQUE);`
	case "postgres":
		return `CREATE TABLE IF NOT EXISTS migrations (id SERIAL PRIMARY KEY, version INTEGER NOT NULL UNIQUE);`
	case "mysql":
		return `CREATE TABLE IF NOT EXISTS migrations (id INT NOT NULL AUTO_INCREMENT, version INT NOT NULL, PRIMARY KEY (id));`
	default:
		panic("unknown driver")
	}
}

func Create(db *sqlx.DB) { // want `issuesQueries\(.*\)`
	db.Exec(Migrations{}.schema(db.DriverName())) // want `site exec ddl "CREATE TABLE IF NOT EXISTS migrations \(id SERIAL PRIMARY KEY, version INTEGER NOT NULL UNIQUE\)"`
}

// Not one of several statements known here:

// One path's SQL is built from a parameter.
func Dynamic(db *sql.DB, table string, all bool) { // want `issuesQueries\(.*\)`
	q := "SELECT id FROM users"
	if all {
		q = "SELECT id FROM " + table
	}
	db.Query(q) // want `site query unknown unresolved: variable q holds different SQL on different paths`
}

// The choice is appended to afterwards.
func Appended(db *sql.DB, admin, limit bool) { // want `issuesQueries\(.*\)`
	q := "SELECT id FROM users"
	if admin {
		q = "SELECT id FROM admins"
	}
	if limit {
		q += " LIMIT 1"
	}
	db.Query(q) // want `site query unknown unresolved: variable q holds different SQL on different paths`
}

// The choice is a part of the statement: neither of its texts is one.
func Part(db *sql.DB, admin bool) { // want `issuesQueries\(.*\)`
	table := "users"
	if admin {
		table = "admins"
	}
	db.Query("SELECT id FROM " + table) // want `site query unknown unresolved: variable table holds different SQL on different paths`
}

// A function with a return that is not constant.
func pick(admin bool, table string) string {
	if admin {
		return "SELECT id FROM admins"
	}
	return "SELECT id FROM " + table
}

func Picked(db *sql.DB, admin bool, table string) { // want `issuesQueries\(.*\)`
	db.Query(pick(admin, table)) // want `site query unknown unresolved: SQL comes from a call to pick`
}
