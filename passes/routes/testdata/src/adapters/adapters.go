// Package adapters registers handlers of its own shape: a helper takes a
// function of another signature (func(*http.Request) (*Response, error))
// and registers a closure that calls it, under two patterns ("/x" and
// "/x.view"). Each call of the helper registers the function it is
// passed; the closure only adapts it.
package adapters

import (
	"database/sql"
	"net/http"

	"github.com/go-chi/chi/v5"
)

type Response struct{ Body string }

type handler = func(*http.Request) (*Response, error)
type handlerRaw = func(http.ResponseWriter, *http.Request) (*Response, error)

type API struct{ db *sql.DB }

// authenticate returns a middleware whose handler closure, two closures
// deep, looks the user up on every request.
func authenticate(db *sql.DB) func(next http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			db.QueryRowContext(r.Context(), "SELECT id FROM users WHERE name = $1", r.URL.Query().Get("u"))
			next.ServeHTTP(w, r)
		})
	}
}

func (api *API) Routes() http.Handler {
	r := chi.NewRouter()
	r.Use(authenticate(api.db))
	h(r, "getAlbum", api.GetAlbum)    // want `route /getAlbum \[ANY /getAlbum\] -> adapters.authenticate → adapters.\(\*API\).GetAlbum: 2$` `route /getAlbum.view \[ANY /getAlbum.view\] -> adapters.authenticate → adapters.\(\*API\).GetAlbum: 2$`
	hr(r, "stream", api.Stream)       // want `route /stream \[ANY /stream\] -> adapters.authenticate → adapters.\(\*API\).Stream: 1$` `route /stream.view \[ANY /stream.view\] -> adapters.authenticate → adapters.\(\*API\).Stream: 1$`
	later(r, "getSong", api.GetAlbum) // registers later's own closure: see later
	return r
}

func (api *API) GetAlbum(r *http.Request) (*Response, error) {
	api.db.QueryRowContext(r.Context(), "SELECT id, name FROM album WHERE id = $1", r.URL.Query().Get("id"))
	return nil, nil
}

func (api *API) Stream(w http.ResponseWriter, r *http.Request) (*Response, error) {
	return nil, nil
}

// h adapts a handler that needs no response writer: its closure calls f,
// so each call of h registers what it is passed for f.
func h(r chi.Router, path string, f handler) { // want `registers\(chi ANY /\$1 -> \$2 on \$0; chi ANY /\$1.view -> \$2 on \$0\)`
	hr(r, path, func(_ http.ResponseWriter, r *http.Request) (*Response, error) {
		return f(r)
	})
}

// hr adapts a handler that returns its response: the closure, held in a
// variable, calls f and writes what it returns.
func hr(r chi.Router, path string, f handlerRaw) { // want `registers\(chi ANY /\$1 -> \$2 on \$0; chi ANY /\$1.view -> \$2 on \$0\)`
	handle := func(w http.ResponseWriter, r *http.Request) {
		res, err := f(w, r)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Write([]byte(res.Body))
	}
	addHandler(r, path, handle)
}

// addHandler registers one handler under two patterns, the second after
// the parameter: "/" + path + ".view".
func addHandler(r chi.Router, path string, handle func(w http.ResponseWriter, r *http.Request)) { // want `registers\(chi ANY /\$1 -> \$2 on \$0; chi ANY /\$1.view -> \$2 on \$0\)`
	r.HandleFunc("/"+path, handle)
	r.HandleFunc("/"+path+".view", handle)
}

// later registers a closure that does not call f (it keeps f for another
// time): f is not what serves, later is no helper, and its closure is the
// route, under a pattern later does not know.
func later(r chi.Router, path string, f handler) {
	var saved handler
	r.HandleFunc("/"+path, func(w http.ResponseWriter, r *http.Request) { // want `route /… \[ANY /…\] -> adapters.authenticate → func literal in adapters.later: 1$`
		saved = f
	})
	_ = saved
}

// remember takes a pattern and a function and calls f in a closure it
// keeps, registering nothing: no helper.
func remember(table map[string]http.HandlerFunc, path string, f handler) {
	table[path] = func(w http.ResponseWriter, r *http.Request) { f(r) }
}
