// Package builderhelpapi builds squirrel chains with another package's
// helpers: their facts say what each adds.
package builderhelpapi // want `stats: 6 sites, 3 unresolved, 0 unparsed, 1 orm`

import (
	"context"
	"database/sql"

	sq "github.com/Masterminds/squirrel"

	"builderhelp"
)

type Store struct {
	db *sql.DB
	sb sq.StatementBuilderType
}

func (s *Store) Items(ctx context.Context, org int, f *builderhelp.Filter, limit uint64) { // want `issuesQueries\(.*\)`
	b := s.sb.Select("id", "name").From("items").Where(sq.Eq{"org_id": org})
	b = builderhelp.ByFilter(b, f)
	b = builderhelp.Live(b, 1)
	if limit > 0 {
		b = builderhelp.Page(b, limit)
	}
	q, args, _ := b.ToSql()
	s.db.QueryContext(ctx, q, args...) // want `site query read "SELECT id, name FROM items WHERE \(org_id = \$1\) AND \(id IN \(\$2\) AND kind = \$3\) AND \(deleted_at IS NULL\) AND \(\(created_at < \$4\) OR \(created_at IS NULL\)\) ORDER BY id LIMIT \$5" optional items.id IN, items.kind =, items.created_at <, items.created_at IS NULL`
}

// Every call filters by tenant: an index on tenant_id may be asked for.
func (s *Store) Scoped(ctx context.Context) { // want `issuesQueries\(.*\)`
	q, args, _ := builderhelp.Scoped(s.sb.Select("id").From("items"), "t", "open").ToSql()
	s.db.QueryContext(ctx, q, args...) // want `site query read "SELECT id FROM items WHERE \(state = \$1 AND tenant_id = \$2\)" optional items.state =`
}

func (s *Store) Purge(ctx context.Context, table string) { // want `issuesQueries\(.*\)`
	builderhelp.Purge(s.sb, "sessions", 3).RunWith(s.db).ExecContext(ctx) // want `site orm write "DELETE FROM sessions WHERE \(expired_at < \$1\)"`
	// The table is the caller's: not known here.
	builderhelp.Purge(s.sb, table, 3).RunWith(s.db).ExecContext(ctx) // want `site orm write unresolved: built by squirrel at run time: table table is not constant`
}

func (s *Store) Unknown(ctx context.Context, cond sq.Sqlizer) { // want `issuesQueries\(.*\)`
	builderhelp.Opaque(s.sb.Select("id").From("items"), cond).RunWith(s.db).QueryContext(ctx) // want `site orm read unresolved: built by squirrel at run time: conditions added by a call to Opaque`
	builderhelp.Keyed(s.sb.Select("id").From("items"), nil).RunWith(s.db).QueryContext(ctx)   // want `site orm read unresolved: built by squirrel at run time: conditions added by a call to Keyed`
}
