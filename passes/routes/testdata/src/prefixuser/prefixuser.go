// Package prefixuser registers handlers on prefixrouter's routers: each
// route's pattern has the prefix the router's constructor set, or an
// unknown one where its constructors do not say one.
package prefixuser

import (
	"database/sql"
	"fmt"
	"net/http"

	"prefixrouter"
)

const usersPath = "users"

type H struct{ db *sql.DB }

func (h *H) list(w http.ResponseWriter, r *http.Request) {
	_, _ = h.db.QueryContext(r.Context(), "SELECT id FROM users")
}

func Routes(h *H, admin *prefixrouter.Admin, public *prefixrouter.Public, mixed *prefixrouter.Mixed, branchy *prefixrouter.Branchy) {
	admin.GET("/users", h.list)                             // want `route GET /admin/users \[GET /admin/users\] -> prefixuser.\(\*H\).list: 1$`
	public.GET("/users/", h.list)                           // want `route GET /users \[GET /users\] -> prefixuser.\(\*H\).list: 1$`
	admin.Raw("/raw", h.list)                               // want `route GET /raw \[GET /raw\] -> prefixuser.\(\*H\).list: 1$`
	mixed.GET("/users", h.list)                             // want `route GET …/users \[GET …/users\] -> prefixuser.\(\*H\).list: 1$`
	branchy.GET("/users", h.list)                           // want `route GET …/users \[GET …/users\] -> prefixuser.\(\*H\).list: 1$`
	public.GET(fmt.Sprintf("/%s/{id}", usersPath), h.list)  // want `route GET /users/\{id\} \[GET /users/\{\}\] -> prefixuser.\(\*H\).list: 1$`
	public.Raw(fmt.Sprintf("/%s/%x", usersPath, 1), h.list) // want `route GET … \[GET …\] -> prefixuser.\(\*H\).list: 1$`
	admin.Formatted("/fmt", h.list)                         // want `route GET …/fmt \[GET …/fmt\] -> prefixuser.\(\*H\).list: 1$`
}

// Server registers through a helper of its own on a router field: the
// router's makers still say the prefix.
type Server struct {
	admin *prefixrouter.Admin
	h     *H
}

func (s *Server) get(p string, h http.HandlerFunc) { s.admin.GET(p, h) } // want `registers\(net/http GET \(prefixrouter.NewAdmin="/admin"\)\$0 -> \$1 on ""\)`

func (s *Server) Routes(mux *http.ServeMux) {
	s.get("/items", s.h.list)                  // want `route GET /admin/items \[GET /admin/items\] -> prefixuser.\(\*H\).list: 1$`
	s.admin.Trimmed("/trimmed/", s.h.list)     // want `route GET /trimmed/ \[GET /trimmed/\{\.\.\.\}\] -> prefixuser.\(\*H\).list: 1$`
	prefixrouter.API(mux, "/things", s.h.list) // want `route GET /api/things \[GET /api/things\] -> prefixuser.\(\*H\).list: 1$`
}
