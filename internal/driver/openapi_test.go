package driver

import (
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/passes/queryinloop"
)

// OpenAPI Generator's go-server routers (testdata/openapi): controllers'
// Routes() return tables of rows (positional or keyed, a slice or a map
// of names), the method a constant or strings.ToUpper/ToLower of one;
// NewRouter ranges over the routers handed to it (a variadic interface
// parameter) and registers each row with gorilla's Methods().Path().
// Handler() chain, the handler wrapped in Logger, or chi's Method(m, p,
// h). Each row is a route with its method, path and handler's queries;
// a router whose Routes are another's under a configured prefix
// (app.PrefixedRouter) makes the rows again under "…"; one setting a
// row's handler by the row's name (app.CustomController, as tracetest's
// routes[c.getRouteIndex("GetTestRuns")].HandlerFunc = c.GetTestRuns)
// makes it the row's, a name not constant no row's. The router
// NewRouter returns is under what main puts the variable a function of
// its package returns it in (router, name := serve(items)): the tenant
// middleware of its Use call, with its query. A row whose
// method is not constant takes any; a controller never handed to a
// router, and a CLI's table of commands, make no route.
func TestOpenAPIRouters(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer}, "-C", "testdata/openapi", "./...")
	if len(rep.Errors) > 0 {
		t.Fatalf("errors: %v\nstderr: %s", rep.Errors, stderr)
	}
	got := routeLines(rep, fileLinePer)
	const logger = "main.tenant → openapi.Logger → "
	const tenant = "[main.go:44 once] "
	want := []string{
		// Set for a row named at run time: no row's.
		"app/custom.go:43 ANY app.(*CustomController).Override -> app.(*CustomController).Override [app/custom.go:44 once]",
		"notesapi/routers.go:42 GET /v2/notes -> notesapi.(*NotesAPIController).ListNotes [notesapi/routers.go:56 once]",
		"notesapi/routers.go:47 POST /v2/notes -> notesapi.(*NotesAPIController).AddNote [notesapi/routers.go:60 once]",
		"openapi/api_items.go:19 GET /api/items -> " + logger + "app.(*CustomController).ListItems " + tenant + "[app/custom.go:40 once]",
		"openapi/api_items.go:19 GET …/api/items -> " + logger + "app.(*CustomController).ListItems " + tenant + "[app/custom.go:40 once]",
		"openapi/api_items.go:25 POST /api/items -> " + logger + "openapi.(*ItemsApiController).CreateItem " + tenant + "[openapi/api_items.go:51 once]",
		"openapi/api_items.go:25 POST …/api/items -> " + logger + "openapi.(*ItemsApiController).CreateItem " + tenant + "[openapi/api_items.go:51 once]",
		"openapi/api_items.go:31 DELETE /api/items/{id} -> " + logger + "openapi.(*ItemsApiController).DeleteItem " + tenant + "[openapi/api_items.go:55 once]",
		"openapi/api_items.go:31 DELETE …/api/items/{id} -> " + logger + "openapi.(*ItemsApiController).DeleteItem " + tenant + "[openapi/api_items.go:55 once]",
		"openapi/api_items.go:37 ANY /api/purge -> " + logger + "openapi.(*ItemsApiController).Purge " + tenant + "[openapi/api_items.go:59 once]",
		"openapi/api_items.go:37 ANY …/api/purge -> " + logger + "openapi.(*ItemsApiController).Purge " + tenant + "[openapi/api_items.go:59 once]",
		// Its row's handler is CustomController's: no route's.
		"openapi/api_items.go:46 ANY openapi.(*ItemsApiController).ListItems -> openapi.(*ItemsApiController).ListItems [openapi/api_items.go:47 once]",
		// Never registered: its handler is listed as no route's.
		"openapi/api_unused.go:21 ANY openapi.(*UnusedApiController).ListOld -> openapi.(*UnusedApiController).ListOld [openapi/api_unused.go:22 once]",
	}
	if !slices.Equal(got, want) {
		t.Errorf("routes:\n got %q\nwant %q", got, want)
	}
}
