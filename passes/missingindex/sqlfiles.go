package missingindex

import (
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/internal/check"
	"github.com/sqlheat/sqlheat/internal/schema"
	"github.com/sqlheat/sqlheat/internal/sqlfiles"
	"github.com/sqlheat/sqlheat/internal/sqlparse"
	"github.com/sqlheat/sqlheat/passes/queries"
	sqlfilespass "github.com/sqlheat/sqlheat/passes/sqlfiles"
)

// checkBlocks reports the SQL kept in .sql files on the first line of
// its statement in the file, where the user edits it, with the Go code
// that runs it as related places. linked are the package's sites by the
// block they run; the blocks checked are those this package owns or alone
// runs (see sqlfiles.Result.Blocks), linked or not; named says which
// sites are migration code by their names.
func checkBlocks(pass *analysis.Pass, rep *check.Reporter, cat, alt *schema.Catalog, linked map[*sqlfiles.Block][]*queries.Site, named map[*queries.Site]bool) {
	files := sqlfilespass.For(pass)
	var run []*sqlfiles.Block
	for b := range linked {
		run = append(run, b)
	}
	for _, b := range files.Blocks(run) {
		sites := linked[b]
		stmts, exact := queries.BlockStmts(b, sites)
		if slices.ContainsFunc(stmts, func(st *sqlparse.Statement) bool { return st.Kind == sqlparse.KindDDL }) {
			continue // a migration kept among the queries
		}
		seen := map[string]bool{}
		for _, st := range stmts {
			if st.Kind != sqlparse.KindRead && st.Kind != sqlparse.KindWrite {
				continue
			}
			off := b.Start
			if exact {
				off = b.StmtOffset(st)
			}
			for _, adv := range confirmed(advise(cat, st), alt, st) {
				k := adv.table.QualifiedName() + " " + strings.Join(adv.keys, ",")
				if seen[k] {
					continue
				}
				seen[k] = true
				pos, where := files.Pos(b, off, queries.BlockGoPos(sites))
				d := queries.StmtDetail(st, sites...)
				d.Fix, d.Suggestion = adv.fix, adv.statement
				rep.Report(check.Finding{
					Diagnostic: analysis.Diagnostic{
						Pos:      pos,
						Category: adv.category,
						Message:  "query " + b.Name + ": " + adv.message + where,
						Related:  queries.BlockRelated(sites, pos),
					},
					Detail: d,
					SQLAt:  files.SQLAt(b, off),
					// Migration code when every call that runs it is.
					NamedMigration: len(sites) > 0 && !slices.ContainsFunc(sites, func(s *queries.Site) bool { return !named[s] }),
				})
			}
		}
	}
}
