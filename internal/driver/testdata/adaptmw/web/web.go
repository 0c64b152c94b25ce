// Package web registers the service's routes through an adapter outside
// the module, with the middlewares of each.
package web

import (
	"context"
	"encoding/json"
	"net/http"

	"example.com/adaptmw/adapters"
	ownchain "example.com/adaptmw/chain"
	"example.com/adaptmw/store"
	"example.net/errwrap"
)

type App struct{ db *store.DB }

func New(db *store.DB) *App { return &App{db: db} }

func (a *App) mwAuth(next errwrap.Handler) errwrap.Handler {
	return errwrap.HandlerFunc(func(w http.ResponseWriter, r *http.Request) error {
		if err := a.db.Session(r.Context(), r.Header.Get("Authorization")); err != nil {
			return err
		}
		return next.ServeHTTP(w, r)
	})
}

// mwRoles makes a middleware: the closure it returns wraps next.
func (a *App) mwRoles(role string) errwrap.Middleware {
	return func(next errwrap.Handler) errwrap.Handler {
		return errwrap.HandlerFunc(func(w http.ResponseWriter, r *http.Request) error {
			if err := a.db.Roles(r.Context(), role); err != nil {
				return err
			}
			return next.ServeHTTP(w, r)
		})
	}
}

func (a *App) mwOwner(next errwrap.Handler) errwrap.Handler {
	return errwrap.HandlerFunc(func(w http.ResponseWriter, r *http.Request) error {
		if err := a.db.IsOwner(r.Context(), r.Header.Get("Authorization")); err != nil {
			return err
		}
		return next.ServeHTTP(w, r)
	})
}

// audit has a middleware's shape for net/http's handlers.
func (a *App) audit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = a.db.Audit(r.Context(), r.URL.Path)
		next.ServeHTTP(w, r)
	})
}

// logf wraps no handler.
func (a *App) logf(s string) string {
	_ = a.db.Audit(context.Background(), s)
	return s
}

// HandleMemberRemove and HandleInviteDelete hand the same generic
// adapter a func of their own, through a local.
func (a *App) HandleMemberRemove() errwrap.HandlerFunc {
	fn := func(r *http.Request, id string) (any, error) {
		return nil, a.db.RemoveMember(r.Context(), id)
	}
	return adapters.CommandID("id", fn, http.StatusNoContent)
}

func (a *App) HandleInviteDelete() errwrap.HandlerFunc {
	fn := func(r *http.Request, id string) (any, error) {
		return nil, a.db.DeleteInvite(r.Context(), id)
	}
	return adapters.CommandID("id", fn, http.StatusNoContent)
}

// action is a factory each action's handler returns, given a method.
func action(ref string, fn func(context.Context, string) (int, error)) errwrap.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		n, err := fn(r.Context(), r.Header.Get("X-Group"))
		if err != nil {
			return err
		}
		return json.NewEncoder(w).Encode(map[string]any{ref: n})
	}
}

func (a *App) HandleEnsureIDs() errwrap.HandlerFunc { return action("ensure", a.db.EnsureIDs) }

func (a *App) HandleZeroTimes() errwrap.HandlerFunc { return action("zero", a.db.ZeroTimes) }

// HandleStatus runs no query.
func (a *App) HandleStatus() errwrap.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error { return nil }
}

func (a *App) Routes(chain *errwrap.Chain) http.Handler {
	mux := http.NewServeMux()
	userMW := []errwrap.Middleware{
		a.mwAuth,
		a.mwRoles("user"),
	}
	ownerMW := []errwrap.Middleware{
		a.mwAuth,
		a.mwRoles("user"),
		a.mwOwner,
	}
	mux.HandleFunc("GET /status", chain.Adapt(a.HandleStatus()))
	mux.HandleFunc("DELETE /members/{id}", chain.Adapt(a.HandleMemberRemove(), ownerMW...))
	mux.HandleFunc("DELETE /invites/{id}", chain.Adapt(a.HandleInviteDelete(), userMW...))
	mux.HandleFunc("POST /actions/ensure-ids", chain.Adapt(a.HandleEnsureIDs(), userMW...))
	mux.HandleFunc("POST /actions/zero-times", chain.Adapt(a.HandleZeroTimes(), a.mwAuth, a.mwOwner))
	// Not middlewares of the handler's type: a logger, net/http's.
	mux.HandleFunc("GET /logged", chain.Logged(a.HandleStatus(), a.logf))
	mux.HandleFunc("GET /std", chain.Std(a.HandleStatus(), a.audit))
	// The module's own adapter of the same shape.
	own := &ownchain.Chain{}
	mux.HandleFunc("DELETE /own/members/{id}", own.Adapt(a.HandleMemberRemove(), a.mwOwner))
	mux.HandleFunc("POST /own/zero-times", own.Adapt(a.HandleZeroTimes(), userMW...))
	// Factories' calls registered as they are.
	mux.HandleFunc("POST /ping", a.HandlePing())
	mux.HandleFunc("POST /pong", a.HandlePong())
	return mux
}

// HandlePing and HandlePong return a net/http adapter's call, each
// given a method value of its own.
func (a *App) HandlePing() http.HandlerFunc { return adapters.Run(a.ping) }

func (a *App) HandlePong() http.HandlerFunc { return adapters.Run(a.pong) }

func (a *App) ping(r *http.Request) error { return a.db.RemoveMember(r.Context(), "ping") }

func (a *App) pong(r *http.Request) error { return a.db.DeleteInvite(r.Context(), "pong") }
