package driver

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/sqlheat/sqlheat/analyzer"
	"github.com/sqlheat/sqlheat/internal/report"
)

// layered is testdata/layered, a service whose handlers reach the
// database through service and repository interfaces only: no
// per-package analysis sees a single query of its routes.
const layered = "../../testdata/layered"

// expected is what testdata/layered/EXPECTED.md specifies: each route's
// queries, and the findings in rank order.
type expected struct {
	routes   map[string][]report.RouteQuery // "GET /projects" -> queries; SQL holds a snippet
	order    []string                       // route keys, in the file's order
	findings []expectedFinding
}

type expectedFinding struct {
	rank                int
	check, severity     string
	at                  string   // "file:line"
	sites               []string // "file:line"; nil when given as "the N sites of <route>"
	sitesOf             string   // that route
	multiplicity, score string
}

// readExpected parses the route inventory and the ranking of
// EXPECTED.md: the tables under "### METHOD /pattern" and the one under
// "## Findings".
func readExpected(t *testing.T, path string) *expected {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	exp := &expected{routes: map[string][]report.RouteQuery{}}
	var route string
	inFindings := false
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "### "):
			route = strings.TrimPrefix(line, "### ")
			exp.routes[route] = []report.RouteQuery{}
			exp.order = append(exp.order, route)
			continue
		case strings.HasPrefix(line, "## "):
			route, inFindings = "", strings.HasPrefix(line, "## Findings")
			continue
		case !strings.HasPrefix(line, "| ") || strings.HasPrefix(line, "| ---"):
			continue
		}
		cells := strings.Split(strings.Trim(line, "| "), " | ")
		switch {
		case route != "" && len(cells) == 5 && cells[0] != "from":
			file, ln := splitSite(t, n, cells[1])
			exp.routes[route] = append(exp.routes[route], report.RouteQuery{
				From: cells[0], File: file, Line: ln, PerRequest: cells[2],
				Via: strings.Split(cells[3], " → "), SQL: cells[4],
			})
		case inFindings && len(cells) == 7 && cells[0] != "rank":
			rank, err := strconv.Atoi(cells[0])
			if err != nil {
				t.Fatalf("EXPECTED.md:%d: rank %q", n, cells[0])
			}
			check, sev, _ := strings.Cut(cells[1], " (")
			sev, _, _ = strings.Cut(strings.TrimSuffix(sev, ")"), ",")
			ef := expectedFinding{rank: rank, check: check, severity: sev, at: cells[2], multiplicity: cells[5], score: cells[6]}
			if of, ok := strings.CutPrefix(cells[3], "the "); ok {
				_, ef.sitesOf, _ = strings.Cut(of, " sites of ")
			} else {
				ef.sites = strings.Split(cells[3], ", ")
			}
			exp.findings = append(exp.findings, ef)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return exp
}

func splitSite(t *testing.T, n int, s string) (string, int) {
	file, line, ok := strings.Cut(s, ":")
	ln, err := strconv.Atoi(line)
	if !ok || err != nil {
		t.Fatalf("EXPECTED.md:%d: %q is not file:line", n, s)
	}
	return file, ln
}

func folded(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestLayered is issue 13's acceptance test: on testdata/layered, the
// JSON report's routes[].queries and the order of its findings are
// exactly what EXPECTED.md says.
func TestLayered(t *testing.T) {
	exp := readExpected(t, filepath.Join(layered, "EXPECTED.md"))
	if len(exp.routes) != 12 || len(exp.findings) != 15 {
		t.Fatalf("EXPECTED.md: read %d routes and %d findings, want 12 and 15", len(exp.routes), len(exp.findings))
	}
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", layered, "./...")
	if len(rep.Errors) > 0 {
		t.Errorf("errors: %v\nstderr: %s", rep.Errors, stderr)
	}

	got := map[string]report.Route{}
	for _, r := range rep.Routes {
		got[r.Method+" "+r.Pattern] = r
	}
	for _, key := range exp.order {
		r, ok := got[key]
		if !ok {
			t.Errorf("route %s: missing", key)
			continue
		}
		delete(got, key)
		want := exp.routes[key]
		if len(r.Queries) != len(want) {
			t.Errorf("route %s: %d queries, want %d:\n%s", key, len(r.Queries), len(want), describeQueries(r.Queries))
			continue
		}
		for i, q := range r.Queries {
			w := want[i]
			if q.From != w.From || q.File != w.File || q.Line != w.Line || q.PerRequest != w.PerRequest ||
				!slices.Equal(q.Via, w.Via) || !strings.Contains(folded(q.SQL), w.SQL) {
				t.Errorf("route %s, query %d:\n got %s\nwant %s", key, i+1, describeQuery(q), describeQuery(w))
			}
		}
	}
	for key := range got {
		t.Errorf("route %s: not in EXPECTED.md", key)
	}

	if len(rep.Findings) != len(exp.findings) {
		var b strings.Builder
		for _, f := range rep.Findings {
			fmt.Fprintf(&b, "\t#%d %s (%s) %s:%d: %s\n", f.Rank, f.Check, f.Severity, f.File, f.Line, f.Message)
		}
		t.Errorf("%d findings, want %d:\n%s", len(rep.Findings), len(exp.findings), b.String())
	}
	routeSites := map[string][]string{}
	for _, r := range rep.Routes {
		for _, q := range r.Queries {
			routeSites[r.Method+" "+r.Pattern] = append(routeSites[r.Method+" "+r.Pattern], fmt.Sprintf("%s:%d", q.File, q.Line))
		}
	}
	for i, w := range exp.findings {
		if i >= len(rep.Findings) {
			break
		}
		f := rep.Findings[i]
		var sites []string
		for _, s := range f.Sites {
			sites = append(sites, fmt.Sprintf("%s:%d", s.File, s.Line))
		}
		slices.Sort(sites)
		wantSites := w.sites
		if w.sitesOf != "" {
			wantSites = slices.Clone(routeSites[w.sitesOf])
		}
		slices.Sort(wantSites)
		at := fmt.Sprintf("%s:%d", f.File, f.Line)
		score := strconv.FormatFloat(f.Score, 'f', -1, 64)
		if f.Rank != w.rank || f.Check != w.check || f.Severity != w.severity || at != w.at ||
			!slices.Equal(sites, wantSites) || f.Multiplicity != w.multiplicity || score != w.score {
			t.Errorf("finding #%d:\n got %s (%s) at %s, sites %v, %s, score %s: %s\nwant %s (%s) at %s, sites %v, %s, score %s",
				i+1, f.Check, f.Severity, at, sites, f.Multiplicity, score, f.Message,
				w.check, w.severity, w.at, wantSites, w.multiplicity, w.score)
		}
	}
}

func describeQuery(q report.RouteQuery) string {
	return fmt.Sprintf("%s:%d %s from %s via %s: %s", q.File, q.Line, q.PerRequest, q.From, strings.Join(q.Via, " → "), folded(q.SQL))
}

func describeQueries(qs []report.RouteQuery) string {
	var b strings.Builder
	for _, q := range qs {
		b.WriteString("\t" + describeQuery(q) + "\n")
	}
	return b.String()
}
