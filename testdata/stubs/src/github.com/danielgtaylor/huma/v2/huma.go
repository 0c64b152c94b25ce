// Stub of github.com/danielgtaylor/huma/v2 (signatures mirror v2.37.2; bodies are placeholders).

package huma

import (
	"context"
	"net/http"
)

// API represents a Huma API wrapping a specific router (partial).
type API interface {
	Adapter() Adapter
	UseMiddleware(middlewares ...func(ctx Context, next func(Context)))
	Middlewares() Middlewares
}

// Adapter is an interface that allows the API to be used with different
// HTTP routers and frameworks (partial).
type Adapter interface {
	Handle(op *Operation, handler func(ctx Context))
	ServeHTTP(http.ResponseWriter, *http.Request)
}

// Context is the current request/response context (partial).
type Context interface {
	Operation() *Operation
	Context() context.Context
	Method() string
	Header(name string) string
}

// Middlewares is a list of standard middleware handlers for the API.
type Middlewares []func(ctx Context, next func(Context))

// Operation represents an operation that can be performed on a path
// (partial).
type Operation struct {
	OperationID string
	Method      string
	Path        string
	Summary     string
	Description string
	Tags        []string
	Middlewares Middlewares
	Metadata    map[string]any
}

// Config represents a configuration for a new API (partial).
type Config struct {
	DocsPath string
}

// Group is a collection of routes that share a common prefix and set of
// operation modifiers, middlewares, and transformers (partial).
type Group struct {
	API
	prefixes    []string
	middlewares Middlewares
}

func DefaultConfig(title string, version string) Config { panic("stub") }
func NewAPI(config Config, a Adapter) API               { panic("stub") }
func NewGroup(api API, prefixes ...string) *Group       { panic("stub") }

func (g *Group) UseMiddleware(middlewares ...func(ctx Context, next func(Context))) { panic("stub") }

func Register[I, O any](api API, op Operation, handler func(context.Context, *I) (*O, error)) {
	panic("stub")
}
func Get[I, O any](api API, path string, handler func(context.Context, *I) (*O, error), operationHandlers ...func(o *Operation)) {
	panic("stub")
}
func Post[I, O any](api API, path string, handler func(context.Context, *I) (*O, error), operationHandlers ...func(o *Operation)) {
	panic("stub")
}
func Head[I, O any](api API, path string, handler func(context.Context, *I) (*O, error), operationHandlers ...func(o *Operation)) {
	panic("stub")
}
func Put[I, O any](api API, path string, handler func(context.Context, *I) (*O, error), operationHandlers ...func(o *Operation)) {
	panic("stub")
}
func Patch[I, O any](api API, path string, handler func(context.Context, *I) (*O, error), operationHandlers ...func(o *Operation)) {
	panic("stub")
}
func Delete[I, O any](api API, path string, handler func(context.Context, *I) (*O, error), operationHandlers ...func(o *Operation)) {
	panic("stub")
}
