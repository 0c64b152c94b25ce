package selectstar

import (
	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/internal/check"
	"github.com/sqlheat/sqlheat/internal/sqlfiles"
	"github.com/sqlheat/sqlheat/passes/queries"
	sqlfilespass "github.com/sqlheat/sqlheat/passes/sqlfiles"
)

// checkBlocks reports the stars of the SQL kept in .sql files, on the
// line of the star in the file: that is where the user fixes it, and for
// sqlc the only place the star still is (the generated constant lists
// today's columns). linked are the package's sites by the block they run;
// the blocks checked are those this package owns or alone runs (see
// sqlfiles.Result.Blocks), linked or not: a block no Go code is seen
// running is still a query someone runs.
func checkBlocks(pass *analysis.Pass, rep *check.Reporter, linked map[*sqlfiles.Block][]*queries.Site) {
	files := sqlfilespass.For(pass)
	var run []*sqlfiles.Block
	for b := range linked {
		run = append(run, b)
	}
	for _, b := range files.Blocks(run) {
		sites := linked[b]
		stmts, exact := queries.BlockStmts(b, sites)
		for _, st := range stmts {
			for _, star := range st.Stars {
				if !reachesOutput(st, star) {
					continue // nested, and the statement returns other columns
				}
				off := b.Start
				if exact && star.Location >= 0 {
					off = b.Offset(st.Offset + star.Location)
				}
				what := "*"
				if star.Qualifier != "" {
					what = star.Qualifier + ".*"
				}
				pos, where := files.Pos(b, off, queries.BlockGoPos(sites))
				detail := queries.StmtDetail(st, sites...)
				detail.Fix = listColumns
				rep.Report(check.Finding{
					Diagnostic: analysis.Diagnostic{
						Pos:      pos,
						Category: "star",
						Message:  "query " + b.Name + ": " + message(what, star.Tables) + where,
						Related:  queries.BlockRelated(sites, pos),
					},
					Detail: detail,
					SQLAt:  files.SQLAt(b, off),
				})
			}
		}
	}
}
