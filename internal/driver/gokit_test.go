package driver

import (
	"fmt"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// A route whose handler an outside constructor made from what the
// module's calls return runs those functions per request (testdata/gokit,
// a stub of go-kit's transport/http and endpoint, and of otelhttp):
// kithttp.NewServer(createPATEndpoint(svc), decode, encode).ServeHTTP runs
// the endpoint closure createPATEndpoint returns — through the Service
// interface, its logging decorator and the repository — and the decoder,
// which queries on DELETE /pats/{id}. The endpoint may come through
// endpoint.Chain's middlewares (GET /pats), the server may be wrapped by
// otelhttp.NewHandler, registered as a value or by its ServeHTTP method
// value, or assigned to a local first. Each route lists its own
// endpoint's query, not another route's; the endpoint made but never
// registered (purge) runs on no route. A gRPC service's implementation
// keeps a kitgrpc.Handler per method, which kitgrpc.NewServer made from
// the method's endpoint, decoder and encoder; its method calls
// s.field.ServeGRPC: each method runs its own field's endpoint and
// decoder.
func TestGoKitRoutes(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, []*analysis.Analyzer{}, "-C", "testdata/gokit", "-routes", "./...")
	if len(rep.Errors) > 0 {
		t.Fatalf("errors: %v\nstderr: %s", rep.Errors, stderr)
	}
	got := map[string][]string{}
	for _, r := range rep.Routes {
		qs := []string{}
		for _, q := range r.Queries {
			qs = append(qs, fmt.Sprintf("%s:%d", q.File, q.Line))
		}
		slices.Sort(qs)
		got[r.Method+" "+r.Pattern] = qs
	}
	const (
		create   = "store/store.go:8"
		retrieve = "store/store.go:12"
		del      = "store/store.go:16"
		list     = "store/store.go:20"
		scopes   = "store/store.go:24"
		owner    = "store/store.go:29"
	)
	want := map[string][]string{
		"POST /pats":            {create},
		"GET /pats/{id}":        {retrieve},
		"DELETE /pats/{id}":     {del, owner}, // the decoder's query too
		"GET /pats":             {list},       // through endpoint.Chain
		"GET /pats/{id}/scopes": {scopes},     // otelhttp.NewHandler(server)
		"GET /scopes/{id}":      {scopes},     // otelhttp.NewHandler(server).ServeHTTP
		"GET /pat/{id}":         {retrieve},   // srv := NewServer(...); srv.ServeHTTP
		"GET /health":           {},
		// Over gRPC: each method's own Handler field's endpoint (and
		// decoder), not another field's; one calling none runs nothing.
		"POST /pats.v1.PATService/Retrieve": {retrieve},
		"POST /pats.v1.PATService/List":     {list},
		"POST /pats.v1.PATService/Remove":   {del, owner},
		"POST /pats.v1.PATService/Health":   {},
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
