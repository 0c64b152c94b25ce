// Package bindnamed binds named parameters (and expands lists) with sqlx
// before running the statement: the SQL a query runs is the statement
// given to BindNamed, Named, In and Rebind, its :name and ? placeholders
// numbered by the parser as sqlx numbers them.
package bindnamed // want `stats: 10 sites, 3 unresolved, 0 unparsed, 0 orm`

import (
	"context"
	"os"

	"github.com/jmoiron/sqlx"

	"rebind/handle"
)

type check struct {
	RepoID int64  `db:"check_repo_id"`
	UID    string `db:"check_uid"`
}

const insertCheck = `INSERT INTO checks (check_repo_id, check_uid, check_created)
VALUES (:check_repo_id, :check_uid, now()::date)
RETURNING check_id`

// Create binds on a program's own handle interface that embeds sqlx's
// ExtContext: its BindNamed is sqlx's.
func Create(ctx context.Context, db handle.Accessor, c check) (int64, error) { // want `issuesQueries\(.*\)`
	query, arg, err := db.BindNamed(insertCheck, c)
	if err != nil {
		return 0, err
	}
	var id int64
	err = db.QueryRowContext(ctx, query, arg...).Scan(&id) // want `site query write "INSERT INTO checks \(check_repo_id, check_uid, check_created\)\\nVALUES \(:check_repo_id, :check_uid, now\(\)::date\)\\nRETURNING check_id"`
	return id, err
}

// Update binds on *sqlx.DB itself; a :name inside a string literal is
// text, not a parameter.
func Update(ctx context.Context, db *sqlx.DB, c check) error { // want `issuesQueries\(.*\)`
	query, arg, err := db.BindNamed(`UPDATE checks SET check_uid = :check_uid WHERE check_repo_id = :check_repo_id AND check_uid <> ':none'`, c)
	if err != nil {
		return err
	}
	_, err = db.ExecContext(ctx, query, arg...) // want `site exec write "UPDATE checks SET check_uid = :check_uid WHERE check_repo_id = :check_repo_id AND check_uid <> ':none'"`
	return err
}

// Tx binds on a transaction.
func Tx(ctx context.Context, tx *sqlx.Tx, c check) error { // want `issuesQueries\(.*\)`
	query, arg, err := tx.BindNamed(`DELETE FROM checks WHERE check_repo_id = :check_repo_id`, c)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, query, arg...) // want `site exec write "DELETE FROM checks WHERE check_repo_id = :check_repo_id"`
	return err
}

// Named binds with sqlx's function, then rebinds on the handle interface.
func Named(ctx context.Context, db handle.Accessor, c check) error { // want `issuesQueries\(.*\)`
	query, args, err := sqlx.Named(`SELECT check_id FROM checks WHERE check_uid = :check_uid`, c)
	if err != nil {
		return err
	}
	query = db.Rebind(query)
	var id int64
	return db.GetContext(ctx, &id, query, args...) // want `site query read "SELECT check_id FROM checks WHERE check_uid = :check_uid"`
}

// Bind names the bind type itself.
func Bind(ctx context.Context, db *sqlx.DB, c check) error { // want `issuesQueries\(.*\)`
	query, args, err := sqlx.BindNamed(sqlx.DOLLAR, `SELECT check_id FROM checks WHERE check_repo_id = :check_repo_id`, c)
	if err != nil {
		return err
	}
	_, err = db.QueryContext(ctx, query, args...) // want `site query read "SELECT check_id FROM checks WHERE check_repo_id = :check_repo_id"`
	return err
}

// In expands a list, then rebinds on the handle interface.
func In(ctx context.Context, db handle.Accessor, ids []int64) error { // want `issuesQueries\(.*\)`
	query, args, err := sqlx.In(`DELETE FROM checks WHERE check_id IN (?)`, ids)
	if err != nil {
		return err
	}
	_, err = db.ExecContext(ctx, db.Rebind(query), args...) // want `site exec write "DELETE FROM checks WHERE check_id IN \(\?\)"`
	return err
}

// Rebound binds by the bind type of a driver name.
func Rebound(ctx context.Context, db *sqlx.DB, ids []int64) error { // want `issuesQueries\(.*\)`
	query, args, err := sqlx.In(`SELECT check_id FROM checks WHERE check_id IN (?)`, ids)
	if err != nil {
		return err
	}
	_, err = db.QueryContext(ctx, sqlx.Rebind(sqlx.BindType("postgres"), query), args...) // want `site query read "SELECT check_id FROM checks WHERE check_id IN \(\?\)"`
	return err
}

// Env binds a statement read at run time: unknown, and said why.
func Env(ctx context.Context, db handle.Accessor, c check) error { // want `issuesQueries\(.*\)`
	query, arg, err := db.BindNamed(os.Getenv("CHECKS_QUERY"), c)
	if err != nil {
		return err
	}
	_, err = db.ExecContext(ctx, query, arg...) // want `site exec write unresolved: SQL comes from a call to Getenv`
	return err
}

// Other binds with an interface that is no database handle: its
// BindNamed could do anything to the text.
func Other(ctx context.Context, db *sqlx.DB, b handle.Binder, c check) error { // want `issuesQueries\(.*\)`
	query, arg, err := b.BindNamed(insertCheck, c)
	if err != nil {
		return err
	}
	_, err = db.ExecContext(ctx, query, arg...) // want `site exec write unresolved: SQL comes from a call to BindNamed`
	return err
}

// Result is the arguments BindNamed returns, not SQL.
func Result(ctx context.Context, db *sqlx.DB, c check) error { // want `issuesQueries\(.*\)`
	_, arg, err := db.BindNamed(insertCheck, c)
	if err != nil {
		return err
	}
	_, err = db.ExecContext(ctx, arg[0].(string)) // want `site exec write unresolved: .*`
	return err
}
