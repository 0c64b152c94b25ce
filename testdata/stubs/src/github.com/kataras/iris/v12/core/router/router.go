// Stub of github.com/kataras/iris/v12/core/router (signatures mirror v12.2.11; bodies are placeholders).

package router

import "github.com/kataras/iris/v12/context"

// Route contains the information about a registered Route (partial).
type Route struct {
	Name   string
	Method string
	Path   string
}

// Router is the "director" (partial).
type Router struct{}

// Party is just a group joiner of routes which have the same prefix and
// share same middleware(s) also (partial: the routing methods).
type Party interface {
	GetRelPath() string
	Party(relativePath string, middleware ...context.Handler) Party
	PartyFunc(relativePath string, partyBuilderFunc func(p Party)) Party
	UseRouter(handlers ...context.Handler)
	Use(middleware ...context.Handler)
	UseOnce(handlers ...context.Handler)
	Done(handlers ...context.Handler)
	Handle(method string, registeredPath string, handlers ...context.Handler) *Route
	HandleMany(method string, relativePath string, handlers ...context.Handler) []*Route
	None(path string, handlers ...context.Handler) *Route
	Get(path string, handlers ...context.Handler) *Route
	Post(path string, handlers ...context.Handler) *Route
	Put(path string, handlers ...context.Handler) *Route
	Delete(path string, handlers ...context.Handler) *Route
	Connect(path string, handlers ...context.Handler) *Route
	Head(path string, handlers ...context.Handler) *Route
	Options(path string, handlers ...context.Handler) *Route
	Patch(path string, handlers ...context.Handler) *Route
	Trace(path string, handlers ...context.Handler) *Route
	Any(registeredPath string, handlers ...context.Handler) []*Route
}

// APIBuilder the visible API for constructing the router and child
// routers.
type APIBuilder struct {
	relativePath string
	middleware   context.Handlers
}

func (api *APIBuilder) GetRelPath() string                                           { panic("stub") }
func (api *APIBuilder) Party(relativePath string, handlers ...context.Handler) Party { panic("stub") }
func (api *APIBuilder) PartyFunc(relativePath string, partyBuilderFunc func(p Party)) Party {
	panic("stub")
}
func (api *APIBuilder) UseRouter(handlers ...context.Handler) { panic("stub") }
func (api *APIBuilder) Use(handlers ...context.Handler)       { panic("stub") }
func (api *APIBuilder) UseGlobal(handlers ...context.Handler) { panic("stub") }
func (api *APIBuilder) UseOnce(handlers ...context.Handler)   { panic("stub") }
func (api *APIBuilder) Done(handlers ...context.Handler)      { panic("stub") }
func (api *APIBuilder) Handle(method string, relativePath string, handlers ...context.Handler) *Route {
	panic("stub")
}
func (api *APIBuilder) HandleMany(methodOrMulti string, relativePathorMulti string, handlers ...context.Handler) (routes []*Route) {
	panic("stub")
}
func (api *APIBuilder) None(relativePath string, handlers ...context.Handler) *Route   { panic("stub") }
func (api *APIBuilder) Get(relativePath string, handlers ...context.Handler) *Route    { panic("stub") }
func (api *APIBuilder) Post(relativePath string, handlers ...context.Handler) *Route   { panic("stub") }
func (api *APIBuilder) Put(relativePath string, handlers ...context.Handler) *Route    { panic("stub") }
func (api *APIBuilder) Delete(relativePath string, handlers ...context.Handler) *Route { panic("stub") }
func (api *APIBuilder) Connect(relativePath string, handlers ...context.Handler) *Route {
	panic("stub")
}
func (api *APIBuilder) Head(relativePath string, handlers ...context.Handler) *Route { panic("stub") }
func (api *APIBuilder) Options(relativePath string, handlers ...context.Handler) *Route {
	panic("stub")
}
func (api *APIBuilder) Patch(relativePath string, handlers ...context.Handler) *Route { panic("stub") }
func (api *APIBuilder) Trace(relativePath string, handlers ...context.Handler) *Route { panic("stub") }
func (api *APIBuilder) Any(relativePath string, handlers ...context.Handler) (routes []*Route) {
	panic("stub")
}
