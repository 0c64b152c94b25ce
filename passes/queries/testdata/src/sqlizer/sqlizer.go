// Package sqlizer runs every statement through a shared base that takes
// the builder, not its text: each call of the base's methods is a query
// site with the SQL of the chain the caller builds.
package sqlizer // want `stats: 10 sites, 4 unresolved, 0 unparsed, 0 orm`

import (
	"context"
	"fmt"
	"regexp"

	sq "github.com/Masterminds/squirrel"
	"github.com/pocketbase/dbx"
)

type Base struct {
	ctx   context.Context
	db    dbx.Builder
	table string // written with two tables below: ambiguous
}

var placeholder = regexp.MustCompile(`\?`)

// toSQL renames the placeholders: the statement is the builder's.
func (b Base) toSQL(s sq.Sqlizer) (string, dbx.Params, error) {
	query, args, err := s.ToSql()
	if err != nil {
		return "", nil, err
	}
	params := dbx.Params{}
	n := 0
	out := placeholder.ReplaceAllStringFunc(query, func(string) string {
		p := fmt.Sprintf("p%d", n)
		params[p] = args[n]
		n++
		return "{:" + p + "}"
	})
	return out, params, nil
}

func (b Base) QueryOne(s sq.Sqlizer, out any) error { // want `sqlParam\(0, query, builder\)`
	query, args, err := b.toSQL(s)
	if err != nil {
		return err
	}
	return b.db.NewQuery(query).Bind(args).WithContext(b.ctx).One(out) // silent: the wrapper's own call, its callers are the sites
}

// QueryAll paginates on some paths only: the caller's statement is the
// one run on the others.
func (b Base) QueryAll(s sq.SelectBuilder, out any, deep bool) error { // want `sqlParam\(0, query, builder\)`
	if deep {
		s = s.Offset(100)
	}
	query, args, err := b.toSQL(s)
	if err != nil {
		return err
	}
	return b.db.NewQuery(query).Bind(args).All(out)
}

func (b Base) Exec(s sq.Sqlizer) error { // want `sqlParam\(0, query, builder\)`
	query, _, _ := s.ToSql()
	_, err := b.db.NewQuery(query).Execute()
	return err
}

// Count replaces the caller's columns on every path: no pass-through,
// and its own call is a site whose statement it cannot know.
func (b Base) Count(s sq.SelectBuilder) (int64, error) { // want `issuesQueries\(.*\)`
	s = s.Columns("count(*)")
	var res struct{ Count int64 }
	err := b.QueryOne(s, &res) // want `site query unknown unresolved: builder parameter s is changed before it runs`
	return res.Count, err
}

// A string wrapper finished by dbx is a wrapper too.
func (b Base) Raw(query string, out any) error { // want `sqlParam\(0, query\)`
	return b.db.NewQuery(query).All(out)
}

type row struct{ ID int }

type Users struct{ Base }

func NewUsers(db dbx.Builder) Users { return Users{Base{db: db, table: "users"}} }

// Two callers building different selects: each call is a site with its
// caller's statement.
func (u Users) ByID(id int) error { // want `issuesQueries\(.*\)`
	var out row
	return u.QueryOne(sq.Select("id", "name").From("users").Where(sq.Eq{"id": id}), &out) // want `site query read "SELECT id, name FROM users WHERE \(id = \$1\)"`
}

func (u Users) ByOrg(org int) error { // want `issuesQueries\(.*\)`
	var out []row
	return u.QueryAll(sq.Select("*").From("users").Where(sq.Eq{"org_id": org}).OrderBy("name"), &out, false) // want `site query read "SELECT \* FROM users WHERE \(org_id = \$1\) ORDER BY name"`
}

// A builder from a helper whose chain starts from constants.
func (u Users) active() sq.SelectBuilder { // want `builderAdds\(-1, SELECT id FROM users WHERE \(deleted_at IS NULL\)\)`
	return sq.Select("id").From("users").Where("deleted_at IS NULL")
}

func (u Users) Active(org int) error { // want `issuesQueries\(.*\)`
	var out []row
	q := u.active().Where(sq.Eq{"org_id": org})
	return u.QueryAll(q, &out, org > 10) // want `site query read "SELECT id FROM users WHERE \(deleted_at IS NULL\) AND \(org_id = \$1\)"`
}

func (u Users) Delete(id int) error { // want `issuesQueries\(.*\)`
	return u.Exec(sq.Delete("users").Where(sq.Eq{"id": id})) // want `site query write "DELETE FROM users WHERE \(id = \$1\)"`
}

func (u Users) Names() error { // want `issuesQueries\(.*\)`
	var out []string
	return u.Raw("SELECT name FROM users", &out) // want `site query read "SELECT name FROM users"`
}

// Negatives: a table known only at run time, from a parameter or from a
// field given two tables, is never guessed.
func (u Users) From(table string) error { // want `issuesQueries\(.*\)`
	var out row
	return u.QueryOne(sq.Select("id").From(table), &out) // want `site query unknown unresolved: built by squirrel at run time: table is not constant`
}

func (u Users) All() error { // want `issuesQueries\(.*\)`
	var out []row
	return u.QueryAll(sq.Select("id").From(u.table), &out, false) // want `site query unknown unresolved: built by squirrel at run time: table is not constant`
}

func (u Users) Where(cond sq.Sqlizer) error { // want `issuesQueries\(.*\)`
	var out row
	return u.QueryOne(sq.Select("id").From("users").Where(cond), &out) // want `site query unknown unresolved: built by squirrel at run time: condition cond is known only at run time`
}

type Orgs struct{ Base }

func NewOrgs(db dbx.Builder) Orgs { return Orgs{Base{db: db, table: "orgs"}} }

// A field a constructor sets from one constant names the table.
type Teams struct {
	Base
	tbl string
}

func NewTeams(db dbx.Builder) *Teams { return &Teams{Base: Base{db: db}, tbl: "teams"} }

func (t *Teams) ByOrg(org int) error { // want `issuesQueries\(.*\)`
	var out []row
	return t.QueryAll(sq.Select("id").From(t.tbl).Where(sq.Eq{"org_id": org}), &out, false) // want `site query read "SELECT id FROM teams WHERE \(org_id = \$1\)"`
}
