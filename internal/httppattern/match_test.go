package httppattern

import "testing"

func TestMatch(t *testing.T) {
	tests := []struct {
		pattern, path string
		want          bool
	}{
		{"GET /items/{id}", "/items/123", true},
		{"GET /items/{id}", "/items/123?x=1", true},
		{"/items/{id}", "/items/123#frag", true},
		{"/items/{id}", "/items/", false},   // a parameter needs a value
		{"/items/{id}", "/items/1/", false}, // and is one segment
		{"/items/{id}", "/items", false},
		{"/items/:id", "/items/abc", true},
		{"/items/{id:[0-9]+}", "/items/123", true},
		{"/items/{id:[0-9]+}", "/items/abc", false},
		{"/items/{id:[0-9}", "/items/abc", true}, // a broken regexp constrains nothing
		{"/static/", "/static/", true},
		{"/static/", "/static/css/a.css", true},
		{"/static/", "/static", false}, // ServeMux redirects; the handler never runs
		{"/static/*filepath", "/static/a/b", true},
		{"/files/{p...}", "/files/", true},
		{"/rest/{r:.*}", "/rest/a/b/c", true},
		{"/", "/", true},
		{"/", "/anything/at/all", true},
		{"/{$}", "/", true},
		{"/{$}", "/x", false},
		{"/static/{$}", "/static/", true},
		{"/static/{$}", "/static/x", false},
		{"/files/{name}.{ext}", "/files/report.tar.gz", true},
		{"/files/{name}.{ext}", "/files/README", false},
		{"/v1/{name}:cancel", "/v1/op-7:cancel", true},
		{"/v1/{name}:cancel", "/v1/op-7", false},
		{"/a%20b", "/a%20b", true},
		{"/a b", "/a%20b", true},
		{"/items/{id}", "http://example.com/items/9", true},
		{"/", "https://example.com", true},
		{"/", "*", false},
		{"/items/{id}", "", false},
		{"/", "", true},
		{"api.GetUser", "/api.GetUser", false},
	}
	for _, tt := range tests {
		if got := Match(tt.pattern, tt.path); got != tt.want {
			t.Errorf("Match(%q, %q) = %v, want %v", tt.pattern, tt.path, got, tt.want)
		}
	}
}

func TestLiteral(t *testing.T) {
	for _, c := range []struct {
		pattern, prefix string
		exact, ok       bool
	}{
		{"/api/users/{id}", "/api/users/", false, true},
		{"/api/users/:id", "/api/users/", false, true},
		{"/api/get-user", "/api/get-user", true, true},
		{"/static/", "/static/", false, true}, // a subtree
		{"/", "/", false, true},
		{"/files/*filepath", "/files/", false, true},
		{"/a/{$}", "/a/", true, true},
		{"/v{major}/x", "/", false, true},
		// echo and fiber read ':' and '*' inside a segment too: a
		// parameter, the rest of the path, not their own text.
		{"/api/v:version/users", "/api/", false, true},
		{"/static*", "/", false, true},
		{"/shop/color::color", "/shop/", false, true},
		{"/api/…/users", "/api/", false, true}, // a part only run time knows
		{"/api/v…", "/api/", false, true},
		{"example.com/x", "", false, false}, // a host: what path it serves the text does not say alone
		{"…/items", "", false, false},       // an unknown prefix
		{"handlerName", "", false, false},
	} {
		prefix, exact, ok := Parse(c.pattern).Literal()
		if prefix != c.prefix || exact != c.exact || ok != c.ok {
			t.Errorf("Literal(%q) = %q, %v, %v; want %q, %v, %v", c.pattern, prefix, exact, ok, c.prefix, c.exact, c.ok)
		}
	}
}

func TestLiteralTail(t *testing.T) {
	for pattern, want := range map[string]string{
		"/cas/:org/:app/p3/serviceValidate": "/p3/serviceValidate",
		"/cas/{org}/validate":               "/validate",
		"/api/users/{id}":                   "",
		"/static/":                          "",
		"/about":                            "/about",
		"/api/v:version/users":              "/users",
		"/static*":                          "",
		"/api/…/users":                      "/users",
		"…/items":                           "",
	} {
		if got := Parse(pattern).LiteralTail(); got != want {
			t.Errorf("LiteralTail(%q) = %q, want %q", pattern, got, want)
		}
	}
}
