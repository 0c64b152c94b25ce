package middleware

import (
	"net/http"

	"example.com/mwvar/repo"
)

type AuthConfig struct{ repo *repo.Repo }

func NewAuth(r *repo.Repo) *AuthConfig { return &AuthConfig{repo: r} }

// RequireAuth returns the middleware; its closure looks the session up.
func (c *AuthConfig) RequireAuth() func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if err := c.repo.Session(r.Context(), r.Header.Get("Session")); err != nil {
				w.WriteHeader(http.StatusUnauthorized)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// RestrictedInDemo refuses every request in a demo.
func RestrictedInDemo(demo bool) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if demo {
				w.WriteHeader(http.StatusBadRequest)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}
