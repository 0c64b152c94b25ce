package catalog

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

// TestEntTableOddRefs checks that a table literal whose primary key or
// index names its columns other than by a slice's constant index (a
// map's string key) is skipped, not a panic of the whole run.
func TestEntTableOddRefs(t *testing.T) {
	const src = `package p

type Column struct{ Name string }
type Index struct {
	Name    string
	Columns []*Column
}
type Table struct {
	Name       string
	Columns    []*Column
	PrimaryKey []*Column
	Indexes    []*Index
}

var byName = map[string]*Column{"id": {Name: "id"}}
var Cols = []*Column{{Name: "id"}}

var A = &Table{Name: "a", Columns: Cols, PrimaryKey: []*Column{byName["id"]}}
var B = &Table{Name: "b", Columns: Cols, Indexes: []*Index{{Name: "b_id", Columns: []*Column{byName["id"]}}}}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	cols := map[types.Object][]entColumn{pkg.Scope().Lookup("Cols"): {{name: "id", typ: "bigint"}}}
	for _, name := range []string{"A", "B"} {
		var lit *ast.CompositeLit
		ast.Inspect(f, func(n ast.Node) bool {
			if vs, ok := n.(*ast.ValueSpec); ok && vs.Names[0].Name == name {
				lit = vs.Values[0].(*ast.UnaryExpr).X.(*ast.CompositeLit)
			}
			return lit == nil
		})
		if ddl := entTableDDL(info, lit, cols); ddl != "" {
			t.Errorf("table %s: got %q, want it skipped", name, ddl)
		}
	}
}
