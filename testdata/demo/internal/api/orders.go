package api

import (
	"encoding/json"
	"net/http"

	"example.com/demo/internal/store"
)

func (h *Handler) listCustomerOrders(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, err := pathID(r, "id")
	if err != nil || id != customerID(ctx) {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	orders, err := h.store.ListOrdersByCustomer(ctx, id)
	if err != nil {
		h.fail(w, err)
		return
	}
	for i, o := range orders {
		items, err := h.store.OrderItems(ctx, o.ID)
		if err != nil {
			h.fail(w, err)
			return
		}
		orders[i].Items = items
	}
	h.writeJSON(w, http.StatusOK, orders)
}

type createOrderRequest struct {
	Lines []store.NewLine `json:"lines"`
}

func (h *Handler) createOrder(w http.ResponseWriter, r *http.Request) {
	var req createOrderRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || len(req.Lines) == 0 {
		http.Error(w, "invalid request", http.StatusBadRequest)
		return
	}
	id, err := h.store.CreateOrder(r.Context(), customerID(r.Context()), req.Lines)
	if err != nil {
		h.fail(w, err)
		return
	}
	h.writeJSON(w, http.StatusCreated, map[string]int64{"id": id})
}

func (h *Handler) getOrder(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, err := pathID(r, "id")
	if err != nil {
		http.Error(w, "bad order id", http.StatusBadRequest)
		return
	}
	order, err := h.store.GetOrder(ctx, id)
	if err != nil || order.CustomerID != customerID(ctx) {
		h.fail(w, store.ErrNotFound)
		return
	}
	lines, err := h.store.OrderLines(ctx, id)
	if err != nil {
		h.fail(w, err)
		return
	}
	order.Items = lines
	h.writeJSON(w, http.StatusOK, order)
}

func (h *Handler) cancelOrder(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, err := pathID(r, "id")
	if err != nil {
		http.Error(w, "bad order id", http.StatusBadRequest)
		return
	}
	order, err := h.store.GetOrder(ctx, id)
	if err != nil || order.CustomerID != customerID(ctx) {
		h.fail(w, store.ErrNotFound)
		return
	}
	if order.Status != "pending" {
		http.Error(w, "order can no longer be cancelled", http.StatusConflict)
		return
	}
	if err := h.store.CancelOrder(ctx, id); err != nil {
		h.fail(w, err)
		return
	}
	order, err = h.store.GetOrder(ctx, id)
	if err != nil {
		h.fail(w, err)
		return
	}
	h.writeJSON(w, http.StatusOK, order)
}

type recentOrdersResponse struct {
	Total  int64         `json:"total"`
	Orders []store.Order `json:"orders"`
}

func (h *Handler) recentOrders(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	status := r.URL.Query().Get("status")
	total, err := h.store.CountOrders(ctx, status)
	if err != nil {
		h.fail(w, err)
		return
	}
	orders, err := h.store.RecentOrders(ctx, status)
	if err != nil {
		h.fail(w, err)
		return
	}
	items, err := h.store.ItemsForOrders(ctx, orders)
	if err != nil {
		h.fail(w, err)
		return
	}
	for i := range orders {
		orders[i].Items = items[orders[i].ID]
	}
	h.writeJSON(w, http.StatusOK, recentOrdersResponse{Total: total, Orders: orders})
}
