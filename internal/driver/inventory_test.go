package driver

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/sqlheat/sqlheat/analyzer"
	"github.com/sqlheat/sqlheat/internal/report"
)

// testdata/inventory registers handlers of its own signature through
// helpers that adapt them (each under "/x" and "/x.view"), admin handlers
// from a route table and from a table whose rows serve themselves (a
// ServeHTTP that calls the row's handler), and middlewares whose handler
// is two closures deep;
// its handlers reach the SQL through a data store interface whose methods
// return repository interfaces, implemented on a generic base, or in a
// goroutine running a closure a generic function makes, or in handlers a
// REST library outside the module makes from a constructor. Every
// route lists its own handler's queries and its middlewares', and no
// other route's; a statement both run is listed for each.
func TestRouteInventoryShapes(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/inventory", "./...")
	got, order := inventory(rep, func(r report.Route) string {
		return fmt.Sprintf("%s:%d %s %s", r.File, r.Line, r.Method, r.Pattern)
	})
	const (
		auth   = "persistence/persistence.go:99 api.authenticate once"
		access = "persistence/persistence.go:103 server.UpdateLastAccess once"
	)
	// The REST handlers, made by the library from a constructor: each
	// request runs the constructor and the methods of the Repository it
	// returns — Count, Read and ReadAll, on each repository the data
	// store's Resource can return, on the base they share.
	rest := []string{auth,
		"persistence/persistence.go:54 handler once",
		"persistence/persistence.go:58 handler once",
		"persistence/persistence.go:62 handler once"}
	want := map[string][]string{
		"api/api.go:39 ANY /getAlbum":          {auth, access, "persistence/persistence.go:79 handler once"},
		"api/api.go:39 ANY /getAlbum.view":     {auth, access, "persistence/persistence.go:79 handler once"},
		"api/api.go:40 ANY /getAlbumList":      {auth, access, "persistence/persistence.go:83 handler once"},
		"api/api.go:40 ANY /getAlbumList.view": {auth, access, "persistence/persistence.go:83 handler once"},
		// Stream runs nothing itself: only its middlewares' queries.
		"api/api.go:41 ANY /stream":      {auth, access},
		"api/api.go:41 ANY /stream.view": {auth, access},
		// GetUser runs authenticate's statement again: listed for each.
		"api/api.go:42 ANY /getUser":      {auth, access, "persistence/persistence.go:99 handler once"},
		"api/api.go:42 ANY /getUser.view": {auth, access, "persistence/persistence.go:99 handler once"},
		// Search hands a goroutine the closure a generic function makes.
		"api/api.go:43 ANY /search":      {auth, access, "persistence/persistence.go:87 handler once"},
		"api/api.go:43 ANY /search.view": {auth, access, "persistence/persistence.go:87 handler once"},
		// The table's rows, each at its row, outside the group.
		"api/api.go:50 GET /admin/users":  {auth, "persistence/persistence.go:107 handler once"},
		"api/api.go:51 GET /admin/health": {auth},
		// Rows that serve themselves: the handler each row holds, once,
		// not also as a route of its own.
		"api/api.go:58 ANY /lfs/locks":  {auth, "persistence/persistence.go:107 handler once"},
		"api/api.go:59 ANY /lfs/verify": {auth, "persistence/persistence.go:99 handler once"},
		// Their prefix is resource's parameter: not known there.
		"api/api.go:97 GET …/":     rest,
		"api/api.go:98 GET …/{id}": rest,
	}
	if len(got) != len(want) {
		t.Errorf("routes %v, want %d routes (stderr: %s)", order, len(want), stderr)
	}
	// Of the methods a made handler may call, a request counts the
	// costliest once, not all of them.
	for _, r := range rep.Routes {
		if r.Line == 97 && r.QueriesPerRequest.Min != 2 {
			t.Errorf("%s %s: %d queries per request, want 2", r.Method, r.Pattern, r.QueriesPerRequest.Min)
		}
	}
	checkRuns(t, got, want, order)
}

// inventory is what each route of the report runs, "file:line from
// per_request" per query, by the route's key; and the keys in order.
func inventory(rep *report.Report, key func(report.Route) string) (map[string][]string, []string) {
	got := map[string][]string{}
	var order []string
	for _, r := range rep.Routes {
		k := key(r)
		order = append(order, k)
		got[k] = []string{}
		for _, q := range r.Queries {
			got[k] = append(got[k], fmt.Sprintf("%s:%d %s %s", q.File, q.Line, q.From, q.PerRequest))
		}
	}
	return got, order
}

// checkRuns compares what routes run with what they should.
func checkRuns(t *testing.T, got, want map[string][]string, order []string) {
	t.Helper()
	for k, w := range want {
		g, ok := got[k]
		if !ok {
			t.Errorf("no route %s; routes: %v", k, order)
			continue
		}
		if !slices.Equal(g, w) {
			t.Errorf("%s runs\n\t%v\nwant\n\t%v", k, g, w)
		}
	}
}

// testdata/adapt registers every route through one constructor that
// adapts a handler of the service's signature (a named func type taking
// the dependencies first) and runs a list of middlewares around it:
// ToHTTPHandler(deps, h, middlewares...) returns the closure the route
// serves, one function for every route. Each route lists the queries of
// the handler its registration passed, not every handler's; the
// middlewares' under their own names, once each; a route registered with
// no middlewares lists none of theirs; one an adapter runs per item of
// something else stays in the closure, per item. An adapter calling the
// handler in a closure it calls at once (to recover a panic) is read
// alike.
func TestRouteInventoryAdapter(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/adapt", "./...")
	key := func(r report.Route) string { return r.Method + " " + r.Pattern }
	got, order := inventory(rep, key)
	perRequest := map[string]int{}
	for _, r := range rep.Routes {
		perRequest[key(r)] = r.QueriesPerRequest.Min
	}
	const (
		session = "store/store.go:29 middleware.Auth.OnRequest once"
		visit   = "store/store.go:14 middleware.Auth.OnResponse once"
	)
	want := map[string][]string{
		"GET /tags":      {session, "store/store.go:19 handler once", visit},
		"GET /bookmarks": {session, "store/store.go:24 handler once", visit},
		"GET /health":    {},
		// A middleware run in a loop over something else: per item,
		// in the closure.
		"GET /items": {"store/store.go:29 handler loop"},
		// A closure the adapter's closure calls at once calls the
		// handler: each route its own.
		"GET /v2/tags":      {"store/store.go:19 handler once"},
		"GET /v2/bookmarks": {"store/store.go:24 handler once"},
	}
	if len(got) != len(want) {
		t.Errorf("routes %v, want %d routes (stderr: %s)", order, len(want), stderr)
	}
	checkRuns(t, got, want, order)
	// The middlewares run once each, around the handler: none per item.
	for k, n := range map[string]int{"GET /tags": 3, "GET /bookmarks": 3, "GET /health": 0} {
		if perRequest[k] != n {
			t.Errorf("%s: %d queries per request, want %d", k, perRequest[k], n)
		}
	}
}

// testdata/adaptmw registers each route through a library's adapter
// method, chain.Adapt(handler, middlewares...), the middlewares of the
// handler's type (func(Handler) Handler) handed one by one or spread
// from a local slice literal: each runs on the route, named by its
// function, once, the closure it writes serving (mwRoles("user") makes
// the middleware, whose closure queries). The handlers are factories'
// calls returning a generic adapter's call given a local func
// (CommandID("id", fn, code)), or a factory of the module given a method
// value: each route runs its own func's queries, not every route's
// through the adapter's one closure. A func of another shape given an
// adapter (a logger, net/http's middleware for an errwrap handler) is no
// middleware of the route: what it runs stays the handler's. The same
// holds for the module's own adapter of that shape, and for a factory's
// call registered as it is.
func TestRouteInventoryAdapterMiddlewares(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/adaptmw", "./...")
	got, order := inventory(rep, func(r report.Route) string { return r.Method + " " + r.Pattern })
	const (
		auth  = "store/store.go:14 web.(*App).mwAuth once"
		roles = "store/store.go:19 web.(*App).mwRoles once"
		owner = "store/store.go:24 web.(*App).mwOwner once"
	)
	want := map[string][]string{
		"GET /status":              {},
		"DELETE /members/{id}":     {auth, roles, owner, "store/store.go:29 handler once"},
		"DELETE /invites/{id}":     {auth, roles, "store/store.go:34 handler once"},
		"POST /actions/ensure-ids": {auth, roles, "store/store.go:39 handler once"},
		"POST /actions/zero-times": {auth, owner, "store/store.go:44 handler once"},
		"GET /logged":              {"store/store.go:49 handler once"},
		"GET /std":                 {"store/store.go:49 handler once"},
		// The module's own adapter of the same shape runs the handler
		// it wraps, and the middlewares around it.
		"DELETE /own/members/{id}": {owner, "store/store.go:29 handler once"},
		"POST /own/zero-times":     {auth, roles, "store/store.go:44 handler once"},
		// Factories' calls registered as they are: each its own func.
		"POST /ping": {"store/store.go:29 handler once"},
		"POST /pong": {"store/store.go:34 handler once"},
	}
	// (The routes pass also lists adapters.Run, the net/http adapter,
	// as a handler of its own: not what this test is about.)
	delete(got, "ANY adapters.Run")
	order = slices.DeleteFunc(order, func(k string) bool { return k == "ANY adapters.Run" })
	if len(got) != len(want) {
		t.Errorf("routes %v, want %d routes (stderr: %s)", order, len(want), stderr)
	}
	checkRuns(t, got, want, order)
}

// testdata/rpc serves an items service over grpc, its gateway and
// connect (from generated-looking code), and an audit service from an
// older generator; the implementations reach the SQL through a store
// interface. Each procedure an implementation serves is one route, named
// by its full name (the generated constant, else the ServiceDesc's
// service name), with the queries its method runs, however many
// protocols register it; the traffic profile names it so. Each runs its
// server's interceptors first: the grpc server's (ChainUnaryInterceptor),
// connect's (WithInterceptors, a type's WrapUnary, also of a slice
// spread there and of a constructor returning the interface), not a
// client's (WithUnaryInterceptor, WithInterceptors handed to a client). A service registered as its interface is
// served by the module's implementations of it. DeleteItem and MergeTags,
// served by the generated stubs only, are no routes; nor is what a plugin
// interface or a hand-written look-alike registration takes.
func TestRPCRoutes(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/rpc", "-traffic", "traffic.json", "./...")
	got := map[string][]string{}
	rates := map[string]float64{}
	var order []string
	for _, r := range rep.Routes {
		k := r.Method + " " + r.Pattern
		order = append(order, k)
		if _, dup := got[k]; dup {
			t.Errorf("route %s listed twice", k)
		}
		got[k] = []string{}
		rates[k] = r.Rate
		for _, q := range r.Queries {
			got[k] = append(got[k], fmt.Sprintf("%s:%d %s", q.File, q.Line, q.PerRequest))
		}
	}
	const (
		item   = "store/pg/pg.go:17 once"
		items  = "store/pg/pg.go:22 once"
		auth   = "server/intercept.go:15 once" // the grpc server's interceptor
		tenant = "server/intercept.go:25 once" // the connect handler's
		// The connect handlers' too, spread from a slice appended to,
		// made by a constructor returning connect.Interceptor: the check
		// its func field holds, once though both its wrappers run it. Not
		// the Metered interceptor, appended to another slice and handed
		// to clients.
		apikey = "server/intercept.go:51 once"
	)
	want := map[string][]string{
		// Listed as connect's procedures: its interceptors' queries first;
		// a stream's, what the interceptors' WrapStreamingHandler runs
		// (Tenant's wraps no stream).
		"POST /items.v1.ItemService/GetItem":    {tenant, apikey, item},
		"POST /items.v1.ItemService/ListItems":  {tenant, apikey, items},
		"POST /items.v1.ItemService/WatchItems": {apikey, items},
		"POST /audit.AuditService/Record":       {auth, "store/pg/pg.go:39 once"},
		// Registered as its interface: the module's implementation.
		"POST /tags.v1.TagService/ListTags": {auth, "server/tags.go:21 once"},
		// The muxes mounted: the gateway's, and connect's under the path
		// its constructor returns. What they serve is the procedures'.
		"ANY /api/": {},
		"ANY …":     {},
	}
	if len(got) != len(want) {
		t.Errorf("routes %v, want %d routes (stderr: %s)", order, len(want), stderr)
	}
	checkRuns(t, got, want, order)
	if rates["POST /items.v1.ItemService/GetItem"] != 600 || rates["POST /audit.AuditService/Record"] != 30 {
		t.Errorf("rates %v, want the profile's 600 and 30", rates)
	}
}

// testdata/gateway serves HTTP APIs through grpc-gateway (see its
// README.txt). Each path the generated gateway registers is a route with
// its method and path template (the generated WithHTTPPathPattern, or
// the pattern's op codes in the older generator's code), served by the
// method the gateway calls: the implementation handed to
// RegisterXHandlerServer, or, for a gateway that dials a gRPC server,
// the implementation this program registers on its grpc.Server (via
// names it). A gateway to a service this program does not implement is
// listed with no queries, its via saying it is remote. A method with no
// HTTP rule (Audit) is no path of the gateway, and a service only the
// gateway serves in process has no procedure routes; the gateway's path
// is matched whole, so a mux mounted at /api/ adds no prefix.
func TestGatewayRoutes(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/gateway", "./...")
	got, order := inventory(rep, func(r report.Route) string { return r.Method + " " + r.Pattern })
	via := map[string]string{}
	for _, r := range rep.Routes {
		via[r.Method+" "+r.Pattern] = r.Via
	}
	if len(got) != len(order) {
		t.Errorf("a route listed twice: %v", order)
	}
	entry := "server/server.go:43 handler once"
	want := map[string][]string{
		"GET /api/v1/shops/{id}":                {"server/server.go:20 handler once"},
		"GET /api/v1/shops":                     {"server/server.go:25 handler once"},
		"GET /v1/catalog/{name=items/*}:lookup": {entry},
		"POST /catalog.v1.Catalog/GetEntry":     {entry},
		"GET /api/v1/invoices":                  {},
		// Its registration handed to a helper as a value.
		"POST /api/v1/notify":         {"server/server.go:50 handler once"},
		"POST /notify.v1.Notify/Send": {"server/server.go:50 handler once"},
		"ANY /api/":                   {},
		"ANY /v1/":                    {},
	}
	if len(got) != len(want) {
		t.Errorf("routes %v, want %d routes (stderr: %s)", order, len(want), stderr)
	}
	checkRuns(t, got, want, order)
	for k, w := range map[string]string{
		"GET /api/v1/shops":                     "in process",
		"GET /v1/catalog/{name=items/*}:lookup": "/catalog.v1.Catalog/GetEntry, served here by server.(*Catalog).GetEntry",
		"GET /api/v1/invoices":                  "remote",
		"POST /api/v1/notify":                   "/notify.v1.Notify/Send, served here by server.(*Notify).Send",
	} {
		if !strings.Contains(via[k], w) {
			t.Errorf("%s: via %q, want it to say %q", k, via[k], w)
		}
	}
	if via["POST /catalog.v1.Catalog/GetEntry"] != "" {
		t.Errorf("a grpc procedure has via %q, want none", via["POST /catalog.v1.Catalog/GetEntry"])
	}
	// Billing's path the pass cannot read is said, once, at the
	// registration.
	unread := 0
	for _, p := range rep.Errors {
		if strings.Contains(p.Message, "RegisterBillingHandlerFromEndpoint") && strings.Contains(p.Message, "not read") {
			unread++
			if p.File != "cmd/app/main.go" {
				t.Errorf("unread path said at %s, want the registration in cmd/app/main.go", p)
			}
		}
	}
	if unread != 1 {
		t.Errorf("%d errors say billing's unread path, want 1: %v", unread, rep.Errors)
	}
}

// testdata/mount's packages register their routes on routers main
// hands them, or build routers main mounts (see its README.txt). Each
// route is under the prefix and the middlewares main puts its router
// under, however many packages it is handed through, once per place it
// is mounted at: chi's Mount and Route, a gorilla PathPrefix's
// Subrouter, a gin group, http.StripPrefix, a router served as it is. A
// router nothing hands on keeps a prefix not known ("…"), and when
// nothing calls the function registering on it, is no route (listed with
// -unreached); the package's
// test, which registers the handler's routes on a bare router, adds no
// route; nor does a call the graph resolves by the types alone (to
// every implementation of an interface) for the implementations other
// calls place.
func TestRouteInventoryMounted(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/mount", "./...")
	got, order := inventory(rep, func(r report.Route) string {
		return fmt.Sprintf("%s:%d %s %s", r.File, r.Line, r.Method, r.Pattern)
	})
	const (
		auth    = "api/api.go:24 api.(*Handler).auth once"
		session = "mw/mw.go:14 mw.Session once"
		report  = "reports/reports.go:18 handler once"
		seen    = "reports/reports.go:27 handler loop"
		runs    = "agg/agg.go:48 handler once"
	)
	want := map[string][]string{
		"api/api.go:17 GET /api/summary":                                 {session, auth, "api/api.go:31 handler once"},
		"api/api.go:18 GET /api/items":                                   {session, auth, "api/api.go:35 handler once"},
		"v2/v2.go:14 GET /v2/things":                                     {session, "v2/v2.go:18 handler once"},
		"reports/reports.go:14 GET /api/admin/reports":                   {session, report, seen},
		"reports/reports.go:14 GET /reports":                             {session, report, seen},
		"legacy/legacy.go:11 GET /legacy/old":                            {session, "legacy/legacy.go:12 handler once"},
		"files/files.go:11 GET /files/list":                              {"files/files.go:12 handler once"},
		"files/files.go:11 GET /list":                                    {"files/files.go:12 handler once"},
		"gapi/gapi.go:14 GET /g/widgets":                                 {"gapi/gapi.go:18 handler once"},
		"ginapi/ginapi.go:13 GET /shop/orders/:id":                       {"cmd/app/main.go:75 main.account once", "ginapi/ginapi.go:17 handler once"},
		"ginnest/repos/repos.go:17 GET /deep/v1/:org/repos/:repo/builds": {"cmd/app/main.go:75 main.account once", "ginnest/ginnest.go:24 ginnest.org once", "ginnest/repos/repos.go:22 repos.repo once", "ginnest/repos/repos.go:27 handler once"},
		"pages/pages.go:19 GET /home":                                    {session, "pages/pages.go:23 handler once"},
		// Under UI, as main hands it; under API and main's loop too,
		// where the interface's dispatch reads every implementation;
		// never under one aggregator under another.
		"agg/agg.go:44 GET /svc/app/runs":    {runs},
		"agg/agg.go:44 GET /svc/otfapi/runs": {runs},
		"agg/agg.go:44 GET /svc/runs":        {runs},
	}
	if len(got) != len(want) || rep.Stats.UnreachedRoutes != 1 {
		t.Errorf("routes %v, %d unreached; want %d routes, 1 unreached (orphan's) (stderr: %s)", order, rep.Stats.UnreachedRoutes, len(want), stderr)
	}
	checkRuns(t, got, want, order)
	// A router nothing hands on, registered by a function nothing calls
	// (orphan.Register), serves no request: its route is left out,
	// counted; -unreached lists it, with a prefix not known.
	all, _, _ := runJSON(t, analyzer.Analyzers(), "-C", "testdata/mount", "-unreached", "./...")
	lost := false
	for _, r := range all.Routes {
		lost = lost || fmt.Sprintf("%s:%d %s %s", r.File, r.Line, r.Method, r.Pattern) == "orphan/orphan.go:14 GET …/lost"
	}
	if !lost || all.Stats.UnreachedRoutes != 0 {
		t.Errorf("-unreached: orphan/orphan.go:14 GET …/lost listed: %v, %d unreached; want listed, 0", lost, all.Stats.UnreachedRoutes)
	}
	// The reports' N+1 is the routes' where they are placed.
	n := 0
	for _, f := range rep.Findings {
		if f.Check != "queryinloop" {
			continue
		}
		n++
		routes := findingRoutes(f)
		slices.Sort(routes)
		if want := []string{"GET /api/admin/reports", "GET /reports"}; !slices.Equal(routes, want) {
			t.Errorf("%s:%d: routes %v, want %v", f.File, f.Line, routes, want)
		}
	}
	if n != 1 {
		t.Errorf("%d queryinloop findings, want the reports' one", n)
	}
}

// testdata/fxroutes and testdata/digroutes are wired by a
// dependency-injection container (see their README.txt): fx, and dig,
// hand the group a constructor returns to the functions they invoke,
// which register their routes on it. The routes are under the group's
// prefix, behind its middleware; a function the module calls itself
// keeps what its call passes. What the container invokes runs once, at
// start: digroutes' warm-up loop over the users is no request's N+1.
func TestRouteInventoryInjected(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		dir      string
		want     map[string][]string
		findings []string
	}{
		{"testdata/fxroutes", map[string][]string{
			"items/items.go:11 GET /api/items server.auth → func literal in items.Register":               {"store/store.go:14 handler once"},
			"orders/orders.go:13 GET /api/orders/:id server.auth → func literal in orders.Register":       {"store/store.go:19 handler once"},
			"orders/orders.go:14 GET /api/orders/:id/lines server.auth → func literal in orders.Register": {"store/store.go:19 handler once", "store/store.go:34 handler loop"},
			"server/server.go:36 GET /healthz func literal in server.newEngine":                           {},
		}, []string{"orders/orders.go:16 queryinloop [GET /api/orders/:id/lines]"}},
		{"testdata/digroutes", map[string][]string{
			"users/users.go:12 GET /v1/users func literal in users.Register": {"users/users.go:13 handler once"},
			"users/users.go:19 GET /admin/stats func literal in users.Admin": {"users/users.go:20 handler once"},
		}, nil},
	} {
		rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", tc.dir, "./...")
		got, order := inventory(rep, func(r report.Route) string {
			return fmt.Sprintf("%s:%d %s %s %s", r.File, r.Line, r.Method, r.Pattern, r.Handler)
		})
		if len(got) != len(tc.want) {
			t.Errorf("%s: routes %v, want %d (stderr: %s)", tc.dir, order, len(tc.want), stderr)
		}
		checkRuns(t, got, tc.want, order)
		var found []string
		for _, f := range rep.Findings {
			found = append(found, fmt.Sprintf("%s:%d %s %v", f.File, f.Line, f.Check, findingRoutes(f)))
		}
		if !slices.Equal(found, tc.findings) {
			t.Errorf("%s: findings %q, want %q", tc.dir, found, tc.findings)
		}
	}
}

// testdata/shapedwrap registers its routes on a router known by its
// shape, each handler wrapped in a function returning a closure that
// calls it (perm(h, "items:read"); rateLimit(tryAuth(h), "auth"), one
// wrapper's closure handed to another; widgetAuth(h), a wrapper returning
// another's call; handleErr(h), a wrapper in a local variable): a route
// runs its handler's
// queries and its wrappers', not those of every handler a wrapper is
// handed (libredesk: 224 queries on each of 160 routes).
func TestRouteInventoryShapedWrappers(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/shapedwrap", "./...")
	got, order := inventory(rep, func(r report.Route) string {
		return fmt.Sprintf("%s:%d %s %s", r.File, r.Line, r.Method, r.Pattern)
	})
	const (
		perm    = "cmd/desk/main.go:39 handler once"
		session = "cmd/desk/main.go:68 handler once"
		inbox   = "cmd/desk/main.go:105 handler once"
	)
	want := map[string][]string{
		"cmd/desk/main.go:15 GET /items":  {perm, "cmd/desk/main.go:83 handler once"},
		"cmd/desk/main.go:16 POST /items": {perm, "cmd/desk/main.go:88 handler once"},
		"cmd/desk/main.go:17 GET /me":     {session, "cmd/desk/main.go:93 handler once"},
		"cmd/desk/main.go:18 POST /reset": {session, "cmd/desk/main.go:98 handler once"},
		// A wrapper made of another (widgetAuth(h) returns inbox of a
		// closure calling h), its types unnamed: each route its own
		// handler's queries, not those of every handler widgetAuth is
		// handed.
		"cmd/desk/main.go:19 GET /w/settings": {inbox, "cmd/desk/main.go:124 handler once"},
		"cmd/desk/main.go:20 GET /w/chat":     {session, inbox, "cmd/desk/main.go:129 handler once"},
		"cmd/desk/main.go:21 GET /w/me":       {session, "cmd/desk/main.go:93 handler once", inbox},
		// A wrapper written as a local closure (handleErr := func(fn)
		// web.Handler {...}): each route its own handler's query.
		"cmd/desk/main.go:30 GET /e/items": {"cmd/desk/main.go:83 handler once"},
		"cmd/desk/main.go:31 GET /e/me":    {"cmd/desk/main.go:93 handler once"},
		// The same on a ServeMux, the handlers answering an error.
		"cmd/side/main.go:21 GET /rows": {"cmd/side/main.go:30 handler once"},
		"cmd/side/main.go:22 GET /ping": {},
		// One handler for two methods, branching on r.Method: each route
		// its own branch; a GET route serves HEAD too.
		"cmd/side/main.go:23 GET /cookie":  {"cmd/side/main.go:42 handler once", "cmd/side/main.go:47 handler once"},
		"cmd/side/main.go:24 POST /cookie": {"cmd/side/main.go:49 handler once"},
		// Registered for any method: every branch may run.
		"cmd/side/main.go:25 ANY /cookies": {"cmd/side/main.go:42 handler once", "cmd/side/main.go:47 handler once", "cmd/side/main.go:49 handler once"},
	}
	if len(got) != len(want) {
		t.Errorf("routes %v, want %d (stderr: %s)", order, len(want), stderr)
	}
	checkRuns(t, got, want, order)
}

// testdata/ginroutetable declares its API as a table of
// RouteDefinition{Method, Path, Handler} rows, a local variable of the
// function making the router, handed to a helper that registers each
// row on a /api/v1 group with the handlers another helper builds (auth,
// the row's middlewares, the row's handler) spread: each row is its
// route, with its method, path and handler, behind auth (outpost: each
// handler's queries under "ANY <handler>", the table "… /api/v1/…"); a
// HEAD row runs none of the reads its handler skips for HEAD. A chain
// that does not end in the row's handler is not read: one route of
// unknown pattern stays. Tables main builds into the exported fields of
// a configuration struct (api.Config{Public: api.PublicRoutes(), ...}),
// handed to the same helper once per group, are each their group's.
func TestRouteInventoryGinRouteTable(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/ginroutetable", "./...")
	got, order := inventory(rep, func(r report.Route) string {
		return fmt.Sprintf("%s:%d %s %s", r.File, r.Line, r.Method, r.Pattern)
	})
	const auth = "api/router.go:41 api.auth once"
	want := map[string][]string{
		"api/router.go:49 GET /healthz":              {},
		"api/router.go:52 GET /api/v1/events":        {auth, "api/router.go:84 handler once"},
		"api/router.go:53 HEAD /api/v1/events":       {auth}, // the handler returns before reading
		"api/router.go:54 GET /api/v1/events/:id":    {auth, "api/router.go:88 handler once"},
		"api/router.go:55 DELETE /api/v1/events/:id": {auth, "api/router.go:92 handler once"},
		// A chain ending in a logger, not the row's handler: not read.
		"api/router.go:69 … /admin/…": {},
		// The tables main puts in the exported fields of a Config, each
		// registered on a group of its own: each group has its table's
		// rows, and no other's.
		"api/router.go:104 GET /public/feed":          {auth, "api/router.go:84 handler once"},
		"api/router.go:109 DELETE /manage/events/:id": {auth, "api/router.go:92 handler once"},
	}
	if len(got) != len(want) {
		t.Errorf("routes %v, want %d (stderr: %s)", order, len(want), stderr)
	}
	checkRuns(t, got, want, order)
}

// testdata/bus registers its routes through an engine of its own
// (e.Get(path, handler) registers the closure handle makes, which runs the
// handler inside the middlewares), with handlers made by constructors that
// send typed messages on a bus; the store registers one function per
// message type, which the bus looks up by the message's type and calls
// through reflection. Each route is its call in main, with its pattern,
// and runs the SQL of the functions registered for the messages it sends
// (a listener of an event it publishes too), not the others'; a message
// sent per item of the request is an N+1 through the bus; one whose type
// the call does not show runs nothing the graph would guess. A
// middleware's call of next is the request going on (the not-found
// handler chains one), and the engine's closure registered by Static runs
// what Static gave it, not every handler the engine wraps. The store's
// transaction tidies the SQL's whitespace before running it: its callers
// are the query sites.
func TestBusDispatch(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/bus", "./...")
	key := func(r report.Route) string { return fmt.Sprintf("%s:%d %s %s", r.File, r.Line, r.Method, r.Pattern) }
	got, order := inventory(rep, key)
	want := map[string][]string{
		"cmd/app/main.go:11 GET /_health":   {},
		"cmd/app/main.go:14 GET /":          {"store/store.go:39 handler once"},
		"cmd/app/main.go:16 GET /posts/:id": {"store/store.go:28 handler once", "store/store.go:56 handler once"},
		"cmd/app/main.go:17 POST /votes":    {"store/store.go:47 handler loop", "store/store.go:75 handler loop"},
		// A message of a type the call does not show: none, not all.
		"cmd/app/main.go:18 GET /pick/:id": {},
		// The engine's own closure, under a prefix Static is given: the
		// handler it was given, not every handler the engine wraps.
		"web/web.go:83 GET …": {},
		// The not-found handler runs the session middleware it chains,
		// whose next is the request going on, not every handler.
		"web/web.go:95 ANY web.(*notFoundHandler).ServeHTTP": {"store/store.go:64 handler once"},
	}
	if len(got) != len(want) {
		t.Errorf("routes %v, want %d routes (stderr: %s)", order, len(want), stderr)
	}
	checkRuns(t, got, want, order)
	if rep.Stats.QuerySites != 7 || rep.Stats.Unresolved != 0 {
		t.Errorf("%d query sites, %d unresolved; want 7, 0: %+v", rep.Stats.QuerySites, rep.Stats.Unresolved, rep.Unresolved)
	}
	var loops []string
	for _, f := range rep.Findings {
		if f.Check == "queryinloop" {
			loops = append(loops, fmt.Sprintf("%s:%d", f.File, f.Line))
		}
	}
	slices.Sort(loops)
	if !slices.Equal(loops, []string{"handlers/handlers.go:39", "store/store.go:75"}) {
		t.Errorf("queryinloop at %v, want handlers/handlers.go:39 and store/store.go:75", loops)
	}
}

// A function registered on the bus runs when a dispatch the graph
// follows selects it, not because its value was handed to the bus: a
// handler for a command nothing sends (purgePosts) is code no entry
// point reaches, and its N+1 is counted, not shown, unless -unreached
// asks (then low, and said); the one a route sends (hidePosts) is the
// route's, reported as such.
func TestBusUnreached(t *testing.T) {
	t.Parallel()
	loops := func(rep *report.Report) map[string]string {
		out := map[string]string{}
		for _, f := range rep.Findings {
			if f.Check == "queryinloop" && f.File == "store/store.go" {
				out[fmt.Sprintf("%s:%d", f.File, f.Line)] = f.Severity + " " + f.Role + " " + f.Message
			}
		}
		return out
	}
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/bus", "./...")
	got := loops(rep)
	routes := func(v string) bool { return strings.Contains(v, " route ") && !strings.HasPrefix(v, "low ") }
	if len(got) != 1 || !routes(got["store/store.go:75"]) {
		t.Errorf("store's loops: %q; want store/store.go:75 alone, the route's, not low (stderr: %s)", got, stderr)
	}
	if rep.Stats.UnreachedFindings != 1 {
		t.Errorf("stats.unreached_findings = %d, want 1 (purgePosts's loop)", rep.Stats.UnreachedFindings)
	}
	rep, _, _ = runJSON(t, analyzer.Analyzers(), "-C", "testdata/bus", "-unreached", "./...")
	got = loops(rep)
	if dead := got["store/store.go:90"]; !strings.HasPrefix(dead, "low  ") || !strings.HasSuffix(dead, "(no entry point reaches it)") {
		t.Errorf("store/store.go:90 with -unreached: %q; want low, no role, and said", dead)
	}
	if !routes(got["store/store.go:75"]) || rep.Stats.UnreachedFindings != 0 {
		t.Errorf("with -unreached: store/store.go:75 %q, stats.unreached_findings %d; want the route's, not low, and 0 not shown", got["store/store.go:75"], rep.Stats.UnreachedFindings)
	}
}

// testdata/provider registers handlers an interface's methods make
// (router.GET(path, deps.Provider.UsersHandler())): each route runs the
// closure the implementation main wires returns, behind the middleware
// made the same way, and not the closures of an implementation nothing
// wires. The methods the registrations stand for are not listed again as
// handlers no route registers; a handler constructor no route registers
// still is.
func TestRouteInventoryInterfaceMade(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/provider", "./...")
	got, order := inventory(rep, func(r report.Route) string { return r.Method + " " + r.Pattern })
	const session = "handlers/handlers.go:25 handlers.Provider.Middleware once"
	want := map[string][]string{
		"GET /users/:id":                    {session, "handlers/handlers.go:32 handler once"},
		"GET /orders/:id":                   {session, "handlers/handlers.go:38 handler once"},
		"GET /ping":                         {session},
		"ANY handlers.(*provider).Unrouted": {"handlers/handlers.go:50 handler once"},
	}
	if len(got) != len(want) {
		t.Errorf("routes %v, want %d routes (stderr: %s)", order, len(want), stderr)
	}
	checkRuns(t, got, want, order)
}

// testdata/ifacemethods registers methods of handler values held as
// interfaces (router.GET("/webhooks", webhooks.List), webhooks the
// WebhookHandler its constructor returned): each route runs the method
// of the type the graph sees reach the value, not the same-named method
// of another type that would also fit (webhookHandler's List is not an
// EmailHandler's), both of two types that do (maybe), and nothing for an
// interface no type of the module implements. Those methods are not
// listed again as handlers no route registers. A group's middleware held
// in a variable two branches assign is, for each group, the value of its
// own branch.
func TestRouteInventoryInterfaceMethodValues(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/ifacemethods", "./...")
	got, order := inventory(rep, func(r report.Route) string { return r.Method + " " + r.Pattern })
	const list = "handlers/handlers.go:23 handler once"
	want := map[string][]string{
		"GET /webhooks":         {list},
		"GET /webhooks/:id":     {"handlers/handlers.go:27 handler once"},
		"GET /users/:id/emails": {"handlers/handlers.go:38 handler once", "handlers/handlers.go:44 handler once"},
		"GET /status":           {},
		"GET /:tenant/hooks":    {"handlers/handlers.go:64 handlers.Tenant once", list},
		"GET /hooks":            {list},
	}
	if len(got) != len(want) {
		t.Errorf("routes %v, want %d routes (stderr: %s)", order, len(want), stderr)
	}
	checkRuns(t, got, want, order)
}

// testdata/txcallback hands each route's statements to a transaction
// method of a datastore interface (ReadWriteTx(ctx, fn)) with several
// implementations: the SQL store, which runs fn through its pool's
// helpers (a closure capturing fn handed to a retry helper, fn handed on
// to the function that calls it), a read-only one that ignores fn, and
// two decorators stacked over the store, one forwarding fn as it is, one
// wrapping it in a closure. Each route runs its own callback and the
// transaction's own statement, not the other route's callback.
func TestRouteInventoryTxCallback(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/txcallback", "./...")
	got := map[string][]string{}
	var order []string
	for _, r := range rep.Routes {
		k := r.Method + " " + r.Pattern
		order = append(order, k)
		got[k] = []string{}
		for _, q := range r.Queries {
			got[k] = append(got[k], fmt.Sprintf("%s:%d", q.File, q.Line))
		}
	}
	const commit = "ds/ds.go:39"
	want := map[string][]string{
		"POST /a":    {commit, "ds/ds.go:53"},
		"POST /b":    {commit, "ds/ds.go:58"},
		"GET /count": {"ds/ds.go:46"},
	}
	if len(got) != len(want) {
		t.Errorf("routes %v, want %d routes (stderr: %s)", order, len(want), stderr)
	}
	checkRuns(t, got, want, order)
}

// testdata/embedded reaches its datastore through methods promoted from
// embedded interfaces: a health checker embedding the interface of what
// it checks, decorators embedding the datastore's. The health route runs
// the version read goose sends of itself (the ping is no SQL); the read
// route the tuple read the caching decorator makes on its miss; neither
// the count nothing calls.
func TestRouteInventoryEmbedded(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/embedded", "./...")
	got, order := inventory(rep, func(r report.Route) string { return r.Method + " " + r.Pattern })
	want := map[string][]string{
		"ANY /health": {"pg/pg.go:20 handler once"},
		"ANY /read":   {"pg/pg.go:28 handler once"},
	}
	if len(got) != len(want) {
		t.Errorf("routes %v, want %d routes (stderr: %s)", order, len(want), stderr)
	}
	checkRuns(t, got, want, order)
	for _, r := range rep.Routes {
		for _, q := range r.Queries {
			if q.Line == 20 && q.SQL != "SELECT version_id, is_applied FROM goose_db_version ORDER BY id DESC" {
				t.Errorf("%s: goose's version read is %q", r.Pattern, q.SQL)
			}
		}
	}
}

// testdata/joined's router joins a prefix field before each route's
// path, which the router's constructors set. Admin is made with and
// without the prefix by its two constructors, but the program calls only
// the one that sets it (the other only through it): its route is under
// /admin. Both of Mixed's constructors are called, with different
// prefixes: its route's prefix is unknown, never a wrong one. Tested's
// bare constructor only a test helper (taking a testing.TB) calls: its
// route is under main's prefix. Files joins with +: the pattern is
// what the ServeMux gets, its trailing slash kept.
func TestRouteInventoryJoinedPrefix(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/joined", "./...")
	got, order := inventory(rep, func(r report.Route) string {
		return fmt.Sprintf("%s:%d %s %s", r.File, r.Line, r.Method, r.Pattern)
	})
	want := map[string][]string{
		"api/api.go:14 GET /admin/users":   {"api/api.go:32 handler once"},
		"api/api.go:15 GET …/things":       {"api/api.go:36 handler once"},
		"api/api.go:19 GET /t/probe":       {"api/api.go:24 handler once"},
		"api/api.go:20 ANY /files/static/": {"api/api.go:28 handler once"},
	}
	if len(got) != len(want) {
		t.Errorf("routes %v, want %d routes (stderr: %s)", order, len(want), stderr)
	}
	checkRuns(t, got, want, order)
}

// testdata/beego registers controllers with beego's web.Router and a
// namespace; their actions reach the SQL through a store interface. Each
// method of a mapping is a route served by the action it names (a
// promoted one too), a controller without a mapping serves the methods
// it declares (Get, Post), and a Prepare runs before every action of its
// controller. main, another package, inserts a filter for every route
// and one after the admin routes: each is among the middlewares of the
// routes it covers, its queries listed from it. A mapping naming a
// method the controller lacks is no route, and is reported.
func TestBeegoRoutes(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/beego", "./...")
	got, order := inventory(rep, func(r report.Route) string {
		return fmt.Sprintf("%s:%d %s %s %s", r.File, r.Line, r.Method, r.Pattern, r.Handler)
	})
	const (
		user    = "store/store.go:20 handler once"
		addUser = "store/store.go:25 handler once"
		items   = "store/store.go:30 handler once"
		auth    = "store/store.go:40 routers.Auth once"
		prepare = "store/store.go:40 controllers.(*Admin).Prepare once"
		record  = "store/store.go:25 routers.Record once"
		authed  = "routers.Auth → "
	)
	want := map[string][]string{
		"routers/router.go:10 POST /api/signup " + authed + "controllers.(*ApiController).Signup":                                        {auth, addUser},
		"routers/router.go:11 GET /api/logout " + authed + "controllers.(*ApiController).Logout":                                         {auth},
		"routers/router.go:11 POST /api/logout " + authed + "controllers.(*ApiController).Logout":                                        {auth},
		"routers/router.go:12 POST /api/session " + authed + "controllers.(*ApiController).Login":                                        {auth, user},
		"routers/router.go:12 DELETE /api/session " + authed + "controllers.(*ApiController).Logout":                                     {auth},
		"routers/router.go:13 ANY /api/user/:id " + authed + "controllers.(*ApiController).Login":                                        {auth, user},
		"routers/router.go:14 GET /items " + authed + "controllers.(*Items).Get":                                                         {auth, items},
		"routers/router.go:14 POST /items " + authed + "controllers.(*Items).Post":                                                       {auth, addUser},
		"routers/router.go:16 GET /admin/users " + authed + "controllers.(*Admin).Prepare → routers.Record → controllers.(*Admin).Users": {auth, prepare, record, items},
	}
	checkRuns(t, got, want, order)
	if len(rep.Routes) != len(want) {
		t.Errorf("%d routes, want %d (a filter is no route of its own): %v", len(rep.Routes), len(want), order)
	}
	var broken bool
	for _, e := range rep.Errors {
		if e.File == "routers/router.go" && e.Line == 18 && strings.Contains(e.Message, "has no method Missing") {
			broken = true
		}
	}
	if !broken {
		t.Errorf("the mapping of a missing method is not reported; errors: %v\nstderr: %s", rep.Errors, stderr)
	}
}

// testdata/gqlgen serves a gqlgen schema on two routes (see its
// README.txt): each runs the resolvers the generated code dispatches to
// through gqlgen's runtime, the order's field resolver once per order,
// and the model method the generated code calls, and the mutation
// behind a schema directive: the directive's function (set in the
// Config by graph.NewConfig) and, through the closure the generated
// code hands it, the mutation's resolver; the other routes run none. A second schema, of the generated shape since gqlgen v0.17.6x
// (Config an alias of the runtime's generic Config, the field resolvers
// closures handed to graphql.ResolveField), is served by the server a
// constructor of the module makes and returns, registered behind a
// middleware: that route runs its resolvers, the user's field resolver
// once per user, and none of the first schema's; the first schema's
// routes run none of the second's, and the server made of the first
// schema that no route registers adds nothing. Its command nogql makes
// the schema and serves it nowhere: a program of it alone has no route
// running the resolvers.
func TestRouteInventoryGraphQL(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/gqlgen", "./...")
	got, order := inventory(rep, func(r report.Route) string {
		return fmt.Sprintf("%s %s", r.Method, r.Pattern)
	})
	schema := []string{
		"graph/config.go:17 handler once",
		"graph/models.go:16 handler once",
		"graph/resolver.go:17 handler once",
		"graph/resolver.go:22 handler once",
		"graph/resolver.go:29 handler loop",
		"graph/resolver.go:36 handler once",
	}
	want := map[string][]string{
		"ANY /query":    schema,
		"POST /graphql": schema,
		"ANY /legacy":   schema,
		"ANY /docs":     {},
		"ANY /v2/graphql": {
			"graph2/resolver.go:18 handler once",
			"graph2/resolver.go:25 handler loop",
		},
		"ANY /health": {},
		"GET /ping":   {},
	}
	if len(got) != len(want) {
		t.Errorf("routes %v, want %d routes (stderr: %s)", order, len(want), stderr)
	}
	checkRuns(t, got, want, order)

	rep, _, stderr = runJSON(t, analyzer.Analyzers(), "-C", "testdata/gqlgen", "./graph", "./cmd/nogql")
	got, order = inventory(rep, func(r report.Route) string {
		return fmt.Sprintf("%s %s", r.Method, r.Pattern)
	})
	if len(got) == 0 {
		t.Errorf("nogql: no routes (stderr %s)", stderr)
	}
	for k, qs := range got {
		if len(qs) > 0 {
			t.Errorf("unmounted schema: %s runs %v, want nothing (routes %v, stderr %s)", k, qs, order, stderr)
		}
	}
}

// testdata/ownrouter registers its routes on a generic router of its own
// (pocketbase's shape: GET/POST/PATCH/DELETE methods of a RouterGroup[T]
// taking a path and a func(T) error, Group, Bind on groups and on the
// route a verb returns), which the router table does not know. Each verb
// call is a route under its groups' prefixes, listing the queries of its
// handler (a function, a closure, the closure a constructor returns)
// and of its middlewares (values holding their function, made by local
// constructors), each under its name. A middleware goes on with
// e.Next(), into the router's chain runner, which the graph would follow
// to every route's handler: a middleware lists its own queries only, and
// a request of each route costs its parts' (2 or 3, no loop). The
// router's own calls of its methods (GET calling Route) are no routes;
// the ServeMux registration it builds its routes into stays, under a
// pattern made at run time.
func TestOwnRouterRoutes(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/ownrouter", "./...")
	got := map[string][]string{}
	var order []string
	for _, r := range rep.Routes {
		k := r.Method + " " + r.Pattern
		order = append(order, k)
		got[k] = []string{}
		for _, q := range r.Queries {
			got[k] = append(got[k], fmt.Sprintf("%s:%d %s %s", q.File, q.Line, q.PerRequest, q.From))
		}
		if r.QueriesPerRequest.Loop || r.QueriesPerRequest.Min != len(r.Queries) {
			t.Errorf("%s: %d queries per request (loop %v), want %d, no loop", k, r.QueriesPerRequest.Min, r.QueriesPerRequest.Loop, len(r.Queries))
		}
	}
	const auth = "apis/apis.go:32 once apis.loadAuth"
	want := map[string][]string{
		"GET /api/items":         {auth, "apis/apis.go:62 once handler"},
		"GET /api/items/{id}":    {auth, "apis/apis.go:70 once handler"},
		"PATCH /api/items/{id}":  {auth, "apis/apis.go:44 once apis.requireAdmin", "apis/apis.go:75 once handler"},
		"DELETE /api/items/{id}": {auth, "apis/apis.go:56 once handler"},
		"… …":                    {},
	}
	if len(got) != len(want) {
		t.Errorf("routes %v, want %d routes (stderr: %s)", order, len(want), stderr)
	}
	checkRuns(t, got, want, order)
}

// testdata/tabledispatch registers /api/, whose handler calls package
// api's Process, which looks the endpoint up in a package-level table
// (the path below /api compared with a row's Url, or its prefix) and
// calls the row's func field through a method of the row type, after
// authenticating; and /v2/, whose handler indexes a map of rows by the
// path and calls the row's func itself. Each row is a route of its own
// at the row, under the registered prefix, running the dispatcher's
// authentication (its hit counter) and its row's function alone; the
// subtree is no route left, nor is api.Process, which no registration
// names. A table looked up by a setting, and one whose func field the
// handler never calls, are no dispatch: one route each, as before.
func TestRouteInventoryTableDispatch(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/tabledispatch", "./...")
	got, order := inventory(rep, func(r report.Route) string {
		return fmt.Sprintf("%s:%d %s %s", r.File, r.Line, r.Method, r.Pattern)
	})
	const (
		auth = "api/api.go:69 handler once"
		hit  = "main.go:35 handler once"
	)
	want := map[string][]string{
		"api/api.go:31 ANY /api/files/list":      {auth, "api/api.go:74 handler once"},
		"api/api.go:32 ANY /api/user/delete":     {auth, "api/api.go:78 handler once"},
		"api/api.go:33 ANY /api/files/download/": {auth, "api/api.go:82 handler once"},
		"main.go:30 ANY /v2/stats":               {hit, "main.go:44 handler once"},
		"main.go:31 ANY /v2/health":              {hit, "main.go:31 handler once"},
		// No dispatch: a setting picks the row; the rows' func never
		// runs in the handler.
		"main.go:110 ANY /blobs/": {"main.go:70 handler once", "main.go:74 handler once"},
		"main.go:111 ANY /pages/": {"main.go:93 handler once"},
	}
	if len(got) != len(want) {
		t.Errorf("routes %v, want %d routes (stderr: %s)", order, len(want), stderr)
	}
	for _, r := range rep.Routes {
		if r.Pattern == "/api/user/delete" && r.Handler != "main.serveAPI → api.apiDeleteUser" {
			t.Errorf("%s: handler %q, want the row's, behind the registered handler", r.Pattern, r.Handler)
		}
	}
	checkRuns(t, got, want, order)
}

// testdata/ifdispatch registers a catch-all whose handler dispatches,
// a call down, on the request's method and path in an if/else-if chain
// (a constant, a variable set once, a package regexp, a prefix; methods
// ORed; wrappers made by a constructor around the handler, one of them
// returning what another wrapper makes), and another
// that dispatches with a switch on the path. Each arm is a route of its
// own at the arm, with the prelude its handler runs before the chain and
// what its arm runs, no other arm's; the catch-all keeps what no derived
// arm claims (OPTIONS for any path, its wrapper running the handler it
// was passed, not the other arms' handlers it wraps). A handler that only rejects other
// methods, a middleware's path guard, a chain on a header and a handler
// testing one path stay one route each.
func TestRouteInventoryDispatcher(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/ifdispatch", "./...")
	got, order := inventory(rep, func(r report.Route) string {
		return fmt.Sprintf("%s:%d %s %s", r.File, r.Line, r.Method, r.Pattern)
	})
	const (
		visitor = "main.go:27 handler once"
		user    = "main.go:35 main.(*Server).ensureUser once" // the wrapper's own code, under its name
	)
	want := map[string][]string{
		"main.go:41 GET /v1/health": {visitor},
		"main.go:43 POST /v1/users": {visitor, user, "main.go:58 handler once"},
		"main.go:43 PUT /v1/users":  {visitor, user, "main.go:58 handler once"},
		// ensureAdmin returns what ensureUser makes: its closure and
		// ensureUser's run their own code, then handleTopic alone.
		"main.go:45 GET re:^/[a-z]+$": {visitor, "main.go:151 main.(*Server).ensureAdmin once", "main.go:35 main.(*Server).ensureAdmin once", "main.go:63 handler once"},
		"main.go:47 GET /static/…":    {visitor},
		"main.go:138 ANY /":           {visitor, user, "main.go:70 handler once"}, // OPTIONS: ensureUser runs handleOptions alone
		"main.go:79 ANY /api/orders":  {"main.go:80 handler once"},
		"main.go:81 ANY /api/items":   {"main.go:89 handler once"},
		"main.go:81 ANY /api/items/":  {"main.go:89 handler once"},
		"main.go:139 ANY /api/":       {},
		// No dispatch: one route each.
		"main.go:140 ANY /submit": {"main.go:98 handler once"},
		"main.go:141 ANY /app/":   {"main.go:114 handler once"},
		"main.go:142 ANY /hdr/":   {"main.go:120 handler once", "main.go:122 handler once"},
		"main.go:143 ANY /one/":   {"main.go:129 handler once", "main.go:132 handler once"},
	}
	if len(got) != len(want) {
		t.Errorf("routes %v, want %d routes (stderr: %s)", order, len(want), stderr)
	}
	for _, r := range rep.Routes {
		if r.Line == 43 && r.Handler != "main.(*Server).ensureUser → main.(*Server).handleUsersAdd" {
			t.Errorf("%s %s: handler %q, want the arm's, behind its wrapper", r.Method, r.Pattern, r.Handler)
		}
	}
	// The prelude's query without a context is every derived route's
	// finding, and the catch-all's.
	prelude := false
	for _, f := range rep.Findings {
		if f.Line != 27 {
			continue
		}
		prelude = true
		routes := findingRoutes(f)
		if !slices.Contains(routes, "GET /v1/health") || !slices.Contains(routes, "ANY /") || len(routes) != 6 {
			t.Errorf("%s:%d: routes %v, want the 5 derived routes and the catch-all", f.File, f.Line, routes)
		}
	}
	if !prelude {
		t.Errorf("no finding at main.go:27")
	}
	checkRuns(t, got, want, order)
}

// testdata/mwfactory adapts middlewares and handlers of the service's
// own signature (bindMiddleware, bindAPI) that factories make, some by
// returning another factory's call (JWTByHeader(cfg) { return
// jwtAuthorization(cfg, header, true) }, two levels for the cookie's):
// each route runs its middleware's token lookup, and the handler a
// factory's chain made, not every handler bindAPI is given.
func TestRouteInventoryMiddlewareFactories(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/mwfactory", "./...")
	got, order := inventory(rep, func(r report.Route) string { return r.Method + " " + r.Pattern })
	const (
		token = "store/store.go:13 "
		items = "store/store.go:18 handler once"
		tags  = "store/store.go:22 handler once"
	)
	want := map[string][]string{
		"GET /api/items":     {token + "mw.JWTByHeader once", items},
		"GET /pictures/tags": {token + "mw.JWTByCookie once", tags},
		"GET /direct/items":  {token + "mw.Direct once", items},
		"GET /direct/made":   {token + "mw.Direct once", tags},
	}
	if len(got) != len(want) {
		t.Errorf("routes %v, want %d routes (stderr: %s)", order, len(want), stderr)
	}
	checkRuns(t, got, want, order)
}

// testdata/libcallbacks logs users in and checks tokens with a library's
// middleware (gin-jwt's) configured with its own functions in the
// fields of a struct literal: the library's methods the routes register
// (mw.LoginHandler, mw.MiddlewareFunc()) may call any of them, so each
// is a maybe of the route; the route's own handler stays its own.
func TestRouteInventoryLibraryCallbacks(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/libcallbacks", "./...")
	if len(rep.Errors) > 0 {
		t.Fatalf("errors: %v\nstderr: %s", rep.Errors, stderr)
	}
	got, order := inventory(rep, func(r report.Route) string { return r.Method + " " + r.Pattern })
	const mw = "jwt.(*GinJWTMiddleware).MiddlewareFunc"
	checkRuns(t, got, map[string][]string{
		"POST /login":      {"main.go:33 handler once", "main.go:21 handler once", "main.go:27 handler once"},
		"GET /api/servers": {"main.go:33 " + mw + " once", "main.go:21 " + mw + " once", "main.go:27 " + mw + " once", "main.go:38 handler once"},
	}, order)
}

// testdata/genericwrap registers handlers of its own signature through a
// generic wrapper, commonHandler[T](h) returning a closure that hands h
// to a generic helper: each route runs the instance its registration
// calls, whose closure reaches the handler handed over — not the generic
// body's, which reaches none — and each route its own handler only, also
// where two calls share an instance (commonHandler[int]), whose closure
// reaches both.
func TestRouteInventoryGenericWrapper(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/genericwrap", "./...")
	if len(rep.Errors) > 0 {
		t.Fatalf("errors: %v\nstderr: %s", rep.Errors, stderr)
	}
	got, order := inventory(rep, func(r report.Route) string { return r.Method + " " + r.Pattern })
	checkRuns(t, got, map[string][]string{
		"GET /servers":          {"main.go:51 handler once", "main.go:54 handler loop"},
		"GET /users/count":      {"main.go:67 handler once"},
		"GET /sessions/count":   {"main.go:61 handler once"}, // the same instance as /users/count's, its own handler
		"GET /count":            {"main.go:67 handler once"},
		"GET /total":            {"main.go:45 handler once"},
		"GET /wrapped/users":    {"main.go:67 handler once"},
		"GET /wrapped/sessions": {"main.go:61 handler once"},
	}, order)
	// The loop's finding is the route's.
	for _, f := range rep.Findings {
		if f.Check == "queryinloop" && f.Role != "route" {
			t.Errorf("%s:%d: role %q, want route", f.File, f.Line, f.Role)
		}
	}
}
