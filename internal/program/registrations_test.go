package program

import (
	"go/ast"
	"go/types"
	"strings"
	"testing"

	"github.com/sqlheat/sqlheat/passes/queries"
)

// TestFewRange reads each range statement of testdata/registrations
// marked `// few`, `// start` or `// data` on its line. A registry that
// plugin packages fill from their init functions (read directly, through
// a getter of its keys, or kept in a local), a list start-up appends to
// twice, and a container's value group of one item per constructor hold
// a few items (FewRange). One filled per row, per line of a file, in a
// loop over the environment, or handed out whole, at start-up, and a
// getter joining the schemes with the aliases the configuration adds,
// hold as many as configured (StartRange only). One filled per request,
// or a group a constructor adds a list to, holds data (neither).
func TestFewRange(t *testing.T) {
	p := load(t, "testdata/registrations").build(t, initialLazy)
	reaching := p.Reaching(p.Startup())
	seen := 0
	for _, pkg := range p.pkgs {
		for _, file := range pkg.Syntax {
			marks := map[int]string{}
			for _, cg := range file.Comments {
				for _, c := range cg.List {
					text := strings.TrimSpace(strings.TrimPrefix(c.Text, "//"))
					if word, _, _ := strings.Cut(text, ":"); word == "few" || word == "start" || word == "data" {
						marks[pkg.Fset.Position(c.Pos()).Line] = word
					}
				}
			}
			ast.Inspect(file, func(n ast.Node) bool {
				rs, ok := n.(*ast.RangeStmt)
				if !ok {
					return true
				}
				pos := pkg.Fset.Position(rs.Pos())
				want, marked := marks[pos.Line]
				if !marked {
					return true
				}
				seen++
				if got := p.FewRange(rs.Pos(), queries.SmallBound); got != (want == "few") {
					t.Errorf("%s:%d: range over %s: FewRange = %v, want %s", rel(pos.Filename), pos.Line, types.ExprString(rs.X), got, want)
				}
				if _, got := p.StartRange(rs.Pos(), reaching); got != (want != "data") {
					t.Errorf("%s:%d: range over %s: StartRange = %v, want %s", rel(pos.Filename), pos.Line, types.ExprString(rs.X), got, want)
				}
				return true
			})
		}
	}
	if seen != 15 {
		t.Errorf("checked %d marked range statements, want 15", seen)
	}
}
