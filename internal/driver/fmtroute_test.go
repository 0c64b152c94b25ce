package driver

import "testing"

// testdata/fmtroute (see its README.txt): each call of a router helper
// that builds "METHOD /group/path" with fmt.Sprintf, the group joined only
// when set, is a route with that pattern, running its handler's queries
// through the business layer's storer interface, and those of a
// middleware of the service's own shape passed to the call.
func TestFmtRoute(t *testing.T) {
	t.Parallel()
	_, got := routeQueryLines(t, "testdata/fmtroute", siteFromLine)
	want := map[string][]string{
		"GET /v1/users":           {"userdb/userdb.go:15 once handler"},
		"GET /v1/users/{user_id}": {"userdb/userdb.go:33 once mid.AuthorizeUser"},
		"DELETE /users/{user_id}": {"userdb/userdb.go:33 once mid.AuthorizeUser", "userdb/userdb.go:38 once handler"},
	}
	wantRoutes(t, got, want, true)
}
