package schema

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"

	"github.com/sqlheat/sqlheat/internal/sqlparse"
)

// applyGo applies the DDL written as string literals in a Go source file
// that holds a program's migrations, such as
//
//	var migrations = []func(tx *sql.Tx) error{
//		func(tx *sql.Tx) error { _, err := tx.Exec(`CREATE TABLE users (...)`); return err },
//		...
//	}
//
// in source order, each at its own line. Discover offers such files only
// when a project has no schema in SQL files, and the package that runs
// them may be one the querying packages never import, so the facts of
// the analysis cannot carry them.
//
// A literal counts when it parses and holds at least one schema change;
// other strings (queries, messages, format strings with %s) are skipped
// without warning. Literals inside a function or composite-literal field
// whose name says it undoes (Down, downAddX, Rollback) are skipped too:
// goose and gormigrate keep both directions in one file, and applying a
// down migration after its up would remove the very index it created.
func (c *Catalog) applyGo(path string, src []byte) error {
	lits, err := goDDL(path, src)
	for _, l := range lits {
		c.addFile(path)
		c.searchPath = nil
		c.apply(l.text, path, l.line)
	}
	return err
}

// goLiteral is a string literal of a Go file holding DDL.
type goLiteral struct {
	text string
	line int
}

// goDDL returns the literals of a Go source file that applyGo applies,
// in source order.
func goDDL(path string, src []byte) ([]goLiteral, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	var (
		out  []goLiteral
		undo []bool // per enclosing node: inside an undo function or field
	)
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			undo = undo[:len(undo)-1]
			return true
		}
		inUndo := len(undo) > 0 && undo[len(undo)-1]
		switch x := n.(type) {
		case *ast.FuncDecl:
			inUndo = inUndo || undoes(x.Name.Name)
		case *ast.KeyValueExpr:
			if id, ok := x.Key.(*ast.Ident); ok {
				inUndo = inUndo || undoes(id.Name)
			}
		case *ast.BasicLit:
			if x.Kind == token.STRING && !inUndo {
				if text, ok := ddlLiteral(x); ok {
					out = append(out, goLiteral{text, fset.Position(x.Pos()).Line})
				}
			}
		}
		undo = append(undo, inUndo)
		return true
	})
	return out, nil
}

// undoes reports whether a function or field name says it reverts a
// migration.
func undoes(name string) bool {
	n := strings.ToLower(name)
	return strings.HasPrefix(n, "down") || strings.HasPrefix(n, "rollback") || strings.HasPrefix(n, "revert")
}

// ddlLiteral returns the text of a string literal that holds a schema
// change.
func ddlLiteral(lit *ast.BasicLit) (string, bool) {
	text, err := strconv.Unquote(lit.Value)
	if err != nil || !mentionsDDL(text) {
		return "", false
	}
	if ddls, _ := sqlparse.ParseDDL(text); len(ddls) == 0 {
		return "", false // not DDL after all, or not SQL
	}
	return text, true
}

// mentionsDDL is a cheap test before parsing a string.
func mentionsDDL(text string) bool {
	up := strings.ToUpper(text)
	return strings.Contains(up, "TABLE") || strings.Contains(up, "INDEX")
}
