package builders

import (
	"fmt"
	"strings"

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

// RunTimeColumns selects a column list built at run time: it stands in as
// a parameter, the rest of the statement is read.
func RunTimeColumns(db *sql.DB, cols []string, id int) { // want `issuesQueries\(.*\)`
	sq.Select(strings.Join(cols, ", ")).From("users").Where(sq.Eq{"id": id}).RunWith(db).Query() // want `site orm read "SELECT \$1 FROM users WHERE \(id = \$2\)"`
	sq.Select("id", columnsOf(row{})).From("users").RunWith(db).Query()                          // want `site orm read "SELECT id, \$1 FROM users"`

	sq.Select(cols...).From("users").RunWith(db).Query() // want `site orm read unresolved: built by squirrel at run time: columns are not constant`
	for _, c := range cols {
		sq.Select(c).From("users").Where(sq.Eq{"id": id}).RunWith(db).Query() // want `site orm read unresolved: built by squirrel at run time: columns are not constant`
	}
}

func columnsOf(v any) string { return fmt.Sprint(v) }

// NoFrom selects an expression: squirrel writes no FROM; a ? in a column
// is numbered with the statement's.
func NoFrom(db *sql.DB, name string, since int) { // want `issuesQueries\(.*\)`
	psql.Select("EXISTS (SELECT 1 FROM users WHERE name = ?)").RunWith(db).QueryRow()                     // want `site orm read "SELECT EXISTS \(SELECT 1 FROM users WHERE name = \$1\)"`
	psql.Select("GREATEST(created, ?) AS since").From("users").Where("id > ?", since).RunWith(db).Query() // want `site orm read "SELECT GREATEST\(created, \$1\) AS since FROM users WHERE \(id > \$2\)"`
}

// runColumns is a fixed list: a literal of constants nothing else writes.
var runColumns = []string{"uuid", "name", "state"}

// FixedColumns selects a package-level list of constant columns: read
// item by item. One a function fills is not.
func FixedColumns(db *sql.DB, id string) { // want `issuesQueries\(.*\)`
	sq.Select(runColumns...).From("run_details").Where(sq.Eq{"uuid": id}).RunWith(db).Query() // want `site orm read "SELECT uuid, name, state FROM run_details WHERE \(uuid = \$1\)"`
	local := []string{"uuid", "state"}
	sq.Select(local...).From("run_details").RunWith(db).Query()    // want `site orm read "SELECT uuid, state FROM run_details"`
	sq.Select(filled()...).From("run_details").RunWith(db).Query() // want `site orm read unresolved: built by squirrel at run time: columns are not constant`
}

func filled() []string { return []string{"uuid"} }
