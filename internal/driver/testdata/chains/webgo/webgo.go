// Package webgo wraps its whole router in an alice chain, and some
// routes in another.
package webgo

import (
	"net/http"

	"github.com/justinas/alice"

	"example.com/chains/store"
)

type Application struct{}

func (app *Application) Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /hello", app.home)
	dynamic := alice.New(app.session)
	mux.Handle("GET /snippet/{id}", dynamic.ThenFunc(app.snippet))
	mux.Handle("GET /me", app.authed().ThenFunc(app.home))
	standard := alice.New(app.logRequest)
	return standard.Then(mux)
}

func (app *Application) authed() alice.Chain { return alice.New(app.session) }

func (app *Application) home(w http.ResponseWriter, r *http.Request) { store.Items() }

func (app *Application) snippet(w http.ResponseWriter, r *http.Request) {
	store.Item(r.PathValue("id"))
}

func (app *Application) session(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		store.Session(r.Header.Get("Session"))
		next.ServeHTTP(w, r)
	})
}

func (app *Application) logRequest(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		store.Audit(r.URL.Path)
		next.ServeHTTP(w, r)
	})
}
