// Package handlers is generated: handler-typed fields a constructor
// fills with closures over the controller.
package handlers

import (
	"context"
	"net/http"

	"github.com/go-chi/chi/v5"
)

// UserAPI is the controller.
type UserAPI interface {
	List(ctx context.Context) error
	Tag(ctx context.Context, names []string) error
}

// User holds the user routes' handlers.
type User struct {
	List func(w http.ResponseWriter, r *http.Request)
	Tag  func(w http.ResponseWriter, r *http.Request)
}

// NewUser makes the handlers.
func NewUser(h UserAPI) *User {
	return &User{
		List: func(w http.ResponseWriter, r *http.Request) {
			h.List(r.Context())
		},
		Tag: func(w http.ResponseWriter, r *http.Request) {
			r.ParseForm()
			h.Tag(r.Context(), r.Form["tag"])
		},
	}
}

// MountRoutes registers the handlers, behind the token verifier.
func (h User) MountRoutes(r chi.Router) {
	r.Use(Verifier)
	r.Get("/users/", h.List)
	r.Post("/users/tags", h.Tag)
	r.Get("/fallback", Fallback)
}
