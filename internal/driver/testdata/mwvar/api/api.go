package api

import (
	"net/http"

	"example.com/mwvar/middleware"
	"example.com/mwvar/repo"
)

type UserHandler struct {
	repo   *repo.Repo
	isDemo bool
}

func NewUserHandler(r *repo.Repo, demo bool) *UserHandler { return &UserHandler{repo: r, isDemo: demo} }

func (h *UserHandler) me(w http.ResponseWriter, r *http.Request) {
	h.repo.User(r.Context(), "1")
}

func (h *UserHandler) remove(w http.ResponseWriter, r *http.Request) {
	h.repo.DeleteUser(r.Context(), "1")
}

// byName makes a handler from a name: not a middleware.
func (h *UserHandler) byName() func(string) http.Handler {
	return func(name string) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			h.repo.Report(r.Context(), name)
		})
	}
}

func (h *UserHandler) RegisterRoutes(mux *http.ServeMux) {
	requireAuth := middleware.NewAuth(h.repo).RequireAuth()
	restrictedInDemo := middleware.RestrictedInDemo(h.isDemo)
	mux.Handle("/api/user.me", requireAuth(http.HandlerFunc(h.me)))
	mux.Handle("/api/user.delete", restrictedInDemo(requireAuth(http.HandlerFunc(h.remove))))

	report := h.byName()
	mux.Handle("/api/report", report("daily"))

	guard := middleware.NewAuth(h.repo).RequireAuth()
	if h.isDemo {
		guard = middleware.RestrictedInDemo(true)
	}
	mux.Handle("/api/guarded", guard(http.HandlerFunc(h.remove)))
}
