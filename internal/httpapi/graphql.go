package httpapi

import (
	"go/types"
	"strings"
)

// gqlgen (github.com/99designs/gqlgen) serves GraphQL through a handler
// of its own (handler.New(es), handler.NewDefaultServer(es), the older
// handler.GraphQL(es)) made from the module's generated ExecutableSchema:
// the handler parses the request and calls the schema's Exec, whose
// generated code dispatches to the module's resolvers. All of that
// crossing runs in gqlgen's code, which the module's call graph does not
// hold, so the table says where a request enters the schema.

const (
	gqlgenPkg = "github.com/99designs/gqlgen"
	// GraphQLSchema is gqlgen's interface of an executable schema, which
	// the generated NewExecutableSchema returns.
	GraphQLSchema = gqlgenPkg + "/graphql.ExecutableSchema"
)

// IsGraphQLSchema reports whether t is gqlgen's ExecutableSchema.
func IsGraphQLSchema(t types.Type) bool {
	return t != nil && types.TypeString(types.Unalias(t), nil) == GraphQLSchema
}

// TakesGraphQLSchema reports whether a function of gqlgen takes an
// executable schema: what it makes (a server, a handler) runs the schema
// per request.
func TakesGraphQLSchema(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil || !strings.HasPrefix(fn.Pkg().Path(), gqlgenPkg+"/") {
		return false
	}
	params := fn.Type().(*types.Signature).Params()
	for i := 0; i < params.Len(); i++ {
		if IsGraphQLSchema(params.At(i).Type()) {
			return true
		}
	}
	return false
}

// ServesGraphQL reports whether fn is the ServeHTTP of a gqlgen type (its
// handler.Server): a call of it runs the schema the server was made with.
func ServesGraphQL(fn *types.Func) bool {
	if fn == nil || fn.Name() != "ServeHTTP" || fn.Pkg() == nil || !strings.HasPrefix(fn.Pkg().Path(), gqlgenPkg+"/") {
		return false
	}
	return fn.Type().(*types.Signature).Recv() != nil
}
