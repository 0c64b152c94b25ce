// Package builderhelp adds to squirrel chains in helpers: functions that
// take a builder and return it with clauses added (some only under a
// condition), or that start a statement of their own. Their additions
// travel to other packages as facts; here they are read directly.
package builderhelp // want `stats: 7 sites, 3 unresolved, 0 unparsed, 3 orm`

import (
	"context"
	"database/sql"
	"fmt"

	sq "github.com/Masterminds/squirrel"
)

type Filter struct {
	Kind string
	IDs  []string
}

// ByFilter adds a condition per field set, in one map: none is sent by
// every call.
func ByFilter(b sq.SelectBuilder, f *Filter) sq.SelectBuilder { // want `builderAdds\(0, WHERE \(id IN \(\?\) AND kind = \?\); must: \)`
	eq := sq.Eq{}
	if f.Kind != "" {
		eq["kind"] = f.Kind
	}
	if len(f.IDs) == 1 {
		eq["id"] = f.IDs[0]
	} else if len(f.IDs) > 1 {
		eq["id"] = f.IDs
	}
	if len(eq) == 0 {
		return b
	}
	return b.Where(eq)
}

// Scoped adds its tenant on every call, a state when asked.
func Scoped(b sq.SelectBuilder, tenant, state string) sq.SelectBuilder { // want `builderAdds\(0, WHERE \(state = \? AND tenant_id = \?\); must: WHERE \(tenant_id = \?\)\)`
	eq := sq.Eq{"tenant_id": tenant}
	if state != "" {
		eq["state"] = state
	}
	return b.Where(eq)
}

// Live adds conditions held in variables, on every call.
func Live(b sq.SelectBuilder, at int64) sq.SelectBuilder { // want `builderAdds\(0, WHERE \(deleted_at IS NULL\) AND \(\(created_at < \?\) OR \(created_at IS NULL\)\)\)`
	notDeleted := sq.Expr("deleted_at IS NULL")
	created := sq.Or{sq.Expr("created_at < ?", at), sq.Eq{"created_at": nil}}
	return b.Where(notDeleted).Where(created)
}

// Page orders always and limits when asked.
func Page(b sq.SelectBuilder, limit uint64) sq.SelectBuilder { // want `builderAdds\(0, ORDER BY id LIMIT \?; must: ORDER BY id\)`
	b = b.OrderBy("id")
	if limit > 0 {
		b = b.Limit(limit)
	}
	return b
}

// Visible adds one of two sets of conditions: its returns are
// alternatives, the fullest taken, none sent by every call.
func Visible(b sq.SelectBuilder, snap string) sq.SelectBuilder { // want `builderAdds\(0, WHERE \(seen_in = \?\) AND \(hidden = false\); must: \)`
	if snap == "" {
		return b.Where("seen = true")
	}
	return b.Where("seen_in = ?", snap).Where("hidden = false")
}

// Purge starts a statement of its own, on the table its caller names.
func Purge(sb sq.StatementBuilderType, table string, before int64) sq.DeleteBuilder { // want `builderAdds\(-1, DELETE FROM <param 1> WHERE \(expired_at < \?\)\)`
	del := sb.Delete(table)
	old := sq.Expr("expired_at < ?", before)
	return del.Where(old)
}

// Opaque adds a condition it is given: what it adds is unknown, no fact.
func Opaque(b sq.SelectBuilder, cond sq.Sqlizer) sq.SelectBuilder {
	return b.Where(cond)
}

// Keyed adds a condition per key of a map it is given: unknown, no fact.
func Keyed(b sq.SelectBuilder, m map[string]any) sq.SelectBuilder {
	eq := sq.Eq{}
	for k, v := range m {
		eq[k] = v
	}
	return b.Where(eq)
}

// Filled hands its condition map to a function that may add keys: what
// it adds is unknown, no fact.
func Filled(b sq.SelectBuilder, f *Filter) sq.SelectBuilder {
	eq := sq.Eq{"org_id": 1}
	fill(eq, f)
	return b.Where(eq)
}

func fill(eq sq.Eq, f *Filter) { eq["kind"] = f.Kind }

var psql = sq.StatementBuilder.PlaceholderFormat(sq.Dollar)

// Items reads through the helpers of this package.
func Items(ctx context.Context, db *sql.DB, org int, f *Filter, limit uint64) { // want `issuesQueries\(.*\)`
	b := psql.Select("id", "name").From("items").Where(sq.Eq{"org_id": org})
	b = ByFilter(b, f)
	b = Live(b, 1)
	b = Page(b, limit)
	q, args, _ := b.ToSql()
	db.QueryContext(ctx, q, args...) // want `site query read "SELECT id, name FROM items WHERE \(org_id = \$1\) AND \(id IN \(\$2\) AND kind = \$3\) AND \(deleted_at IS NULL\) AND \(\(created_at < \$4\) OR \(created_at IS NULL\)\) ORDER BY id LIMIT \$5" optional items.id IN, items.kind =, items.created_at <, items.created_at IS NULL`

	// Conditions added in the caller under a condition are optional too.
	c := psql.Select("id").From("items")
	if org > 0 {
		c = Scoped(c, "t", "")
	}
	c.RunWith(db).QueryContext(ctx) // want `site orm read "SELECT id FROM items WHERE \(state = \$1 AND tenant_id = \$2\)" optional items.state =, items.tenant_id =`

	// A statement a helper starts, on a constant table.
	Purge(psql, "sessions", 3).RunWith(db).ExecContext(ctx) // want `site orm write "DELETE FROM sessions WHERE \(expired_at < \$1\)"`

	// A condition in a variable built from constants by Sprintf.
	cutoff := fmt.Sprintf("'%d'::bigint", limit)
	old := sq.Expr(fmt.Sprintf("id < %s", cutoff))
	psql.Delete("items").Where(old).RunWith(db).ExecContext(ctx) // want `site orm write "DELETE FROM items WHERE \(id < '\$1'::bigint\)"`

	// Helpers whose additions are unknown leave the statement unresolved.
	Opaque(psql.Select("id").From("items"), nil).RunWith(db).QueryContext(ctx) // want `site orm read unresolved: built by squirrel at run time: condition cond is known only at run time \(in Opaque\)`
	Keyed(psql.Select("id").From("items"), nil).RunWith(db).QueryContext(ctx)  // want `site orm read unresolved: built by squirrel at run time: column k is not constant \(in Keyed\)`
	Filled(psql.Select("id").From("items"), f).RunWith(db).QueryContext(ctx)   // want `site orm read unresolved: built by squirrel at run time: condition eq is filled elsewhere \(in Filled\)`
}
