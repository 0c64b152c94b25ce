// Stub of github.com/gin-gonic/gin (signatures mirror v1.12.0; bodies are placeholders).

package gin

import "net/http"

type IRouter interface {
	IRoutes
	Group(string, ...HandlerFunc) *RouterGroup
}

type IRoutes interface {
	Use(...HandlerFunc) IRoutes

	Handle(string, string, ...HandlerFunc) IRoutes
	Any(string, ...HandlerFunc) IRoutes
	GET(string, ...HandlerFunc) IRoutes
	POST(string, ...HandlerFunc) IRoutes
	DELETE(string, ...HandlerFunc) IRoutes
	PATCH(string, ...HandlerFunc) IRoutes
	PUT(string, ...HandlerFunc) IRoutes
	OPTIONS(string, ...HandlerFunc) IRoutes
	HEAD(string, ...HandlerFunc) IRoutes
	Match([]string, string, ...HandlerFunc) IRoutes

	StaticFile(string, string) IRoutes
	StaticFileFS(string, string, http.FileSystem) IRoutes
	Static(string, string) IRoutes
	StaticFS(string, http.FileSystem) IRoutes
}

type RouterGroup struct {
	basePath string
	engine   *Engine
	root     bool
	Handlers HandlersChain
}

func (group *RouterGroup) Use(middleware ...HandlerFunc) IRoutes { panic("stub") }

func (group *RouterGroup) Group(relativePath string, handlers ...HandlerFunc) *RouterGroup {
	panic("stub")
}

func (group *RouterGroup) BasePath() string { panic("stub") }

func (group *RouterGroup) Handle(httpMethod, relativePath string, handlers ...HandlerFunc) IRoutes {
	panic("stub")
}

func (group *RouterGroup) POST(relativePath string, handlers ...HandlerFunc) IRoutes { panic("stub") }

func (group *RouterGroup) GET(relativePath string, handlers ...HandlerFunc) IRoutes { panic("stub") }

func (group *RouterGroup) DELETE(relativePath string, handlers ...HandlerFunc) IRoutes { panic("stub") }

func (group *RouterGroup) PATCH(relativePath string, handlers ...HandlerFunc) IRoutes { panic("stub") }

func (group *RouterGroup) PUT(relativePath string, handlers ...HandlerFunc) IRoutes { panic("stub") }

func (group *RouterGroup) OPTIONS(relativePath string, handlers ...HandlerFunc) IRoutes {
	panic("stub")
}

func (group *RouterGroup) HEAD(relativePath string, handlers ...HandlerFunc) IRoutes { panic("stub") }

func (group *RouterGroup) Any(relativePath string, handlers ...HandlerFunc) IRoutes { panic("stub") }

func (group *RouterGroup) Match(methods []string, relativePath string, handlers ...HandlerFunc) IRoutes {
	panic("stub")
}

func (group *RouterGroup) StaticFile(relativePath, filepath string) IRoutes { panic("stub") }

func (group *RouterGroup) StaticFileFS(relativePath, filepath string, fs http.FileSystem) IRoutes {
	panic("stub")
}

func (group *RouterGroup) Static(relativePath, root string) IRoutes { panic("stub") }

func (group *RouterGroup) StaticFS(relativePath string, fs http.FileSystem) IRoutes { panic("stub") }
