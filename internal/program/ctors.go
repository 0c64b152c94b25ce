package program

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// A function may make the functions it hands on: an authentication
// middleware lists the checks it wants, each made by a constructor whose
// closure runs the further checks it was given, and hands the list to
// one helper every middleware shares —
//
//	a.evaluate(ctx, a.handleUser(), a.handleClient(a.checkAdmin))
//	a.evaluate(ctx, a.handleApplication, a.handleClient())
//
// The constructor's closure is one function for every call of it, and
// the call graph keeps one set of values for what it calls: every check
// any call passed (checkAdmin behind every middleware). And a list that
// holds made closures was no list the higher-order rewiring could read
// (see higher.go), so the helper's call of each element reached every
// function any middleware listed: the application's token was looked up
// behind every route.
//
// The call of a constructor of the module whose every return is a
// closure (or a function) it writes is therefore read as the closures it
// makes: a closure that calls the constructor's func-typed parameters
// (or the elements of a list of them) is, for that call, a copy in which
// those calls reach what the call passed, where the call spells it (a
// function, a method value, a list, another such constructor's call);
// one that calls none is itself. A list or helper argument spelled so is
// what the helper is handed. A constructor returning another's call
// (JWTByHeader(c) { return jwtAuthorization(c, header) }) makes what that
// call makes. Where the constructor returns anything else,
// or the call passes its own parameter or a variable, the graph's answer
// stands for that call.

// boundCopy is a closure's copy bound to one call of its constructor,
// filled once the graph's calls are final (see fillCopies).
type boundCopy struct {
	copy   *Func
	origin *Func
	// binds are origin's calls of the constructor's parameters, with what
	// the call passed for each.
	binds map[*Call][]*Func
}

// ctorResult is what one call of a constructor makes.
type ctorResult struct {
	fs []*Func
	ok bool
}

// madeBy is what the call v makes (see above): ok is false unless v is
// a static call of a module function whose every return the graph can
// name, and all of them are functions of the module.
func (b *builder) madeBy(v *ssa.Call, depth int) ([]*Func, bool) {
	if m, seen := b.ctorMade[v]; seen {
		return m.fs, m.ok
	}
	g := v.Call.StaticCallee()
	if g == nil || b.funcs[g] == nil || depth > maxHanded || g.Signature.Results().Len() != 1 {
		return nil, false
	}
	if b.ctorMade == nil {
		b.ctorMade = map[*ssa.Call]ctorResult{}
	}
	b.ctorMade[v] = ctorResult{} // a constructor making itself: not followed
	rets, ok := returnedValues(g)
	if !ok {
		return nil, false
	}
	var fs []*Func
	for _, r := range rets {
		if call, isCall := r.(*ssa.Call); isCall {
			// JWTByHeader(c) { return jwtAuthorization(c, header) }: what
			// the other constructor's call makes.
			hs, ok := b.madeBy(call, depth+1)
			if !ok {
				b.ctorMade[v] = ctorResult{}
				return nil, false
			}
			fs = append(fs, b.rebound(g, v, call, hs, depth)...)
			continue
		}
		if fn, isFn := r.(*ssa.Function); isFn {
			f := b.funcs[fn]
			if f == nil {
				return nil, false
			}
			fs = append(fs, f)
			continue
		}
		mc := r.(*ssa.MakeClosure)
		f := b.bound(g, v, mc, depth)
		if f == nil {
			return nil, false
		}
		fs = append(fs, f)
	}
	b.ctorMade[v] = ctorResult{fs, true}
	return fs, true
}

// bound is the closure mc that g makes, for g's call v: a copy whose
// calls of g's func-typed parameters reach what v passed, or the closure
// itself when it calls none (or v's arguments are not spelled); nil when
// mc's function is not the module's.
func (b *builder) bound(g *ssa.Function, v *ssa.Call, mc *ssa.MakeClosure, depth int) *Func {
	lit := b.funcs[mc.Fn.(*ssa.Function)]
	if lit == nil {
		return nil
	}
	calls, _ := b.paramCalls(g, mc)
	binds := map[*Call][]*Func{}
	for c, i := range calls {
		if i < len(v.Call.Args) {
			if hs, ok := b.handedAt(g, i, v.Call.Args[i], depth+1); ok {
				binds[c] = hs
			}
		}
	}
	if len(binds) == 0 {
		return lit
	}
	cp := &Func{}
	b.copies = append(b.copies, &boundCopy{copy: cp, origin: lit, binds: binds})
	return cp
}

// rebound is what g's call v makes when g returns another constructor's
// call, inner, that made hs: a wrapper made of another —
//
//	func widgetAuth(next Handler) Handler {
//		return validateInbox(func(r *Request) error { ...; return next(r) })
//	}
//
// inner is one call for every call of g, so the copies it made bind
// validateInbox's parameter to g's closure, whose call of next reaches
// every handler any call of g passed. For v, g's closures handed to
// inner are bound to what v passed (see bound), and the copies of hs
// that call them call those instead.
func (b *builder) rebound(g *ssa.Function, v, inner *ssa.Call, hs []*Func, depth int) []*Func {
	// The copies among hs, and which of g's closures handed to inner
	// they call.
	made := map[*Func]*ssa.MakeClosure{}
	for _, a := range inner.Call.Args {
		if mc, ok := unconverted(a).(*ssa.MakeClosure); ok {
			if fn, isFn := mc.Fn.(*ssa.Function); isFn && b.funcs[fn] != nil {
				made[b.funcs[fn]] = mc
			}
		}
	}
	copyOf := map[*Func]*boundCopy{}
	subst := map[*Func]*Func{}
	for _, h := range hs {
		k := slices.IndexFunc(b.copies, func(bc *boundCopy) bool { return bc.copy == h })
		if k < 0 {
			continue
		}
		copyOf[h] = b.copies[k]
		for _, fs := range b.copies[k].binds {
			for _, f := range fs {
				if mc, ok := made[f]; ok && subst[f] == nil {
					subst[f] = b.bound(g, v, mc, depth)
				}
			}
		}
	}
	for f, to := range subst {
		if to == f {
			delete(subst, f) // binds nothing of v's
		}
	}
	if len(subst) == 0 {
		return hs
	}
	out := make([]*Func, len(hs))
	for i, h := range hs {
		out[i] = h
		bc := copyOf[h]
		if bc == nil {
			continue
		}
		binds := make(map[*Call][]*Func, len(bc.binds))
		changed := false
		for c, fs := range bc.binds {
			nfs := slices.Clone(fs)
			for j, f := range nfs {
				if to, ok := subst[f]; ok {
					nfs[j], changed = to, true
				}
			}
			binds[c] = nfs
		}
		if changed {
			cp := &Func{}
			b.copies = append(b.copies, &boundCopy{copy: cp, origin: bc.origin, binds: binds})
			out[i] = cp
		}
	}
	return out
}

// calledClosure is a closure a constructor's closure makes and calls at
// once (a wrapper's r := func() any { defer recoverTo(&err); return
// fn(c) }()), with its calls of the constructor's func-typed parameters,
// which it captures through the outer closure: by call, the parameter's
// index.
type calledClosure struct {
	inner  *Func
	params map[*Call]int
}

// calledClosures are the closures the closure mc, made by g, makes and
// calls at once that call a func-typed parameter of g (see
// calledClosure), by the outer closure's call of each.
func (b *builder) calledClosures(g *ssa.Function, mc *ssa.MakeClosure) map[*Call]calledClosure {
	lit := mc.Fn.(*ssa.Function)
	// outerParam is the parameter of g that lit's free variable fv is.
	outerParam := func(fv *ssa.FreeVar) int {
		k := slices.Index(lit.FreeVars, fv)
		if k < 0 || k >= len(mc.Bindings) {
			return -1
		}
		switch x := mc.Bindings[k].(type) {
		case *ssa.Parameter:
			return slices.Index(g.Params, x)
		case *ssa.Alloc: // the parameter spilled to the variable captured
			return wrappedParam(g, x)
		}
		return -1
	}
	var out map[*Call]calledClosure
	for _, blk := range lit.Blocks {
		for _, instr := range blk.Instrs {
			ci, ok := instr.(ssa.CallInstruction)
			if !ok || b.calls[ci] == nil {
				continue
			}
			inner, ok := ci.Common().Value.(*ssa.MakeClosure)
			if !ok {
				continue
			}
			innerFn, ok := inner.Fn.(*ssa.Function)
			if !ok || b.funcs[innerFn] == nil {
				continue
			}
			params := map[*Call]int{}
			for _, iblk := range innerFn.Blocks {
				for _, iinstr := range iblk.Instrs {
					ici, ok := iinstr.(ssa.CallInstruction)
					if !ok || b.calls[ici] == nil || ici.Common().IsInvoke() {
						continue
					}
					// fn, or *fn for a parameter the constructor spilled
					// to the variable its closures capture.
					val := ici.Common().Value
					if u, ok := val.(*ssa.UnOp); ok && u.Op == token.MUL {
						val = u.X
					}
					fv, ok := val.(*ssa.FreeVar)
					if !ok {
						continue
					}
					j := slices.Index(innerFn.FreeVars, fv)
					if j < 0 || j >= len(inner.Bindings) {
						continue
					}
					outer, ok := inner.Bindings[j].(*ssa.FreeVar)
					if !ok {
						continue
					}
					if i := outerParam(outer); i >= 0 {
						if _, isFn := g.Params[i].Type().Underlying().(*types.Signature); isFn {
							params[b.calls[ici]] = i
						}
					}
				}
			}
			if len(params) > 0 {
				if out == nil {
					out = map[*Call]calledClosure{}
				}
				out[b.calls[ci]] = calledClosure{inner: b.funcs[innerFn], params: params}
			}
		}
	}
	return out
}

// returnedValues are the values g returns, each a closure it makes (as
// it is or converted) or a function; ok is false when some return is
// anything else.
func returnedValues(g *ssa.Function) (out []ssa.Value, ok bool) {
	for _, v := range returned1(g) {
		v = unconverted(v)
		switch x := v.(type) {
		case *ssa.MakeClosure:
			if _, isFn := x.Fn.(*ssa.Function); !isFn {
				return nil, false
			}
		case *ssa.Function:
		case *ssa.Call:
			if g := x.Call.StaticCallee(); g == nil || g.Signature.Results().Len() != 1 {
				return nil, false
			}
		default:
			return nil, false
		}
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out, len(out) > 0
}

// fillCopies fills the copies of closures bound to their constructors'
// calls, once every rewiring of the graph's calls is done: a copy runs
// its closure's calls, those of the constructor's parameters reaching
// what its call passed.
func (b *builder) fillCopies() {
	for _, bc := range b.copies {
		g := bc.copy
		*g = *bc.origin
		g.origin = bc.origin
		g.Calls = boundCalls(bc.origin.Calls, bc.binds)
		b.p.copies = append(b.p.copies, g)
	}
}

// boundCalls are calls, each of those binds names made a copy calling
// what binds gives instead.
func boundCalls(calls []*Call, binds map[*Call][]*Func) []*Call {
	out := make([]*Call, len(calls))
	for i, c := range calls {
		out[i] = c
		if hs, ok := binds[c]; ok {
			cp := *c
			cp.Callees = hs
			out[i] = &cp
		}
	}
	return out
}

// elemLoad is the list whose element v is loaded from (*&list[i]), nil
// when v is no such load.
func elemLoad(v ssa.Value) ssa.Value {
	u, ok := v.(*ssa.UnOp)
	if !ok || u.Op != token.MUL {
		return nil
	}
	ia, ok := u.X.(*ssa.IndexAddr)
	if !ok {
		return nil
	}
	if _, isSlice := ia.X.Type().Underlying().(*types.Slice); !isSlice {
		return nil
	}
	return ia.X
}
