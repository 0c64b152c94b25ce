// Package web serves sqlc's queries: a finding names the query by its
// sqlc name and its place in query.sql.
package web

import (
	"net/http"
	"strconv"

	"sqlcweb/db"
)

type H struct{ q *db.Queries }

// cancel reads the order again after cancelling it.
func (h *H) cancel(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	h.q.GetOrder(ctx, id) // want `^POST /orders/\{id\}/cancel calls db.\(\*Queries\).GetOrder twice per request with the same arguments \(lines 18 and 20\)$`
	h.q.CancelOrder(ctx, id)
	h.q.GetOrder(ctx, id)
}

func (h *H) Routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /orders/{id}/cancel", h.cancel)
}
