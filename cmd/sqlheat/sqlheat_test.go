package main

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/sqlheat/sqlheat/internal/driver"
	"github.com/sqlheat/sqlheat/internal/report"
)

const demo = "../../testdata/demo"

// planted are the demo's findings for the checks that exist so far, as
// listed in testdata/demo/EXPECTED.md: "check file:line".
var planted = []string{
	"handlerquery internal/api/customers.go:45",
	"handlerquery internal/api/customers.go:54",
	"handlerquery internal/api/orders.go:79",
	"missingindex internal/store/orders.go:19",
	"queryinloop internal/api/orders.go:23",
	"queryinloop internal/store/orders.go:112",
	"queryinloop internal/store/orders.go:86",
	"selectstar internal/store/customers.go:16",
	"selectstar internal/store/orders.go:46",
}

// The README's main command, in JSON: exactly the planted findings, and
// every query site counted.
func TestDemo(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := driver.Main([]string{"-C", demo, "-format", "json", "./..."}, &stdout, &stderr)
	if code != driver.ExitFindings {
		t.Errorf("exit code = %d, want %d; stderr:\n%s", code, driver.ExitFindings, stderr.String())
	}
	var rep report.Report
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatalf("not a JSON report: %v\n%s", err, stdout.String())
	}
	if rep.Version != 1 || rep.Tool.Name != "sqlheat" {
		t.Errorf("version/tool = %d/%q", rep.Version, rep.Tool.Name)
	}
	var got []string
	for i, f := range rep.Findings {
		got = append(got, f.Check+" "+f.File+":"+itoa(f.Line))
		if f.Rank != i+1 || f.Severity == "" || f.Function == "" || f.Column < 1 {
			t.Errorf("finding %d incomplete: %+v", i, f)
		}
	}
	slices.Sort(got)
	if !slices.Equal(got, planted) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(planted, "\n"))
	}
	// EXPECTED.md lists 20 calls that execute SQL; the one inside the
	// wrapper is the wrapper's body, its 5 callers are the sites.
	if s := rep.Stats; s.QuerySites != 19 || s.Unresolved != 0 || s.Unparsed != 0 || s.Packages != 4 {
		t.Errorf("stats = %+v, want 19 query sites in 4 packages, none unresolved or unparsed", s)
	}
	// The cross-package N+1 names its chain.
	for _, f := range rep.Findings {
		if f.File == "internal/api/orders.go" && f.Check == "queryinloop" {
			if len(f.Via) == 0 || f.Via[0] != "store.(*Store).OrderItems" || f.Multiplicity != "loop" || f.SQL == "" {
				t.Errorf("cross-package finding lacks its chain: %+v", f)
			}
		}
		// F6 carries the statement to add, in the message and as the suggestion.
		if f.Check == "missingindex" {
			const want = "CREATE INDEX CONCURRENTLY idx_orders_customer_id ON orders (customer_id);"
			if f.Suggestion != want || !strings.Contains(f.Message, want) || !strings.Contains(f.Message, "+goose NO TRANSACTION") {
				t.Errorf("missingindex finding: suggestion %q, message %q; want %q in both", f.Suggestion, f.Message, want)
			}
		}
	}
	// The schema: the two up migrations, all of them parsed, every table known.
	if s := rep.Stats; s.SchemaFiles != 2 || s.SchemaWarnings != 0 || s.UnknownTables != 0 {
		t.Errorf("schema stats = %d files, %d warnings, %d unknown tables; want 2, 0, 0", s.SchemaFiles, s.SchemaWarnings, s.UnknownTables)
	}
}

// go vet -vettool with the built binary reports the same findings, facts
// crossing packages through the files go vet manages.
func TestVet(t *testing.T) {
	gocmd, bin := vetTool(t)
	vet := exec.Command(gocmd, "vet", "-vettool="+bin, "./...")
	vet.Dir = demo
	out, err := vet.CombinedOutput()
	if err == nil {
		t.Fatalf("go vet succeeded, want findings:\n%s", out)
	}
	re := regexp.MustCompile(`(?m)^(internal/[^:]+):(\d+):\d+: ([^\t].*)$`) // related lines start with a tab
	var got []string
	for _, m := range re.FindAllStringSubmatch(string(out), -1) {
		check := "queryinloop"
		switch {
		case strings.Contains(m[3], "fetches every column"):
			check = "selectstar"
		case strings.Contains(m[3], "no index serves"):
			check = "missingindex"
		case strings.Contains(m[3], "per request") || strings.Contains(m[3], "context"):
			check = "handlerquery"
		}
		got = append(got, check+" "+m[1]+":"+m[2])
	}
	slices.Sort(got)
	if !slices.Equal(got, planted) {
		t.Errorf("go vet reported:\n%s\nwant:\n%s", out, strings.Join(planted, "\n"))
	}
	if !strings.Contains(string(out), "store.(*Store).OrderItems runs") {
		t.Errorf("the cross-package N+1 (a fact from package store) is missing:\n%s", out)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// demoRoutes is EXPECTED.md's route table, checked by hand against
// testdata/demo: each route of internal/api/routes.go, its handler chain,
// the queries one request issues on its heaviest path (auth's session
// lookup included where the route is wrapped), and the findings it
// reaches.
var demoRoutes = []struct {
	line            int
	method, pattern string
	handler         string
	min             int
	loop            bool
	findings        []string
}{
	{7, "GET", "/healthz", "api.(*Handler).health", 0, false, nil},
	{9, "POST", "/customers", "api.(*Handler).registerCustomer", 2, false, nil},
	{10, "GET", "/customers/lookup", "api.(*Handler).lookupCustomer", 1, false, []string{"handlerquery internal/api/customers.go:45"}},
	{11, "GET", "/products/{sku}", "api.(*Handler).getProduct", 1, false, []string{"handlerquery internal/api/customers.go:54"}},
	{13, "GET", "/me", "api.(*Handler).auth → api.(*Handler).me", 2, false, []string{"selectstar internal/store/customers.go:16"}},
	{14, "GET", "/customers/{id}/orders", "api.(*Handler).auth → api.(*Handler).listCustomerOrders", 2, true, []string{
		"missingindex internal/store/orders.go:19", "queryinloop internal/api/orders.go:23", "selectstar internal/store/orders.go:46"}},
	{15, "POST", "/orders", "api.(*Handler).auth → api.(*Handler).createOrder", 3, true, []string{"queryinloop internal/store/orders.go:112"}},
	{16, "GET", "/orders/{id}", "api.(*Handler).auth → api.(*Handler).getOrder", 3, true, []string{"queryinloop internal/store/orders.go:86"}},
	{17, "POST", "/orders/{id}/cancel", "api.(*Handler).auth → api.(*Handler).cancelOrder", 4, false, []string{"handlerquery internal/api/orders.go:79"}},
	{18, "GET", "/admin/orders", "api.(*Handler).auth → api.(*Handler).recentOrders", 4, false, nil},
}

// The JSON report's route inventory: every route of the demo, where it is
// registered, what one request costs, and the findings it reaches (and,
// on each finding, the routes that reach it).
func TestDemoRoutes(t *testing.T) {
	var stdout, stderr bytes.Buffer
	driver.Main([]string{"-C", demo, "-format", "json", "./..."}, &stdout, &stderr)
	var rep report.Report
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatalf("not a JSON report: %v\n%s", err, stdout.String())
	}
	if rep.Stats.Routes != len(demoRoutes) || len(rep.Routes) != len(demoRoutes) {
		t.Fatalf("stats.routes = %d, %d routes; want %d:\n%+v", rep.Stats.Routes, len(rep.Routes), len(demoRoutes), rep.Routes)
	}
	for i, want := range demoRoutes {
		r := rep.Routes[i]
		q := r.QueriesPerRequest
		if r.File != "internal/api/routes.go" || r.Line != want.line || r.Method != want.method || r.Pattern != want.pattern ||
			r.Handler != want.handler || q.Min != want.min || q.Loop != want.loop {
			t.Errorf("route %d = %s %s %s:%d %s %+v; want %s %s routes.go:%d %s {min:%d loop:%v}", i,
				r.Method, r.Pattern, r.File, r.Line, r.Handler, q, want.method, want.pattern, want.line, want.handler, want.min, want.loop)
		}
		var got []string
		for _, fi := range r.Findings {
			f := rep.Findings[fi]
			got = append(got, f.Check+" "+f.File+":"+itoa(f.Line))
			reached := false
			for _, ref := range f.Routes {
				reached = reached || ref.Method == r.Method && ref.Pattern == r.Pattern
			}
			if !reached {
				t.Errorf("finding %s does not list route %s %s", got[len(got)-1], r.Method, r.Pattern)
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, want.findings) {
			t.Errorf("%s %s reaches %q, want %q", r.Method, r.Pattern, got, want.findings)
		}
	}
	// F1's SELECT * runs once per order of GET /customers/{id}/orders.
	for _, f := range rep.Findings {
		if f.Check == "selectstar" && f.File == "internal/store/orders.go" && f.Multiplicity != "loop" {
			t.Errorf("F1 multiplicity = %q, want loop (it runs inside F3's loop)", f.Multiplicity)
		}
	}
}

// -routes prints the inventory after the findings, in text mode.
func TestRoutesFlag(t *testing.T) {
	var stdout, stderr bytes.Buffer
	driver.Main([]string{"-C", demo, "-routes", "./..."}, &stdout, &stderr)
	out := stdout.String()
	for _, want := range []string{
		"10 routes:\n",
		"internal/api/routes.go:16: GET /orders/{id} -> api.(*Handler).auth → api.(*Handler).getOrder: 3 queries per request + 1 per item\n",
		"internal/api/routes.go:7: GET /healthz -> api.(*Handler).health: 0 queries per request\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("-routes output lacks %q:\n%s", want, out)
		}
	}
}
