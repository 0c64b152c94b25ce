// Package auth is middlewares that evaluate the checks they pass a
// shared helper.
package auth

import (
	"net/http"

	"example.com/callctx/store"
)

type state int

const (
	skip state = iota
	ok
	forbidden
)

type Auth struct{ S *store.Store }

type check func(r *http.Request) state

// RequireAdmin: a user or a client, either an admin.
func (a *Auth) RequireAdmin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a.evaluateOr401(w, r, next, a.handleUser(), a.handleClient(a.checkAdmin))
	})
}

// RequireClient: a user or a client, no further checks.
func (a *Auth) RequireClient(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a.evaluateOr401(w, r, next, a.handleUser(), a.handleClient())
	})
}

// RequireApplication: an application's token, else a client's.
func (a *Auth) RequireApplication(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a.evaluateOr401(w, r, next, a.handleApplication, a.handleClient())
	})
}

func (a *Auth) evaluateOr401(w http.ResponseWriter, r *http.Request, next http.Handler, checks ...check) {
	if !a.evaluate(r, checks...) {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	next.ServeHTTP(w, r)
}

func (a *Auth) evaluate(r *http.Request, checks ...check) bool {
	for _, c := range checks {
		if c(r) == ok {
			return true
		}
	}
	return false
}

func (a *Auth) handleUser(extra ...func(id int64) state) check {
	return func(r *http.Request) state {
		name, _, found := r.BasicAuth()
		if !found {
			return skip
		}
		id := a.S.UserByName(name)
		for _, x := range extra {
			if x(id) != ok {
				return forbidden
			}
		}
		return ok
	}
}

func (a *Auth) handleClient(extra ...func(id int64) state) check {
	return func(r *http.Request) state {
		id := a.S.ClientByToken(r.Header.Get("X-Token"))
		if id == 0 {
			return skip
		}
		for _, x := range extra {
			if x(id) != ok {
				return forbidden
			}
		}
		return ok
	}
}

func (a *Auth) handleApplication(r *http.Request) state {
	if a.S.ApplicationByToken(r.Header.Get("X-App")) == 0 {
		return skip
	}
	return ok
}

func (a *Auth) checkAdmin(id int64) state {
	if !a.S.IsAdmin(id) {
		return forbidden
	}
	return ok
}
