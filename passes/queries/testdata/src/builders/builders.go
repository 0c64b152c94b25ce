package builders // want `stats: 31 sites, 9 unresolved, 0 unparsed, 18 orm`

import (
	"context"
	"database/sql"

	sq "github.com/Masterminds/squirrel"
	"github.com/pocketbase/dbx"
)

var psql = sq.StatementBuilder.PlaceholderFormat(sq.Dollar)

func Squirrel(ctx context.Context, db *sql.DB, id int, ids []int, name string) { // want `issuesQueries\(.*\)`
	q, args, _ := psql.Select("id", "name").From("users").Where(sq.Eq{"org_id": id, "deleted_at": nil}).OrderBy("name").Limit(10).ToSql()
	db.QueryContext(ctx, q, args...) // want `site query read "SELECT id, name FROM users WHERE \(deleted_at IS NULL AND org_id = \$1\) ORDER BY name LIMIT 10"`

	sq.Select("id").From("users").Where(sq.Eq{"id": ids}).RunWith(db).Query()                                      // want `site orm read "SELECT id FROM users WHERE \(id IN \(\$1\)\)"`
	sq.Select("*").From("users").Where("name = ? AND org_id > ?", name, id).RunWith(db).QueryRowContext(ctx)       // want `site orm read "SELECT \* FROM users WHERE \(name = \$1 AND org_id > \$2\)"`
	sq.Insert("users").Columns("name", "org_id").Values(name, id).Suffix("RETURNING id").RunWith(db).QueryRow()    // want `site orm write "INSERT INTO users \(name, org_id\) VALUES \(\$1, \$2\) RETURNING id"`
	sq.Update("users").Set("name", name).Where(sq.Eq{"id": id}).RunWith(db).Exec()                                 // want `site orm write "UPDATE users SET name = \$1 WHERE \(id = \$2\)"`
	sq.Delete("users").Where(sq.Or{sq.Lt{"org_id": 3}, sq.Expr("name LIKE ?", name)}).RunWith(db).ExecContext(ctx) // want `site orm write "DELETE FROM users WHERE \(\(org_id < \$1\) OR \(name LIKE \$2\)\)"`

	// Built across statements and helpers: every addition is taken, those
	// under a condition optional.
	b := activeUsers().Columns("email")
	if name != "" {
		b = b.Where(sq.Eq{"name": name})
	}
	b.RunWith(db).Query() // want `site orm read "SELECT id, email FROM users WHERE \(deleted_at IS NULL\) AND \(name = \$1\)" optional users.name =`
}

func activeUsers() sq.SelectBuilder { // want `builderAdds\(-1, SELECT id FROM users WHERE \(deleted_at IS NULL\)\)`
	return sq.Select("id").From("users").Where("deleted_at IS NULL")
}

func SquirrelUnknown(db *sql.DB, table string, cond sq.Sqlizer, b sq.SelectBuilder) { // want `issuesQueries\(.*\)` `sqlParam\(3, query, builder\)`
	sq.Select("id").From(table).RunWith(db).Query()               // want `site orm read unresolved: built by squirrel at run time: table is not constant`
	sq.Select("id").From("users").Where(cond).RunWith(db).Query() // want `site orm read unresolved: built by squirrel at run time: condition cond is known only at run time`
	q, _, _ := b.ToSql()
	db.Query(q) // silent: a wrapper's own call (the statement is the caller's), its callers are the sites
}

type row struct{ ID int }

func Dbx(db *dbx.DB, tx *dbx.Tx, id int, ids []any) { // want `issuesQueries\(.*\)`
	var rows []row
	db.NewQuery("SELECT id FROM {{users}} WHERE [[org_id]] = {:org}").Bind(dbx.Params{"org": id}).All(&rows)                                                   // want `site orm read "SELECT id FROM users WHERE org_id = \$1"`
	db.Select("id", "name").From("users").Where(dbx.HashExp{"org_id": id}).AndWhere(dbx.NewExp("name <> {:n}", dbx.Params{"n": "x"})).OrderBy("id").All(&rows) // want `site orm read "SELECT id, name FROM users WHERE \(org_id = \$1\) AND \(name <> \$2\) ORDER BY id"`
	tx.Select().From("users").Where(dbx.In("id", ids...)).One(&rows)                                                                                           // want `site orm read "SELECT \* FROM users WHERE \(id IN \(\$1\)\)"`
	db.Insert("users", dbx.Params{"name": "a", "org_id": id}).Execute()                                                                                        // want `site orm write "INSERT INTO users \(name, org_id\) VALUES \(\$1, \$2\)"`
	db.Update("users", dbx.Params{"name": "b"}, dbx.HashExp{"id": id}).Execute()                                                                               // want `site orm write "UPDATE users SET name = \$1 WHERE \(id = \$2\)"`
	db.Delete("users", dbx.And(dbx.HashExp{"org_id": id}, dbx.NewExp("id > 3"))).Execute()                                                                     // want `site orm write "DELETE FROM users WHERE \(\(org_id = \$1\) AND \(id > 3\)\)"`

	q, args, _ := sq.Select("id").From("users").Where(sq.Eq{"email": "x"}).ToSql()
	db.NewQuery(q).Bind(dbx.Params{"a": args}).Execute() // want `site orm read "SELECT id FROM users WHERE \(email = \$1\)"`
}

func DbxUnknown(db dbx.Builder, table string, where dbx.Expression, q *dbx.SelectQuery) { // want `issuesQueries\(.*\)`
	var rows []row
	db.Select("id").From(table).All(&rows)                // want `site orm read unresolved: built by dbx at run time: table is not constant`
	db.Select("id").From("users").Where(where).All(&rows) // want `site orm read unresolved: built by dbx at run time: condition where is known only at run time`
	q.All(&rows)                                          // want `site orm read unresolved: built by dbx at run time: chain starts at parameter q: the statement is the caller's`
}
