package suppress

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"
)

func TestParse(t *testing.T) {
	const src = `package a

func f() {
	a() //sqlheat:ignore selectstar -- two columns
	//sqlheat:ignore queryinloop,missingindex -- bounded by 3
	b()
	c() //sqlheat:ignore selectstar
	d() //sqlheat:ignore nosuch -- why
	e() //nolint:sqlheat // legacy
	g() //nolint:errcheck
	h() //sqlheat:ignorexyz
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "a.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{"selectstar": true, "queryinloop": true, "missingindex": true}
	dirs := Parse(fset, []*ast.File{f}, known)
	if len(dirs) != 5 {
		t.Fatalf("got %d directives, want 5", len(dirs))
	}
	cases := []struct {
		check   string
		line    int
		applies []bool // per directive
	}{
		{"selectstar", 4, []bool{true, false, false, false, false}},
		{"queryinloop", 6, []bool{false, true, false, false, false}},
		{"missingindex", 5, []bool{false, true, false, false, false}}, // the comment's own line
		{"selectstar", 7, []bool{false, false, false, false, false}},  // no reason: does not apply
		{"handlerquery", 9, []bool{false, false, false, false, true}}, // nolint covers every check
	}
	for _, c := range cases {
		for i, d := range dirs {
			if got := d.Applies(c.check, "a.go", c.line); got != c.applies[i] {
				t.Errorf("directive %d (line %d) applies to %s at line %d = %v", i, d.Line, c.check, c.line, got)
			}
		}
	}
	if dirs[0].Own || !dirs[1].Own {
		t.Errorf("own-line detection: %v %v", dirs[0].Own, dirs[1].Own)
	}
	if dirs[2].Problem == "" || dirs[3].Problem == "" || dirs[0].Problem != "" || dirs[4].Problem != "" {
		t.Errorf("problems: %q %q %q %q", dirs[0].Problem, dirs[2].Problem, dirs[3].Problem, dirs[4].Problem)
	}
}
