// Package dialect holds MySQL-style SQL and SQL that does not parse.
package dialect // want `stats: 2 sites, 0 unresolved, 1 unparsed, 0 orm`

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
