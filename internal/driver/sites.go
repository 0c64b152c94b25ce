package driver

import (
	"fmt"
	"io"
	"sort"

	"golang.org/x/tools/go/analysis/checker"

	"github.com/sqlheat/sqlheat/internal/report"
	"github.com/sqlheat/sqlheat/passes/queries"
)

// siteSet gathers the query sites of the packages analyzed: how many,
// and where and why the ones the checks cannot see are, so that the
// counts in the report lead somewhere.
type siteSet struct {
	seen       map[string]bool
	stats      queries.Stats
	unresolved []report.UnresolvedSite
	unparsed   []report.UnparsedSite
}

func newSiteSet() *siteSet { return &siteSet{seen: map[string]bool{}} }

// add records the sites of one package. A package and its test variant
// share files: each site counts once.
func (s *siteSet) add(act *checker.Action, res *queries.Result, rel func(string) string) {
	for _, site := range res.Sites {
		pos := act.Package.Fset.Position(site.Call.Pos())
		if s.seen[pos.String()] {
			continue
		}
		s.seen[pos.String()] = true
		s.stats.Add(site)
		switch {
		case site.Unresolved():
			s.unresolved = append(s.unresolved, report.UnresolvedSite{File: rel(pos.Filename), Line: pos.Line, Why: site.Why})
		case site.Unparsed():
			s.unparsed = append(s.unparsed, report.UnparsedSite{File: rel(pos.Filename), Line: pos.Line, SQL: site.SQL, Error: site.ParseErr.Error()})
		}
	}
}

// fill puts the counts and the lists, in file and line order, into rep.
func (s *siteSet) fill(rep *report.Report) {
	rep.Stats.QuerySites, rep.Stats.Unresolved = s.stats.Sites, s.stats.Unresolved
	rep.Stats.Unparsed, rep.Stats.ORM = s.stats.Unparsed, s.stats.ORM
	sort.Slice(s.unresolved, func(i, j int) bool {
		a, b := s.unresolved[i], s.unresolved[j]
		return a.File < b.File || a.File == b.File && a.Line < b.Line
	})
	sort.Slice(s.unparsed, func(i, j int) bool {
		a, b := s.unparsed[i], s.unparsed[j]
		return a.File < b.File || a.File == b.File && a.Line < b.Line
	})
	rep.Unresolved, rep.Unparsed = s.unresolved, s.unparsed
}

// writeSites lists the sites whose SQL could not be resolved or parsed,
// as file:line: reason lines (text format, -v).
func writeSites(w io.Writer, rep *report.Report) error {
	if len(rep.Unresolved)+len(rep.Unparsed) == 0 {
		return nil
	}
	if _, err := fmt.Fprintf(w, "\n%d query sites whose SQL could not be resolved, %d whose SQL did not parse:\n", len(rep.Unresolved), len(rep.Unparsed)); err != nil {
		return err
	}
	for _, u := range rep.Unresolved {
		if _, err := fmt.Fprintf(w, "%s:%d: unresolved: %s\n", u.File, u.Line, u.Why); err != nil {
			return err
		}
	}
	for _, u := range rep.Unparsed {
		if _, err := fmt.Fprintf(w, "%s:%d: unparsed: %s: %s\n", u.File, u.Line, u.Error, queries.Abbreviate(u.SQL, 120)); err != nil {
			return err
		}
	}
	return nil
}
