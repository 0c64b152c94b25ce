package suppress

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"
)

// FuzzParse: the suppression comments of any Go file that parses read
// without a panic, each covering a range that starts at its own line;
// one without a problem names at least one check. Seeds (and crashers
// found) live in testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"package a\n\nfunc f(xs []int) {\n\t//sqlheat:ignore queryinloop -- bounded\n\tfor range xs {\n\t\tg()\n\t}\n}\n",
		"package a\n\nfunc f() {\n\tg() //sqlheat:ignore selectstar,missingindex -- why // want `x`\n\t// sqlheat:ignore all -- spaced\n\tg()\n}\n",
		"package a\n\n//nolint\nvar x = 1 //nolint:errcheck,sqlheat // legacy\n\n/* //sqlheat:ignore x -- y */\n",
		"package a\n\nfunc f() {\n\t//sqlheat:ignore\n\t//sqlheat:ignore -- no check\n\t//sqlheat:ignorexyz a -- b\n\tg(1,\n\t\t2)\n}\n",
	} {
		f.Add(s)
	}
	known := map[string]bool{"queryinloop": true, "selectstar": true, "missingindex": true, "handlerquery": true, "ignores": true}
	f.Fuzz(func(t *testing.T, src string) {
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, "a.go", src, parser.ParseComments)
		if err != nil {
			return
		}
		for _, d := range Parse(fset, []*ast.File{file}, known) {
			if d.Last < d.Line || d.Line < 1 {
				t.Fatalf("directive at line %d covers %d-%d", d.Line, d.Line, d.Last)
			}
			if d.Problem == "" && len(d.Checks) == 0 {
				t.Fatalf("directive at line %d names no check and has no problem", d.Line)
			}
			if d.Problem != "" && d.Applies("selectstar", d.File, d.Line) {
				t.Fatalf("directive with a problem (%s) silences", d.Problem)
			}
		}
	})
}
