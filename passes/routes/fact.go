package routes

import (
	"fmt"
	"go/types"

	"github.com/sqlheat/sqlheat/internal/httpapi"
	"github.com/sqlheat/sqlheat/passes/queries"
)

// Serves is attached to a function that returns a handler or a
// middleware (func Auth(db) func(http.Handler) http.Handler): the queries
// each request through what it returns issues. Without it, an auth
// middleware in its own package would cost every route nothing: the
// queries pass's summary of Auth is what calling Auth costs, which is
// building the closure, not running it.
//
// Router instead marks a function returning a router, bare or wrapped in
// middlewares (api.NewHandler returning cors(mux)): registering what it
// returns mounts routes that the router's package lists itself.
type Serves struct {
	Queries []queries.Query // Ctx is relative to the request: CtxParam is the request's
	More    int
	Router  bool
	// Once is the count on its heaviest path (Loop: some per item); Min,
	// for a middleware, on its cheapest path to the handler it wraps, when
	// it calls one visibly (HasMin).
	Once   int
	Loop   bool
	Min    int
	HasMin bool
}

func (*Serves) AFact() {}

func (f *Serves) String() string {
	if f.Router {
		return "servesRouter"
	}
	return queries.FormatQueries("serves", f.Queries, f.More)
}

// Cost is attached to a function that issues queries: how many it issues
// once per call on its heaviest path, branches of its if and switch
// statements taken one at a time. The queries pass's summary lists every
// query a function can issue; a handler calling it would otherwise count
// both arms of every branch inside it.
type Cost struct {
	Once int
	Loop bool // some are issued per item
}

func (*Cost) AFact() {}

func (f *Cost) String() string {
	if f.Loop {
		return fmt.Sprintf("cost(%d+loop)", f.Once)
	}
	return fmt.Sprintf("cost(%d)", f.Once)
}

// maxServes bounds a fact, as the queries pass bounds its own.
const maxServes = 24

// exportFacts publishes the cost of this package's functions that issue
// queries, what its handler and middleware constructors serve per
// request, and what its route helpers register, which it returns.
func (a *analyzer) exportFacts() map[*types.Func]*Registers {
	fns := a.funcs()
	for _, fn := range fns {
		if a.q == nil || a.q.Summaries[fn] == nil {
			continue
		}
		c := a.w.body(a.declared(fn)).cost
		a.pass.ExportObjectFact(fn, &Cost{Once: c.heavy(), Loop: c.loop})
	}
	if !mayRoute(a.pass.Pkg) {
		return nil
	}
	for _, fn := range fns {
		sig := fn.Type().(*types.Signature)
		if sig.Results().Len() != 1 || sig.TypeParams() != nil || sig.RecvTypeParams() != nil {
			continue
		}
		if t := sig.Results().At(0).Type(); !httpapi.IsHandlerType(t) && !httpapi.IsMiddlewareType(t) {
			continue
		}
		d := a.decls[fn]
		if a.returnsRouter(d, 0) {
			a.pass.ExportObjectFact(fn, &Serves{Router: true})
			continue
		}
		h := a.served(fn, 0)
		if h.Lit == nil && h.Decl == nil {
			continue
		}
		if f := a.servesOf(h); f != nil {
			a.pass.ExportObjectFact(fn, f)
		}
	}
	wrappers := a.exportWrappers(fns)
	var helpers map[*types.Func]*Registers
	for _, fn := range append(fns, a.ifaceMethods()...) {
		if hs := a.helpers[fn]; len(hs) > 0 {
			f := &Registers{}
			for _, h := range hs {
				f.Routes = append(f.Routes, a.fact(h))
			}
			a.pass.ExportObjectFact(fn, f)
			if helpers == nil {
				helpers = map[*types.Func]*Registers{}
			}
			helpers[fn] = f
		}
	}
	if helpers != nil || wrappers {
		a.pass.ExportPackageFact(&hasHelpers{})
	}
	return helpers
}

// servesOf is what a handler or middleware issues per request, for a fact:
// nil when it issues nothing this package can see.
func (a *analyzer) servesOf(h *Handler) *Serves {
	if h.Fact != nil {
		return h.Fact
	}
	if h.Lit == nil && h.Decl == nil {
		return nil
	}
	var f Serves
	b := a.w.body(h)
	f.Once, f.Loop = b.cost.heavy(), b.cost.loop
	f.Min, f.HasMin = b.cost.light()
	for _, st := range b.steps {
		q := st.Query
		q.Ctx = st.Ctx
		if q.Ctx == CtxRequest {
			q.Ctx = queries.CtxParam
		}
		f.More += st.More
		f.Queries = merge(f.Queries, q)
	}
	if len(f.Queries) == 0 {
		return nil
	}
	if len(f.Queries) > maxServes {
		f.More += len(f.Queries) - maxServes
		f.Queries = f.Queries[:maxServes]
	}
	return &f
}

// merge adds q to a fact's queries, one entry per site with its deepest
// loop, as the queries pass's summaries do.
func merge(qs []queries.Query, q queries.Query) []queries.Query {
	for i := range qs {
		if qs[i].Pkg == q.Pkg && qs[i].Site == q.Site {
			if q.Loop > qs[i].Loop {
				qs[i] = q
			}
			return qs
		}
	}
	return append(qs, q)
}
