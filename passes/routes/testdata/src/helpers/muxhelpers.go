package helpers

import (
	"net/http"
	"path"
)

// muxRouter registers Go 1.22 patterns, method+" "+path, on a ServeMux
// through helpers of its own.
type muxRouter struct {
	mux    *http.ServeMux
	prefix string
}

func (r *muxRouter) handle(method, route string, h http.Handler) { // want `registers\(net/http \$0 \(=""\)\$1 -> \$2 on ""\)`
	route = path.Join(r.prefix, route)
	r.mux.Handle(method+" "+route, h)
}

func (r *muxRouter) GET(route string, h http.HandlerFunc) { r.handle(http.MethodGet, route, h) } // want `registers\(net/http GET \(=""\)\$0 -> \$1 on ""\)`

func (r *muxRouter) POST(route string, h http.HandlerFunc) { r.handle(http.MethodPost, route, h) } // want `registers\(net/http POST \(=""\)\$0 -> \$1 on ""\)`

// MuxRoutes registers through the helpers.
func (s *Server) MuxRoutes(r *muxRouter) {
	r.GET("/things/{id}", s.get) // want `route GET /things/\{id\} \[GET /things/\{\}\] -> helpers.\(\*Server\).get: 1$`
	r.POST("/things", s.list)    // want `route POST /things \[POST /things\] -> helpers.\(\*Server\).list: 1$`
}
