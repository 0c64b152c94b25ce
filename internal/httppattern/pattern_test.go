package httppattern

import "testing"

func TestParse(t *testing.T) {
	tests := []struct {
		in                       string
		method, host, path, disp string
	}{
		// net/http ServeMux, Go 1.22 form
		{"GET /items/{id}", "GET", "", "/items/{}", "GET /items/{id}"},
		{"get\t/items/{id}", "GET", "", "/items/{}", "GET /items/{id}"},
		{"GET example.com/items/{id}", "GET", "example.com", "/items/{}", "GET example.com/items/{id}"},
		{"example.com/", "ANY", "example.com", "/{...}", "example.com/"},
		{"/files/{path...}", "ANY", "", "/files/{...}", "/files/{path...}"},
		{"/static/", "ANY", "", "/static/{...}", "/static/"},
		{"/", "ANY", "", "/{...}", "/"},
		{"/{$}", "ANY", "", "/{$}", "/{$}"},
		{"POST /static/{$}", "POST", "", "/static/{$}", "POST /static/{$}"},
		{"  DELETE   /a/{x}/b  ", "DELETE", "", "/a/{}/b", "DELETE /a/{x}/b"},
		// chi and gorilla/mux
		{"/items/{id:[0-9]+}", "ANY", "", "/items/{}", "/items/{id:[0-9]+}"},
		{"/items/{id:[0-9]{3}}/x", "ANY", "", "/items/{}/x", "/items/{id:[0-9]{3}}/x"},
		{"/static/*", "ANY", "", "/static/{...}", "/static/*"},
		{"/rest/{rest:.*}", "ANY", "", "/rest/{...}", "/rest/{rest:.*}"},
		{"/files/{name}.{ext}", "ANY", "", "/files/{}.{}", "/files/{name}.{ext}"},
		{"/v1/{name}:cancel", "ANY", "", "/v1/{}:cancel", "/v1/{name}:cancel"},
		// gin and echo
		{"/items/:id", "ANY", "", "/items/{}", "/items/:id"},
		{"/static/*filepath", "ANY", "", "/static/{...}", "/static/*filepath"},
		{"/a/*x/b", "ANY", "", "/a/{}/b", "/a/*x/b"},
		{"/v1/items:batchGet", "ANY", "", "/v1/items:batchGet", "/v1/items:batchGet"},
		// fasthttp/router
		{"/files/{filepath:*}", "ANY", "", "/files/{...}", "/files/{filepath:*}"},
		{"/users/{id?}", "ANY", "", "/users/{}", "/users/{id?}"},
		{"/a/{x:*}/b", "ANY", "", "/a/{}/b", "/a/{x:*}/b"},
		// fiber
		{"/users/:id?", "ANY", "", "/users/{}", "/users/:id?"},
		{"/users/:id<int>", "ANY", "", "/users/{}", "/users/:id<int>"},
		{"/files/+", "ANY", "", "/files/{...}", "/files/+"},
		{"/files/*", "ANY", "", "/files/{...}", "/files/*"},
		// <id> templates, Flask converters
		{"/items/<id>", "ANY", "", "/items/{}", "/items/<id>"},
		{"/items/<int:id>/x", "ANY", "", "/items/{}/x", "/items/<int:id>/x"},
		{"/raw/<path:rest>", "ANY", "", "/raw/{...}", "/raw/<path:rest>"},
		// literals, escapes and things no router would accept
		{"/a%20b", "ANY", "", "/a b", "/a%20b"},
		{"/a{b", "ANY", "", "/a{b", "/a{b"},
		{"/a//b", "ANY", "", "/a//b", "/a//b"},
		{"/:", "ANY", "", "/:", "/:"},
		{"/{}", "ANY", "", "/{}", "/{}"},
		// not a path: a handler shown by its function name
		{"api.(*H).GetUser", "ANY", "", "api.(*H).GetUser", "api.(*H).GetUser"},
		{"", "ANY", "", "", ""},
	}
	for _, tt := range tests {
		p := Parse(tt.in)
		if p.Method != tt.method || p.Host != tt.host || p.Path != tt.path || p.String() != tt.disp {
			t.Errorf("Parse(%q) = {%q %q %q %q}, want {%q %q %q %q}",
				tt.in, p.Method, p.Host, p.Path, p.String(), tt.method, tt.host, tt.path, tt.disp)
		}
	}
}

func TestNormalizeEquivalent(t *testing.T) {
	// Each group spells one route in different routers' syntax.
	groups := [][]string{
		{"GET /users/{id}", "get /users/:id", "GET /users/<id>", "GET /users/{user_id:[0-9]+}", "GET /users/<int:id>"},
		{"/static/", "/static/*", "/static/*filepath", "/static/{path...}", "/static/{filepath:*}", "/static/+"},
		{"GET /users/{id}", "GET /users/:id?", "GET /users/:id<int>", "GET /users/{id?}"},
		{"/a/{x}/b/{y}", "/a/:x/b/:y", "/a/<x>/b/<y>"},
	}
	for _, g := range groups {
		m0, p0 := Normalize(g[0])
		for _, s := range g[1:] {
			if m, p := Normalize(s); m != m0 || p != p0 {
				t.Errorf("Normalize(%q) = %q %q, want %q %q (as %q)", s, m, p, m0, p0, g[0])
			}
		}
	}
	// Distinct routes must stay distinct.
	distinct := []string{"/static/", "/static/{$}", "/static", "/static/{id}", "GET /static/"}
	seen := map[string]string{}
	for _, s := range distinct {
		k := Parse(s).Key()
		if prev, ok := seen[k]; ok {
			t.Errorf("%q and %q both normalize to %q", prev, s, k)
		}
		seen[k] = s
	}
}
