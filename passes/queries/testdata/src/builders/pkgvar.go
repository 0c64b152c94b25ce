package builders

import (
	"database/sql"

	sq "github.com/Masterminds/squirrel"
)

// users is a statement kept in a package-level variable: squirrel's
// builders are values, so each use adds to what it holds.
var users = psql.Select("id", "name").
	From("users").
	Join("orgs ON orgs.id = users.org_id")

// later is reassigned at run time: what it holds is unknown.
var later = sq.Select("id").From("users")

func SetLater(b sq.SelectBuilder) { later = b }

func PackageVar(db *sql.DB, id int, name string) { // want `issuesQueries\(.*\)`
	q, args, _ := users.Where("users.id = ?", id).ToSql()
	db.Query(q, args...) // want `site query read "SELECT id, name FROM users JOIN orgs ON orgs.id = users.org_id WHERE \(users.id = \$1\)"`

	users.Where(sq.Eq{"name": name}).RunWith(db).Query() // want `site orm read "SELECT id, name FROM users JOIN orgs ON orgs.id = users.org_id WHERE \(name = \$1\)"`

	later.Where(sq.Eq{"id": id}).RunWith(db).Query() // want `site orm read unresolved: built by squirrel at run time: no statement started in the chain`
}
