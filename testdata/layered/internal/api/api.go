// Package api is the tracker's HTTP API, on a chi router.
package api

import (
	"context"
	"encoding/json"
	"errors"
	"log"
	"net/http"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"

	"example.com/layered/internal/repo"
	"example.com/layered/internal/service"
)

// Handler serves the API over the services it is given.
type Handler struct {
	users    service.Users
	projects service.Projects
	log      *log.Logger
}

// New returns a Handler over the services.
func New(users service.Users, projects service.Projects, logger *log.Logger) *Handler {
	return &Handler{users: users, projects: projects, log: logger}
}

// Routes is the API's router.
func (h *Handler) Routes() http.Handler {
	r := chi.NewRouter()
	r.Get("/healthz", h.health)
	r.Group(func(r chi.Router) {
		r.Use(h.auth)
		r.Get("/projects", h.listProjects)
		r.Post("/projects", h.createProject)
		r.Get("/projects/{id}", h.getProject)
		r.Get("/projects/{id}/board", h.board)
		r.Delete("/projects/{id}/done", h.purgeDone)
		r.Get("/me/tasks", h.myTasks)
		r.Get("/tasks/{id}", h.getTask)
		r.Route("/tasks/{id}", func(r chi.Router) {
			r.Post("/labels", h.labelTask)
			r.Get("/comments", h.taskComments)
		})
	})
	return r
}

type userKey struct{}

func userID(ctx context.Context) int64 {
	id, _ := ctx.Value(userKey{}).(int64)
	return id
}

// auth resolves the bearer token to its user.
func (h *Handler) auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || token == "" {
			http.Error(w, "missing bearer token", http.StatusUnauthorized)
			return
		}
		u, err := h.users.Authenticate(r.Context(), token)
		if err != nil {
			h.fail(w, err)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey{}, u.ID)))
	})
}

func (h *Handler) health(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNoContent)
}

func pathID(r *http.Request) (int64, error) {
	return strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
}

func (h *Handler) writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(v); err != nil {
		h.log.Printf("encode response: %v", err)
	}
}

func (h *Handler) fail(w http.ResponseWriter, err error) {
	if errors.Is(err, repo.ErrNotFound) {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	h.log.Printf("internal error: %v", err)
	http.Error(w, "internal error", http.StatusInternalServerError)
}
