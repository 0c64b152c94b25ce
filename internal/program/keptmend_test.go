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

// TestMendFlag: a login that mends a failed request runs once, whatever
// the flag of a getter's fast path it is (the flag is the login's
// parameter, not the request's).
func TestMendFlag(t *testing.T) {
	l := load(t, "testdata/keptmend")
	p := l.build(t, initialLazy)
	got := describe(p, p.Reach(funcNamed(t, p, "(*example.com/keptmend/relogin.Session).Put")))
	want := []string{"relogin.go:23 ×0 once via relogin.(*Session).Put → relogin.(*Session).request → relogin.(*Session).login"}
	if !slices.Equal(got, want) {
		t.Errorf("Reach(Put):\n\t%v\nwant\n\t%v", got, want)
	}
}

// TestFlagOwner: the flag of a getter's fast path is the getter's
// parameter: another function of its recursive component passing false
// in the same place keeps nothing.
func TestFlagOwner(t *testing.T) {
	l := load(t, "testdata/keptmend")
	p := l.build(t, initialLazy)
	for _, r := range p.Reach(funcNamed(t, p, "(*example.com/keptmend/cfg.Cfg).Walks")) {
		if r.Once || r.Per > 0 || r.Depth == 0 {
			t.Errorf("Reach(Walks): %v, want per item", describe(p, []Reached{r}))
		}
	}
}
