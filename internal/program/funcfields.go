package program

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/sqlheat/sqlheat/internal/httpapi"
)

// A struct of the module often keeps a function it is given and calls it
// later: a dataloader its batch function (dataloaden's generated
// UserLoader: fetch: func(keys []string) ([]*User, []error) {...} set by
// a constructor the module writes, l.fetch(b.keys) called by the
// generated batch's end), a retrier its operation. The call graph's type
// propagation is field-based — every function stored into a field flows
// to every read of it — but it runs over the code people write only
// (see build), so a call in generated code of a function a field holds
// reached nothing, and a request that loads through the loader ran none
// of its batch function's queries.
//
// funcFields gives such a call, when the graph gave it no callee, what
// the propagation would have: the module's functions stored into that
// field of that struct type anywhere in the module (in a composite
// literal or by assignment), directly or as what another such field
// holds (NewUserLoader(cfg) { return &UserLoader{fetch: cfg.Fetch} }),
// a few fields deep. Fields of the dependencies' structs are theirs (see
// outsideFuncField); a field nothing in the module stores a function in
// gives nothing.

// maxFieldHops bounds the fields funcFields follows a value through.
const maxFieldHops = 3

// funcFields are the module functions the func-typed field v reads can
// hold; nil when v is no such read.
func (b *builder) funcFields(v ssa.Value) []*Func {
	field := b.moduleField(v)
	if field == nil {
		return nil
	}
	var out []*Func
	b.fieldFuncs(field, 0, map[*types.Var]bool{}, func(g *Func) {
		if !slices.Contains(out, g) {
			out = append(out, g)
		}
	})
	return out
}

// moduleField is the field v reads (s.f, or (*p).f loaded), when it is a
// func-typed field of a struct type of the module.
func (b *builder) moduleField(v ssa.Value) *types.Var {
	field := b.structField(v)
	if field == nil {
		return nil
	}
	if _, ok := field.Type().Underlying().(*types.Signature); !ok {
		return nil
	}
	return field
}

// structField is the field v reads (s.f, or (*p).f loaded), when it is a
// field of a struct type of the module.
func (b *builder) structField(v ssa.Value) *types.Var {
	var st types.Type
	var i int
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		fa, ok := u.X.(*ssa.FieldAddr)
		if !ok {
			return nil
		}
		st, i = fa.X.Type().Underlying().(*types.Pointer).Elem(), fa.Field
	} else if f, ok := v.(*ssa.Field); ok {
		st, i = f.X.Type(), f.Field
	} else {
		return nil
	}
	n, ok := types.Unalias(st).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || b.p.pkgs[n.Obj().Pkg().Path()] == nil {
		return nil
	}
	s, ok := n.Underlying().(*types.Struct)
	if !ok || i >= s.NumFields() {
		return nil
	}
	field := s.Field(i).Origin()
	return field
}

// fieldFuncs calls add with the module functions stored into field.
func (b *builder) fieldFuncs(field *types.Var, hops int, seen map[*types.Var]bool, add func(*Func)) {
	if seen[field] || hops > maxFieldHops {
		return
	}
	seen[field] = true
	for _, val := range b.fieldStoresOf()[field] {
		if from := b.moduleField(val); from != nil {
			b.fieldFuncs(from, hops+1, seen, add) // another struct's field copied over
			continue
		}
		b.valueFuncs(val, 0, false, add)
	}
}

// fieldStoresOf are the values the module stores into each func-typed
// field of its structs, found once.
func (b *builder) fieldStoresOf() map[*types.Var][]ssa.Value {
	if b.fieldStores != nil {
		return b.fieldStores
	}
	b.fieldStores = b.storesInto(func(field *types.Var) bool {
		_, ok := field.Type().Underlying().(*types.Signature)
		return ok
	})
	return b.fieldStores
}

// storesInto are the values the module stores into each field of its
// structs that keep says to keep.
func (b *builder) storesInto(keep func(*types.Var) bool) map[*types.Var][]ssa.Value {
	out := map[*types.Var][]ssa.Value{}
	for instr := range b.instrs() {
		st, ok := instr.(*ssa.Store)
		if !ok {
			continue
		}
		fa, ok := st.Addr.(*ssa.FieldAddr)
		if !ok {
			continue
		}
		s, ok := fa.X.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Struct)
		if !ok || fa.Field >= s.NumFields() {
			continue
		}
		field := s.Field(fa.Field).Origin()
		if keep(field) {
			out[field] = append(out[field], st.Val)
		}
	}
	return out
}

// A struct of the module may also keep a value of a dependency's
// interface that a dependency's constructor made from the module's
// functions: go-kit's gRPC server keeps, per method, a kitgrpc.Handler
// that kitgrpc.NewServer(issueEndpoint(svc), decode, encode) made, and
// its Issue method calls s.issue.ServeGRPC(ctx, req), which runs the
// endpoint, the decoder and the encoder. The constructor's body is not
// loaded; the graph gives the method's call (an invoke it resolves to
// nothing) one call of each module function handed to the constructors
// whose results the stores into that field in the module hold (a field
// set in several places runs all their functions: an upper bound). A
// field any store sets from something else (a parameter, a value a
// module function returns) stays unresolved, and so does one of an
// interface the module declares (its implementations answer).

// madeFieldFuncs are the module functions what the field v reads was
// made from (see above); nil when v is no read of such a field.
func (b *builder) madeFieldFuncs(v ssa.Value) []*Func {
	field := b.structField(v)
	if field == nil || !b.outsideIface(field.Type()) {
		return nil
	}
	vals := b.madeStoresOf()[field]
	var out []*Func
	for _, val := range vals {
		call := madeArg(val)
		if call == nil || b.funcs[call.Call.StaticCallee()] != nil {
			return nil // set from something else: not known
		}
		for _, arg := range call.Call.Args {
			for _, g := range b.handedFuncs(arg, false) {
				if !slices.Contains(out, g) {
					out = append(out, g)
				}
			}
		}
	}
	slices.SortFunc(out, b.p.compare) // the stores came from a map
	return out
}

// outsideIface reports whether t is a named interface declared outside
// the module.
func (b *builder) outsideIface(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || !types.IsInterface(n) || n.Obj().Pkg() == nil {
		return false
	}
	return b.p.pkgs[n.Obj().Pkg().Path()] == nil
}

// madeStoresOf are the values the module stores into each field of its
// structs whose type is a dependency's interface, found once.
func (b *builder) madeStoresOf() map[*types.Var][]ssa.Value {
	if b.madeStores != nil {
		return b.madeStores
	}
	b.madeStores = b.storesInto(func(field *types.Var) bool { return b.outsideIface(field.Type()) })
	return b.madeStores
}

// handlerFieldFuncs records, for each handler- or middleware-typed field
// of the module's structs and package-level variable of its packages,
// the module functions stored into it (see fieldFuncs): a route
// registering a read of it (r.Get("/users/", h.List), h a struct a
// generated constructor fills with closures; r.Use(auth.Verifier), set at
// start-up to what a constructor returns) serves them (see
// handlerFuncs).
func (b *builder) handlerFieldFuncs() {
	served := func(t types.Type) bool { return httpapi.IsHandlerType(t) || httpapi.IsMiddlewareType(t) }
	record := func(v *types.Var, out []*Func) {
		if len(out) == 0 {
			return
		}
		if b.p.handlerFields == nil {
			b.p.handlerFields = map[*types.Var][]*Func{}
		}
		slices.SortFunc(out, b.p.compare)
		b.p.handlerFields[v] = out
	}
	for field := range b.fieldStoresOf() {
		if !served(field.Type()) {
			continue
		}
		var out []*Func
		b.fieldFuncs(field, 0, map[*types.Var]bool{}, func(g *Func) {
			if !slices.Contains(out, g) {
				out = append(out, g)
			}
		})
		record(field, out)
	}
	globals := map[*types.Var][]*Func{}
	for instr := range b.instrs() {
		st, ok := instr.(*ssa.Store)
		if !ok {
			continue
		}
		g, ok := st.Addr.(*ssa.Global)
		if !ok || b.p.pkgs[g.Pkg.Pkg.Path()] == nil {
			continue
		}
		v, ok := g.Object().(*types.Var)
		if !ok || !served(v.Type()) {
			continue
		}
		b.storedFuncs(st.Val, func(f *Func) {
			if !slices.Contains(globals[v], f) {
				globals[v] = append(globals[v], f)
			}
		})
	}
	for v, fs := range globals {
		record(v, fs)
	}
}

// storedFuncs calls add with the module functions a value stored holds
// (see valueFuncs), also when it is one result of a module function
// returning several (v, err = newVerifier(secret)).
func (b *builder) storedFuncs(val ssa.Value, add func(*Func)) {
	ex, ok := val.(*ssa.Extract)
	if !ok {
		b.valueFuncs(val, 0, false, add)
		return
	}
	call, ok := ex.Tuple.(*ssa.Call)
	if !ok {
		return
	}
	maker := call.Call.StaticCallee()
	if maker == nil || b.funcs[maker] == nil {
		return
	}
	for _, blk := range maker.Blocks {
		if n := len(blk.Instrs); n > 0 {
			if ret, ok := blk.Instrs[n-1].(*ssa.Return); ok && ex.Index < len(ret.Results) {
				b.valueFuncs(ret.Results[ex.Index], 1, false, add)
			}
		}
	}
}
