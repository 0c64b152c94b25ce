package driver

import (
	"golang.org/x/tools/go/analysis/checker"

	"github.com/sqlheat/sqlheat/internal/httpapi"
	"github.com/sqlheat/sqlheat/passes/routes"
)

// filterTable is the program's beego filters (routes.Result.Filters):
// the application runs them on every request of the routes they cover,
// whichever package inserts them and whichever registers the routes (an
// application's main commonly does the one, a routers package the
// other), so they are attached here, where every package is seen.
type filterTable []*routes.Filter

func newFilterTable(g *checker.Graph) filterTable {
	var t filterTable
	for act := range g.All() {
		res, ok := act.Result.(*routes.Result)
		if !ok || res == nil || !act.IsRoot || act.Package.ID != act.Package.PkgPath {
			continue // a test variant inserts the package's filters again
		}
		t = append(t, res.Filters...)
	}
	return t
}

// apply is r with the filters that cover it among its middlewares: those
// that run before its handler first, in the order inserted, then its
// own (a controller's Prepare), then those that run after it, which a
// request runs all the same. Routes of other frameworks, and a route no
// filter covers, are r itself.
func (t filterTable) apply(r *routes.Route) *routes.Route {
	if r.Framework != httpapi.Beego || !r.Registered {
		return r
	}
	var before, after []*routes.Handler
	for _, f := range t {
		if !f.Covers(r.Pattern) {
			continue
		}
		if f.After {
			after = append(after, f.Middleware)
		} else {
			before = append(before, f.Middleware)
		}
	}
	if len(before)+len(after) == 0 {
		return r
	}
	n := *r
	n.Middlewares = append(append(append([]*routes.Handler(nil), before...), r.Middlewares...), after...)
	return &n
}
