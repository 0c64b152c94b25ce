package config

import (
	"reflect"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// A suite holds copies of what requires the settings, with flags of their
// own, around a settings analyzer of its host's; the package's analyzers
// are never written to.
func TestSuite(t *testing.T) {
	t.Parallel()
	shared := &analysis.Analyzer{Name: "shared", Doc: "needs no settings", Run: func(*analysis.Pass) (any, error) { return nil, nil }}
	found := &analysis.Analyzer{
		Name: "found", Doc: "a foundation", Requires: []*analysis.Analyzer{Analyzer, shared},
		Run: func(*analysis.Pass) (any, error) { return nil, nil }, ResultType: reflect.TypeOf(0),
	}
	chk := &analysis.Analyzer{Name: "chk", Doc: "a check", Requires: []*analysis.Analyzer{found}, Run: func(*analysis.Pass) (any, error) { return nil, nil }}
	chk.Flags.Bool("on", false, "switch it on")
	chk.Flags.Int("n", 7, "a number")
	chk.Flags.String("s", "x", "a word")

	one := Suite(Host{WholeProgram: true}, found, chk)
	two := Suite(Host{}, chk)
	f1, c1, c2 := one[0], one[1], two[0]
	if f1 == found || c1 == chk || c2 == c1 || c1.Requires[0] != f1 {
		t.Fatalf("suites share analyzers: %p %p %p", f1, c1, c2)
	}
	if f1.Requires[0] == Analyzer || f1.Requires[0].Name != Analyzer.Name || f1.Requires[1] != shared {
		t.Errorf("foundation's requirements: %v", f1.Requires)
	}
	if err := c1.Flags.Set("on", "true"); err != nil {
		t.Fatal(err)
	}
	c1.Flags.Set("n", "3")
	for name, a := range map[string]*analysis.Analyzer{"the package's": chk, "another suite's": c2} {
		if on := a.Flags.Lookup("on").Value.String(); on != "false" {
			t.Errorf("%s -on is %s after setting one suite's", name, on)
		}
		if n := a.Flags.Lookup("n").Value.String(); n != "7" {
			t.Errorf("%s -n is %s after setting one suite's", name, n)
		}
	}
	for _, name := range []string{"on", "n", "s"} {
		if got, want := c2.Flags.Lookup(name), chk.Flags.Lookup(name); got.DefValue != want.DefValue || got.Usage != want.Usage {
			t.Errorf("copied -%s: %+v, want %+v", name, got, want)
		}
	}
}

// A suite's copy of the settings pass checks its -budget as go vet's
// does: a negative budget is refused, not taken for "no budget".
func TestSuiteBudget(t *testing.T) {
	t.Parallel()
	settings := Suite(Host{}, Analyzer)[0]
	for _, a := range []*analysis.Analyzer{Analyzer, settings} {
		f := a.Flags.Lookup("budget")
		if err := f.Value.Set("-1"); err == nil {
			t.Errorf("%p: -budget -1 accepted", a)
		}
		if err := f.Value.Set("x"); err == nil {
			t.Errorf("%p: -budget x accepted", a)
		}
	}
	if err := settings.Flags.Set("budget", "4"); err != nil {
		t.Fatal(err)
	}
	if got := settings.Flags.Lookup("budget").Value.(interface{ Get() any }).Get(); got != 4 {
		t.Errorf("budget = %v, want 4", got)
	}
	if got := Analyzer.Flags.Lookup("budget").Value.String(); got != "0" {
		t.Errorf("go vet's budget is %s after setting a suite's", got)
	}
}
