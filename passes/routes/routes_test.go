package routes_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sqlheat/sqlheat/internal/testenv"
	"github.com/sqlheat/sqlheat/passes/routes"
)

// inventory reports every route the routes pass found, so that `// want`
// comments can assert them: the pass itself reports nothing. A route
// reads "route GET /v1/items/{id} [GET /v1/items/{}] -> mw → handler: 2+loop";
// a route helper, the Registers fact it exports.
var inventory = &analysis.Analyzer{
	Name:     "inventory",
	Doc:      "test helper: report the routes of the routes pass",
	Requires: []*analysis.Analyzer{routes.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[routes.Analyzer].(*routes.Result)
		for fn, f := range res.Helpers {
			pass.Reportf(fn.Pos(), "%s", f)
		}
		for _, f := range res.Filters {
			when := "before"
			if f.After {
				when = "after"
			}
			pass.Reportf(f.Pos, "filter %s %s: %s", f.Pattern, when, f.Middleware.Name)
		}
		for _, u := range res.Unread {
			pass.Reportf(u.Pos, "unread: %s", u.Message)
		}
		for _, r := range res.Routes {
			cost := fmt.Sprint(r.Request.Once)
			if r.Request.Loop {
				cost += "+loop"
			}
			var ctx []string
			for _, st := range r.Request.Steps {
				if st.Ctx != routes.CtxRequest {
					ctx = append(ctx, fmt.Sprintf("%s@%s", orUnknown(st.Ctx), st.Query.Site))
				}
			}
			msg := fmt.Sprintf("route %s [%s] -> %s: %s", r, r.Key, r.HandlerName(), cost)
			if len(ctx) > 0 {
				msg += " ctx " + strings.Join(ctx, ",")
			}
			pass.Reportf(r.Pos, "%s", msg)
		}
		return nil, nil
	},
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

func TestRoutes(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	analysistest.Run(t, dir, inventory, "nethttp", "chiapp", "muxapp", "ginapp", "echoapp", "echo3app", "echo5app", "irisapp", "restfulapp", "restful2app", "humaapp", "humatable", "ginfallback", "mwuser", "costuser",
		"fasthttpapp", "httprouterapp", "bunrouterapp", "fiberapp", "fiber3app", "chi4app", "helpers", "helperuser", "adapters", "tables", "rpcapp", "ownengine", "ownengineuser", "ownrouter", "ownrouterapp", "prefixrouter", "prefixuser", "beegoapp", "beegov1", "ginnested", "nestedgroups", "wrapapp", "wrapuser", "wrapneg", "rgroupapp", "busapp", "ifmux", "ifmuxuser", "fmtroute", "mwvar", "kratosapp", "swaggerapp", "pbapp", "apphandler", "ctorlib", "ctoruser", "oapichi", "gfapp", "fizzapp")
}

// TestFacts checks what constructors of handlers and middlewares export
// for the packages that register them.
func TestFacts(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	analysistest.Run(t, dir, routes.Analyzer, "mw", "costs", "wraplib")
}
