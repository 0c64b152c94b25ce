package program

import (
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
// implementations) lead to the resolvers. Which schema value a server
// holds is not traced (it often comes through a dependency injection
// container): a module with several schemas gets all of them per
// request. A module that makes no server runs none.

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
			b.gqlExec = append(b.gqlExec, g)
			for _, mc := range returnedClosures(fn) {
				if h := b.funcs[mc.Fn.(*ssa.Function)]; h != nil && !slices.Contains(b.gqlExec, h) {
					b.gqlExec = append(b.gqlExec, h)
				}
			}
		}
	}
	return b.gqlExec
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
