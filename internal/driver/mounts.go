package driver

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis/checker"

	"github.com/sqlheat/sqlheat/internal/program"
	"github.com/sqlheat/sqlheat/passes/routes"
)

// mountTable is what the program's packages say the routers they hand to
// other packages' functions, or mount from their results, are under
// (routes.Result.Mounts), by where a route's router comes from
// (routes.Open): a package that registers its routes on a router it is
// given, or returns the router it builds, cannot see the prefix and
// middlewares main mounts it under; the standalone driver sees both.
type mountTable struct {
	direct map[openKey][]routes.Under
	// assumed are those of calls the graph resolves by the types alone
	// (see program.Call.Assumed): they count where no other call says.
	assumed map[openKey][]routes.Under
	// called are the makers of joined prefixes (routes.Maker) that the
	// program calls from a function that is not one of them: those that
	// make the values routes are registered on.
	called map[string]bool
	// prog says what each call passes to a function that registers its
	// routes under a base its callers give (routes.Base), and which
	// calls leave a router out (routes.Route.Unset).
	prog *program.Program
}

type openKey struct {
	fn    *types.Func
	param int
	field string
}

// maxMountDepth bounds the packages a router is handed through.
const maxMountDepth = 8

// newMountTable gathers the mounts of the program's packages (not their
// test variants: a test's router is not the service's). A router handed
// to an interface's method is under what the call passes for each
// method of the module the graph resolves the call to; where it
// resolves it by the types alone (a handler held in an interface whose
// value the graph does not follow), what other calls say of a method
// wins over what that one says of every implementation.
func newMountTable(g *checker.Graph, prog *program.Program) mountTable {
	t := mountTable{direct: map[openKey][]routes.Under{}, assumed: map[openKey][]routes.Under{}, prog: prog}
	makers := map[string]bool{}
	var injected []routes.Injected
	returned := map[*types.Func][]routes.Returned{}
	for act := range g.All() {
		res, ok := act.Result.(*routes.Result)
		if !ok || res == nil || !act.IsRoot || act.Package.ID != act.Package.PkgPath {
			continue
		}
		injected = append(injected, res.Injected...)
		for _, r := range res.Returned {
			returned[r.Func] = append(returned[r.Func], r)
		}
		for _, r := range res.Routes {
			for _, m := range r.Makers {
				makers[m.Func] = true
			}
		}
		for _, m := range res.Mounts {
			targets, assumed := []*types.Func{m.Func}, false
			if prog != nil {
				var more []*types.Func
				more, assumed = prog.Targets(m.Call)
				for _, fn := range more {
					if !slices.Contains(targets, fn) {
						targets = append(targets, fn)
					}
				}
			}
			into := t.direct
			if assumed {
				into = t.assumed
			}
			for _, fn := range targets {
				k := openKey{fn.Origin(), m.Param, m.Field}
				for _, u := range m.Under {
					u.Call = m.Call
					into[k] = append(into[k], u)
				}
			}
		}
	}
	if len(makers) > 0 && prog != nil {
		t.called = prog.CalledOutside(makers)
	}
	t.inject(injected, returned)
	return t
}

// inject places the routers a dependency-injection container hands the
// functions it runs (see routes/di.go): a parameter of an injected
// function is under what every injected constructor returning its type
// returns. A container holds one value of a type; which constructor's
// that is, of several in the module (one per binary), is the binary's.
// Where no constructor of the module returns the type, the parameter
// keeps what calls say.
func (t mountTable) inject(injected []routes.Injected, returned map[*types.Func][]routes.Returned) {
	type provided struct {
		typ   types.Type
		under []routes.Under
	}
	var ps []provided
	for _, in := range injected {
		if !in.Provides {
			continue
		}
		for _, r := range returned[in.Func] {
			res := in.Func.Type().(*types.Signature).Results()
			ps = append(ps, provided{res.At(r.Result).Type(), r.Under})
		}
	}
	if len(ps) == 0 {
		return
	}
	seen := map[*types.Func]bool{}
	for _, in := range injected {
		if seen[in.Func] {
			continue
		}
		seen[in.Func] = true
		params := in.Func.Type().(*types.Signature).Params()
		for i := range params.Len() {
			for _, p := range ps {
				if types.Identical(params.At(i).Type(), p.typ) {
					k := openKey{in.Func, i, ""}
					t.direct[k] = append(t.direct[k], p.under...)
				}
			}
		}
	}
}

// place is the route under each of the places its router is mounted at,
// as many packages up as the routers are handed through; the route as it
// is when no package says where.
func (t mountTable) place(r *routes.Route, depth int) []*routes.Route {
	return t.placeVia(r, depth, nil, nil)
}

// nested reports whether chain holds two methods of k's name and
// signature already: a leaf's registration under an aggregator
// implementing the same interface is one level (ui.Handlers.AddHandlers
// looping over its []Handlers, the leaves); an aggregator under another
// is how the interface's dispatch reads every aggregator's loop, each
// reaching every implementation, and is not followed (otf's three
// aggregators put every route under all their orders: 8,000 routes).
func nested(chain []openKey, k openKey) bool {
	sig, ok := k.fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	n := 0
	for _, c := range chain {
		cs, ok := c.fn.Type().(*types.Signature)
		if ok && cs.Recv() != nil && c.fn.Name() == k.fn.Name() && c.param == k.param &&
			types.Identical(types.NewSignatureType(nil, nil, nil, cs.Params(), cs.Results(), cs.Variadic()), types.NewSignatureType(nil, nil, nil, sig.Params(), sig.Results(), sig.Variadic())) {
			n++
		}
	}
	return n >= 2
}

// placeVia places r; via, when set, is the text put before its pattern
// and the calls it came through (program.ArgText): of the places its
// router is mounted at, those a Mount of one of these calls says — the
// router the same call passes. A router other calls of a function the
// text came through pass goes with their texts, not this one; one
// handed in by a call the text did not come through (an outer
// function's parameter) goes with every text.
//
// chain are the routers' origins the route was placed through on the way
// here: a router handed round a cycle (an aggregator's AddHandlers
// calling every implementation of the interface it implements itself,
// its own among them) would put its prefix before itself again and again,
// one route per way round, so a placement coming back to an origin
// already passed places nothing.
func (t mountTable) placeVia(r *routes.Route, depth int, via *program.ArgText, chain []openKey) []*routes.Route {
	if r.Base != nil && t.prog != nil {
		// Under each base the calls pass; as it is ("…/pets") where one
		// is not known, or nothing calls the function.
		texts := t.prog.ArgTexts(r.Base.Func, r.Base.Param, r.Base.Field)
		var out []*routes.Route
		for _, tx := range texts {
			if tx.Known {
				out = append(out, t.placeVia(r.Based(tx.Text), depth, &tx, chain)...)
			}
		}
		for _, tx := range texts {
			if !tx.Known {
				n := *r // "…/pets": the base the calls pass is not known
				n.Base = nil
				out = append(out, t.placeVia(&n, depth, &tx, chain)...)
			}
		}
		if len(texts) == 0 {
			n := *r
			n.Base = nil
			out = append(out, t.placeVia(&n, depth, nil, chain)...)
		}
		return out
	}
	if c := r.Came; c != nil && via != nil && slices.ContainsFunc(via.Funcs, func(fn *types.Func) bool { return fn != nil && fn.Origin() == c.Func.Origin() }) &&
		!slices.ContainsFunc(c.Calls, func(p token.Pos) bool { return slices.Contains(via.Calls, p) }) {
		return nil // the router another call of the function passes, with another base
	}
	if u := r.Unset; u != nil && t.prog != nil && !t.prog.LeavesOut(u.Func, u.Param, u.Field, via) {
		return nil // the router made when a call passes none: every call passes one
	}
	if len(r.Makers) > 0 {
		var called []routes.Maker
		for _, m := range r.Makers {
			if t.called[m.Func] {
				called = append(called, m)
			}
		}
		if j := r.Joined(called); j != nil {
			r = j
		}
	}
	if r.Open == nil || depth > maxMountDepth {
		return []*routes.Route{r}
	}
	k := openKey{r.Open.Func.Origin(), r.Open.Param, r.Open.Field}
	if slices.Contains(chain, k) || nested(chain, k) {
		return nil // round a cycle (see above)
	}
	chain = append(slices.Clip(chain), k)
	us := t.direct[k]
	if len(us) == 0 {
		us = t.assumed[k]
	}
	if via != nil {
		same := slices.DeleteFunc(slices.Clone(us), func(u routes.Under) bool { return !slices.Contains(via.Calls, u.Call) })
		switch {
		case len(same) > 0:
			us = same
		case slices.ContainsFunc(via.Funcs, func(fn *types.Func) bool { return fn != nil && fn.Origin() == k.fn }):
			return nil // the text came through another call of the function, with its own router
		}
	}
	if len(us) == 0 {
		return []*routes.Route{r}
	}
	var out []*routes.Route
	for _, u := range us {
		out = append(out, t.placeVia(r.Placed(u), depth+1, via, chain)...)
	}
	return out
}
