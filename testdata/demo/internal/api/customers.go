package api

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
)

func (h *Handler) health(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("ok\n"))
}

type registerRequest struct {
	Email string `json:"email"`
	Name  string `json:"name"`
}

func (h *Handler) registerCustomer(w http.ResponseWriter, r *http.Request) {
	var req registerRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || !strings.Contains(req.Email, "@") {
		http.Error(w, "invalid request", http.StatusBadRequest)
		return
	}
	ctx := r.Context()
	taken, err := h.store.EmailTaken(ctx, req.Email)
	if err != nil {
		h.fail(w, err)
		return
	}
	if taken {
		http.Error(w, "email already registered", http.StatusConflict)
		return
	}
	c, err := h.store.CreateCustomer(ctx, req.Email, req.Name)
	if err != nil {
		h.fail(w, err)
		return
	}
	h.writeJSON(w, http.StatusCreated, c)
}

func (h *Handler) lookupCustomer(w http.ResponseWriter, r *http.Request) {
	email := r.URL.Query().Get("email")
	c, err := h.store.CustomerByEmail(context.Background(), email)
	if err != nil {
		h.fail(w, err)
		return
	}
	h.writeJSON(w, http.StatusOK, c)
}

func (h *Handler) getProduct(w http.ResponseWriter, r *http.Request) {
	p, err := h.store.ProductBySKU(r.PathValue("sku"))
	if err != nil {
		h.fail(w, err)
		return
	}
	h.writeJSON(w, http.StatusOK, p)
}

func (h *Handler) me(w http.ResponseWriter, r *http.Request) {
	c, err := h.store.GetCustomer(r.Context(), customerID(r.Context()))
	if err != nil {
		h.fail(w, err)
		return
	}
	h.writeJSON(w, http.StatusOK, c)
}
