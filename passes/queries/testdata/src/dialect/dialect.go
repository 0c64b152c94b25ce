// Package dialect holds MySQL-style SQL and SQL that does not parse.
package dialect // want `stats: 5 sites, 0 unresolved, 2 unparsed, 0 orm`

import (
	"context"
	"database/sql"
)

func MySQL(ctx context.Context, db *sql.DB) { // want `issuesQueries\(.*\)`
	db.QueryContext(ctx, "SELECT `id` FROM `users` WHERE `email` = ? AND status = ?", "a", "b") // want `site query read "SELECT \x60id\x60 FROM \x60users\x60 WHERE \x60email\x60 = \? AND status = \?"`
}

func Broken(ctx context.Context, db *sql.DB) { // want `issuesQueries\(.*\)`
	db.ExecContext(ctx, "SELEC id FRM users") // want `site exec write "SELEC id FRM users" unparsed`
}

// SQLite's settings are statements no check reads, not SQL that failed
// to parse; a script mixing one with a statement the parser refuses is.
func SQLite(ctx context.Context, db *sql.DB) { // want `issuesQueries\(.*\)`
	db.ExecContext(ctx, "PRAGMA foreign_keys = ON")                          // want `site exec other "PRAGMA foreign_keys = ON"`
	db.ExecContext(ctx, "PRAGMA foreign_keys=OFF; PRAGMA user_version = 3")  // want `site exec other "PRAGMA foreign_keys=OFF; PRAGMA user_version = 3"`
	db.ExecContext(ctx, "PRAGMA foreign_keys=OFF; REPLAC INTO t VALUES (1)") // want `site exec other "PRAGMA foreign_keys=OFF; REPLAC INTO t VALUES \(1\)" unparsed`
}
