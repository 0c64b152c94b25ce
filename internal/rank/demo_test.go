package rank

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/sqlheat/sqlheat/internal/report"
)

var update = flag.Bool("update", false, "rewrite testdata/demo_access.log from its generator")

// demoRoutes are the routes of testdata/demo (EXPECTED.md's route table),
// with the findings each reaches, named as in EXPECTED.md.
var demoRoutes = []struct {
	method, pattern string
	min             int
	loop            bool
	findings        []string
}{
	{"GET", "/healthz", 0, false, nil},
	{"POST", "/customers", 2, false, nil},
	{"GET", "/customers/lookup", 1, false, []string{"F8"}},
	{"GET", "/products/{sku}", 1, false, []string{"F9"}},
	{"GET", "/me", 2, false, []string{"F2"}},
	{"GET", "/customers/{id}/orders", 2, true, []string{"F3", "F1", "F6"}},
	{"POST", "/orders", 3, true, []string{"F5"}},
	{"GET", "/orders/{id}", 3, true, []string{"F4"}},
	{"POST", "/orders/{id}/cancel", 4, false, []string{"F7"}},
	{"GET", "/admin/orders", 4, false, nil},
}

// demoFindings are the planted findings of testdata/demo, with the
// multiplicity at the site that the routes pass gives them: F1's SELECT *
// runs inside F3's loop, once per order.
var demoFindings = []struct {
	id, check, severity, file string
	line, col                 int
	multiplicity, sql         string
}{
	{"F1", "selectstar", "low", "internal/store/orders.go", 46, 20, "loop", "SELECT * FROM order_items WHERE order_id = $1"},
	{"F2", "selectstar", "low", "internal/store/customers.go", 16, 3, "once", "SELECT c.* FROM customers c WHERE c.id = $1"},
	{"F3", "queryinloop", "high", "internal/api/orders.go", 23, 17, "loop", "SELECT * FROM order_items WHERE order_id = $1"},
	{"F4", "queryinloop", "high", "internal/store/orders.go", 86, 10, "loop", "SELECT sku, name FROM products WHERE id = $1"},
	{"F5", "queryinloop", "medium", "internal/store/orders.go", 112, 13, "loop", "INSERT INTO order_items (order_id, product_id, quantity, price_cents) SELECT $1, id, $2, price_cents FROM products WHERE id = $3"},
	{"F6", "missingindex", "medium", "internal/store/orders.go", 19, 14, "once", "SELECT id, customer_id, status, total_cents, created_at, updated_at FROM orders WHERE customer_id = $1 ORDER BY created_at DESC"},
	{"F7", "handlerquery", "medium", "internal/api/orders.go", 79, 14, "once", "SELECT id, customer_id, status, total_cents, created_at, updated_at FROM orders WHERE id = $1"},
	{"F8", "handlerquery", "medium", "internal/api/customers.go", 45, 12, "once", "SELECT id, email, name, created_at FROM customers WHERE email = $1"},
	{"F9", "handlerquery", "medium", "internal/api/customers.go", 54, 12, "once", "SELECT id, sku, name, price_cents, stock FROM products WHERE sku = $1"},
}

// demoReport builds the report the driver makes of testdata/demo before
// ranking: findings in discovery order, routes pointing at them, no rates.
func demoReport() *report.Report {
	rep := &report.Report{Version: report.Version}
	index := map[string]int{}
	for i, f := range demoFindings {
		index[f.id] = i
		rep.Findings = append(rep.Findings, report.Finding{
			Check: f.check, Severity: f.severity, File: f.file, Line: f.line, Column: f.col,
			Message: f.id, SQL: f.sql, Fingerprint: fp(f.sql), Multiplicity: f.multiplicity,
		})
	}
	for _, r := range demoRoutes {
		route := report.Route{Method: r.method, Pattern: r.pattern, QueriesPerRequest: report.QueriesPerReq{Min: r.min, Loop: r.loop}}
		for _, id := range r.findings {
			i := index[id]
			route.Findings = append(route.Findings, i)
			rep.Findings[i].Routes = append(rep.Findings[i].Routes, report.RouteRef{Method: r.method, Pattern: r.pattern})
		}
		rep.Routes = append(rep.Routes, route)
	}
	return rep
}

func fp(sql string) string {
	s, _ := fakeFingerprint(sql)
	return s
}

// order lists the findings' names (their Message, in demoReport), in
// report order.
func order(rep *report.Report) string {
	var ids []string
	for _, f := range rep.Findings {
		ids = append(ids, f.Message)
	}
	return strings.Join(ids, " ")
}

var constants = regexp.MustCompile(`'[^']*'|\b\d+\b`)

// fakeFingerprint stands in for pg_query's fingerprint, which only
// internal/sqlparse may call: statements differing in constants, case or
// spacing fingerprint alike, as pg_stat_statements groups them.
func fakeFingerprint(sql string) (string, error) {
	s := strings.ToLower(strings.Join(strings.Fields(sql), " "))
	s = constants.ReplaceAllString(s, "?")
	return fmt.Sprintf("%x", s), nil
}

// demoAccessLog writes an nginx combined log of the same traffic as
// testdata/demo_traffic.json: a tenth of each route's requests per minute,
// spread over six seconds (a tenth of a minute), so the rates read from
// it equal the JSON's. Health checks come as HEAD half the time (served
// by the GET route), some requests carry query strings, and two favicon
// requests match no route.
func demoAccessLog(rates map[string]float64) []byte {
	type req struct{ method, target string }
	var queues [][]req
	keys := make([]string, 0, len(rates))
	for k := range rates {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	param := regexp.MustCompile(`\{[^}]*\}`)
	for _, k := range keys {
		method, pattern, _ := strings.Cut(k, " ")
		n := int(rates[k] / 10)
		var q []req
		for i := range n {
			target := param.ReplaceAllStringFunc(pattern, func(p string) string {
				if strings.Contains(p, "sku") {
					return fmt.Sprintf("SKU-%04d", 17*i%1000)
				}
				return fmt.Sprint(1 + 31*i%997)
			})
			m := method
			switch {
			case pattern == "/healthz" && i%2 == 1:
				m = "HEAD"
			case pattern == "/customers/lookup":
				target += fmt.Sprintf("?email=user%d%%40example.com", i)
			case method == "GET" && i%5 == 4:
				target += "?page=2"
			}
			q = append(q, req{m, target})
		}
		queues = append(queues, q)
	}
	queues = append(queues, []req{{"GET", "/favicon.ico"}, {"GET", "/favicon.ico"}})
	// Interleave the routes, as real traffic is.
	var all []req
	for len(queues) > 0 {
		next := queues[:0]
		for _, q := range queues {
			all = append(all, q[0])
			if len(q) > 1 {
				next = append(next, q[1:])
			}
		}
		queues = next
	}
	var b bytes.Buffer
	for i, r := range all {
		sec := i * 6 / (len(all) - 1) // first at :00, last at :06
		status := 200
		if r.target == "/favicon.ico" {
			status = 404
		}
		fmt.Fprintf(&b, "10.0.%d.%d - - [05/Mar/2026:10:00:%02d +0000] \"%s %s HTTP/1.1\" %d %d \"-\" \"demo-loadgen/1.0\"\n",
			i/250, 1+i%250, sec, r.method, r.target, status, 200+i*37%4000)
	}
	return b.Bytes()
}

func TestDemoAccessLogUpToDate(t *testing.T) {
	prof := mustLoad(t, "testdata/demo_traffic.json")
	rates := map[string]float64{}
	for _, r := range prof.Routes {
		rates[r.Pattern] = r.Rate // "GET /orders/{id}", as the JSON spells it
	}
	want := demoAccessLog(rates)
	if *update {
		if err := os.WriteFile("testdata/demo_access.log", want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile("testdata/demo_access.log")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("testdata/demo_access.log is not what its generator writes; run go test -run TestDemoAccessLogUpToDate -update")
	}
}
