package driver

import (
	"slices"
	"testing"

	"github.com/sqlheat/sqlheat/analyzer"
	"github.com/sqlheat/sqlheat/internal/report"
)

// testdata/pathguard installs middlewares on every route that do their
// work for some paths only: net/http's static skips /static/ (and its N+1
// is no finding of /static/'s routes), gin's
// limit acts on /login alone and audit on one route's pattern
// (c.FullPath()), beego's Static filter returns for /api/ and SignIn acts
// on ctx.Input.URL() == "/api/token". A route lists a middleware's
// queries only where its pattern lets the path test go their way, and
// the count of those left out is said (stats.path_guarded). Kept
// everywhere: a test of a header, of the path against a value known at
// run time (configured), of a path the middleware rewrote (Legacy), of
// the path behind http.StripPrefix, of a path a pattern parameter may or may not
// make (/files/{name} against "/files/secret", /api/users/:id against
// the prefix "/api/users/me").
func TestRouteInventoryPathGuards(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, analyzer.Analyzers(), "-C", "testdata/pathguard", "./...")
	got, order := inventory(rep, func(r report.Route) string { return r.File + " " + r.Method + " " + r.Pattern })
	const (
		page     = "store/store.go:11 "
		session  = "store/store.go:12 "
		attempts = "store/store.go:13 "
		audit    = "store/store.go:14 "
		flags    = "store/store.go:15 "
		items    = "store/store.go:16 "
		token    = "store/store.go:17 "
		files    = "store/store.go:18 "
	)
	want := map[string][]string{
		// net/http: the session is not checked for static files; the
		// flags looked up for /files/secret are not /static/'s or
		// /api/items'.
		"web/web.go GET /static/{file...}": {token + "web.header once", audit + "web.configured once"},
		"web/web.go GET /api/items":        {session + "web.static loop", token + "web.header once", audit + "web.configured once", items + "handler once"},
		// Behind http.StripPrefix, legacy sees /api/items: its test of
		// "/v1/" decides nothing, and its query stays.
		"web/web.go GET /v1/api/items": {session + "web.static loop", token + "web.header once", audit + "web.configured once", attempts + "web.legacy once", items + "handler once"},
		"web/web.go GET /files/{name}": {session + "web.static loop", flags + "web.flags once", token + "web.header once", audit + "web.configured once", files + "handler once"},
		// gin: the attempts are /login's, the audit /api/users/:id's;
		// /login is no /api/ path.
		"ginapi/ginapi.go POST /login":        {attempts + "ginapi.limit once"},
		"ginapi/ginapi.go GET /api/users/:id": {audit + "ginapi.audit once", session + "ginapi.public once"},
		"ginapi/ginapi.go GET /api/items":     {session + "ginapi.public once", items + "handler once"},
		// beego: Static's pages are not the API's; SignIn's token is
		// /api/token's alone. Legacy tests a path it rewrote: kept.
		"beegoapi/beegoapi.go GET /api/items":  {audit + "beegoapi.Legacy once", items + "handler once"},
		"beegoapi/beegoapi.go POST /api/token": {token + "beegoapi.SignIn once", audit + "beegoapi.Legacy once"},
		"beegoapi/beegoapi.go GET /about":      {page + "beegoapi.Static once", audit + "beegoapi.Legacy once"},
	}
	checkRuns(t, got, want, order)
	if len(rep.Routes) != len(want) {
		t.Errorf("%d routes, want %d: %v (stderr: %s)", len(rep.Routes), len(want), order, stderr)
	}
	// Left out: static's session (1), flags' (3), limit's (2), audit's
	// (2), public's (1), Static's (2), SignIn's (2).
	if rep.Stats.PathGuarded != 13 {
		t.Errorf("stats.path_guarded = %d, want 13", rep.Stats.PathGuarded)
	}
	// static's N+1 is every route's but /static/'s; the session's
	// SELECT * is not /static/'s nor /login's (gin's public skips it),
	// though the routes pass, in the middlewares' package, counts it as
	// theirs.
	routesOf := func(check, file string) []string {
		var out []string
		for _, f := range rep.Findings {
			if f.Check == check && f.File == file {
				for _, r := range f.Routes {
					out = append(out, r.Method+" "+r.Pattern)
				}
			}
		}
		slices.Sort(out)
		return out
	}
	if got, want := routesOf("queryinloop", "web/web.go"), []string{"GET /api/items", "GET /files/{name}", "GET /v1/api/items"}; !slices.Equal(got, want) {
		t.Errorf("static's N+1 runs on %v, want %v", got, want)
	}
	if got, want := routesOf("selectstar", "store/store.go"), []string{"GET /api/items", "GET /api/items", "GET /api/users/:id", "GET /files/{name}", "GET /v1/api/items"}; !slices.Equal(got, want) {
		t.Errorf("the session's SELECT * runs on %v, want %v", got, want)
	}
	perRequest := map[string]int{}
	for _, r := range rep.Routes {
		perRequest[r.File+" "+r.Method+" "+r.Pattern] = r.QueriesPerRequest.Min
	}
	for k, n := range map[string]int{"web/web.go GET /static/{file...}": 2, "beegoapi/beegoapi.go GET /api/items": 2, "ginapi/ginapi.go POST /login": 1} {
		if perRequest[k] != n {
			t.Errorf("%s: %d queries per request, want %d", k, perRequest[k], n)
		}
	}
}
