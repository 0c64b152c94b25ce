// Package bunrouterapp registers routes with uptrace/bunrouter: method
// routes and Handle, middlewares given to New and NewGroup as options,
// Use and WithMiddleware (which return a new group), WithGroup closures,
// a group variable reassigned to one with more middlewares, the net/http
// adapters, and the Compat and Verbose views.
package bunrouterapp

import (
	"context"
	"database/sql"
	"net/http"

	"github.com/uptrace/bunrouter"
)

type H struct{ db *sql.DB }

// getUser runs its query with the request's context: bunrouter.Request
// embeds the *http.Request.
func (h *H) getUser(w http.ResponseWriter, req bunrouter.Request) error {
	h.db.QueryRowContext(req.Context(), "SELECT id FROM users WHERE id = $1", req.Param("id"))
	return nil
}

func (h *H) list(w http.ResponseWriter, req bunrouter.Request) error {
	h.db.QueryContext(req.Request.Context(), "SELECT id FROM users")
	return nil
}

func (h *H) export(w http.ResponseWriter, req bunrouter.Request) error {
	h.db.QueryContext(context.Background(), "SELECT id FROM users")
	return nil
}

// auth is a bunrouter middleware: it wraps the next handler.
func (h *H) auth(next bunrouter.HandlerFunc) bunrouter.HandlerFunc {
	return func(w http.ResponseWriter, req bunrouter.Request) error {
		h.db.QueryRowContext(req.Context(), "SELECT user_id FROM sessions WHERE token = $1", req.Header.Get("Token"))
		return next(w, req)
	}
}

// audit is another, for the admin routes.
func (h *H) audit(next bunrouter.HandlerFunc) bunrouter.HandlerFunc {
	return func(w http.ResponseWriter, req bunrouter.Request) error {
		h.db.ExecContext(req.Context(), "INSERT INTO audit (path) VALUES ($1)", req.URL.Path)
		return next(w, req)
	}
}

func logger(next bunrouter.HandlerFunc) bunrouter.HandlerFunc { return next }

// health is a net/http handler, registered through the adapters and on
// the Compat view.
func (h *H) health(w http.ResponseWriter, r *http.Request) {
	h.db.QueryRowContext(r.Context(), "SELECT 1")
}

// legacy is an httprouter-style handler, for the Verbose view.
func (h *H) legacy(w http.ResponseWriter, r *http.Request, ps bunrouter.Params) {
	h.db.QueryRowContext(r.Context(), "SELECT id FROM users WHERE id = $1", ps.ByName("id"))
}

func (h *H) Router() *bunrouter.Router {
	router := bunrouter.New(bunrouter.Use(logger))
	router.GET("/users/:id", h.getUser)                     // want `route GET /users/:id \[GET /users/\{\}\] -> bunrouterapp.logger → bunrouterapp.\(\*H\).getUser: 1$`
	router.Handle("PATCH", "/users/:id", h.auth(h.getUser)) // want `route PATCH /users/:id \[PATCH /users/\{\}\] -> bunrouterapp.logger → bunrouterapp.\(\*H\).auth → bunrouterapp.\(\*H\).getUser: 2$`
	router.POST("/export/*path", h.export)                  // want `route POST /export/\*path \[POST /export/\{\.\.\.\}\] -> bunrouterapp.logger → bunrouterapp.\(\*H\).export: 1 ctx background@bunrouterapp.go:\d+$`

	// Use returns a group with the middleware; the router keeps none.
	router.Use(h.auth).GET("/me", h.getUser) // want `route GET /me \[GET /me\] -> bunrouterapp.logger → bunrouterapp.\(\*H\).auth → bunrouterapp.\(\*H\).getUser: 2$`
	router.DELETE("/me", h.getUser)          // want `route DELETE /me \[DELETE /me\] -> bunrouterapp.logger → bunrouterapp.\(\*H\).getUser: 1$`

	api := router.NewGroup("/api", bunrouter.WithMiddleware(h.auth))
	api.GET("/users", h.list) // want `route GET /api/users \[GET /api/users\] -> bunrouterapp.logger → bunrouterapp.\(\*H\).auth → bunrouterapp.\(\*H\).list: 2$`

	// WithGroup calls its function with a sub-group under the prefix.
	api.WithGroup("/admin", func(g *bunrouter.Group) {
		g.GET("/stats", h.list) // want `route GET /api/admin/stats \[GET /api/admin/stats\] -> bunrouterapp.logger → bunrouterapp.\(\*H\).auth → bunrouterapp.\(\*H\).list: 2$`
		g = g.Use(h.audit)
		g.POST("/users", h.list) // want `route POST /api/admin/users \[POST /api/admin/users\] -> bunrouterapp.logger → bunrouterapp.\(\*H\).auth → bunrouterapp.\(\*H\).audit → bunrouterapp.\(\*H\).list: 3$`
	})
	router.Use(h.auth).WithGroup("/v2", h.v2)

	// The options of NewGroup apply in order: the WithGroup function
	// registers before the middleware after it is on the stack.
	router.NewGroup("/v3",
		bunrouter.WithGroup(func(g *bunrouter.Group) {
			g.GET("/open", h.list) // want `route GET /v3/open \[GET /v3/open\] -> bunrouterapp.logger → bunrouterapp.\(\*H\).list: 1$`
		}),
		bunrouter.Use(h.auth),
		bunrouter.WithGroup(func(g *bunrouter.Group) {
			g.GET("/closed", h.list) // want `route GET /v3/closed \[GET /v3/closed\] -> bunrouterapp.logger → bunrouterapp.\(\*H\).auth → bunrouterapp.\(\*H\).list: 2$`
		}),
	)

	// The adapters take net/http handlers: what they adapt serves.
	router.GET("/health", bunrouter.HTTPHandlerFunc(h.health)) // want `route GET /health \[GET /health\] -> bunrouterapp.logger → bunrouterapp.\(\*H\).health: 1$`
	adapt := bunrouter.HTTPHandler
	router.GET("/ready", adapt(http.HandlerFunc(h.health))) // want `route GET /ready \[GET /ready\] -> bunrouterapp.logger → bunrouterapp.\(\*H\).health: 1$`

	router.Compat().GET("/compat", h.health)       // want `route GET /compat \[GET /compat\] -> bunrouterapp.logger → bunrouterapp.\(\*H\).health: 1$`
	router.Verbose().GET("/verbose/:id", h.legacy) // want `route GET /verbose/:id \[GET /verbose/\{\}\] -> bunrouterapp.logger → bunrouterapp.\(\*H\).legacy: 1$`
	return router
}

// v2 is given to WithGroup: its group is under /v2, with auth.
func (h *H) v2(g *bunrouter.Group) {
	g.GET("/users", h.list) // want `route GET /v2/users \[GET /v2/users\] -> bunrouterapp.logger → bunrouterapp.\(\*H\).auth → bunrouterapp.\(\*H\).list: 2$`
}

// Register is exported and called by no one here: the prefix of its
// group cannot be known, and the pattern says so.
func (h *H) Register(g *bunrouter.Group) {
	g.WithGroup("/items", func(g *bunrouter.Group) {
		g.GET("/:id", h.getUser) // want `route GET …/items/:id \[GET …/items/\{\}\] -> bunrouterapp.\(\*H\).getUser: 1$`
	})
}

// Orphan has bunrouter's handler signature and no registration here
// reaches it: a route of its own, named by its function.
func (h *H) Orphan(w http.ResponseWriter, req bunrouter.Request) error { // want `route bunrouterapp.\(\*H\).Orphan \[ANY bunrouterapp.\(\*H\).Orphan\] -> bunrouterapp.\(\*H\).Orphan: 1$`
	h.db.QueryRowContext(req.Context(), "SELECT 2")
	return nil
}

// notAHandler takes a bunrouter.Request but returns nothing: not
// bunrouter's handler, so no route.
func (h *H) notAHandler(w http.ResponseWriter, req bunrouter.Request) {
	h.db.QueryRowContext(req.Context(), "SELECT 3")
}

// table has a GET method of a router's shape, but is no router: its calls
// register nothing.
type table struct {
	rows map[string]bunrouter.HandlerFunc
}

func (t *table) GET(path string, h bunrouter.HandlerFunc) { t.rows[path] = h }

func (h *H) NotRoutes(t *table) {
	t.GET("/not/a/route", h.list)
	h.notAHandler(nil, bunrouter.Request{})
}
