package rank

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/sqlheat/sqlheat/internal/report"
	"github.com/sqlheat/sqlheat/internal/traffic"
)

func mustLoad(t *testing.T, path string) *traffic.Profile {
	t.Helper()
	p, err := traffic.Load(path, "", traffic.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func mustParse(t *testing.T, content string) *traffic.Profile {
	t.Helper()
	p, err := traffic.Parse(strings.NewReader(content), "profile", "", traffic.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestMultiplicity(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64
	}{
		{"", 1},
		{"once", 1},
		{"loop", 10},
		{"loop×2", 100},
		{"loopx3", 1000},
		{"loop*2", 100},
		{"loop×", 10},    // a loop of unreadable depth is still a loop
		{"loop×n", 10},   // likewise
		{"loop×99", 1e6}, // capped: deep chains must not overflow a score
		{"row", 1},
	} {
		if got := Multiplicity(tc.in); got != tc.want {
			t.Errorf("Multiplicity(%q) = %g, want %g", tc.in, got, tc.want)
		}
	}
}

// finding is a compact way to write a finding for the tables below:
// "check severity multiplicity file:line [fingerprint] @METHOD /route ...".
func mkFinding(spec string) report.Finding {
	fields := strings.Fields(spec)
	f := report.Finding{Check: fields[0], Severity: fields[1], Multiplicity: fields[2], Message: spec}
	fmt.Sscanf(strings.Replace(fields[3], ":", " ", 1), "%s %d", &f.File, &f.Line)
	for i := 4; i < len(fields); i++ {
		switch s := fields[i]; {
		case strings.HasPrefix(s, "@"):
			f.Routes = append(f.Routes, report.RouteRef{Method: s[1:], Pattern: fields[i+1]})
			i++
		case strings.HasPrefix(s, "per="): // the route before's PerRequest
			f.Routes[len(f.Routes)-1].PerRequest = strings.TrimPrefix(s, "per=")
		default:
			f.Fingerprint = s
		}
	}
	return f
}

func TestScore(t *testing.T) {
	const routes = `{"GET /orders/{id}": 1200, "GET /admin/orders": 30, "GET /feed": 100000, "GET /settings": 1, "GET /me": 900}`
	pgss := "query,calls,total_exec_time\n" +
		"SELECT a,10,50000\n" +
		"SELECT b,1000000,10\n" +
		"SELECT c,100,100\n" +
		"SELECT d,100,200\n"
	costs, _ := mustParse(t, pgss).ByFingerprint(func(q string) (string, error) { return strings.Fields(q)[1], nil })

	for _, tc := range []struct {
		name     string
		profile  string // "" for none
		costs    map[string]traffic.StatementCost
		findings []string
		want     []string // the findings' specs, in ranked order, with "= score basis"
	}{{
		name:    "an N+1 on a hot route outranks a SELECT * on a cold one",
		profile: routes,
		findings: []string{
			"selectstar low once a.go:1 @GET /admin/orders",
			"queryinloop high loop b.go:1 @GET /orders/{id}",
		},
		want: []string{
			"queryinloop high loop b.go:1 @GET /orders/{id} = 36000 traffic",
			"selectstar low once a.go:1 @GET /admin/orders = 30 traffic",
		},
	}, {
		name:    "traffic, not severity, decides: SELECT * on the hottest route beats an N+1 on a settings page",
		profile: routes,
		findings: []string{
			"queryinloop high loop b.go:1 @GET /settings",
			"selectstar low once a.go:1 @GET /feed",
		},
		want: []string{
			"selectstar low once a.go:1 @GET /feed = 100000 traffic",
			"queryinloop high loop b.go:1 @GET /settings = 30 traffic",
		},
	}, {
		name:    "nested loops multiply, routes add up",
		profile: routes,
		findings: []string{
			"queryinloop high loop×2 a.go:1 @GET /settings",
			"missingindex medium once b.go:1 @GET /me @GET /admin/orders",
		},
		want: []string{
			"missingindex medium once b.go:1 @GET /me @GET /admin/orders = 1860 traffic",
			"queryinloop high loop×2 a.go:1 @GET /settings = 300 traffic",
		},
	}, {
		name:    "each route at its own multiplicity: per item on one, once on the other",
		profile: routes,
		findings: []string{
			"missingindex medium loop a.go:1 @GET /me per=loop @GET /admin/orders per=once",
			"selectstar low once b.go:1 @GET /orders/{id}",
		},
		want: []string{
			"missingindex medium loop a.go:1 @GET /me per=loop @GET /admin/orders per=once = 18060 traffic",
			"selectstar low once b.go:1 @GET /orders/{id} = 1200 traffic",
		},
	}, {
		name:    "a route listed twice counts once",
		profile: routes,
		findings: []string{
			"selectstar low once a.go:1 @GET /me @GET /me @GET /me/",
		},
		want: []string{
			"selectstar low once a.go:1 @GET /me @GET /me @GET /me/ = 900 traffic",
		},
	}, {
		name: "static without a profile: severity × multiplicity × routes",
		findings: []string{
			"selectstar low once a.go:1",
			"missingindex medium once b.go:1 @GET /a @GET /b @GET /c",
			"queryinloop high loop c.go:1 @GET /orders/{id}",
			"queryinloop medium loop d.go:1",
		},
		want: []string{
			"queryinloop high loop c.go:1 @GET /orders/{id} = 30 static",
			"queryinloop medium loop d.go:1 = 20 static",
			"missingindex medium once b.go:1 @GET /a @GET /b @GET /c = 6 static",
			"selectstar low once a.go:1 = 1 static",
		},
	}, {
		name:    "with a profile, findings no traffic reaches rank after measured ones, among themselves statically",
		profile: routes,
		findings: []string{
			"queryinloop high loop worker.go:1",
			"selectstar low once a.go:1 @GET /settings",
			"missingindex medium once b.go:1 @GET /unknown",
			"selectstar low once c.go:1",
		},
		want: []string{
			"selectstar low once a.go:1 @GET /settings = 1 traffic",
			"queryinloop high loop worker.go:1 = 30 static",
			"missingindex medium once b.go:1 @GET /unknown = 2 static",
			"selectstar low once c.go:1 = 1 static",
		},
	}, {
		name:    "measured database time drives the score over route traffic",
		profile: routes,
		costs:   costs,
		findings: []string{
			"queryinloop high loop hot.go:1 b @GET /feed",
			"selectstar low once slow.go:1 a @GET /settings",
			"handlerquery medium once ctx.go:1 @GET /orders/{id}",
			"missingindex medium once gone.go:1 zzz",
		},
		want: []string{
			"selectstar low once slow.go:1 a @GET /settings = 50000 db_time",
			"queryinloop high loop hot.go:1 b @GET /feed = 30 db_time",
			"handlerquery medium once ctx.go:1 @GET /orders/{id} = 2400 traffic",
			"missingindex medium once gone.go:1 zzz = 2 static",
		},
	}, {
		name:  "database time already counts the loop: no multiplicity on top",
		costs: costs,
		findings: []string{
			"queryinloop high loop a.go:1 c",
			"queryinloop high once b.go:1 d",
		},
		want: []string{
			"queryinloop high once b.go:1 d = 600 db_time",
			"queryinloop high loop a.go:1 c = 300 db_time",
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			rep := &report.Report{}
			for _, s := range tc.findings {
				rep.Findings = append(rep.Findings, mkFinding(s))
			}
			var prof *traffic.Profile
			if tc.profile != "" {
				prof = mustParse(t, tc.profile)
				FillRates(rep, prof)
			}
			Score(rep, prof, tc.costs)
			var got []string
			for i, f := range rep.Findings {
				got = append(got, fmt.Sprintf("%s = %g %s", f.Message, f.Score, f.ScoreBasis))
				if f.Rank != i+1 {
					t.Errorf("finding %d has rank %d", i, f.Rank)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("ranked:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(tc.want, "\n\t"))
			}
		})
	}
}

// TestDemo ranks the demo's planted findings by its traffic.json: the
// N+1s on GET /orders/{id} and GET /customers/{id}/orders lead, the rarely
// used cancel route comes last.
func TestDemo(t *testing.T) {
	rep := demoReport()
	prof := mustLoad(t, "testdata/demo_traffic.json")
	if un := FillRates(rep, prof); len(un) != 0 || rep.Stats.TrafficUnmatched != 0 {
		t.Errorf("unmatched profile routes %v (stats %d), want none", un, rep.Stats.TrafficUnmatched)
	}
	Score(rep, prof, nil)
	const want = "F4 F3 F1 F9 F5 F6 F2 F8 F7"
	if got := order(rep); got != want {
		t.Errorf("demo ranked %s, want %s", got, want)
	}
	if f := rep.Findings[0]; f.Score != 1200*ItemsPerRequest*3 || f.ScoreBasis != report.BasisTraffic {
		t.Errorf("top finding scored %g (%s), want 36000 (traffic)", f.Score, f.ScoreBasis)
	}
	if rep.Traffic == nil || rep.Traffic.File != "testdata/demo_traffic.json" || rep.Traffic.Format != "json" {
		t.Errorf("report traffic %+v", rep.Traffic)
	}
	// Route.Findings follow the findings to their ranked places.
	for _, r := range rep.Routes {
		for _, i := range r.Findings {
			f := rep.Findings[i]
			if !slices.ContainsFunc(f.Routes, func(ref report.RouteRef) bool { return ref.Pattern == r.Pattern && ref.Method == r.Method }) {
				t.Errorf("route %s %s points at finding %d (%s), which it does not reach", r.Method, r.Pattern, i, f.Message)
			}
		}
		if !slices.IsSorted(r.Findings) {
			t.Errorf("route %s %s findings %v not sorted", r.Method, r.Pattern, r.Findings)
		}
	}
	if r := rep.Routes[7]; r.Pattern != "/orders/{id}" || r.Rate != 1200 || !slices.Equal(r.Findings, []int{0}) {
		t.Errorf("GET /orders/{id}: rate %g findings %v, want 1200 and [0]", r.Rate, r.Findings)
	}

	// Without the profile the N+1s still lead, by loop and severity; the
	// medium findings of equal score follow by file and line (F9 is at the
	// handler's call, api/customers.go:54), as sqlheat ranks the demo.
	static := demoReport()
	Score(static, nil, nil)
	if got, want := order(static), "F3 F4 F5 F1 F8 F9 F7 F6 F2"; got != want {
		t.Errorf("demo ranked without traffic %s, want %s", got, want)
	}
	if static.Traffic != nil {
		t.Errorf("traffic %+v without a profile", static.Traffic)
	}
}

// TestDemoAccessLogRanksAlike reads the same traffic as an access log: the
// rates, and so the ranking, must equal the JSON profile's.
func TestDemoAccessLogRanksAlike(t *testing.T) {
	fromJSON := demoReport()
	jsonProf := mustLoad(t, "testdata/demo_traffic.json")
	FillRates(fromJSON, jsonProf)
	Score(fromJSON, jsonProf, nil)

	fromLog := demoReport()
	logProf := mustLoad(t, "testdata/demo_access.log")
	if logProf.Format != traffic.FormatAccessLog || !logProf.NeedsResolve() {
		t.Fatalf("access log read as %q, needs resolve %v", logProf.Format, logProf.NeedsResolve())
	}
	if un := FillRates(fromLog, logProf); len(un) != 0 {
		t.Errorf("unmatched profile routes %v", un)
	}
	if fromLog.Stats.TrafficUnmatched != 2 {
		t.Errorf("traffic_unmatched %d, want the 2 favicon requests", fromLog.Stats.TrafficUnmatched)
	}
	Score(fromLog, logProf, nil)

	for i, r := range fromLog.Routes {
		if want := fromJSON.Routes[i].Rate; math.Abs(r.Rate-want) > 1e-9 {
			t.Errorf("%s %s: access log rate %g, JSON %g", r.Method, r.Pattern, r.Rate, want)
		}
	}
	if a, b := order(fromJSON), order(fromLog); a != b {
		t.Errorf("JSON profile ranks %s, access log %s", a, b)
	}
	for i := range fromLog.Findings {
		if a, b := fromJSON.Findings[i].Score, fromLog.Findings[i].Score; math.Abs(a-b) > 1e-6*a {
			t.Errorf("finding %d scored %g from JSON, %g from the access log", i, a, b)
		}
	}
}

// TestDemoDBTime ranks by a pg_stat_statements export of the demo: the
// statements' database time decides, whatever the route traffic says.
func TestDemoDBTime(t *testing.T) {
	rep := demoReport()
	prof := mustLoad(t, "testdata/demo_pgss.csv")
	costs, unparsed := prof.ByFingerprint(fakeFingerprint)
	if unparsed != 0 {
		t.Fatalf("%d statements not fingerprinted", unparsed)
	}
	FillRates(rep, prof)
	Score(rep, prof, costs)
	// order_items by order_id (F3 and F1 share it) dominates; F8's lookup
	// and F7's order by id are measured too; the rest were never run.
	const want = "F3 F1 F7 F8 F4 F5 F9 F6 F2"
	if got := order(rep); got != want {
		t.Errorf("ranked %s, want %s", got, want)
	}
	for _, f := range rep.Findings[:4] {
		if f.ScoreBasis != report.BasisDBTime {
			t.Errorf("%s: basis %q, want db_time", f.Message, f.ScoreBasis)
		}
	}
}

func TestStableTies(t *testing.T) {
	specs := []string{
		"selectstar low once b.go:10",
		"queryinloop low once b.go:10",
		"selectstar low once a.go:20",
		"selectstar low once a.go:3",
		"selectstar low once a.go:3",
		"missingindex low once a.go:3",
	}
	var want string
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 20 {
		rep := &report.Report{}
		for _, s := range specs {
			f := mkFinding(s)
			f.Message = s
			rep.Findings = append(rep.Findings, f)
		}
		rep.Findings[4].Column = 2 // a.go:3:2 after a.go:3:0
		rep.Findings[4].Message += " col 2"
		r.Shuffle(len(rep.Findings), func(i, j int) { rep.Findings[i], rep.Findings[j] = rep.Findings[j], rep.Findings[i] })
		Score(rep, nil, nil)
		got := order(rep)
		if round == 0 {
			want = got
			continue
		}
		if got != want {
			t.Fatalf("round %d ranked\n%s\nround 0\n%s", round, got, want)
		}
	}
	wantOrder := "missingindex low once a.go:3 selectstar low once a.go:3 selectstar low once a.go:3 col 2 " +
		"selectstar low once a.go:20 queryinloop low once b.go:10 selectstar low once b.go:10"
	if want != wantOrder {
		t.Errorf("ties ordered\n%s\nwant (file, line, column, check)\n%s", want, wantOrder)
	}
}

func TestFillRates(t *testing.T) {
	// The profile spells parameters gin's way and by ServeMux's, with and
	// without methods; the code's routes spell them every other way.
	prof := mustParse(t, `{
		"GET /orders/:id": 1200,
		"/users/{uid}": 50,
		"GET /items/<int:id>": 10,
		"POST /items/:id": 5,
		"GET /nowhere": 7
	}`)
	rep := &report.Report{
		Routes: []report.Route{
			{Method: "GET", Pattern: "/orders/{id}"},
			{Method: "GET", Pattern: "/users/{id:[0-9]+}"}, // the profile's entry for any method
			{Method: "", Pattern: "/items/{id}"},           // any method: every method's traffic
			{Method: "DELETE", Pattern: "/orders/{id}"},    // not in the profile
			{Pattern: "GET /orders/:order"},                // method in the pattern
			{Pattern: "main.adminHandler"},                 // a handler no registration reaches
		},
		Findings: []report.Finding{{Routes: []report.RouteRef{
			{Method: "GET", Pattern: "/orders/<id>"},
			{Method: "*", Pattern: "/items/{id}"},
		}}},
	}
	unmatched := FillRates(rep, prof)
	var got []string
	for _, r := range rep.Routes {
		got = append(got, fmt.Sprintf("%s %s=%g", r.Method, r.Pattern, r.Rate))
	}
	for _, r := range rep.Findings[0].Routes {
		got = append(got, fmt.Sprintf("ref %s %s=%g", r.Method, r.Pattern, r.Rate))
	}
	want := []string{
		"GET /orders/{id}=1200",
		"GET /users/{id:[0-9]+}=50",
		" /items/{id}=15",
		"DELETE /orders/{id}=0",
		" GET /orders/:order=1200",
		" main.adminHandler=0",
		"ref GET /orders/<id>=1200",
		"ref * /items/{id}=15",
	}
	if !slices.Equal(got, want) {
		t.Errorf("rates:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	if len(unmatched) != 1 || unmatched[0].Key() != "GET /nowhere" || rep.Stats.TrafficUnmatched != 1 {
		t.Errorf("unmatched %v (stats %d), want GET /nowhere", unmatched, rep.Stats.TrafficUnmatched)
	}
	if want := (&report.Traffic{File: "profile", Format: "json"}); !reflect.DeepEqual(rep.Traffic, want) {
		t.Errorf("traffic %+v, want %+v", rep.Traffic, want)
	}
}

func TestFillRatesNoProfile(t *testing.T) {
	rep := demoReport()
	if un := FillRates(rep, nil); un != nil || rep.Traffic != nil {
		t.Errorf("nil profile: unmatched %v, traffic %+v", un, rep.Traffic)
	}
	// An empty profile ranks nothing: no Traffic, so writers stay unranked.
	prof := mustParse(t, "{}")
	FillRates(rep, prof)
	Score(rep, prof, nil)
	if rep.Traffic != nil {
		t.Errorf("empty profile: traffic %+v", rep.Traffic)
	}
	for _, f := range rep.Findings {
		if f.ScoreBasis != report.BasisStatic {
			t.Errorf("%s: basis %q with an empty profile", f.Message, f.ScoreBasis)
		}
	}
}
