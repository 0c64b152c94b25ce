// Package shopfast: fasthttp's *RequestCtx is the request's context, and
// httprouter's handlers have the request.
package shopfast

import (
	"context"
	"net/http"

	"github.com/fasthttp/router"
	"github.com/julienschmidt/httprouter"
	"github.com/valyala/fasthttp"

	"shopstore"
)

type H struct{ store *shopstore.Store }

func (h *H) get(ctx *fasthttp.RequestCtx) {
	h.store.GetOrder(ctx, 1)                  // the RequestCtx is a context.Context, the request's: silent
	h.store.GetOrder(context.Background(), 2) // want `GET /orders/\{id\} passes context.Background\(\) to shopstore.\(\*Store\).GetOrder`
}

func (h *H) list(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	h.store.GetOrder(r.Context(), 1)    // silent
	h.store.GetOrder(context.TODO(), 2) // want `GET /orders passes context.TODO\(\) to shopstore.\(\*Store\).GetOrder`
}

func (h *H) Routes() (*router.Router, *httprouter.Router) {
	r := router.New()
	r.GET("/orders/{id}", h.get)
	hr := httprouter.New()
	hr.GET("/orders", h.list)
	return r, hr
}
