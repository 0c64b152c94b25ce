// Package benchgen writes synthetic Go services for sqlheat's benchmarks.
//
// The performance budget (DESIGN.md) compares sqlheat with go vet on the
// same code and asks for growth linear in packages and query sites. That
// needs code of any size with the shape of a real service, so that the
// passes do the work they do on real code: store packages with query
// functions whose SQL is constant, concatenated, Sprintf'ed or built with a
// strings.Builder, each behind the store's own wrapper (some wrapping a
// shared one in another package); services calling several stores, some in
// loops (N+1 across packages), some in loops sqlheat must stay silent on
// (chunks, retries); HTTP handlers registering Go 1.22 routes; a worker
// with a service loop; packages with no SQL at all; migrations and a
// traffic profile. Everything is standard library only, so the module
// builds offline, and everything is a function of the seed.
package benchgen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/format"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Config says what to generate.
type Config struct {
	// Packages is the number of Go packages (at least 6): store, service,
	// handler and utility packages in fixed proportions, plus the shared
	// database helper, the worker and the main package.
	Packages int
	Seed     uint64
	Module   string // module path; "example.com/benchsvc" when empty
}

// Module is a generated service: its files and what they contain.
type Module struct {
	Files   map[string][]byte // slash-separated paths relative to the module root
	Routes  []Route           // every registered route, in registration order
	Summary Summary
}

// Route is one registered route and its rate in traffic.json.
type Route struct {
	Method  string
	Pattern string // the path, with {name} wildcards
	Rate    int    // requests per minute
}

// Summary counts what was generated, so benchmark results can be read per
// package and per query site.
type Summary struct {
	Packages   int // Go packages, main included
	Stores     int
	Services   int
	Handlers   int
	Utils      int
	QueryFuncs int // store methods that run SQL
	// QuerySites are the calls that send a given SQL text: to database/sql
	// or to a wrapper. A wrapper's own call, whose SQL is its parameter,
	// is not one (its callers are), as sqlheat counts them.
	QuerySites int
	Loops      int // planted loops over queries (N+1), direct or across packages
	Routes     int
	Files      int
	Lines      int // lines of Go
}

const minPackages = 6

// Generate builds the module in memory. The same Config always gives the
// same bytes.
func Generate(cfg Config) (*Module, error) {
	if cfg.Packages < minPackages {
		return nil, fmt.Errorf("benchgen: %d packages: need at least %d", cfg.Packages, minPackages)
	}
	if cfg.Module == "" {
		cfg.Module = "example.com/benchsvc"
	}
	g := &gen{
		cfg:   cfg,
		rng:   rand.New(rand.NewPCG(cfg.Seed, 0x5a17_4ea7)),
		files: map[string][]byte{},
	}
	g.plan()
	if err := g.emit(); err != nil {
		return nil, err
	}
	m := &Module{Files: g.files, Routes: g.routes, Summary: g.sum}
	m.Summary.Files = len(g.files)
	for name, data := range g.files {
		if strings.HasSuffix(name, ".go") {
			m.Summary.Lines += bytes.Count(data, []byte("\n"))
		}
	}
	m.Summary.Routes = len(g.routes)
	return m, nil
}

// Write writes the module's files under dir, creating it.
func (m *Module) Write(dir string) error {
	for _, name := range slices.Sorted(mapsKeys(m.Files)) {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, m.Files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// SamplePaths returns n concrete request paths for the module's routes, as
// an access log would show them (wildcards filled with numbers, a few with
// a query string), each with its method; a tenth match no route.
func (m *Module) SamplePaths(seed uint64, n int) (methods, paths []string) {
	rng := rand.New(rand.NewPCG(seed, 7))
	for range n {
		if rng.IntN(10) == 0 || len(m.Routes) == 0 {
			methods = append(methods, "GET")
			paths = append(paths, fmt.Sprintf("/static/app-%d.js", rng.IntN(1000)))
			continue
		}
		r := m.Routes[rng.IntN(len(m.Routes))]
		var b strings.Builder
		for seg := range strings.SplitSeq(strings.TrimPrefix(r.Pattern, "/"), "/") {
			b.WriteByte('/')
			if strings.HasPrefix(seg, "{") {
				fmt.Fprint(&b, 1+rng.IntN(1_000_000))
			} else {
				b.WriteString(seg)
			}
		}
		if rng.IntN(5) == 0 {
			fmt.Fprintf(&b, "?page=%d", rng.IntN(20))
		}
		methods = append(methods, r.Method)
		paths = append(paths, b.String())
	}
	return methods, paths
}

func mapsKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// Plural and singular names for tables and Go types. Beyond the list,
// names take a number (orders2, Order2).
var nouns = [][2]string{
	{"accounts", "Account"}, {"users", "User"}, {"orders", "Order"}, {"invoices", "Invoice"},
	{"payments", "Payment"}, {"products", "Product"}, {"carts", "Cart"}, {"shipments", "Shipment"},
	{"addresses", "Address"}, {"reviews", "Review"}, {"coupons", "Coupon"}, {"refunds", "Refund"},
	{"subscriptions", "Subscription"}, {"plans", "Plan"}, {"teams", "Team"}, {"members", "Member"},
	{"projects", "Project"}, {"tasks", "Task"}, {"comments", "Comment"}, {"attachments", "Attachment"},
	{"tags", "Tag"}, {"labels", "Label"}, {"feeds", "Feed"}, {"entries", "Entry"},
	{"articles", "Article"}, {"authors", "Author"}, {"sessions", "Session"}, {"tokens", "Token"},
	{"devices", "Device"}, {"notifications", "Notification"}, {"messages", "Message"}, {"threads", "Thread"},
	{"channels", "Channel"}, {"webhooks", "Webhook"}, {"events", "Event"}, {"audits", "Audit"},
	{"reports", "Report"}, {"dashboards", "Dashboard"}, {"widgets", "Widget"}, {"metrics", "Metric"},
	{"alerts", "Alert"}, {"incidents", "Incident"}, {"tickets", "Ticket"}, {"vendors", "Vendor"},
	{"warehouses", "Warehouse"}, {"inventories", "Inventory"}, {"suppliers", "Supplier"}, {"contracts", "Contract"},
	{"quotes", "Quote"}, {"leads", "Lead"}, {"campaigns", "Campaign"}, {"segments", "Segment"},
	{"experiments", "Experiment"}, {"releases", "Release"}, {"builds", "Build"}, {"deployments", "Deployment"},
	{"repositories", "Repository"}, {"branches", "Branch"}, {"commits", "Commit"}, {"invites", "Invite"},
}

var utilNames = []string{"text", "ids", "clock", "page", "slug", "money", "geo", "valid", "retry", "cache", "mask", "bits"}

// Extra columns a table may have besides the common ones, with their SQL
// and Go types.
var extraCols = []struct{ name, sqlType, goType string }{
	{"email", "text", "string"}, {"title", "text", "string"}, {"amount", "bigint", "int64"},
	{"priority", "integer", "int64"}, {"score", "integer", "int64"}, {"region", "text", "string"},
	{"kind", "text", "string"}, {"external_id", "text", "string"}, {"owner_id", "bigint", "int64"},
}

// table is a store package: one table and the functions over it.
type table struct {
	i       int
	name    string // table and package name
	typ     string // Go type of a row
	parent  int    // the table parent_id refers to
	extras  []int  // indexes into extraCols
	indexed map[string]bool
	// Optional query functions.
	byStatus, search, all, byExtra, createMany, withParent, archive, shared bool
	util                                                                    int // the utility package it imports, -1 for none
}

// service uses a primary store and a few others.
type service struct {
	i        int
	name     string // package name
	resource string // URL segment of its resources
	stores   []int  // stores[0] is its own
	uses     int    // a lower service it calls, -1 for none
	util     int
	// Loops the service runs over queries of other packages.
	nplus1, writeLoop bool
}

// handler registers routes for a resource on a ServeMux.
type handler struct {
	i        int
	name     string
	svc      int
	extra    int // a second service, -1 for none
	resource string
	bgCtx    bool // one endpoint ignores the request's context
}

type gen struct {
	cfg      Config
	rng      *rand.Rand
	files    map[string][]byte
	tables   []*table
	services []*service
	handlers []*handler
	utils    []int // each utility package's dependency, -1 for none
	routes   []Route
	sum      Summary
}

// plan decides the module's shape: how many packages of each kind and
// what each uses. Proportions follow a typical layered service: about 3
// stores, 3 services, 2.5 handler packages and 1.5 utility packages in 10.
func (g *gen) plan() {
	rest := g.cfg.Packages - 3 // dbx, worker, cmd/server
	ns := max(1, rest*3/10)
	nv := max(1, rest*3/10)
	nh := max(1, rest/4)
	nu := max(0, rest-ns-nv-nh)
	g.sum.Packages = 3 + ns + nv + nh + nu
	g.sum.Stores, g.sum.Services, g.sum.Handlers, g.sum.Utils = ns, nv, nh, nu
	for i := range nu {
		dep := -1
		if i > 0 && g.rng.IntN(2) == 0 {
			dep = g.rng.IntN(i)
		}
		g.utils = append(g.utils, dep)
	}
	pickUtil := func() int {
		if nu == 0 || g.rng.IntN(3) == 0 {
			return -1
		}
		return g.rng.IntN(nu)
	}
	for i := range ns {
		t := &table{i: i, name: noun(i, 0), typ: noun(i, 1), parent: g.rng.IntN(ns), indexed: map[string]bool{}, util: pickUtil()}
		for _, e := range g.rng.Perm(len(extraCols))[:2+g.rng.IntN(3)] {
			t.extras = append(t.extras, e)
		}
		slices.Sort(t.extras)
		t.indexed["account_id"] = g.rng.IntN(10) < 7
		t.indexed["status"] = g.rng.IntN(10) < 3
		t.indexed["parent_id"] = g.rng.IntN(10) < 5
		t.indexed[extraCols[t.extras[0]].name] = g.rng.IntN(2) == 0
		t.byStatus = g.rng.IntN(10) < 6
		t.search = g.rng.IntN(10) < 5
		t.all = g.rng.IntN(4) == 0
		t.byExtra = g.rng.IntN(10) < 6
		t.createMany = g.rng.IntN(10) < 4
		t.withParent = g.rng.IntN(10) < 3
		t.archive = g.rng.IntN(10) < 3
		t.shared = g.rng.IntN(3) == 0
		g.tables = append(g.tables, t)
	}
	for i := range nv {
		s := &service{i: i, resource: noun(i%ns, 0), uses: -1, util: pickUtil()}
		if rep := i / ns; rep > 0 {
			s.resource = fmt.Sprintf("%s-%d", s.resource, rep)
		}
		s.name = strings.ReplaceAll(s.resource, "-", "") + "svc"
		s.stores = []int{i % ns}
		for range g.rng.IntN(3) {
			if o := g.rng.IntN(ns); !slices.Contains(s.stores, o) {
				s.stores = append(s.stores, o)
			}
		}
		if i > 0 && g.rng.IntN(3) == 0 {
			s.uses = g.rng.IntN(i)
		}
		s.nplus1 = len(s.stores) > 1 && g.rng.IntN(10) < 6
		s.writeLoop = g.rng.IntN(10) < 3
		g.services = append(g.services, s)
	}
	for i := range nh {
		h := &handler{i: i, svc: i % nv, extra: -1, bgCtx: g.rng.IntN(10) < 2}
		s := g.services[h.svc]
		h.name = strings.TrimSuffix(s.name, "svc") + "api"
		h.resource = s.resource
		if rep := i / nv; rep > 0 {
			h.name += fmt.Sprint(rep)
			h.resource = fmt.Sprintf("%s/v%d", h.resource, rep)
		}
		if nv > 1 && g.rng.IntN(3) == 0 {
			if e := g.rng.IntN(nv); e != h.svc {
				h.extra = e
			}
		}
		g.handlers = append(g.handlers, h)
	}
}

// noun returns the i-th plural (k=0) or singular (k=1) name.
func noun(i, k int) string {
	n := nouns[i%len(nouns)][k]
	if i >= len(nouns) {
		n += fmt.Sprint(i / len(nouns))
	}
	return n
}

func (g *gen) emit() error {
	mod := g.cfg.Module
	g.raw("go.mod", fmt.Sprintf("module %s\n\ngo 1.22\n", mod))
	g.raw(".sqlheat.yaml", "# Settings for sqlheat, generated by benchgen.\nschema: [migrations]\ntraffic: traffic.json\nbudget: 12\n")
	g.raw("README.md", fmt.Sprintf("# benchsvc\n\nA synthetic service generated by sqlheat's benchgen (%d packages, seed %d). Do not edit.\n", g.sum.Packages, g.cfg.Seed))
	steps := []func() error{g.emitDBX, g.emitUtils, g.emitStores, g.emitServices, g.emitHandlers, g.emitWorker, g.emitMain}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	g.emitMigrations()
	g.emitTraffic()
	return nil
}

func (g *gen) raw(name, text string) { g.files[name] = []byte(text) }

// gofile formats src and stores it; a formatting error is a bug in the
// generator.
func (g *gen) gofile(name, src string) error {
	out, err := format.Source([]byte(src))
	if err != nil {
		return fmt.Errorf("benchgen: generated %s does not parse: %v\n%s", name, err, numbered(src))
	}
	g.files[name] = out
	return nil
}

func numbered(src string) string {
	var b strings.Builder
	for i, l := range strings.Split(src, "\n") {
		fmt.Fprintf(&b, "%4d %s\n", i+1, l)
	}
	return b.String()
}

func (g *gen) utilPath(i int) string {
	return fmt.Sprintf("internal/util/%s%d", utilNames[i%len(utilNames)], i)
}
func (g *gen) utilPkg(i int) string { return fmt.Sprintf("%s%d", utilNames[i%len(utilNames)], i) }

// emitMigrations writes golang-migrate files: one table per store, then
// the indexes, some added by later migrations.
func (g *gen) emitMigrations() {
	for _, t := range g.tables {
		var b strings.Builder
		fmt.Fprintf(&b, "CREATE TABLE %s (\n    id bigserial PRIMARY KEY,\n    account_id bigint NOT NULL,\n    parent_id bigint,\n    name text NOT NULL,\n    status text NOT NULL DEFAULT 'new',\n", t.name)
		for _, e := range t.extras {
			fmt.Fprintf(&b, "    %s %s,\n", extraCols[e].name, extraCols[e].sqlType)
		}
		b.WriteString("    created_at timestamptz NOT NULL DEFAULT now(),\n    updated_at timestamptz NOT NULL DEFAULT now()\n);\n")
		if t.indexed["account_id"] {
			fmt.Fprintf(&b, "CREATE INDEX %s_account_idx ON %s (account_id, created_at);\n", t.name, t.name)
		}
		if t.indexed["status"] {
			fmt.Fprintf(&b, "CREATE INDEX %s_status_idx ON %s (status) WHERE status <> 'archived';\n", t.name, t.name)
		}
		g.raw(fmt.Sprintf("migrations/%04d_create_%s.up.sql", 2*t.i+1, t.name), b.String())
		g.raw(fmt.Sprintf("migrations/%04d_create_%s.down.sql", 2*t.i+1, t.name), fmt.Sprintf("DROP TABLE %s;\n", t.name))
		b.Reset()
		if t.indexed["parent_id"] {
			fmt.Fprintf(&b, "CREATE INDEX %s_parent_idx ON %s (parent_id);\n", t.name, t.name)
		}
		if e := extraCols[t.extras[0]].name; t.indexed[e] {
			fmt.Fprintf(&b, "CREATE UNIQUE INDEX %s_%s_key ON %s (%s);\n", t.name, e, t.name, e)
		}
		if b.Len() > 0 {
			g.raw(fmt.Sprintf("migrations/%04d_index_%s.up.sql", 2*t.i+2, t.name), b.String())
			g.raw(fmt.Sprintf("migrations/%04d_index_%s.down.sql", 2*t.i+2, t.name), "-- indexes are dropped with the table\n")
		}
	}
}

// emitTraffic writes traffic.json: a few hot routes, a long tail.
func (g *gen) emitTraffic() {
	m := map[string]int{}
	for i := range g.routes {
		r := &g.routes[i]
		switch {
		case g.rng.IntN(20) == 0:
			r.Rate = 1000 + g.rng.IntN(9000)
		case g.rng.IntN(4) == 0:
			r.Rate = 50 + g.rng.IntN(950)
		default:
			r.Rate = 1 + g.rng.IntN(50)
		}
		m[r.Method+" "+r.Pattern] = r.Rate
	}
	data, _ := json.MarshalIndent(m, "", "  ") // keys sorted: deterministic
	g.files["traffic.json"] = append(data, '\n')
}
