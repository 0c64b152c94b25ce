// Package goqubuilders runs goqu datasets: each chain ending in a
// finisher, or whose ToSQL text a database call runs, is a site with
// the statement goqu sends; what cannot be read is unresolved, with
// the reason.
package goqubuilders // want `stats: 29 sites, 6 unresolved, 0 unparsed, 19 orm`

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/doug-martin/goqu/v9"
)

type User struct {
	ID    int    `db:"id"`
	Name  string `db:"name"`
	Email string
	Skip  string `db:"-"`
}

var dialect = goqu.Dialect("postgres")

func Finishers(ctx context.Context, db *goqu.Database, id int, ids []int, name string) { // want `issuesQueries\(.*\)`
	var users []User
	var u User
	db.From("users").Where(goqu.Ex{"org_id": id, "deleted_at": nil}).Order(goqu.C("name").Asc()).Limit(10).ScanStructs(&users) // want `site orm read "SELECT id, name, email FROM users WHERE \(deleted_at IS NULL AND org_id = \$1\) ORDER BY name ASC LIMIT 10"`
	db.From("users").Select("id", "name").Where(goqu.C("id").In(ids)).ScanStructsContext(ctx, &users)                          // want `site orm read "SELECT id, name FROM users WHERE \(id IN \(\$1\)\)"`
	db.From("users").Where(goqu.C("email").Eq(name)).ScanStruct(&u)                                                            // want `site orm read "SELECT id, name, email FROM users WHERE \(email = \$1\) LIMIT 1"`
	db.From("users").Where(goqu.Ex{"org_id": goqu.Op{"gt": id}}, goqu.C("active").IsTrue()).Count()                            // want `site orm read "SELECT COUNT\(\*\) AS .*count.* FROM users WHERE \(org_id > \$1\) AND \(active IS TRUE\) LIMIT 1"`
	var names []string
	db.From("users").Where(goqu.ExOr{"name": name, "email": name}).Pluck(&names, "name")                                                                                              // want `site orm read "SELECT name FROM users WHERE \(\(email = \$1 OR name = \$2\)\)"`
	db.From(goqu.T("users").As("u")).InnerJoin(goqu.T("orgs").As("o"), goqu.On(goqu.Ex{"o.id": goqu.I("u.org_id")})).Select("u.id").Where(goqu.I("o.name").Eq(name)).ScanVals(&names) // want `site orm read "SELECT u\.id FROM users AS u INNER JOIN orgs AS o ON \(o\.id = u\.org_id\) WHERE \(o\.name = \$1\)"`
	db.Insert("users").Rows(goqu.Record{"name": name, "org_id": id}).Returning("id").Executor().ScanVal(&id)                                                                          // want `site orm write "INSERT INTO users \(name, org_id\) VALUES \(\$1, \$2\) RETURNING id"`
	db.Insert("users").Rows(u).Executor().Exec()                                                                                                                                      // want `site orm write "INSERT INTO users \(id, name, email\) VALUES \(\$1, \$2, \$3\)"`
	db.Update("users").Set(goqu.Record{"name": name}).Where(goqu.C("id").Eq(id)).Executor().ExecContext(ctx)                                                                          // want `site orm write "UPDATE users SET name = \$1 WHERE \(id = \$2\)"`
	db.Delete("users").Where(goqu.And(goqu.C("org_id").Lt(3), goqu.Or(goqu.C("name").Like(name), goqu.C("name").IsNull()))).Executor().Exec()                                         // want `site orm write "DELETE FROM users WHERE \(\(org_id < \$1\) AND \(\(name LIKE \$2\) OR \(name IS NULL\)\)\)"`
	db.From("users").Where(goqu.C("org_id").Eq(id)).Delete().Executor().Exec()                                                                                                        // want `site orm write "DELETE FROM users WHERE \(org_id = \$1\)"`
}

func ToSQL(db *sql.DB, gdb *goqu.Database, id int) { // want `issuesQueries\(.*\)`
	q, args, _ := dialect.From("users").Select("id").Where(goqu.Ex{"org_id": id}).ToSQL()
	db.Query(q, args...) // want `site query read "SELECT id FROM users WHERE \(org_id = \$1\)"`

	q2, args2, _ := goqu.Update("users").Set(goqu.Record{"seen": true}).Where(goqu.Ex{"id": id}).ToSQL()
	db.Exec(q2, args2...) // want `site exec write "UPDATE users SET seen = \$1 WHERE \(id = \$2\)"`

	var users []User
	q3, _, _ := goqu.From("users").Where(goqu.Ex{"email": "x"}).ToSQL()
	gdb.ScanStructs(&users, q3) // want `site query read "SELECT \* FROM users WHERE \(email = \$1\)"`

	q4, _, _ := goqu.From("users").Where(goqu.Ex{"id": id}).ToSQL()
	fmt.Println(q4) // silent: only printed, never run
}

// Values where goqu takes values (COALESCE's, Func's), literals where
// it takes SQL, an upsert's conditional update.
func Expressions(db *goqu.Database, name string, u User) { // want `issuesQueries\(.*\)`
	var users []User
	db.From("users").Select("id", goqu.COALESCE(goqu.C("scope"), "").As("scope")).Where(goqu.L("lower(name)").Eq(name), goqu.C("active").Eq(goqu.V(true))).ScanStructs(&users) // want `site orm read "SELECT id, COALESCE\(scope, \$1\) AS scope FROM users WHERE \(lower\(name\) = \$2\) AND \(active = \$3\)"`
	db.Insert(goqu.T("users").As("u")).Rows(u).OnConflict(goqu.DoUpdate("id", u).Where(goqu.L("EXCLUDED.name").Eq(goqu.L("u.name")))).Executor().Exec()                        // want `site orm write "INSERT INTO users AS u \(id, name, email\) VALUES \(\$1, \$2, \$3\) ON CONFLICT \(id\) DO UPDATE SET id = \$4, name = \$5, email = \$6 WHERE \(EXCLUDED\.name = u\.name\)"`
}

// Built across statements: every addition is taken, those under a
// condition optional.
func Stepwise(db *goqu.Database, org int, name string) { // want `issuesQueries\(.*\)`
	ds := db.From("users").Where(goqu.C("org_id").Eq(org))
	if name != "" {
		ds = ds.Where(goqu.C("name").Eq(name))
	}
	var users []User
	ds.ScanStructs(&users) // want `site orm read "SELECT id, name, email FROM users WHERE \(org_id = \$1\) AND \(name = \$2\)" optional users\.name =`

	ex := goqu.Ex{"org_id": org}
	if name != "" {
		ex["name"] = name
	}
	db.From("users").Where(ex).Executor().ScanStructs(&users) // want `site orm read "SELECT \* FROM users WHERE \(name = \$1 AND org_id = \$2\)" optional users\.name =`
}

// What only run time knows leaves the site unresolved, with the reason:
// a table or condition handed in, columns given as a list, a record
// map from elsewhere, a compound statement goqu writes that is not
// modeled (an ordered or limited side of a UNION).
func Unknown(db *goqu.Database, table string, cond goqu.Expression, cols []interface{}, rec map[string]interface{}) { // want `issuesQueries\(.*\)`
	var users []User
	db.From(table).ScanStructs(&users)                                                      // want `site orm read unresolved: built by goqu at run time: table table is not constant`
	db.From("users").Where(cond).ScanStructs(&users)                                        // want `site orm read unresolved: built by goqu at run time: condition cond is known only at run time`
	db.From("users").Select(cols...).ScanStructs(&users)                                    // want `site orm read unresolved: built by goqu at run time: columns are not constant`
	db.Update("users").Set(rec).Executor().Exec()                                           // want `site orm write unresolved: built by goqu at run time: columns of rec are known only at run time`
	db.From("users").Order(goqu.C("id").Asc()).Union(db.From("admins")).ScanStructs(&users) // want `site orm read unresolved: built by goqu at run time: Union of an ordered or limited dataset is not modeled`
	// A compound statement: each side read.
	db.From("users").Union(db.From("admins").Where(goqu.C("id").Eq(1))).ScanStructs(&users) // want `site orm read "SELECT id, name, email FROM users UNION \(SELECT \* FROM admins WHERE \(id = \$1\)\)"`
}

// run takes the dataset and runs its ToSQL text: a wrapper, each call
// of it a site with the statement of the dataset given.
func run(db *sql.DB, ds *goqu.SelectDataset) error { // want `sqlParam\(1, query, builder\)`
	q, args, err := ds.ToSQL()
	if err != nil {
		return err
	}
	_, err = db.Query(q, args...)
	return err
}

// scan runs the dataset it is given by a finisher: its statement is
// the caller's, which it cannot see.
func scan(ds *goqu.SelectDataset, out any) error { // want `issuesQueries\(read \? @.*\)`
	return ds.ScanStructs(out) // want `site orm read unresolved: built by goqu at run time: chain starts at parameter ds: the statement is the caller's`
}

func Wrapped(db *sql.DB, id int) { // want `issuesQueries\(.*\)`
	run(db, goqu.From("users").Where(goqu.C("id").Eq(id))) // want `site query read "SELECT \* FROM users WHERE \(id = \$1\)"`
	var users []User
	// A call, not a site: scan's own finisher is the site, unresolved.
	scan(goqu.From("users"), &users) // want `call goqubuilders\.scan`
}

// Destinations and rows of no struct type here: their columns stand as
// parameters, the site partial; its table and filters are still read.
func Partial(db *goqu.Database, out any, rows []any, id int) { // want `issuesQueries\(.*\)`
	db.From("users").Where(goqu.C("org_id").Eq(id)).ScanStructs(out) // want `site orm read "SELECT \$2 FROM users WHERE \(org_id = \$1\)" partial: columns of out`
	db.Insert("users").Rows(rows...).Executor().Exec()               // want `site orm write "INSERT INTO users VALUES \(\$1\)" partial: inserted columns of rows`
}
