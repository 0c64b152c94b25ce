package data

import (
	"database/sql"
	"fmt"
)

// EmbeddedPattern reads an embedded file whose name is built at run time:
// every embedded file the name's pattern matches may be read.
func EmbeddedPattern(db *sql.DB, field, driver, name string, version int) { // want `issuesQueries\(.*\)`
	// One file matches: its statement.
	b, _ := files.ReadFile(fmt.Sprintf("queries/by_%s.sql", field))
	db.Query(string(b)) // want `site query read "SELECT id FROM notes WHERE title = \$1\\n"`
	// One statement per dialect, in their bind syntax: that statement.
	c, _ := files.ReadFile(fmt.Sprintf("queries/count.%s.sql", driver))
	db.Query(string(c)) // want `site query read "SELECT count\(\*\) FROM notes WHERE id = \$1\\n"`
	// Different statements: which one runs is not known.
	d, _ := files.ReadFile(fmt.Sprintf("queries/%s.sql", name))
	db.Query(string(d)) // want `site query unknown unresolved: SQL is one of 5 embedded files matching queries/….sql \(by_title.sql, count.postgres.sql, count.sqlite.sql, get.sql, list.sql\)`
	// None matches; the pattern is said with … for what is known only at
	// run time.
	e, _ := files.ReadFile(fmt.Sprintf("queries/%04d_%s.json", version, name))
	db.Query(string(e)) // want `site query unknown unresolved: no file embedded in files matches queries/…_….json`
	// A run-time part never spans a directory.
	f, _ := files.ReadFile(fmt.Sprintf("%s.sql", name))
	db.Query(string(f)) // want `site query unknown unresolved: no file embedded in files matches ….sql`
}
