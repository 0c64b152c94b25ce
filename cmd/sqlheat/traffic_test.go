package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"slices"
	"testing"

	"github.com/sqlheat/sqlheat/internal/driver"
	"github.com/sqlheat/sqlheat/internal/report"
)

func demoReport(t *testing.T, args ...string) *report.Report {
	t.Helper()
	var stdout, stderr bytes.Buffer
	driver.Main(append([]string{"-C", demo, "-format", "json"}, append(args, "./...")...), &stdout, &stderr)
	var rep report.Report
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatalf("not a JSON report: %v\n%s\n%s", err, stdout.String(), stderr.String())
	}
	return &rep
}

func order(rep *report.Report) []string {
	var out []string
	for _, f := range rep.Findings {
		out = append(out, f.Check+" "+f.File+":"+itoa(f.Line))
	}
	return out
}

// The demo ranked by its traffic.json and by an access log of the same
// traffic gives the same order, with the hot N+1 first.
func TestRankingSameFromJSONAndAccessLog(t *testing.T) {
	byJSON := demoReport(t) // traffic.json comes from .sqlheat.yaml
	accessLog, _ := filepath.Abs("../../internal/rank/testdata/demo_access.log")
	byLog := demoReport(t, "-traffic", accessLog)
	if byJSON.Traffic == nil || byLog.Traffic == nil {
		t.Fatalf("no traffic profile in force: %+v %+v", byJSON.Traffic, byLog.Traffic)
	}
	a, b := order(byJSON), order(byLog)
	if !slices.Equal(a, b) {
		t.Errorf("rankings differ:\njson: %v\nlog:  %v", a, b)
	}
	if len(a) == 0 || a[0] != "queryinloop internal/store/orders.go:86" {
		t.Errorf("top finding = %v, want the N+1 on GET /orders/{id}", a)
	}
	for _, f := range byJSON.Findings {
		if f.ScoreBasis != report.BasisTraffic || f.Score <= 0 || len(f.Routes) == 0 || f.Routes[0].Rate <= 0 {
			t.Errorf("finding not ranked by traffic: %+v", f)
		}
	}
}

// A pg_stat_statements export is matched to the code's queries by
// fingerprint: spelling and case differences do not matter, and the
// matched findings are ranked by database time.
func TestPgStatStatementsMatchedByFingerprint(t *testing.T) {
	pgss, _ := filepath.Abs("../../internal/rank/testdata/demo_pgss.csv")
	rep := demoReport(t, "-traffic", pgss)
	matched := map[string]bool{}
	for _, f := range rep.Findings {
		if f.ScoreBasis == report.BasisDBTime {
			matched[f.Check+" "+f.File+":"+itoa(f.Line)] = true
		}
	}
	// order_items by order_id (two spellings in the export) is the N+1
	// through OrderItems and its SELECT *; orders by id is the duplicate
	// read; customers by email the background-context lookup.
	for _, want := range []string{
		"queryinloop internal/api/orders.go:23",
		"selectstar internal/store/orders.go:46",
		"handlerquery internal/api/orders.go:79",
		"handlerquery internal/api/customers.go:45",
	} {
		if !matched[want] {
			t.Errorf("%s not matched by fingerprint (matched: %v)", want, matched)
		}
	}
	if len(rep.Findings) > 0 && rep.Findings[0].ScoreBasis != report.BasisDBTime {
		t.Errorf("first finding is not ranked by database time: %+v", rep.Findings[0])
	}
}
