// Package graphql is a stub of gqlgen's runtime API for sqlheat's tests.
package graphql

import "context"

type Response struct{ Data []byte }

type ResponseHandler func(ctx context.Context) *Response

type Marshaler interface {
	MarshalGQL(w interface{ Write([]byte) (int, error) })
}

type Resolver func(ctx context.Context) (res any, err error)

// The middlewares are func fields the server sets: the generated code
// calls them with its closures.
type OperationContext struct {
	ResolverMiddleware     func(ctx context.Context, next Resolver) (any, error)
	RootResolverMiddleware func(ctx context.Context, next func(ctx context.Context) Marshaler) Marshaler
}

// ExecutableSchema is what the generated code implements.
type ExecutableSchema interface {
	Complexity(typeName, fieldName string, childComplexity int, args map[string]any) (int, bool)
	Exec(ctx context.Context) ResponseHandler
}

type FieldSet struct{}

func (m *FieldSet) Concurrently(i int, f func(context.Context) Marshaler) { panic("stub") }
func (m *FieldSet) Dispatch(ctx context.Context)                          { panic("stub") }

// Since v0.17.6x the generated code keeps its state in generic types of
// the runtime: Config is an alias of Config[ResolverRoot, DirectiveRoot,
// ComplexityRoot], executableSchema a defined type of
// ExecutableSchemaState, and each field's resolver a closure handed to
// ResolveField.
type Config[R any, D any, C any] struct {
	Resolvers  R
	Directives D
	Complexity C
}

type ExecutableSchemaState[R any, D any, C any] struct {
	Resolvers      R
	Directives     D
	ComplexityRoot C
}

type ExecutionContextState[R any, D any, C any] struct {
	*OperationContext
	*ExecutableSchemaState[R, D, C]
}

func NewExecutionContextState[R any, D any, C any](oc *OperationContext, es *ExecutableSchemaState[R, D, C]) *ExecutionContextState[R, D, C] {
	panic("stub")
}

func GetOperationContext(ctx context.Context) *OperationContext { panic("stub") }

func ResolveField[T any](ctx context.Context, oc *OperationContext,
	fieldResolver func(ctx context.Context) (any, error),
	marshal func(ctx context.Context, v T) Marshaler) Marshaler {
	panic("stub")
}
