// Package rebind uses a handle interface whose Rebind is sqlx's: the SQL
// it is given is the statement the query runs.
package rebind // want `stats: 6 sites, 2 unresolved, 0 unparsed, 0 orm`

import (
	"context"

	"github.com/jmoiron/sqlx"

	"rebind/handle"
)

type Repo struct{ ID int64 }

// Delete rebinds a constant, then runs it.
func Delete(ctx context.Context, h handle.Handler, id int64) error { // want `issuesQueries\(.*\)`
	query := h.Rebind(`DELETE FROM repos WHERE id = ?`)
	_, err := h.ExecContext(ctx, query, id) // want `site exec write "DELETE FROM repos WHERE id = \?"`
	return err
}

// Get rebinds in the call's argument list.
func Get(ctx context.Context, h handle.Handler, name string) (Repo, error) { // want `issuesQueries\(.*\)`
	var r Repo
	err := h.GetContext(ctx, &r, h.Rebind("SELECT id FROM repos WHERE name = ?"), name) // want `site query read "SELECT id FROM repos WHERE name = \?"`
	return r, err
}

// Twice rebinds a variable already rebound.
func Twice(ctx context.Context, h handle.Handler, name string) error { // want `issuesQueries\(.*\)`
	query := h.Rebind("UPDATE repos SET name = ? WHERE id = 1")
	_, err := h.ExecContext(ctx, h.Rebind(query), name) // want `site exec write "UPDATE repos SET name = \? WHERE id = 1"`
	return err
}

// Other is silent about what an interface that is no database handle
// does to a text: its Rebind could be anything.
func Other(ctx context.Context, db *sqlx.DB, rb handle.Rebinder) error { // want `issuesQueries\(.*\)`
	_, err := db.ExecContext(ctx, rb.Rebind("DELETE FROM repos")) // want `site exec write unresolved: SQL comes from a call to Rebind`
	return err
}

// Own is a handle interface sqlx does not implement (its Rebind takes a
// bind type): its methods are nobody's query methods.
type Own interface {
	Rebind(int, string) string
	ExecContext(context.Context, string, ...interface{}) error
}

func Mine(ctx context.Context, db *sqlx.DB, o Own) error { // want `issuesQueries\(.*\)`
	_, err := db.ExecContext(ctx, o.Rebind(1, "DELETE FROM repos")) // want `site exec write unresolved: SQL comes from a call to Rebind`
	return err
}

// Direct is sqlx's own Rebind, as before.
func Direct(ctx context.Context, db *sqlx.DB) error { // want `issuesQueries\(.*\)`
	_, err := db.ExecContext(ctx, db.Rebind("DELETE FROM repos WHERE id = ?"), 1) // want `site exec write "DELETE FROM repos WHERE id = \?"`
	return err
}
