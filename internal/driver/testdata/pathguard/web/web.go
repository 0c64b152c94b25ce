// Package web serves net/http routes behind middlewares that test the
// request's path.
package web

import (
	"net/http"
	"strings"

	"example.com/pathguard/store"
)

// Prefix is configured at start: a test against it decides nothing.
var Prefix = "/internal/"

// static hands the static files on untouched; every other path checks
// the session.
func static(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/static/") {
			next.ServeHTTP(w, r)
			return
		}
		for range r.URL.Query()["session"] {
			store.Session(r.Context()) // per session named: an N+1 of every route but /static/'s
		}
		next.ServeHTTP(w, r)
	})
}

// flags looks the flags up for the file named "secret" alone, a path the
// pattern /files/{name} may or may not have.
func flags(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/files/secret" {
			store.Flags(r.Context())
		}
		next.ServeHTTP(w, r)
	})
}

// header tests a header, not the path: both ways stay.
func header(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Path") == "/static/" {
			next.ServeHTTP(w, r)
			return
		}
		store.Token(r.Context())
		next.ServeHTTP(w, r)
	})
}

// configured tests the path against a value known at run time only.
func configured(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, Prefix) {
			store.Audit(r.Context())
		}
		next.ServeHTTP(w, r)
	})
}

// legacy runs behind http.StripPrefix("/v1", ...): the path it tests
// has lost the /v1 of the route's pattern, so "/v1/" decides nothing.
func legacy(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/v1/") {
			next.ServeHTTP(w, r)
			return
		}
		store.Attempts(r.Context())
		next.ServeHTTP(w, r)
	})
}

func Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /static/{file...}", serveFile)
	mux.HandleFunc("GET /api/items", listItems)
	mux.HandleFunc("GET /files/{name}", getFile)
	v1 := http.NewServeMux()
	v1.HandleFunc("GET /api/items", listItems)
	mux.Handle("/v1/", http.StripPrefix("/v1", legacy(v1)))
	return static(flags(header(configured(mux))))
}

func serveFile(w http.ResponseWriter, r *http.Request) {}

func listItems(w http.ResponseWriter, r *http.Request) { store.Items(r.Context()) }

func getFile(w http.ResponseWriter, r *http.Request) { store.Files(r.Context()) }
