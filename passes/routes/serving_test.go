package routes

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

// declaresServing keeps a dependency's package read for routes when its
// functions serve (a shared API module's generated server, a
// middleware), and lets one using net/http for a client go.
func TestDeclaresServing(t *testing.T) {
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "source", nil) // net/http, once
	for src, want := range map[string]bool{
		`package sdk; import "net/http"; type Client struct{ hc *http.Client }; func (c *Client) Get(r *http.Request) (*http.Response, error) { return c.hc.Do(r) }`: false,
		`package api; import "net/http"; type Server struct{}; func (Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {}`:                                   true,
		`package api; import "net/http"; func Handler(si any) http.Handler { return http.NewServeMux() }`:                                                            true,
		`package mw; import "net/http"; func Wrap(next func(http.Handler) http.Handler) {}`:                                                                          true,
		`package reg; import "net/http"; func Register(mux *http.ServeMux) {}`:                                                                                       true,
	} {
		f, err := parser.ParseFile(fset, "x.go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		conf := types.Config{Importer: imp}
		pkg, err := conf.Check(f.Name.Name, fset, []*ast.File{f}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := declaresServing(pkg); got != want {
			t.Errorf("declaresServing(%s) = %v, want %v", src, got, want)
		}
	}
}
