package helpers

import (
	"database/sql"

	"github.com/labstack/echo/v4"
)

// Context is the application's own context over echo's: its handlers
// take it, and the Router's helpers adapt them to echo's where they
// register them.
type Context struct {
	echo.Context
	db *sql.DB
}

type Handler func(c *Context) error

type Middleware func(next Handler) Handler

// toEcho adapts a handler of the application's to echo's.
func (h Handler) toEcho() echo.HandlerFunc {
	return func(c echo.Context) error { return h(c.(*Context)) }
}

func chain(h Handler, mws ...Middleware) Handler {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}

// Router wraps an echo group; its methods are route helpers taking the
// application's handlers and middlewares.
type Router struct{ *echo.Group }

func (r *Router) GET(path string, h Handler, m ...Middleware) { // want `registers\(echo GET \$0 -> helpers.Handler.toEcho → helpers.chain → \$2 → \$1 on "…"\)`
	r.Group.GET(path, chain(h, m...).toEcho())
}

// Echo passes echo's own route-level middlewares on.
func (r *Router) Echo(path string, h echo.HandlerFunc, m ...echo.MiddlewareFunc) { // want `registers\(echo POST \$0 -> \$2 → \$1 on "…"\)`
	r.Group.POST(path, h, m...)
}

// Use adds the application's middlewares to the group r wraps, whichever
// it is: its call of echo's Use puts no middleware on every Router.
func (r *Router) Use(m ...Middleware) {
	for _, mw := range m {
		mw := mw
		r.Group.Use(func(next echo.HandlerFunc) echo.HandlerFunc {
			return chain(func(c *Context) error { return next(c) }, mw).toEcho()
		})
	}
}

// logged looks the session up before the handler runs.
func logged(next Handler) Handler {
	return func(c *Context) error {
		c.db.QueryRowContext(c.Request().Context(), "SELECT user_id FROM sessions WHERE token = $1", c.Request().Header.Get("Token"))
		return next(c)
	}
}

func showItem(c *Context) error {
	c.db.QueryRowContext(c.Request().Context(), "SELECT id FROM items WHERE id = $1", c.Param("id"))
	return nil
}

func echoItem(c echo.Context) error { return nil }

func echoMw(next echo.HandlerFunc) echo.HandlerFunc { return next }

// OwnRoutes registers through the helpers: the prefix of the group the
// Router wraps is not known here.
func OwnRoutes(e *echo.Echo) {
	r := &Router{e.Group("/app")}
	r.GET("/items/:id", showItem, logged) // want `route GET …/items/:id \[GET …/items/\{\}\] -> helpers.Handler.toEcho → helpers.chain → helpers.logged → helpers.showItem: 2$`
	r.GET("/plain", showItem)             // want `route GET …/plain \[GET …/plain\] -> helpers.Handler.toEcho → helpers.chain → helpers.showItem: 1$`
	r.Use(logged)
	r.Echo("/echo", echoItem, echoMw) // want `route POST …/echo \[POST …/echo\] -> helpers.echoMw → helpers.echoItem: 0$`
}
