// Package api implements the HTTP handlers of the shop API.
package api

import (
	"context"
	"encoding/json"
	"errors"
	"log"
	"net/http"
	"strconv"
	"strings"

	"example.com/demo/internal/store"
)

// Handler serves the shop API.
type Handler struct {
	store *store.Store
	log   *log.Logger
}

// New returns a Handler using st for persistence.
func New(st *store.Store, logger *log.Logger) *Handler {
	return &Handler{store: st, log: logger}
}

type customerKey struct{}

// customerID returns the authenticated customer of the request.
func customerID(ctx context.Context) int64 {
	id, _ := ctx.Value(customerKey{}).(int64)
	return id
}

// auth resolves the bearer token to a session and rejects anonymous requests.
func (h *Handler) auth(next http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || token == "" {
			http.Error(w, "missing bearer token", http.StatusUnauthorized)
			return
		}
		id, err := h.store.CustomerForToken(r.Context(), token)
		if err != nil {
			h.fail(w, err)
			return
		}
		ctx := context.WithValue(r.Context(), customerKey{}, id)
		next(w, r.WithContext(ctx))
	})
}

func pathID(r *http.Request, name string) (int64, error) {
	return strconv.ParseInt(r.PathValue(name), 10, 64)
}

func (h *Handler) writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		h.log.Printf("encode response: %v", err)
	}
}

func (h *Handler) fail(w http.ResponseWriter, err error) {
	if errors.Is(err, store.ErrNotFound) {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	h.log.Printf("internal error: %v", err)
	http.Error(w, "internal error", http.StatusInternalServerError)
}
