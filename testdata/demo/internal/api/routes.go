package api

import "net/http"

// Routes registers every endpoint of the API on mux.
func (h *Handler) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /healthz", h.health)

	mux.HandleFunc("POST /customers", h.registerCustomer)
	mux.HandleFunc("GET /customers/lookup", h.lookupCustomer)
	mux.HandleFunc("GET /products/{sku}", h.getProduct)

	mux.Handle("GET /me", h.auth(h.me))
	mux.Handle("GET /customers/{id}/orders", h.auth(h.listCustomerOrders))
	mux.Handle("POST /orders", h.auth(h.createOrder))
	mux.Handle("GET /orders/{id}", h.auth(h.getOrder))
	mux.Handle("POST /orders/{id}/cancel", h.auth(h.cancelOrder))
	mux.Handle("GET /admin/orders", h.auth(h.recentOrders))
}
