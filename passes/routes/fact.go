package routes

import (
	"fmt"
	"go/types"
	"sort"
	"strings"

	"github.com/sqlheat/sqlheat/passes/queries"
)

// Serves is attached to a function that returns a handler or a
// middleware (func Auth(db) func(http.Handler) http.Handler): the queries
// each request through what it returns issues. Without it, an auth
// middleware in its own package would cost every route nothing: the
// queries pass's summary of Auth is what calling Auth costs, which is
// building the closure, not running it.
type Serves struct {
	Queries []queries.Query // Ctx is relative to the request: CtxParam is the request's
	More    int
}

func (*Serves) AFact() {}

func (f *Serves) String() string {
	var b strings.Builder
	b.WriteString("serves(")
	for i, q := range f.Queries {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(q.String())
	}
	if f.More > 0 {
		fmt.Fprintf(&b, ", +%d more", f.More)
	}
	b.WriteString(")")
	return b.String()
}

// maxServes bounds a fact, as the queries pass bounds its own.
const maxServes = 24

// exportFacts publishes what the handler and middleware constructors of
// this package serve per request.
func (a *analyzer) exportFacts() {
	var fns []*types.Func
	for fn := range a.decls {
		fns = append(fns, fn)
	}
	sort.Slice(fns, func(i, j int) bool { return fns[i].Pos() < fns[j].Pos() })
	for _, fn := range fns {
		sig := fn.Type().(*types.Signature)
		if sig.Results().Len() != 1 || sig.TypeParams() != nil || sig.RecvTypeParams() != nil {
			continue
		}
		if t := sig.Results().At(0).Type(); !isHandlerType(t) && !isMiddlewareType(t) {
			continue
		}
		h := a.served(fn, 0)
		if h.Lit == nil && h.Decl == nil {
			continue
		}
		var f Serves
		for _, st := range a.w.body(h).steps {
			q := st.Query
			q.Ctx = st.Ctx
			if q.Ctx == CtxRequest {
				q.Ctx = queries.CtxParam
			}
			f.More += st.More
			f.Queries = merge(f.Queries, q)
		}
		if len(f.Queries) == 0 {
			continue
		}
		if len(f.Queries) > maxServes {
			f.More += len(f.Queries) - maxServes
			f.Queries = f.Queries[:maxServes]
		}
		a.pass.ExportObjectFact(fn, &f)
	}
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
