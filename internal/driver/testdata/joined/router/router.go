// Package router wraps a ServeMux in router types whose helper joins a
// prefix field before every route's path. Admin has two makers: NewAdmin
// leaves the prefix empty, NewAdminWithPrefix calls it and sets "/admin";
// main calls only the second, so Admin's routes are under /admin. Both
// of Mixed's makers are called: its routes' prefix stays unknown.
// Tested's bare maker is called only by a test helper: its routes are
// under the prefix main's maker sets. Files joins its prefix with +, as
// written: a ServeMux keeps a pattern's trailing slash (a subtree).
package router

import (
	"net/http"
	"path"
	"testing"
)

const AdminPrefix = "/admin"

type router struct {
	Mux    *http.ServeMux
	prefix string
}

type (
	Admin struct{ router }
	Mixed struct{ router }
)

func NewAdmin() *Admin { return &Admin{router: router{Mux: http.NewServeMux()}} }

func NewAdminWithPrefix() *Admin {
	r := NewAdmin()
	r.prefix = AdminPrefix
	return r
}

func NewMixed() *Mixed { return &Mixed{router: router{Mux: http.NewServeMux()}} }

func NewMixedV2() *Mixed { return &Mixed{router: router{Mux: http.NewServeMux(), prefix: "/v2"}} }

func (r *router) GET(route string, h http.HandlerFunc) { r.handle(http.MethodGet, route, h) }

func (r *router) handle(method, route string, h http.Handler) {
	route = path.Join(r.prefix, route)
	r.Mux.Handle(method+" "+route, h)
}

type Tested struct{ router }

func NewTested() *Tested {
	return &Tested{router: router{Mux: http.NewServeMux(), prefix: "/t"}}
}

func NewTestedBare() *Tested { return &Tested{router: router{Mux: http.NewServeMux()}} }

// NewTestedFor is for tests: a router without the prefix.
func NewTestedFor(t testing.TB) *Tested { return NewTestedBare() }

type plain struct {
	Mux    *http.ServeMux
	prefix string
}

type Files struct{ plain }

func NewFiles() *Files { return &Files{plain: plain{Mux: http.NewServeMux(), prefix: "/files"}} }

func (r *plain) Handle(route string, h http.HandlerFunc) {
	route = r.prefix + route
	r.Mux.Handle(route, h)
}
