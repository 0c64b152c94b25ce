package suppress

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
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

// A comment on a line of its own covers the statement below it to its
// last line, as golangci-lint's //nolint does; at the end of a line, that
// line only. nolint is read as golangci-lint reads it; "// sqlheat:ignore"
// is a malformed directive.
func TestStatementScope(t *testing.T) {
	const src = `package a

func f(xs []int) {
	//sqlheat:ignore queryinloop -- bounded
	for _, x := range xs {
		g(x)
	}
	//sqlheat:ignore selectstar -- two lines of comment
	// above a call over three lines
	g(1,
		2,
		3)
	//sqlheat:ignore selectstar -- the next statement only
	g(4)
	g(5)
	g(6) //sqlheat:ignore selectstar -- this line
	g(7)
	// nolint:sqlheat
	g(8)
	//nolint
	g(9)
	//nolint:errcheck,SQLHEAT // case as golangci-lint folds it
	g(10)
	// sqlheat:ignore selectstar -- spaced
	g(11)
	//nolint:errcheck
	g(12)
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "a.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range Parse(fset, []*ast.File{f}, nil) {
		got = append(got, fmt.Sprintf("%d-%d %v %q", d.Line, d.Last, d.Checks, d.Problem))
	}
	want := []string{
		`4-7 [queryinloop] ""`,
		`8-12 [selectstar] ""`,
		`13-14 [selectstar] ""`,
		`16-16 [selectstar] ""`,
		`18-19 [all] ""`,
		`20-21 [all] ""`,
		`22-23 [all] ""`,
		`24-25 [] "write //sqlheat:ignore, without a space after //: with it, this is a comment that silences nothing"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("directives:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
