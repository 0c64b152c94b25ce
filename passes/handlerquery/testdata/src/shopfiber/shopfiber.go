// Package shopfiber: fiber's request context is c.UserContext() (v2), or
// the Ctx itself and c.Context() (v3).
package shopfiber

import (
	"context"

	fiber "github.com/gofiber/fiber/v2"
	fiber3 "github.com/gofiber/fiber/v3"

	"shopstore"
)

type H struct{ store *shopstore.Store }

func (h *H) get(c *fiber.Ctx) error {
	h.store.GetOrder(c.UserContext(), 1)      // silent
	h.store.GetOrder(c.Context(), 2)          // the fasthttp RequestCtx: silent
	h.store.GetOrder(context.Background(), 3) // want `GET /orders/:id passes context.Background\(\) to shopstore.\(\*Store\).GetOrder`
	return nil
}

func (h *H) list(c fiber3.Ctx) error {
	h.store.GetOrder(c, 1)                    // silent
	h.store.GetOrder(c.Context(), 2)          // silent
	h.store.GetOrder(context.Background(), 3) // want `GET /orders passes context.Background\(\) to shopstore.\(\*Store\).GetOrder`
	return nil
}

func (h *H) Routes() (*fiber.App, *fiber3.App) {
	app := fiber.New()
	app.Get("/orders/:id", h.get)
	app3 := fiber3.New()
	app3.Get("/orders", h.list)
	return app, app3
}
