package httppattern

import "testing"

// FuzzMatch checks that no pattern or path makes the package panic, and
// that the trie and the one-pattern matcher agree.
func FuzzMatch(f *testing.F) {
	f.Add("GET /items/{id}", "/items/1")
	f.Add("/static/", "/static/a/b")
	f.Add("/files/{name}.{ext}", "/files/a.b")
	f.Add("/a/{x:[0-9]{2}}/{$}", "/a/12/")
	f.Add("/<path:p>", "/a%2fb")
	f.Fuzz(func(t *testing.T, pattern, path string) {
		p := Parse(pattern)
		one := p.MatchPath(path)
		m := NewMatcher(pattern)
		got, ok := m.Match("", path)
		if ok != one {
			t.Fatalf("Matcher(%q).Match(%q) = %v, MatchPath = %v", pattern, path, ok, one)
		}
		if ok && got.Key() != p.Key() {
			t.Fatalf("Matcher returned %q, want %q", got.Key(), p.Key())
		}
		if q := Parse(p.String()); q.Key() != p.Key() && !p.opaque {
			t.Fatalf("Parse(String()) is not stable: %q -> %q -> %q", pattern, p.Key(), q.Key())
		}
	})
}
