package driver

import "testing"

// testdata/kratos (see its README.txt): go-kratos' transport/http routes
// are listed at their paths, the Server's net/http handlers (any method)
// and a Router's kratos handlers, the generated RegisterXHTTPServer's
// included, each with its handler's queries and a group filter's before
// them; no route is left to its handler's name, nor under an unknown
// prefix (…/download/{digest}).
func TestKratosRoutes(t *testing.T) {
	t.Parallel()
	_, got := routeQueryLines(t, "testdata/kratos", siteLine)
	want := map[string][]string{
		"GET /infoz/{name}":            {"service/service.go:17 once"},
		"ANY /auth/callback":           {"service/service.go:23 once"},
		"ANY /prom/{org_name}/metrics": {"service/service.go:28 once"},
		"GET /download/{digest}":       {"service/service.go:34 once"},
		"GET /openapi.yaml":            nil,
		"PUT /v1/artifacts/{digest}":   {"service/service.go:53 once", "service/service.go:45 once"},
	}
	wantRoutes(t, got, want, true)
}
