package routes

import "testing"

// TestFilterCovers checks which route patterns a beego filter's pattern
// covers: "*" every route, "/x/*" those under /x, another pattern the
// route it names however its parameters are spelled; a route whose
// prefix is unknown, "*" alone.
func TestFilterCovers(t *testing.T) {
	for _, c := range []struct {
		filter, route string
		want          bool
	}{
		{"*", "/api/login", true},
		{"/*", "…/items", true},
		{"*", "…/items", true},
		{"/api/*", "/api/login", true},
		{"/api/*", "/api", true},
		{"/api/*", "/apiv2/login", false},
		{"/api/*", "…/api/login", false},
		{"/api/:id/*", "/api/{name}/x", true},
		{"/login", "/login", true},
		{"/login", "/login/x", false},
		{"/users/:id", "/users/{uid}", true},
		{"/users/:id", "/users", false},
	} {
		f := &Filter{Pattern: c.filter}
		if got := f.Covers(c.route); got != c.want {
			t.Errorf("filter %q covers %q = %v, want %v", c.filter, c.route, got, c.want)
		}
	}
}
