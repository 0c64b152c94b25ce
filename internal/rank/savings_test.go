package rank

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sqlheat/sqlheat/internal/report"
)

// What fixing buys on the demo, counted by hand from the route table of
// testdata/demo/EXPECTED.md and its traffic.json.
func TestSavings(t *testing.T) {
	demo := func() *report.Report {
		rep := demoReport()
		kinds := map[string]string{"F3": "read", "F4": "read", "F5": "write", "F7": "duplicate", "F8": "context", "F9": "context"}
		for i := range rep.Findings {
			f := &rep.Findings[i]
			f.Kind = kinds[f.Message]
			if f.Message == "F7" {
				f.Related = []report.Location{{File: "internal/api/orders.go", Line: 92, Message: "issued again here"}}
			}
		}
		return rep
	}
	rep := demo()
	prof := mustLoad(t, "testdata/demo_traffic.json")
	FillRates(rep, prof)
	Score(rep, prof, nil)

	// An N+1 removes one query per request of its routes, the duplicate
	// its repeat; the index, the column lists and the contexts none.
	want := map[string]float64{"F4": 1200, "F3": 600, "F5": 150, "F7": 20}
	for _, f := range rep.Findings {
		if f.SavesPerMin != want[f.Message] {
			t.Errorf("%s (%s): saves %g queries/min, want %g", f.Message, f.Check, f.SavesPerMin, want[f.Message])
		}
	}
	// Every route's rate × its queries at one item per loop:
	// healthz 120×0, POST /customers 40×2, lookup 60×1, products 2400×1,
	// me 900×2, customer orders 600×(2+1), POST /orders 150×(3+1),
	// order 1200×(3+1), cancel 20×4, admin 30×4.
	const total = 0 + 80 + 60 + 2400 + 1800 + 1800 + 600 + 4800 + 80 + 120
	if got, want := rep.Totals, (report.Totals{QueriesPerMin: total, Top: 9, TopSavesPerMin: 1970, SavesPerMin: 1970}); got == nil || *got != want {
		t.Errorf("totals %+v, want %+v", got, want)
	}
	// Ranked F4 F3 F1 F9 F5 ...: the top three save F4's and F3's.
	if got := rep.SavesOfTop(3); got != 1800 {
		t.Errorf("top 3 save %g, want 1800", got)
	}

	// Two findings about one query's N+1 (the loops of two callers)
	// remove the same executions: counted once.
	twice := demo()
	for _, f := range twice.Findings {
		if f.Message == "F3" {
			f.Message, f.Line = "F3'", f.Line+10
			twice.Findings = append(twice.Findings, f)
		}
	}
	FillRates(twice, prof)
	Score(twice, prof, nil)
	if got := twice.Totals.SavesPerMin; got != 1970 {
		t.Errorf("with F3 reported twice, fixing everything saves %g, want 1970", got)
	}

	// No per-minute figures without a profile of requests per minute.
	static := demo()
	Score(static, nil, nil)
	relative := demo()
	FillRates(relative, prof)
	relative.Traffic.Relative = true
	Score(relative, prof, nil)
	measured := demo()
	pgss := mustLoad(t, "testdata/demo_pgss.csv")
	costs, _ := pgss.ByFingerprint(fakeFingerprint)
	FillRates(measured, pgss)
	Score(measured, pgss, costs)
	for name, r := range map[string]*report.Report{"no profile": static, "relative rates": relative, "pg_stat_statements": measured} {
		if r.Totals != nil {
			t.Errorf("%s: totals %+v", name, r.Totals)
		}
		for _, f := range r.Findings {
			if f.SavesPerMin != 0 {
				t.Errorf("%s: %s saves %g", name, f.Message, f.SavesPerMin)
			}
		}
	}
}

// The HTML report explains scores in words; the loop factor it names must
// be the one Score uses.
func TestHTMLExplainsScore(t *testing.T) {
	for _, prof := range []*report.Traffic{nil, {File: "t.json", Format: "json"}} {
		var b strings.Builder
		rep := &report.Report{Traffic: prof}
		if err := report.WriteHTML(&b, rep, report.Options{}); err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("(%d per loop level)", ItemsPerRequest); !strings.Contains(b.String(), want) {
			t.Errorf("the score note (profile %v) does not say %q", prof, want)
		}
	}
}
