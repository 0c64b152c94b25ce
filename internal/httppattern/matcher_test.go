package httppattern

import "testing"

func TestMatcher(t *testing.T) {
	m := NewMatcher(
		"GET /orders/{id}",
		"GET /orders/:order", // same route spelled the gin way: dropped
		"POST /orders/{id}",
		"GET /orders/latest",
		"GET /orders/{id:[0-9]+}",
		"/orders/{id}/items/{item}",
		"GET /files/{name}.json",
		"GET /files/{name}",
		"/static/",
		"/static/css/",
		"/static/{$}",
		"GET /",
		"HEAD /health",
		"GET /health",
		"api.(*H).Orphan", // not a path: never matches
	)
	tests := []struct {
		method, path string
		want         string // display form, "" for no match
	}{
		{"GET", "/orders/123?x=1", "GET /orders/{id:[0-9]+}"},
		{"GET", "/orders/abc", "GET /orders/{id}"},
		{"GET", "/orders/latest", "GET /orders/latest"}, // literal beats parameter
		{"POST", "/orders/123", "POST /orders/{id}"},
		{"post", "/orders/123", "POST /orders/{id}"},
		{"HEAD", "/orders/abc", "GET /orders/{id}"}, // GET serves HEAD
		{"DELETE", "/orders/abc", ""},               // paths match, methods do not: a 405
		{"PUT", "/orders/1/items/2", "/orders/{id}/items/{item}"},
		{"GET", "/files/a.json", "GET /files/{name}.json"}, // literal text beats a bare parameter
		{"GET", "/files/a.xml", "GET /files/{name}"},
		{"GET", "/static/css/site.css", "/static/css/"}, // longer beats subtree
		{"GET", "/static/js/app.js", "/static/"},
		{"GET", "/static/", "/static/{$}"},
		{"GET", "/nowhere", "GET /"},
		{"HEAD", "/health", "HEAD /health"}, // exact method beats GET-for-HEAD
		{"", "/health", "HEAD /health"},     // no method: first added among equals
		{"GET", "*", ""},
	}
	for _, tt := range tests {
		got := ""
		if p, ok := m.Match(tt.method, tt.path); ok {
			got = p.String()
		}
		if got != tt.want {
			t.Errorf("Match(%q, %q) = %q, want %q", tt.method, tt.path, got, tt.want)
		}
	}
	if got, want := m.Len(), 13; got != want {
		t.Errorf("Len() = %d, want %d (duplicate spellings and names dropped)", got, want)
	}
}

// TestMatcherAgreesWithMatch checks the trie against the one-pattern
// matcher: whatever Matcher returns must match on its own, and a lone
// pattern must be found by a Matcher holding only it.
func TestMatcherAgreesWithMatch(t *testing.T) {
	patterns := []string{
		"/a/{x}/c", "/{y}/b/c", "/a/b/{z}", "/a/", "/a/{x...}", "/{$}", "/a/{x}.{y}",
		"/a/{x:[a-z]+}", "/a/*", "/a/b/", "/a/b/c/{$}",
	}
	paths := []string{"/", "/a", "/a/", "/a/b", "/a/b/c", "/a/b/c/", "/x/b/c", "/a/q.r", "/a/Q", "/a/b/c/d", "//"}
	m := NewMatcher(patterns...)
	for _, path := range paths {
		p, ok := m.Match("GET", path)
		matched := false
		for _, pat := range patterns {
			if Match(pat, path) {
				matched = true
			}
			single := NewMatcher(pat)
			if _, sok := single.Match("GET", path); sok != Match(pat, path) {
				t.Errorf("lone Matcher(%q) on %q = %v, Match = %v", pat, path, sok, !sok)
			}
		}
		if ok != matched {
			t.Errorf("Match(%q) found=%v, but some pattern matches = %v", path, ok, matched)
		}
		if ok && !p.MatchPath(path) {
			t.Errorf("Match(%q) = %q, which does not match it", path, p)
		}
	}
}
