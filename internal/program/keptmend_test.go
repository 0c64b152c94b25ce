package program

import (
	"slices"
	"testing"
)

// TestKeptMend: what a member of a recursive component that mends a
// failed attempt runs (see mend), asked before KeepLongLived (the
// driver's entries ask some reaches), is asked again under the kept
// types: the lazy fill of a client only start-up makes runs once.
func TestKeptMend(t *testing.T) {
	l := load(t, "testdata/keptmend")
	reach := func(p *Program) []string {
		return describe(p, p.Reach(funcNamed(t, p, "(*example.com/keptmend.Client).request")))
	}
	fresh := l.build(t, initialLazy)
	fresh.KeepLongLived(fresh.Startup())
	want := reach(fresh)
	if !slices.Contains(want, "main.go:31 ×0 once via main.(*Client).request") {
		t.Fatalf("the client's lazy fill, kept: got\n\t%v", want)
	}
	p := l.build(t, initialLazy)
	reach(p) // asked before
	p.KeepLongLived(p.Startup())
	if got := reach(p); !slices.Equal(got, want) {
		t.Errorf("Reach after KeepLongLived:\n\t%v\nwant\n\t%v", got, want)
	}
}
