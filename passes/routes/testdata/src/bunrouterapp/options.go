package bunrouterapp

import (
	"net/http"

	"github.com/uptrace/bunrouter"
)

// newRouter appends its middlewares to the options its callers pass, and
// gives them all to New.
func newRouter(h *H, opts ...bunrouter.Option) *bunrouter.Router {
	opts = append(opts, bunrouter.WithMiddleware(logger))
	opts = append(opts, bunrouter.WithMiddleware(h.auth))
	return bunrouter.New(opts...)
}

// pinged runs before the handler, as a middleware does.
func (h *H) pinged(w http.ResponseWriter, req bunrouter.Request) error {
	h.db.ExecContext(req.Context(), "UPDATE users SET seen = now() WHERE id = $1", 1)
	return nil
}

func (h *H) Options(base string, debug bool) *bunrouter.Router {
	router := newRouter(h, bunrouter.WithHandler(h.pinged))
	router.GET("/ping", h.list) // want `route GET /ping \[GET /ping\] -> bunrouterapp.\(\*H\).pinged → bunrouterapp.logger → bunrouterapp.\(\*H\).auth → bunrouterapp.\(\*H\).list: 3$`

	// Either group may be the one: the routes on it are listed for both,
	// the one under a prefix that is not a constant saying so.
	var g *bunrouter.Group
	if base != "" {
		g = router.NewGroup(base)
	} else {
		g = router.NewGroup("")
	}
	g.GET("/about", h.list) // want `route GET /about .* -> bunrouterapp.\(\*H\).pinged → bunrouterapp.logger → bunrouterapp.\(\*H\).auth → bunrouterapp.\(\*H\).list: 3$` `route GET …/about .* -> bunrouterapp.\(\*H\).pinged → bunrouterapp.logger → bunrouterapp.\(\*H\).auth → bunrouterapp.\(\*H\).list: 3$`

	// A closure after a local declaration is still named by its function.
	router.GET("/lit", func(w http.ResponseWriter, req bunrouter.Request) error { return nil }) // want `route GET /lit \[GET /lit\] -> bunrouterapp.\(\*H\).pinged → bunrouterapp.logger → bunrouterapp.\(\*H\).auth → func literal in bunrouterapp.\(\*H\).Options: 2$`

	// A group made with more middlewares only in a branch: the route after
	// it may run them or not, and is listed both ways.
	admin := router.NewGroup("/admin")
	if debug {
		admin = admin.Use(h.audit)
	}
	admin.GET("/users", h.list) // want `route GET /admin/users .* -> bunrouterapp.\(\*H\).pinged → bunrouterapp.logger → bunrouterapp.\(\*H\).auth → bunrouterapp.\(\*H\).list: 3$` `route GET /admin/users .* -> bunrouterapp.\(\*H\).pinged → bunrouterapp.logger → bunrouterapp.\(\*H\).auth → bunrouterapp.\(\*H\).audit → bunrouterapp.\(\*H\).list: 4$`
	return router
}
