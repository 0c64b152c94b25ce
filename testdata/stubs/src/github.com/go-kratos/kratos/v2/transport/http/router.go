// Stub of github.com/go-kratos/kratos/v2/transport/http (signatures mirror v2.9.2; bodies are placeholders).

package http

type HandlerFunc func(Context) error

type Router struct {
	prefix  string
	srv     *Server
	filters []FilterFunc
}

func (r *Router) Group(prefix string, filters ...FilterFunc) *Router { panic("stub") }

func (r *Router) Handle(method, relativePath string, h HandlerFunc, filters ...FilterFunc) {
	panic("stub")
}

func (r *Router) GET(path string, h HandlerFunc, m ...FilterFunc) { panic("stub") }

func (r *Router) HEAD(path string, h HandlerFunc, m ...FilterFunc) { panic("stub") }

func (r *Router) POST(path string, h HandlerFunc, m ...FilterFunc) { panic("stub") }

func (r *Router) PUT(path string, h HandlerFunc, m ...FilterFunc) { panic("stub") }

func (r *Router) PATCH(path string, h HandlerFunc, m ...FilterFunc) { panic("stub") }

func (r *Router) DELETE(path string, h HandlerFunc, m ...FilterFunc) { panic("stub") }

func (r *Router) CONNECT(path string, h HandlerFunc, m ...FilterFunc) { panic("stub") }

func (r *Router) OPTIONS(path string, h HandlerFunc, m ...FilterFunc) { panic("stub") }

func (r *Router) TRACE(path string, h HandlerFunc, m ...FilterFunc) { panic("stub") }
