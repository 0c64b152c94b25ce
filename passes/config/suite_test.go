package config

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"reflect"
	"runtime"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
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

// A whole-program host's suite leaves inspect.Analyzer out of its copies,
// whose passes build the inspector they use (Inspector); go vet's keeps it,
// and so does an analyzer the suite shares.
func TestSuiteInspector(t *testing.T) {
	t.Parallel()
	walker := &analysis.Analyzer{Name: "shared", Doc: "walks without settings", Requires: []*analysis.Analyzer{inspect.Analyzer}, Run: func(*analysis.Pass) (any, error) { return nil, nil }}
	found := &analysis.Analyzer{
		Name: "found", Doc: "a foundation", Requires: []*analysis.Analyzer{inspect.Analyzer, Analyzer, walker},
		Run: func(*analysis.Pass) (any, error) { return nil, nil }, ResultType: reflect.TypeOf(0),
	}
	whole := Suite(Host{WholeProgram: true}, found)[0]
	if slices.Contains(whole.Requires, inspect.Analyzer) || len(whole.Requires) != 2 {
		t.Errorf("whole program: %s requires %v, want the settings and %s", whole.Name, whole.Requires, walker.Name)
	}
	if !slices.Contains(walker.Requires, inspect.Analyzer) {
		t.Errorf("the shared analyzer lost inspect: %v", walker.Requires)
	}
	vet := Suite(Host{}, found)[0]
	if !slices.Contains(vet.Requires, inspect.Analyzer) {
		t.Errorf("go vet: %s requires %v, want inspect among them", vet.Name, vet.Requires)
	}
}

// Inspector gives inspect's result where the pass has it; else one of its
// own, over the pass's files, which another pass of the package shares
// while it is held.
func TestInspector(t *testing.T) {
	t.Parallel()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "a.go", "package a\n\nfunc F() {}\n", 0)
	if err != nil {
		t.Fatal(err)
	}
	files := []*ast.File{f}
	shared := inspector.New(files)
	if got := Inspector(&analysis.Pass{Files: files, ResultOf: map[*analysis.Analyzer]any{inspect.Analyzer: shared}}); got != shared {
		t.Errorf("with inspect's result: got another inspector")
	}
	pkg := types.NewPackage("a", "a")
	one := Inspector(&analysis.Pass{Files: files, Pkg: pkg})
	var decls int
	for c := range one.Root().Preorder((*ast.FuncDecl)(nil)) {
		decls++
		_ = c
	}
	if decls != 1 {
		t.Errorf("own inspector: %d function declarations, want 1", decls)
	}
	if two := Inspector(&analysis.Pass{Files: files, Pkg: pkg}); two != one {
		t.Errorf("a second pass of the package built another inspector while the first is held")
	}
	if other := Inspector(&analysis.Pass{Files: files, Pkg: types.NewPackage("b", "b")}); other == one {
		t.Errorf("another package got the first one's inspector")
	}
	runtime.KeepAlive(one)
}
