package config

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"testing"
)

// Both spellings of a method, and a package path whose last element has
// dots, read as the names the type checker prints.
func TestFunctionNames(t *testing.T) {
	for _, tc := range []struct {
		name string
		want []string
	}{
		{"(*example.com/app/db.Client).Run", []string{"(*example.com/app/db.Client).Run", "(example.com/app/db.Client).Run"}},
		{"example.com/app/db.(*Client).Run", []string{"(*example.com/app/db.Client).Run", "(example.com/app/db.Client).Run"}},
		{"example.com/app/db.(Client).Run", []string{"(example.com/app/db.Client).Run", "(*example.com/app/db.Client).Run"}},
		{"example.com/app/db.Run", []string{"example.com/app/db.Run"}},
		{"example.com/app/db.Client.Run", []string{"example.com/app/db.Client.Run", "(example.com/app/db.Client).Run", "(*example.com/app/db.Client).Run"}},
		{"gopkg.in/yaml.v3.Marshal", []string{"gopkg.in/yaml.v3.Marshal", "(gopkg.in/yaml.v3).Marshal", "(*gopkg.in/yaml.v3).Marshal"}},
		{"db.Exec", []string{"db.Exec"}},
		// Not function names.
		{"Run", nil},
		{"example.com/app/db.(*Client.Run", nil},
		{"example.com/app/db.(*Client).", nil},
		{"(*Client).Run", nil},
		{"example.com/app/db.Client Run", nil},
		{"example.com/app/", nil},
	} {
		if got := (Function{Name: tc.name}).FullNames(); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// DefinedIn finds functions and methods, with either receiver written.
func TestFunctionDefinedIn(t *testing.T) {
	const src = `package db
type Client struct{}
func (c *Client) Run(q string) {}
func (c Client) Peek(q string) {}
func Exec(q string) {}
var NotAFunc = 1
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "db.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("example.com/app/db", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{
		"example.com/app/db.(*Client).Run":  true,
		"(*example.com/app/db.Client).Run":  true,
		"example.com/app/db.Client.Run":     true,
		"example.com/app/db.(*Client).Peek": true, // a value method, written on the pointer
		"example.com/app/db.Exec":           true,
		"example.com/app/db.(*Client).Runn": false,
		"example.com/app/db.NotAFunc":       false,
		"example.com/app/db.Missing":        false,
		"example.com/app/other.Exec":        false,
	} {
		if got := (Function{Name: name}).DefinedIn(pkg); got != want {
			t.Errorf("%s defined: %v, want %v", name, got, want)
		}
	}
}
