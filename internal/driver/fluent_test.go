package driver

import (
	"slices"
	"strings"
	"testing"
)

// A module's own fluent route builder (testdata/fluent, see
// program/builders.go): route.Get(path).SecuredWith(mw).Handle(h) values,
// returned in lists (a slice built by appends, a literal) and handed to
// a function ranging over them that registers each on gorilla/mux with
// the fields the builder set, under its PathPrefix argument. Each value
// is a route at the chain, with its method, its path under the prefix
// (constant "/api/"; "…" for one read from the environment; "…" for the
// part of a path that is not constant; a builder in a variable given
// either of two, its path when both agree, its method "…"), its handler the one Handle
// received and its security function a middleware, whose query counts;
// the one route the loop was, and the handlers as routes of their own,
// are gone. Values built and never attached, and a client's requests
// with Verb and Tpl fields, are no routes. A function the session
// middleware stores in the request's context under a key of the
// module's type runs where a handler calls what it asserts from that
// key (see program/ctxfuncs.go).
func TestFluentRouteBuilder(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, nil, "-C", "testdata/fluent", "./...")
	if len(rep.Errors) > 0 {
		t.Fatalf("errors: %v\nstderr: %s", rep.Errors, stderr)
	}
	got := routeLines(rep, fileLine)
	const (
		mws   = "sessions.Middleware → route.Instrument → "
		token = " [route/route.go:76]"
	)
	want := []string{
		// GetNever is no route's handler: listed by its function, as any.
		"handlers/handlers.go:45 ANY handlers.GetNever -> handlers.GetNever [handlers/handlers.go:47]",
		// The lookup the session middleware put into the context, which
		// the handler calls, runs its query; the audit writer stored
		// under another key type does not.
		"server/routes.go:16 GET /api/items -> " + mws + "route.TokenSecurity → handlers.GetItems" + token + " [handlers/handlers.go:16] [sessions/sessions.go:21]",
		"server/routes.go:19 DELETE /api/items/{id} -> " + mws + "route.TokenSecurity → handlers.DeleteItem" + token + " [handlers/handlers.go:28]",
		"server/routes.go:25 GET /api/providers/… -> " + mws + "route.Unsecured → handlers.GetProvider [handlers/handlers.go:41]",
		"server/routes.go:34 … /api/callback -> " + mws + "route.Unsecured → handlers.GetHealth",
		// A function under a string key is anyone's: none.
		"server/routes.go:41 GET …/health -> " + mws + "route.Unsecured → handlers.GetHealth",
		"server/routes.go:42 POST …/items -> " + mws + "route.TokenSecurity → handlers.PostItem" + token + " [handlers/handlers.go:22]",
	}
	if !slices.Equal(got, want) {
		t.Errorf("routes:\n got %q\nwant %q", got, want)
	}
	for _, r := range rep.Routes {
		if strings.Contains(r.Pattern, "never") || strings.Contains(r.Pattern, "remote") {
			t.Errorf("route %s %s: built and never attached, or a client's request", r.Method, r.Pattern)
		}
	}
}
