// Package helpers registers its routes through its own helpers: functions
// taking a pattern and a handler that call the router with them. Each call
// of a helper is a registration; the router call in the helper's body is
// not one.
package helpers

import (
	"database/sql"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
)

type Server struct {
	r     *chi.Mux
	db    *sql.DB
	table map[string]http.HandlerFunc
}

func NewServer(db *sql.DB) *Server {
	s := &Server{r: chi.NewRouter(), db: db}
	s.r.Use(logging)
	return s
}

func logging(next http.Handler) http.Handler { return next }

// auth is wrapped around every handler route registers.
func (s *Server) auth(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.db.QueryRowContext(r.Context(), "SELECT user_id FROM sessions WHERE token = $1", r.Header.Get("Token"))
		next(w, r)
	}
}

func (s *Server) list(w http.ResponseWriter, r *http.Request) {
	s.db.QueryContext(r.Context(), "SELECT id FROM items")
}

func (s *Server) get(w http.ResponseWriter, r *http.Request) {
	s.db.QueryRowContext(r.Context(), "SELECT id FROM items WHERE id = $1", chi.URLParam(r, "id"))
}

// route is the helper: the method, the pattern and the handler are its
// parameters; the router and the auth middleware are its own.
func (s *Server) route(method, path string, h http.HandlerFunc) { // want `registers\(chi \$0 \$1 -> helpers.\(\*Server\).auth → \$2 on ""\)`
	s.r.Method(method, path, s.auth(h))
}

// getRoute is a helper of a helper: it fixes the method and puts its
// pattern under /api.
func (s *Server) getRoute(path string, h http.HandlerFunc) { // want `registers\(chi GET /api\$0 -> helpers.\(\*Server\).auth → \$1 on ""\)`
	s.route("GET", "/api"+path, h)
}

// Handle is exported: packages that hold a Server register through it.
func (s *Server) Handle(method, path string, h http.HandlerFunc) { // want `registers\(chi \$0 \$1 -> helpers.\(\*Server\).auth → \$2 on ""\)`
	s.route(method, path, h)
}

// Router lets other packages pass the router itself.
func (s *Server) Router() chi.Router { return s.r }

// Public registers on the router it is given, its pattern naming the
// method as a ServeMux pattern would.
func Public(r chi.Router, pattern string, h http.HandlerFunc) { // want `registers\(chi ANY \$1 -> \$2 on \$0\)`
	r.Handle(pattern, h)
}

// remember takes a pattern and a handler but calls no router: it is no
// helper, and its calls register nothing.
func (s *Server) remember(pattern string, h http.HandlerFunc) {
	s.table[pattern] = h
}

// Routes registers through the helpers.
func (s *Server) Routes() {
	s.route("GET", "/items", s.list)        // want `route GET /items \[GET /items\] -> helpers.logging → helpers.\(\*Server\).auth → helpers.\(\*Server\).list: 2$`
	s.route("DELETE", "/items/{id}", s.get) // want `route DELETE /items/\{id\} \[DELETE /items/\{\}\] -> helpers.logging → helpers.\(\*Server\).auth → helpers.\(\*Server\).get: 2$`
	s.getRoute("/items/{id}", s.get)        // want `route GET /api/items/\{id\} \[GET /api/items/\{\}\] -> helpers.logging → helpers.\(\*Server\).auth → helpers.\(\*Server\).get: 2$`
	Public(s.r, "GET /about", s.list)       // want `route GET /about \[GET /about\] -> helpers.logging → helpers.\(\*Server\).list: 1$`
	s.remember("/stats", s.stats)
	// Registered in a loop from a table: each row through the helper.
	for _, rt := range []struct {
		path string
		h    http.HandlerFunc
	}{{"/a", s.list}, {"/b", s.get}} { // want `route GET /a \[GET /a\] -> helpers.logging → helpers.\(\*Server\).auth → helpers.\(\*Server\).list: 2$` `route GET /b \[GET /b\] -> helpers.logging → helpers.\(\*Server\).auth → helpers.\(\*Server\).get: 2$`
		s.route("GET", rt.path, rt.h)
	}
	// A table another function gives: not known here, and the route says so.
	for _, rt := range s.entries() {
		s.route("GET", rt.path, rt.h) // want `route GET … \[GET …\] -> helpers.logging → helpers.\(\*Server\).auth → rt.h: 1$`
	}
}

// stats is only remembered, never registered by a route this package
// sees: it is a route of its own, by its name.
func (s *Server) stats(w http.ResponseWriter, r *http.Request) { // want `route helpers.\(\*Server\).stats \[ANY helpers.\(\*Server\).stats\] -> helpers.\(\*Server\).stats: 1$`
	s.db.QueryRowContext(r.Context(), "SELECT count(*) FROM items")
}

// GinServer's helper passes a chain of gin handlers on: the last serves.
type GinServer struct {
	g  *gin.Engine
	db *sql.DB
}

func (s *GinServer) GET(path string, hs ...gin.HandlerFunc) { // want `registers\(gin GET \$0 -> \$1\.\.\. on ""\)`
	s.g.GET(path, hs...)
}

func (s *GinServer) auth(c *gin.Context) {
	s.db.QueryRowContext(c, "SELECT user_id FROM sessions WHERE token = $1", c.GetHeader("Token"))
	c.Next()
}

func (s *GinServer) item(c *gin.Context) {
	s.db.QueryRowContext(c, "SELECT id FROM items WHERE id = $1", c.Param("id"))
}

func (s *GinServer) Routes() {
	s.GET("/items/:id", s.auth, s.item) // want `route GET /items/:id \[GET /items/\{\}\] -> helpers.\(\*GinServer\).auth → helpers.\(\*GinServer\).item: 2$`
}

type entry struct {
	path string
	h    http.HandlerFunc
}

func (s *Server) entries() []entry { return []entry{{"/c", s.list}} }
