package driver

import (
	"fmt"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// A route registered through a middleware chain builder runs its own
// handler and the middlewares of its chain's construction
// (testdata/chains, see program/chains.go): the service's own chain
// (NewChain/Append/AppendChain/Then, a ChainHandler whose ServeHTTP
// calls the handler its field holds) and alice's (New/Append/Extend/
// Then/ThenFunc), a library's or the module's copy, around a route or
// around the whole router (standard.Then(mux)). Each route lists its
// handler's query and its chain's middlewares' (the token's lookup, the
// session's), under their names, and none of another route's handler
// (ServeHTTP's call of the field reaches every route's): /health runs
// nothing, /items not the item's lookup. A chain from a parameter or a
// field still runs the route's handler (and, from a field, the
// middlewares appended to it here); a package's unexported variable is
// what its declaration made, a local reassigned in one block what the
// last assignment before the route made, a function's (or another
// type's method's) result what its one return made; a chain whose
// middlewares are a slice spread, a local assigned in a branch or a
// function returning one of two hands over no known middlewares. The
// middlewares the chains register are no handlers no route registers;
// one no chain registers still is.
func TestChainBuilders(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, []*analysis.Analyzer{}, "-C", "testdata/chains", "-routes", "./...")
	if len(rep.Errors) > 0 {
		t.Fatalf("errors: %v\nstderr: %s", rep.Errors, stderr)
	}
	got := map[string][]string{}
	for _, r := range rep.Routes {
		qs := []string{}
		for _, q := range r.Queries {
			qs = append(qs, fmt.Sprintf("%s %s:%d", q.From, q.File, q.Line))
		}
		if r.Method != "ANY" {
			got[r.Method+" "+r.Pattern] = qs
			continue
		}
		got[r.Pattern] = qs
	}
	const (
		token   = "store/store.go:9"
		item    = "store/store.go:14"
		items   = "store/store.go:18"
		purge   = "store/store.go:22"
		count   = "store/store.go:26"
		session = "store/store.go:30"
		audit   = "store/store.go:34"
		orders  = "store/store.go:38"
		order   = "store/store.go:42"
		export  = "store/store.go:46"
	)
	want := map[string][]string{
		"/items":       {"mw.Auth " + token, "handler " + items},
		"/items/get":   {"mw.Auth " + token, "mw.Item " + item},  // AppendChain: authed's, then itemChain's; GetItem runs none
		"/health":      {},                                       // no other route's handler
		"/purge":       {"handler " + purge},                     // a parameter's chain
		"/count":       {"mw.Auth " + token, "handler " + count}, // a field's chain, appended to
		"/spread":      {"handler " + items},                     // extra...: not seen
		"/maybe":       {"handler " + count},                     // assigned twice: not seen
		"/orders":      {"mw.Session " + session, "handler " + orders},
		"/orders/get":  {"mw.Session " + session, "mw.Audit " + audit, "handler " + order},
		"/export":      {"mw.Session " + session, "mw.Audit " + audit, "handler " + export}, // Extend
		"/ping":        {"mw.Session " + session},
		"/orders/base": {"handler " + orders},                                                                                       // a parameter's chain
		"/audited":     {"mw.Session " + session, "mw.Audit " + audit},                                                              // a package's variable
		"/own":         {"mw.Session " + session, "mw.Audit " + audit, "handler " + export},                                         // the module's copy of alice
		"/own/ping":    {"mw.Session " + session},                                                                                   // not /own's Audit
		"mw.Unused":    {"handler " + audit},                                                                                        // registered by no chain
		"/std":         {"mw.Auth " + token, "handler " + count},                                                                    // the chain stdChain() returns
		"/pick":        {"handler " + count},                                                                                        // pick returns one of two
		"GET /me":      {"webgo.(*Application).logRequest " + audit, "webgo.(*Application).session " + session, "handler " + items}, // app.authed()
		"/step1":       {"mw.Session " + session},                                                                                   // before step = step.Append(mw.Audit)
		"/step2":       {"mw.Session " + session, "mw.Audit " + audit},                                                              // after it
		// The whole router behind alice's standard.Then(mux), a route
		// behind dynamic.ThenFunc(h) too.
		"GET /hello":        {"webgo.(*Application).logRequest " + audit, "handler " + items},
		"GET /snippet/{id}": {"webgo.(*Application).logRequest " + audit, "webgo.(*Application).session " + session, "handler " + item},
	}
	for route, w := range want {
		if g, ok := got[route]; !ok || !slices.Equal(g, w) {
			t.Errorf("%s runs %q, want %q", route, g, w)
		}
	}
	for route := range got {
		if _, ok := want[route]; !ok {
			t.Errorf("unexpected route %s: %q", route, got[route])
		}
	}
}
