package program

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// Services whose handlers have a signature of their own — they take the
// service's dependencies, or return their response — register each
// through one constructor that adapts it:
//
//	func ToHTTPHandler(deps Deps, h HttpHandler, mws ...Middleware) http.HandlerFunc {
//		return func(w http.ResponseWriter, r *http.Request) {
//			for _, m := range mws { m.OnRequest(deps, c) }
//			h(deps, c)
//		}
//	}
//	mux.HandleFunc("GET /tags", ToHTTPHandler(deps, HandleTags, global...))
//
// The closure is one function for every route, and the call graph keeps
// one set of values for h: every handler any route passes. Each route then
// "ran" every handler's queries (140 on each route of a bookmark manager).
// The routes pass names the call that made a route's handler
// (routes.Handler.Made); the route's entry runs a copy of the closure in
// which the calls of the constructor's func-typed parameters reach what
// that call passed (a function, a method value), and the calls of methods
// of the values it was handed (a middleware, each of a list of them) are
// parts of the route of their own, named by the method, once each: what
// runs around the handler, as a router's middlewares are. Where the call
// passes anything else (its own parameter, a variable), the graph's answer
// stands for that call.
//
// The constructor may be a closure of the function registering
// (handleErr := func(fn func(w, r) error) http.HandlerFunc { return
// func(w, r) {...fn(w, r)...} }; mux.HandleFunc("/rows",
// handleErr(rows))): its calls are static calls of one function too.
//
// A route may name not the constructor's call but a factory's that
// returns it (HandleMemberRemove() { fn := func(...) {...}; return
// adapters.CommandID("id", fn, 204) }, registered as it is or handed to
// another adapter: chain.ToHandlerFunc(ctrl.HandleMemberRemove(), mw...)):
// the factory's parts then add the copy each of its returned calls makes
// (factoryParts), and the one closure a handler made outside the module
// lists for the factory gives way to it.

// adapter is the closure a call of a module function returns, and what
// the call binds in it.
type adapter struct {
	closure *Func
	// bound are the closure's calls of a func-typed parameter of its
	// constructor, with the function the call passed for it.
	bound map[*Call][]*Func
	// nested are the closure's calls of closures it makes and calls at
	// once (see calledClosure), with what the call passed for the
	// parameters they call.
	nested map[*Call]nestedBind
	// wraps are the closure's calls of a method of a value the call
	// passed (a middleware), or of an element of a list it passed, with
	// the parameter the value is of.
	wraps map[*Call]*types.Var
	// none are the wraps whose list the call passed empty (no
	// middlewares): they run nothing for this call.
	none map[*Call]bool

	made  *Func  // the copy of closure, once made
	parts []Part // the route's parts in place of closure, once made
}

// nestedBind is a closure the adapter's closure calls at once, with its
// calls of the constructor's parameters bound to what one call passed.
type nestedBind struct {
	inner *Func
	bound map[*Call][]*Func
}

// adapters records, for each static call of a module function that
// returns a closure calling its func-typed parameters, what the call
// binds (see above).
func (b *builder) adapters() {
	at := map[*ssa.CallCommon]ssa.CallInstruction{}
	for ci := range b.calls {
		at[ci.Common()] = ci
	}
	for _, f := range b.p.list {
		fn := b.ssaOf(f)
		if fn.Signature.Results().Len() != 1 || len(b.staticCallers()[fn]) == 0 {
			continue
		}
		for _, mc := range returnedClosures(fn) {
			lit := b.funcs[mc.Fn.(*ssa.Function)]
			if lit == nil {
				continue
			}
			bound, wraps := b.paramCalls(fn, mc)
			called := b.calledClosures(fn, mc)
			if len(bound) == 0 && len(called) == 0 {
				continue // nothing of the call's own to follow
			}
			for _, cc := range b.staticCallers()[fn] {
				ad := &adapter{closure: lit, bound: map[*Call][]*Func{}, nested: map[*Call]nestedBind{}, wraps: map[*Call]*types.Var{}, none: map[*Call]bool{}}
				for c, i := range bound {
					if i < len(cc.Args) {
						if hs, ok := b.handed(fn, i, cc.Args[i]); ok {
							ad.bound[c] = hs
						}
					}
				}
				for c, cl := range called {
					nb := nestedBind{inner: cl.inner, bound: map[*Call][]*Func{}}
					for ic, i := range cl.params {
						if i < len(cc.Args) {
							if hs, ok := b.handed(fn, i, cc.Args[i]); ok {
								nb.bound[ic] = hs
							}
						}
					}
					if len(nb.bound) > 0 {
						ad.nested[c] = nb
					}
				}
				if len(ad.bound) == 0 && len(ad.nested) == 0 {
					continue
				}
				for c, i := range wraps {
					v, _ := fn.Params[i].Object().(*types.Var)
					if v == nil {
						continue
					}
					ad.wraps[c] = v
					if k, ok := cc.Args[i].(*ssa.Const); ok && k.IsNil() {
						ad.none[c] = true // f(deps, h): no middlewares
					}
				}
				if b.p.adapted == nil {
					b.p.adapted = map[token.Pos][]*adapter{}
				}
				b.p.adapted[cc.Pos()] = append(b.p.adapted[cc.Pos()], ad)
				if call, ok := at[cc].(*ssa.Call); ok && returnsValue(call.Parent(), call) {
					// A factory returning the adapter's call
					// (HandleMemberRemove() { return CommandID("id", fn) }):
					// a route naming the factory runs the copy.
					g := b.funcs[call.Parent()]
					if b.p.factories == nil {
						b.p.factories = map[*Func][]token.Pos{}
					}
					if g != nil && !slices.Contains(b.p.factories[g], cc.Pos()) {
						b.p.factories[g] = append(b.p.factories[g], cc.Pos())
					}
				}
			}
		}
	}
}

// genericWrappers records, for each call of an instance of a generic
// function that returns a closure (commonHandler(listServers), func
// commonHandler[T any](h handlerFunc[T]) gin.HandlerFunc), the module's
// functions the call hands it. Every call with the same type arguments
// shares the instance, its closure and what flows into it: the instance
// reaches every handler so handed, and a route would run them all. The
// route's entry runs the generic body's closure (what the wrapper does
// around the handler) and the functions its own call hands over.
func (b *builder) genericWrappers() {
	for _, f := range b.p.list {
		if !f.instance || f.closure {
			continue
		}
		fn := b.ssaOf(f)
		if fn.Signature.Results().Len() != 1 || len(returnedClosures(fn)) == 0 {
			continue
		}
		for _, cc := range b.staticCallers()[fn] {
			var hs []*Func
			for i, arg := range cc.Args {
				if i >= len(fn.Params) {
					break
				}
				if _, ok := fn.Params[i].Type().Underlying().(*types.Signature); !ok {
					continue
				}
				if fs, ok := b.handed(fn, i, arg); ok {
					hs = append(hs, fs...)
				}
			}
			if len(hs) == 0 {
				continue
			}
			if b.p.wrapped == nil {
				b.p.wrapped = map[token.Pos][]*Func{}
			}
			b.p.wrapped[cc.Pos()] = append(b.p.wrapped[cc.Pos()], hs...)
		}
	}
}

// returnedClosures are the closures fn returns, as they are or converted
// (http.HandlerFunc(func(...) {...})).
func returnedClosures(fn *ssa.Function) []*ssa.MakeClosure {
	var out []*ssa.MakeClosure
	for _, v := range returned1(fn) {
		for {
			ct, ok := v.(*ssa.ChangeType)
			if !ok {
				break
			}
			v = ct.X
		}
		if mc, ok := v.(*ssa.MakeClosure); ok {
			if _, ok := mc.Fn.(*ssa.Function); ok && !slices.Contains(out, mc) {
				out = append(out, mc)
			}
		}
	}
	return out
}

// returnsValue reports whether fn returns v, as it is or converted.
func returnsValue(fn *ssa.Function, v ssa.Value) bool {
	for _, r := range returned1(fn) {
		for {
			ct, ok := r.(*ssa.ChangeType)
			if !ok {
				break
			}
			r = ct.X
		}
		if r == v {
			return true
		}
	}
	return false
}

// returned1 are the values fn's returns give, for a function of one
// result.
func returned1(fn *ssa.Function) []ssa.Value {
	var out []ssa.Value
	for _, blk := range fn.Blocks {
		if len(blk.Instrs) == 0 {
			continue
		}
		if ret, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.Return); ok && len(ret.Results) == 1 {
			out = append(out, ret.Results[0])
		}
	}
	return out
}

// paramCalls are the calls, in the closure mc makes of fn's, of fn's
// func-typed parameters or of the elements of its lists of functions
// (bound) and of methods of its other parameters or of the elements of
// its list parameters (wraps), each with the parameter's index. A
// parameter assigned again may hold anything: its calls are in neither.
func (b *builder) paramCalls(fn *ssa.Function, mc *ssa.MakeClosure) (bound, wraps map[*Call]int) {
	lit := mc.Fn.(*ssa.Function)
	param := func(v ssa.Value) (int, bool) {
		fv, ok := v.(*ssa.FreeVar)
		if !ok {
			return -1, false
		}
		i := slices.Index(lit.FreeVars, fv)
		if i < 0 || i >= len(mc.Bindings) {
			return -1, false
		}
		switch x := mc.Bindings[i].(type) {
		case *ssa.Parameter: // captured as it is
			return slices.Index(fn.Params, x), false
		case *ssa.Alloc: // the parameter spilled to the variable the closure captures
			if i := wrappedParam(fn, x); i >= 0 {
				return i, true
			}
		}
		return -1, false
	}
	// load is the parameter whose value v is: the free variable, or a
	// load of the variable it is.
	load := func(v ssa.Value) int {
		if i, spilled := param(v); i >= 0 && !spilled {
			return i
		}
		if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
			if i, spilled := param(u.X); i >= 0 && spilled {
				return i
			}
		}
		return -1
	}
	bound, wraps = map[*Call]int{}, map[*Call]int{}
	for _, blk := range lit.Blocks {
		for _, instr := range blk.Instrs {
			ci, ok := instr.(ssa.CallInstruction)
			if !ok || b.calls[ci] == nil {
				continue
			}
			cc := ci.Common()
			if !cc.IsInvoke() {
				if i := load(cc.Value); i >= 0 {
					if _, ok := fn.Params[i].Type().Underlying().(*types.Signature); ok {
						bound[b.calls[ci]] = i
					}
				} else if list := elemLoad(cc.Value); list != nil {
					// for _, x := range xs { x(...) }: an element of a
					// list of functions.
					if i := load(list); i >= 0 && isFuncList(fn.Params[i].Type()) {
						bound[b.calls[ci]] = i
					}
				}
				continue
			}
			// m.OnRequest(...), for m a parameter or an element of one.
			recv := cc.Value
			if u, ok := recv.(*ssa.UnOp); ok && u.Op == token.MUL {
				if ia, ok := u.X.(*ssa.IndexAddr); ok {
					if i := load(ia.X); i >= 0 {
						if _, ok := fn.Params[i].Type().Underlying().(*types.Slice); ok {
							wraps[b.calls[ci]] = i
						}
						continue
					}
				}
			}
			if i := load(recv); i >= 0 {
				wraps[b.calls[ci]] = i
			}
		}
	}
	return bound, wraps
}

// wrappedParam is the parameter of fn that the variable x holds: stored
// in it, and maybe wrapped in middlewares after (next := handler; next =
// mws[i](next): every other value stored is a call given what it held);
// -1 when x may hold anything else.
func wrappedParam(fn *ssa.Function, x *ssa.Alloc) int {
	index := -1
	for _, r := range *x.Referrers() {
		st, ok := r.(*ssa.Store)
		if !ok || st.Addr != x {
			continue
		}
		if call, ok := st.Val.(*ssa.Call); ok && slices.ContainsFunc(call.Call.Args, func(a ssa.Value) bool {
			u, ok := a.(*ssa.UnOp)
			return ok && u.Op == token.MUL && u.X == x
		}) {
			continue // a middleware applied to what it held
		}
		prm, ok := st.Val.(*ssa.Parameter)
		if !ok || prm.Parent() != fn || index >= 0 && fn.Params[index] != prm {
			return -1
		}
		index = slices.Index(fn.Params, prm)
	}
	return index
}

// boundFuncs are the module functions a call passes as v: a function, a
// method value, a closure, or one of those chosen on the way (a φ).
func (b *builder) boundFuncs(v ssa.Value) []*Func {
	if h := b.funcValue(v); h != nil {
		return []*Func{h}
	}
	phi, ok := v.(*ssa.Phi)
	if !ok {
		return nil
	}
	var out []*Func
	for _, e := range phi.Edges {
		h := b.funcValue(e)
		if h == nil {
			return nil // one of them is not known: the graph's answer stands
		}
		if !slices.Contains(out, h) {
			out = append(out, h)
		}
	}
	return out
}

// adapt is the route's parts for the closure f made by the call at pos
// (see above): nil when the call binds nothing in f. The methods run
// before the handler's call come before the closure's part, those after
// it after.
func (p *Program) adapt(pos token.Pos, f *Func) []Part {
	var ad *adapter
	for _, a := range p.adapted[pos] {
		if a.closure == f {
			ad = a
		}
	}
	if ad == nil {
		return nil
	}
	if ad.made != nil {
		return ad.parts
	}
	p.components()
	g := *f
	g.origin, g.scc = f, nil
	g.Calls = make([]*Call, len(f.Calls))
	var before, after []Part
	var first token.Pos // the handler's call
	for c := range ad.bound {
		if !first.IsValid() || c.Pos < first {
			first = c.Pos
		}
	}
	for c := range ad.nested {
		if !first.IsValid() || c.Pos < first {
			first = c.Pos
		}
	}
	for i, c := range f.Calls {
		g.Calls[i] = c
		if hs, ok := ad.bound[c]; ok {
			cp := *c
			cp.Callees = hs
			g.Calls[i] = &cp
			continue
		}
		if nb, ok := ad.nested[c]; ok {
			// r := func() any { return h(c) }(): a copy of the closure
			// called, its call of the parameter reaching the handler.
			ig := *nb.inner
			ig.origin, ig.scc = nb.inner, nil
			ig.Calls = boundCalls(nb.inner.Calls, nb.bound)
			ig.scc = &scc{members: []*Func{&ig}}
			cp := *c
			cp.Callees = []*Func{&ig}
			g.Calls[i] = &cp
			continue
		}
		v, ok := ad.wraps[c]
		if !ok || !p.overList(c, v) {
			continue // in a loop of its own: part of the closure's count
		}
		cp := *c
		cp.Callees = nil // a part of its own, once
		g.Calls[i] = &cp
		if ad.none[c] {
			continue
		}
		for _, h := range c.Callees {
			part := Part{From: h.Name, Func: h}
			if c.Pos < first {
				if !slices.Contains(before, part) {
					before = append(before, part)
				}
			} else if !slices.Contains(after, part) {
				after = append(after, part)
			}
		}
	}
	g.scc = &scc{members: []*Func{&g}}
	ad.made = &g
	ad.parts = append(append(before, Part{From: "handler", Func: &g}), after...)
	return ad.parts
}

// factoryParts are the parts a route naming f runs when f is a factory
// returning an adapter's call (see adapters): each call's copy of the
// closure, with what the call binds in it, and its middlewares; nil for
// any other f.
func (p *Program) factoryParts(f *Func, stripped bool) []Part {
	var out []Part
	for _, pos := range p.factories[f] {
		for _, ad := range p.adapted[pos] {
			for _, part := range p.adapt(pos, ad.closure) {
				part.stripped = stripped
				out = append(out, part)
			}
		}
	}
	return out
}

// overList reports whether the loops around call c, of a method of a
// value of parameter v or an element of it, are loops over v, the list:
// each element's method then runs once. None for a value not in a list.
func (p *Program) overList(c *Call, v *types.Var) bool {
	for _, l := range c.Loops {
		var header []ast.Node
		switch s := l.Node.(type) {
		case *ast.RangeStmt:
			header = []ast.Node{s.X}
		case *ast.ForStmt:
			header = []ast.Node{s.Init, s.Cond, s.Post}
		}
		if !p.mentions(header, v) {
			return false
		}
	}
	return true
}

// mentions reports whether one of the nodes uses the variable v.
func (p *Program) mentions(nodes []ast.Node, v *types.Var) bool {
	info := p.pkgs[v.Pkg().Path()]
	if info == nil {
		return false
	}
	found := false
	for _, n := range nodes {
		if n == nil || found {
			continue
		}
		ast.Inspect(n, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && info.TypesInfo.Uses[id] == v {
				found = true
			}
			return !found
		})
	}
	return found
}

// isFuncList reports whether t is a slice of functions.
func isFuncList(t types.Type) bool {
	s, ok := t.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	_, ok = s.Elem().Underlying().(*types.Signature)
	return ok
}
