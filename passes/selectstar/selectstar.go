package selectstar

import (
	"fmt"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/internal/finding"
	"github.com/sqlheat/sqlheat/internal/guard"
	"github.com/sqlheat/sqlheat/internal/sqlfiles"
	"github.com/sqlheat/sqlheat/passes/catalog"
	"github.com/sqlheat/sqlheat/passes/config"
	"github.com/sqlheat/sqlheat/passes/queries"
	sqlfilespass "github.com/sqlheat/sqlheat/passes/sqlfiles"
)

const Doc = `report SELECT * over tables

A star fetches every column of the table, today's and tomorrow's: bandwidth
and memory for columns the code never reads, no index-only scans, and a
broken rows.Scan the day a migration adds a column. Name the columns the
code scans instead. Silent for count(*), COUNT(*) OVER (), RETURNING *,
EXISTS (SELECT * ...), stars over CTEs, subqueries or functions, and stars
inside a CTE or subquery whose columns the statement does not return whole.`

var Analyzer = &analysis.Analyzer{
	Name:       "selectstar",
	Doc:        Doc,
	URL:        "https://github.com/sqlheat/sqlheat/blob/main/passes/selectstar/doc.go",
	Requires:   []*analysis.Analyzer{queries.Analyzer, config.Analyzer, catalog.Analyzer, sqlfilespass.Analyzer},
	ResultType: finding.ResultType,
	Run:        guard.Run(run),
}

func run(pass *analysis.Pass) (any, error) {
	details := new(finding.Details)
	res, _ := pass.ResultOf[queries.Analyzer].(*queries.Result)
	if res == nil || !config.For(pass).Enabled(pass.Analyzer.Name) {
		return details, nil
	}
	cat := catalog.For(pass)
	// One SQL literal can be executed from several calls; say it once.
	type key struct {
		pos    token.Pos
		tables string
	}
	seen := map[key]bool{}
	linked := map[*sqlfiles.Block][]*queries.Site{}
	for _, s := range res.Sites {
		if s.Block != nil {
			// SQL from a .sql file (sqlc's constants have the star
			// expanded already): reported on the block, below.
			linked[s.Block] = append(linked[s.Block], s)
			continue
		}
		for _, st := range s.Stmts {
			for _, star := range st.Stars {
				if !reachesOutput(st, star) {
					continue // nested, and the statement returns other columns
				}
				pos := s.Lit
				if !pos.IsValid() {
					pos = s.Call.Pos()
				}
				k := key{pos, strings.Join(star.Tables, ",")}
				if seen[k] {
					continue
				}
				seen[k] = true
				what := "*"
				if star.Qualifier != "" {
					what = star.Qualifier + ".*"
				}
				d := analysis.Diagnostic{
					Pos:      pos,
					Category: "star",
					Message: fmt.Sprintf("SELECT %s fetches every column of %s, including ones added later: list the columns the code reads",
						what, strings.Join(star.Tables, ", ")),
				}
				if fix, ok := columnsFix(pass, cat, s, st, star); ok {
					d.SuggestedFixes = []analysis.SuggestedFix{fix}
				}
				pass.Report(d)
				details.Add(&finding.Detail{
					Pos:          pos,
					Category:     "star",
					Function:     funcName(s),
					SQL:          st.SQL,
					Fingerprint:  st.Fingerprint,
					Multiplicity: "once",
				})
			}
		}
	}
	checkBlocks(pass, details, linked)
	return details, nil
}

// funcName is the full name of the function that issues the query: the
// SQL literal may stand outside any function (a package-level const, as
// sqlc writes them), and the report names the code that runs it.
func funcName(s *queries.Site) string {
	if s.Func != nil {
		return s.Func.FullName()
	}
	return ""
}
