package driver

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

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
	partial    []report.UnresolvedSite
}

func newSiteSet() *siteSet { return &siteSet{seen: map[string]bool{}} }

// add records the sites of one package. A package and its test variant
// share files: each site counts once.
func (s *siteSet) add(act *checker.Action, sites []*queries.Site, rel func(string) string) {
	for _, site := range sites {
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
		case len(site.Partial) > 0:
			s.partial = append(s.partial, report.UnresolvedSite{File: rel(pos.Filename), Line: pos.Line, Why: "known at run time: " + strings.Join(site.Partial, ", ")})
		}
	}
}

// fill puts the counts and the lists, in file and line order, into rep.
func (s *siteSet) fill(rep *report.Report) {
	rep.Stats.QuerySites, rep.Stats.Unresolved = s.stats.Sites, s.stats.Unresolved
	rep.Stats.Unparsed, rep.Stats.ORM, rep.Stats.Partial = s.stats.Unparsed, s.stats.ORM, s.stats.Partial
	sort.Slice(s.partial, func(i, j int) bool {
		a, b := s.partial[i], s.partial[j]
		return a.File < b.File || a.File == b.File && a.Line < b.Line
	})
	rep.Partial = s.partial
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
	if err := writePartial(w, rep); err != nil {
		return err
	}
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

// writePartial lists the sites rebuilt with parts only run time knows.
func writePartial(w io.Writer, rep *report.Report) error {
	if len(rep.Partial) == 0 {
		return nil
	}
	if _, err := fmt.Fprintf(w, "\n%d query sites rebuilt with parts known only at run time (each a parameter in the SQL):\n", len(rep.Partial)); err != nil {
		return err
	}
	for _, u := range rep.Partial {
		if _, err := fmt.Fprintf(w, "%s:%d: partial: %s\n", u.File, u.Line, u.Why); err != nil {
			return err
		}
	}
	return nil
}

// statementSet holds the SQL text of every resolved query site of the
// program, by fingerprint, each text once.
type statementSet map[string][]string

func (s statementSet) add(res *queries.Result) {
	for _, site := range res.Sites {
		fp := site.Fingerprint()
		if fp != "" && !slices.Contains(s[fp], site.SQL) {
			s[fp] = append(s[fp], site.SQL)
		}
	}
}

// fullSQL gives the findings whose SQL reached their check abbreviated
// the statement in full, as JSON's contract has it. A check that reports
// a query at a call of the function issuing it (handlerquery, at a
// handler's call of a store method) knows the query from that function's
// fact, whose SQL is folded and cut to keep facts small for go vet; the
// driver has every site, and the text behind the abbreviation.
func (s statementSet) fullSQL(rep *report.Report) {
	for i := range rep.Findings {
		f := &rep.Findings[i]
		texts := slices.Clone(s[f.Fingerprint])
		slices.Sort(texts) // the same pick on every run
		for _, full := range texts {
			if full != f.SQL && abbreviates(f.SQL, full) {
				f.SQL = full
				break
			}
		}
	}
}

// abbreviates reports whether short is full folded (queries.Abbreviate):
// its whitespace runs made one space, and perhaps cut with an ellipsis.
func abbreviates(short, full string) bool {
	folded := strings.Join(strings.Fields(full), " ")
	if cut, ok := strings.CutSuffix(short, "…"); ok {
		return strings.HasPrefix(folded, cut)
	}
	return short == folded
}
