package program

import (
	"go/types"

	"github.com/sqlheat/sqlheat/internal/httpapi"
)

// A middleware of a router known by its shape (internal/httpapi's
// Shaped: pocketbase's tools/router) runs the rest of its chain by
// calling a method Next, taking nothing, of the request value it is
// handed:
//
//	Func: func(e *core.RequestEvent) error {
//		e.Response.Header().Set("X-Frame-Options", "SAMEORIGIN")
//		return e.Next()
//	}
//
// The rest of the chain is the route's other middlewares and its
// handler, parts of the route of their own. The graph, following Next
// into the module's chain runner, would reach every function that runner
// is ever handed, every route's handler among them: each middleware
// would list the whole service's queries. So a middleware's part leaves
// its Next calls out, as a framework's c.Next() (gin's, fiber's), whose
// body is not the module's, is never followed. A table router's
// middlewares, and the handler's own calls, keep theirs.

// nextCalls are the calls of part's function that run the rest of its
// route's chain (see above); nil when part is no middleware of a router
// known by its shape. The chain runner calling the middleware back makes
// it a recursion; what its other calls reach is theirs still.
func (p *Program) nextCalls(e *Entry, part Part) map[*Call]bool {
	if part.skip != nil {
		return part.skip.calls // see dispatch.go
	}
	if e.Route == nil || e.Route.Framework != httpapi.Generic || part.From == "handler" || part.Loop != nil || part.Chan != "" {
		return nil
	}
	f := part.Func
	if f.sig == nil || f.sig.Params().Len() == 0 {
		return nil
	}
	p.components()
	next, _, _ := types.LookupFieldOrMethod(f.sig.Params().At(0).Type(), true, nil, "Next")
	m, ok := next.(*types.Func)
	if !ok || m.Type().(*types.Signature).Params().Len() > 0 {
		return nil
	}
	var out map[*Call]bool
	for _, c := range f.Calls {
		for _, g := range c.Callees {
			if g.Decl != nil && !g.closure && g.Decl.Origin() == m.Origin() {
				if out == nil {
					out = map[*Call]bool{}
				}
				out[c] = true
			}
		}
	}
	// What the graph runs through Next, put at the call of Next (a
	// chain through the field it calls, see outerFields), is Next's.
	for _, c := range f.Calls {
		if len(c.Chain) == 0 || out[c] {
			continue
		}
		for d := range out {
			if d.Pos == c.Pos && len(d.Chain) == 0 {
				out[c] = true
				break
			}
		}
	}
	return out
}
