package program

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/sqlheat/sqlheat/internal/httpapi"
)

// A GraphQL request served by gqlgen runs the module's generated
// schema: the server gqlgen makes from it (handler.New(es)) calls the
// schema's Exec, and the closures Exec returns run the operation, whose
// generated code calls the resolvers (Query(), Mutation(), a type's
// field resolvers through the ResolverRoot of the generated Config) and
// the methods of the models they return. The hand-offs between the
// server, Exec and its closures happen in gqlgen, outside the module, so
// the call graph stopped at the server: a route serving /graphql ran no
// query. The module's types implementing ExecutableSchema say what runs:
// the graph takes a call of the server's ServeHTTP, and the handler a
// gqlgen constructor makes from a schema, as running each Exec and the
// closures it returns; from them on, the generated code's own calls
// (through the resolver interfaces, resolved to the module's
// implementations) lead to the resolvers. The generated shapes differ
// by version — a Config struct or an alias of the runtime's generic
// graphql.Config[ResolverRoot, DirectiveRoot, ComplexityRoot], the field
// resolvers called in the generated code or handed as closures to
// graphql.ResolveField — but each has its schema type's Exec, and the
// handed closures are followed as any function handed outside the module.
//
// Which schema a server runs is the one its constructor was handed, when
// the value says: handler.New(generated.NewExecutableSchema(cfg)) runs
// that package's schema, and so does srv.ServeHTTP of the srv it made
// (see graphQLServed). Where it does not (a schema coming through a
// dependency injection container, a parameter), the server runs every
// schema of the module. A server a constructor of the module makes and
// returns is served by a route registering the constructor's result (see
// madeReturns). A module that makes no server runs none.

// graphQLExec are the Exec methods of the module's implementations of
// gqlgen's ExecutableSchema, with the closures each returns, found once.
func (b *builder) graphQLExec() []*Func {
	if b.gqlDone {
		return b.gqlExec
	}
	b.gqlDone = true
	iface := b.graphQLSchema()
	if iface == nil {
		return nil
	}
	for _, pkg := range b.p.loaded {
		if pkg.Types == nil || b.p.pkgs[pkg.Types.Path()] == nil {
			continue
		}
		scope := pkg.Types.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) {
				continue
			}
			if n, ok := tn.Type().(*types.Named); ok && n.TypeParams().Len() > 0 {
				continue // a generic type: no method set to take without its arguments
			}
			ptr := types.NewPointer(tn.Type())
			if !types.Implements(ptr, iface) {
				continue
			}
			sel := b.prog.MethodSets.MethodSet(ptr).Lookup(nil, "Exec")
			if sel == nil {
				continue
			}
			fn := b.prog.MethodValue(sel)
			g := b.funcs[fn]
			if g == nil {
				continue
			}
			own := []*Func{g}
			for _, mc := range returnedClosures(fn) {
				if h := b.funcs[mc.Fn.(*ssa.Function)]; h != nil && !slices.Contains(own, h) {
					own = append(own, h)
				}
			}
			if b.gqlOf == nil {
				b.gqlOf = map[*types.TypeName][]*Func{}
			}
			b.gqlOf[tn] = own
			for _, h := range own {
				if !slices.Contains(b.gqlExec, h) {
					b.gqlExec = append(b.gqlExec, h)
				}
			}
		}
	}
	return b.gqlExec
}

// graphQLExecOf are the Exec methods, and their closures, of the schema a
// call of gqlgen hands its arguments of type ExecutableSchema
// (handler.New(generated.NewExecutableSchema(cfg))): the module's types
// the value can hold, as the generated constructor makes it. Where the
// value does not say (a parameter, a container's), every schema of the
// module's.
func (b *builder) graphQLExecOf(args []ssa.Value) []*Func {
	all := b.graphQLExec()
	if len(all) == 0 {
		return nil
	}
	var out []*Func
	for _, arg := range args {
		if !httpapi.IsGraphQLSchema(arg.Type()) {
			continue
		}
		ts := b.typesOf(arg, 0, map[*ssa.Function]bool{}, nil)
		if len(ts) == 0 {
			return all
		}
		for _, t := range ts {
			if p, ok := t.(*types.Pointer); ok {
				t = p.Elem()
			}
			n, ok := types.Unalias(t).(*types.Named)
			if !ok || b.gqlOf[n.Obj()] == nil {
				return all // a schema not of the module's own types
			}
			for _, g := range b.gqlOf[n.Obj()] {
				if !slices.Contains(out, g) {
					out = append(out, g)
				}
			}
		}
	}
	if len(out) == 0 {
		return all
	}
	return out
}

// graphQLSchema is gqlgen's ExecutableSchema interface, as a package of
// the module imports it; nil when none does.
func (b *builder) graphQLSchema() *types.Interface {
	for _, pkg := range b.p.loaded {
		if pkg.Types == nil {
			continue
		}
		for _, imp := range pkg.Types.Imports() {
			obj := imp.Scope().Lookup("ExecutableSchema")
			if obj == nil || !httpapi.IsGraphQLSchema(obj.Type()) {
				continue
			}
			if iface, ok := obj.Type().Underlying().(*types.Interface); ok {
				return iface
			}
		}
	}
	return nil
}

// graphQLServed are the Exec methods, and their closures, of the schema
// the gqlgen server srv serves (srv.ServeHTTP(w, r)): when srv is the
// result of a gqlgen constructor taking a schema (handler.New(es)),
// directly, through a variable assigned once (a closure's captured one),
// or as a module function returns it, the schema that constructor is
// handed (see graphQLExecOf). Where the value does not say (a parameter,
// a field, a container's), every schema of the module's.
func (b *builder) graphQLServed(srv ssa.Value) []*Func {
	var out []*Func
	if !b.serverSchemas(srv, 0, func(fs []*Func) {
		for _, g := range fs {
			if !slices.Contains(out, g) {
				out = append(out, g)
			}
		}
	}) || len(out) == 0 {
		return b.graphQLExec()
	}
	return out
}

// serverSchemas calls add with the schemas' functions of each gqlgen
// constructor call v may be the result of; false when some way v comes
// is not followed.
func (b *builder) serverSchemas(v ssa.Value, depth int, add func([]*Func)) bool {
	if depth >= maxHanded {
		return false
	}
	switch x := v.(type) {
	case *ssa.UnOp: // a variable's value
		if x.Op != token.MUL {
			return false
		}
		return b.serverVar(x.X, depth+1, add)
	case *ssa.FreeVar: // captured by value
		ok := true
		n := 0
		b.bindings(x, func(bound ssa.Value) {
			n++
			ok = ok && b.serverSchemas(bound, depth+1, add)
		})
		return ok && n > 0
	case *ssa.Call:
		callee := x.Call.StaticCallee()
		if callee == nil {
			return false
		}
		if obj, _ := callee.Object().(*types.Func); obj != nil && httpapi.TakesGraphQLSchema(obj) {
			add(b.graphQLExecOf(x.Call.Args))
			return true
		}
		if b.funcs[callee] == nil || callee.Signature.Results().Len() != 1 {
			return false
		}
		rets := returned1(callee)
		for _, r := range rets {
			if !b.serverSchemas(r, depth+1, add) {
				return false
			}
		}
		return len(rets) > 0
	}
	return false
}

// serverVar is serverSchemas for the variable at addr: a local variable
// assigned once, or one a closure captured.
func (b *builder) serverVar(addr ssa.Value, depth int, add func([]*Func)) bool {
	switch a := addr.(type) {
	case *ssa.Alloc:
		if stores(a) != 1 {
			return false // assigned again: it may hold anything
		}
		for _, instr := range *a.Referrers() {
			if st, ok := instr.(*ssa.Store); ok && st.Addr == a {
				return b.serverSchemas(st.Val, depth, add)
			}
		}
	case *ssa.FreeVar:
		ok := true
		n := 0
		b.bindings(a, func(bound ssa.Value) {
			n++
			ok = ok && b.serverVar(bound, depth+1, add)
		})
		return ok && n > 0
	}
	return false
}
