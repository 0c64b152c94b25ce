// Package prefixrouter wraps a ServeMux in router types of its own whose
// helper joins a prefix field, set by the constructors, before each
// route's path: Admin's constructor sets "/admin", Public's leaves it
// empty, Mixed is made with and without one, and Branchy sets it on one
// path only.
package prefixrouter

import (
	"fmt"
	"net/http"
	"path"
	"strings"
)

const AdminPrefix = "/admin"

type router struct {
	mux    *http.ServeMux
	prefix string
}

type (
	Admin   struct{ router }
	Public  struct{ router }
	Mixed   struct{ router }
	Branchy struct{ router }
)

func newRouter() *router { return &router{mux: http.NewServeMux()} }

func NewAdmin() *Admin {
	r := &Admin{router: *newRouter()}
	r.prefix = AdminPrefix
	return r
}

func NewPublic() *Public { return &Public{router: *newRouter()} }

func NewMixed() *Mixed { return &Mixed{router: *newRouter()} }

func NewMixedV2() *Mixed {
	return &Mixed{router: router{mux: http.NewServeMux(), prefix: "/v2"}}
}

func NewBranchy(v2 bool) *Branchy {
	r := &Branchy{router: *newRouter()}
	if v2 {
		r.prefix = "/v2"
	}
	return r
}

func (r *router) GET(route string, h http.HandlerFunc) { // want `registers\(net/http GET \(prefixrouter.NewAdmin="/admin",prefixrouter.NewBranchy="…",prefixrouter.NewMixed="",prefixrouter.NewMixedV2="/v2",prefixrouter.NewPublic="",prefixrouter.newRouter=""\)\$0 -> \$1 on ""\)`
	r.handle(http.MethodGet, route, h)
}

func (r *router) handle(method, route string, h http.Handler) { // want `registers\(net/http \$0 \(prefixrouter.NewAdmin="/admin",prefixrouter.NewBranchy="…",prefixrouter.NewMixed="",prefixrouter.NewMixedV2="/v2",prefixrouter.NewPublic="",prefixrouter.newRouter=""\)\$1 -> \$2 on ""\)`
	route = path.Join(r.prefix, route)
	r.mux.Handle(method+" "+route, h)
}

// Raw registers the pattern as given: no prefix.
func (r *router) Raw(route string, h http.HandlerFunc) { // want `registers\(net/http ANY GET \$0 -> \$1 on ""\)`
	r.mux.Handle("GET "+route, h)
}

// Trimmed rewrites the pattern but puts nothing before it: the pattern is
// the one passed.
func (r *router) Trimmed(route string, h http.HandlerFunc) { // want `registers\(net/http ANY GET \$0 -> \$1 on ""\)`
	route = strings.TrimSuffix(route, "/")
	r.mux.Handle("GET "+route, h)
}

// Formatted puts the prefix before the pattern some other way than a
// join: the prefix is unknown, never left out.
func (r *router) Formatted(route string, h http.HandlerFunc) { // want `registers\(net/http ANY \(\)GET \$0 -> \$1 on ""\)`
	route = fmt.Sprintf("%s%s", r.prefix, route)
	r.mux.Handle("GET "+route, h)
}

// API joins a constant before the pattern.
func API(mux *http.ServeMux, route string, h http.HandlerFunc) { // want `registers\(net/http ANY \(="/api"\)GET \$1 -> \$2 on \$0\)`
	route = path.Join("/api", route)
	mux.Handle("GET "+route, h)
}
