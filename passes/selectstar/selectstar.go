package selectstar

import (
	_ "embed"
	"fmt"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/internal/check"
	"github.com/sqlheat/sqlheat/internal/finding"
	"github.com/sqlheat/sqlheat/internal/guard"
	"github.com/sqlheat/sqlheat/internal/sqlfiles"
	"github.com/sqlheat/sqlheat/passes/catalog"
	"github.com/sqlheat/sqlheat/passes/config"
	"github.com/sqlheat/sqlheat/passes/queries"
	sqlfilespass "github.com/sqlheat/sqlheat/passes/sqlfiles"
)

//go:embed doc.go
var doc string

// Categories are the kinds of finding selectstar reports: one.
var Categories = finding.Categories{
	{Name: "star", Severity: finding.Low, Title: "stars over tables"},
}

var Analyzer = &analysis.Analyzer{
	Name:       "selectstar",
	Doc:        check.MustExtractDoc(doc, "selectstar"),
	URL:        "https://github.com/sqlheat/sqlheat/blob/main/passes/selectstar/doc.go",
	Requires:   []*analysis.Analyzer{queries.Analyzer, config.Analyzer, catalog.Analyzer, sqlfilespass.Analyzer},
	ResultType: check.ResultType,
	Run:        guard.Run(run),
}

// message says what a star costs, in one line; listColumns is its fix.
func message(star string, tables []string) string {
	return fmt.Sprintf("SELECT %s fetches every column of %s, including ones added later", star, strings.Join(tables, ", "))
}

const listColumns = "list the columns the code reads"

func run(pass *analysis.Pass) (any, error) {
	rep := check.NewReporter(pass, Categories, sqlfilespass.For(pass).Directives)
	res := queries.For(pass)
	if res == nil || !config.For(pass).Enabled(pass.Analyzer.Name) {
		return rep.Result(), nil
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
		if s.ORM != "" {
			continue // the ORM's own SELECT of the model: not text the user wrote
		}
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
				pos := s.ReportPos()
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
					Message:  message(what, star.Tables),
				}
				detail := queries.StmtDetail(st, s)
				detail.Fix = listColumns
				if fix, ok := columnsFix(pass, cat, s, st, star); ok {
					d.SuggestedFixes = []analysis.SuggestedFix{fix}
					detail.Fix += " (-fix writes out the table's columns, in order)"
				}
				rep.Report(check.Finding{Diagnostic: d, Detail: detail})
			}
		}
	}
	checkBlocks(pass, rep, linked)
	return rep.Result(), nil
}
