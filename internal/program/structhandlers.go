package program

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/sqlheat/sqlheat/internal/httpapi"
)

// A handler may be a value of the module's own struct type serving with
// its own ServeHTTP, which calls a func-typed field a factory set:
//
//	type oauthHandler struct {
//		H   func(*AuthService, http.ResponseWriter, *http.Request) *oauthResp
//		svc *AuthService
//	}
//	func (svc *AuthService) RegisterCallbackHandler() http.Handler { return oauthHandler{callbackHandler, svc} }
//	func (h oauthHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.H(h.svc, w, r) }
//	httpSrv.Handle("/auth/callback", svc.RegisterCallbackHandler())
//
// The factory runs no ServeHTTP, and the graph keeps one set of values
// for the field: every function any factory sets. A route naming such a
// factory runs, as an adapter's (see adapters.go), a copy of ServeHTTP in
// which the calls of the field reach what the factory's literal set. A
// field set from anything but a function, a method value or a closure
// (the factory's parameter) keeps the graph's answer; so does a struct
// whose ServeHTTP calls no field the literal set.

// structHandlers records, for each module function returning a composite
// literal of a struct type of the module (as it is, its address, or
// either converted to an interface) whose ServeHTTP calls func-typed
// fields the literal sets to known functions, the copy of ServeHTTP a
// route naming the function runs (p.factories, p.adapted, keyed by the
// literal's position).
func (b *builder) structHandlers() {
	for _, f := range b.p.list {
		fn := b.ssaOf(f)
		if fn == nil || f.closure || fn.Signature.Results().Len() != 1 {
			continue
		}
		for _, v := range returned1(fn) {
			lit, ok := structLiteral(v)
			if !ok {
				continue
			}
			serve := b.serveHTTP(lit.Type().(*types.Pointer).Elem())
			if serve == nil {
				continue
			}
			set := literalFuncs(lit, b)
			if len(set) == 0 {
				continue
			}
			ad := &adapter{closure: serve, bound: map[*Call][]*Func{}}
			for c, i := range b.fieldCalls(serve) {
				if hs := set[i]; hs != nil {
					ad.bound[c] = []*Func{hs}
				}
			}
			if len(ad.bound) == 0 {
				continue
			}
			pos := lit.Pos()
			if !pos.IsValid() || len(b.p.adapted[pos]) > 0 {
				continue
			}
			if b.p.adapted == nil {
				b.p.adapted = map[token.Pos][]*adapter{}
			}
			if b.p.factories == nil {
				b.p.factories = map[*Func][]token.Pos{}
			}
			b.p.adapted[pos] = []*adapter{ad}
			b.p.factories[f] = append(b.p.factories[f], pos)
		}
	}
}

// structLiteral is the allocation of the composite literal v is, as it
// is, its address, or either converted (to an interface or another
// named type).
func structLiteral(v ssa.Value) (*ssa.Alloc, bool) {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
			continue
		case *ssa.ChangeType:
			v = x.X
			continue
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return nil, false
			}
			v = x.X // the literal's value, loaded from its local
			continue
		case *ssa.Alloc:
			if x.Comment != "complit" {
				return nil, false
			}
			if _, ok := x.Type().(*types.Pointer).Elem().Underlying().(*types.Struct); !ok {
				return nil, false
			}
			return x, true
		}
		return nil, false
	}
}

// serveHTTP is the graph's ServeHTTP of the module's type t (of it or of
// its pointer), of a handler's signature; nil when it has none.
func (b *builder) serveHTTP(t types.Type) *Func {
	if _, ok := types.Unalias(t).(*types.Named); !ok {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(t), true, nil, "ServeHTTP")
	m, ok := obj.(*types.Func)
	if !ok || !httpapi.IsHandlerSig(m.Type().(*types.Signature)) {
		return nil
	}
	g := b.p.Func(m)
	if g == nil || b.ssaOf(g) == nil {
		return nil
	}
	return g
}

// literalFuncs are the functions the literal lit sets its func-typed
// fields to, by field index: a function, a method value or a closure.
// A field stored to twice, or given anything else, is not known.
func literalFuncs(lit *ssa.Alloc, b *builder) map[int]*Func {
	out, unknown := map[int]*Func{}, map[int]bool{}
	for _, r := range *lit.Referrers() {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok || fa.X != lit {
			continue
		}
		for _, u := range *fa.Referrers() {
			st, ok := u.(*ssa.Store)
			if !ok || st.Addr != fa {
				continue
			}
			if _, ok := st.Val.Type().Underlying().(*types.Signature); !ok {
				continue
			}
			if h := b.funcValue(st.Val); h != nil && out[fa.Field] == nil && !unknown[fa.Field] {
				out[fa.Field] = h
			} else {
				unknown[fa.Field] = true
				delete(out, fa.Field)
			}
		}
	}
	return out
}

// fieldCalls are the calls, in ServeHTTP serve, of a func-typed field of
// its receiver (h.H(...)), with the field's index.
func (b *builder) fieldCalls(serve *Func) map[*Call]int {
	fn := b.ssaOf(serve)
	if fn == nil || len(fn.Params) == 0 {
		return nil
	}
	recv := fn.Params[0]
	field := func(v ssa.Value) int {
		switch x := v.(type) {
		case *ssa.Field: // h.H, h a value
			if x.X == recv {
				return x.Field
			}
		case *ssa.UnOp: // *(&h.H), h a pointer or a value spilled to its local
			if fa, ok := x.X.(*ssa.FieldAddr); ok && x.Op == token.MUL && (fa.X == recv || spilled(fa.X, recv)) {
				return fa.Field
			}
		}
		return -1
	}
	out := map[*Call]int{}
	for _, blk := range fn.Blocks {
		for _, instr := range blk.Instrs {
			ci, ok := instr.(ssa.CallInstruction)
			if !ok || b.calls[ci] == nil || ci.Common().IsInvoke() {
				continue
			}
			if i := field(ci.Common().Value); i >= 0 && !storedIn(fn, i) {
				out[b.calls[ci]] = i
			}
		}
	}
	return out
}

// spilled reports whether v is the local a value receiver recv is
// spilled to, stored to once, with recv.
func spilled(v ssa.Value, recv *ssa.Parameter) bool {
	a, ok := v.(*ssa.Alloc)
	if !ok || a.Heap {
		return false
	}
	stores := 0
	for _, r := range *a.Referrers() {
		if st, ok := r.(*ssa.Store); ok && st.Addr == a {
			if st.Val != recv {
				return false
			}
			stores++
		}
	}
	return stores == 1
}

// storedIn reports whether ServeHTTP fn stores into field i of its
// receiver: a field it sets itself may hold anything.
func storedIn(fn *ssa.Function, i int) bool {
	for _, blk := range fn.Blocks {
		for _, instr := range blk.Instrs {
			if st, ok := instr.(*ssa.Store); ok {
				if fa, ok := st.Addr.(*ssa.FieldAddr); ok && (fa.X == fn.Params[0] || spilled(fa.X, fn.Params[0])) && fa.Field == i {
					return true
				}
			}
		}
	}
	return false
}
