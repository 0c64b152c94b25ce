package program

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

// asserts says what a comma-ok assertion gives on a value of a known
// dynamic type: a concrete type holds for itself alone, an interface for
// the types whose method set has its methods (a pointer receiver's
// method is not a value's), and nothing is known of a dynamic type that
// is itself an interface.
func TestAsserts(t *testing.T) {
	const src = `package p
type I interface{ M() }
type T struct{}
func (*T) M() {}
type U struct{}
func (U) M() {}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := new(types.Config).Check("p", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	typ := func(name string) types.Type { return pkg.Scope().Lookup(name).Type() }
	ptr := types.NewPointer
	for _, c := range []struct {
		name          string
		dyn, asserted types.Type
		value, known  bool
	}{
		{"*T is *T", ptr(typ("T")), ptr(typ("T")), true, true},
		{"*T is no T", ptr(typ("T")), typ("T"), false, true},
		{"*T is no *U", ptr(typ("T")), ptr(typ("U")), false, true},
		{"*T implements I", ptr(typ("T")), typ("I"), true, true},
		{"T does not implement I", typ("T"), typ("I"), false, true},
		{"U implements I", typ("U"), typ("I"), true, true},
		{"an interface: unknown", typ("I"), ptr(typ("T")), false, false},
	} {
		if v, k := asserts(c.dyn, c.asserted); v != c.value || k != c.known {
			t.Errorf("%s: asserts = %v, %v; want %v, %v", c.name, v, k, c.value, c.known)
		}
	}
}
