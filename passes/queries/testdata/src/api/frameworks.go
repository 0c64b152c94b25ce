package api

import (
	"context"
	"net/http"

	fasthttprouter "github.com/fasthttp/router"
	fiber "github.com/gofiber/fiber/v2"
	fiber3 "github.com/gofiber/fiber/v3"
	"github.com/julienschmidt/httprouter"
	"github.com/valyala/fasthttp"
)

// FrameworkRoutes registers each framework's handler closures, in a
// loop: a closure of a handler's signature runs per request, not when it
// is registered, so FrameworkRoutes issues no query (no fact).
func (h *Handler) FrameworkRoutes(paths []string) {
	fr := fasthttprouter.New()
	hr := httprouter.New()
	app := fiber.New()
	app3 := fiber3.New()
	for _, p := range paths {
		fr.GET(p, func(ctx *fasthttp.RequestCtx) {
			h.S.User(ctx, 1) // want `call store.\(\*Store\).User`
		})
		hr.GET(p, func(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
			h.S.User(r.Context(), 1) // want `call store.\(\*Store\).User`
		})
		app.Get(p, func(c *fiber.Ctx) error {
			h.S.User(c.UserContext(), 1) // want `call store.\(\*Store\).User`
			return nil
		})
		app3.Get(p, func(c fiber3.Ctx) error {
			h.S.User(c, 1) // want `call store.\(\*Store\).User`
			return nil
		})
	}
}

// Callback hands a closure of no handler's signature to a call, which
// runs it in place: its query is Callback's.
func (h *Handler) Callback(ctx context.Context) { // want `issuesQueries\(read SELECT id, name, email FROM users WHERE id = \$1 @store.go:\d+ via store.\(\*Store\).User\)`
	run(func() {
		h.S.User(ctx, 1) // want `call store.\(\*Store\).User`
	})
}

func run(f func()) { f() }
