package program

import (
	"testing"

	"github.com/sqlheat/sqlheat/internal/httpapi"
	"github.com/sqlheat/sqlheat/passes/routes"
)

// TestPathDecide checks which tests of the request's path a route's
// pattern decides: its literal text must settle them for every path the
// pattern serves (a final slash either way included); otherwise both
// ways stay.
func TestPathDecide(t *testing.T) {
	type want int
	const (
		und want = iota // undecided: both ways stay
		yes
		no
	)
	for _, c := range []struct {
		pattern string
		op      pathOp
		val     string
		of      httpapi.PathSource
		want    want
	}{
		{"/api/users/{id}", pathPrefix, "/api/", httpapi.RequestPath, yes},
		{"/api/users/{id}", pathPrefix, "/static/", httpapi.RequestPath, no},
		{"/api/users/{id}", pathPrefix, "/api/users/me", httpapi.RequestPath, und}, // the parameter may be "me"
		{"/api/users/{id}", pathEqual, "/api/users/7", httpapi.RequestPath, und},
		{"/api/users/{id}", pathEqual, "/login", httpapi.RequestPath, no},
		{"/login", pathEqual, "/login", httpapi.RequestPath, und}, // "/login/" may reach it too
		{"/login", pathEqual, "/logout", httpapi.RequestPath, no},
		{"/login", pathPrefix, "/log", httpapi.RequestPath, yes},
		{"/api", pathPrefix, "/api/", httpapi.RequestPath, und}, // "/api/" may reach it
		{"/files/{name}", pathSuffix, ".png", httpapi.RequestPath, und},
		{"/cas/{org}/validate", pathSuffix, "/validate", httpapi.RequestPath, und}, // "/validate/" may reach it
		{"/cas/{org}/validate", pathSuffix, "/proxy", httpapi.RequestPath, no},
		{"/cas/{org}/p3/validate", pathSuffix, "/serviceValidate", httpapi.RequestPath, no},
		{"/cas/{org}/validate", pathSuffix, "x/validate", httpapi.RequestPath, und}, // reaches into the parameter
		{"/api/users/{id}", pathContains, "users", httpapi.RequestPath, yes},
		{"/api/users/{id}", pathContains, "/../", httpapi.RequestPath, und},
		{"/api/users/:id", pathEqual, "/api/users/:id", httpapi.RoutePattern, yes}, // gin's FullPath: the pattern itself
		{"/api/users/:id", pathEqual, "/login", httpapi.RoutePattern, no},
		{"/api/v:version/users", pathPrefix, "/api/v1/", httpapi.RequestPath, und}, // echo's parameter inside a segment
		{"/static*", pathPrefix, "/static/", httpapi.RequestPath, und},             // echo's wildcard: /static/app.js
		{"/api/…/users", pathPrefix, "/api/v1/", httpapi.RequestPath, und},         // a part only run time knows
		{"/api/…/users", pathEqual, "/api/v1/users", httpapi.RequestPath, und},
		{"/api/…/users", pathPrefix, "/api/", httpapi.RequestPath, yes},
		{"/api/…/users", pathPrefix, "/static/", httpapi.RequestPath, no},
		{"/api/…/users/:id", pathEqual, "/api/v1/users/:id", httpapi.RoutePattern, und},
		{"…/items", pathPrefix, "/api/", httpapi.RequestPath, und}, // an unknown prefix
		{"example.com/api/x", pathPrefix, "/api/", httpapi.RequestPath, und},
	} {
		h, k := pathTest{op: c.op, val: c.val, of: c.of}.decide(pathOf(&routes.Route{Pattern: c.pattern}))
		got := und
		switch {
		case k && h:
			got = yes
		case k:
			got = no
		}
		if got != c.want {
			t.Errorf("%s against %q (op %d, of %d) = %d, want %d", c.pattern, c.val, c.op, c.of, got, c.want)
		}
	}
}
