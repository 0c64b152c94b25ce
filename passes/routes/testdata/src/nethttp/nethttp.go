// Package nethttp registers routes on net/http's ServeMux in every form the
// routes pass follows.
package nethttp

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"path"
)

type H struct{ db *sql.DB }

func (h *H) list(w http.ResponseWriter, r *http.Request) {
	h.db.QueryContext(r.Context(), "SELECT id FROM items")
}

func (h *H) get(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	h.db.QueryRowContext(ctx, "SELECT id FROM items WHERE id = $1", 1)
	h.db.QueryRowContext(ctx, "SELECT name FROM tags WHERE item_id = $1", 1)
}

// search takes one of two paths: its heaviest issues two queries.
func (h *H) search(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("q") == "" {
		h.db.QueryContext(r.Context(), "SELECT id FROM items")
		return
	}
	h.db.QueryContext(r.Context(), "SELECT id FROM items WHERE name LIKE $1", "%")
	h.db.QueryContext(r.Context(), "SELECT count(*) FROM items WHERE name LIKE $1", "%")
}

// each issues a query per item.
func (h *H) each(w http.ResponseWriter, r *http.Request) {
	for _, id := range r.URL.Query()["id"] {
		h.db.QueryRowContext(r.Context(), "SELECT name FROM items WHERE id = $1", id)
	}
}

// save runs two queries; what the goroutine it starts and leaves running
// issues, before or after them, is not the request's.
func (h *H) save(w http.ResponseWriter, r *http.Request) {
	h.db.ExecContext(r.Context(), "INSERT INTO items (name) VALUES ($1)", "x")
	go func() {
		h.db.ExecContext(context.Background(), "INSERT INTO audit (what) VALUES ($1)", "save")
	}()
	go h.touch()
	h.db.ExecContext(r.Context(), "UPDATE counts SET items = items + 1")
}

func (h *H) touch() { h.db.Exec("UPDATE stats SET saves = saves + 1") }

// await waits for the goroutine to close done: its query is the request's.
func (h *H) await(w http.ResponseWriter, r *http.Request) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		h.db.QueryRowContext(r.Context(), "SELECT count(*) FROM items")
	}()
	<-done
}

// auth runs a query before every request it wraps.
func (h *H) auth(next http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.db.QueryRowContext(r.Context(), "SELECT user_id FROM sessions WHERE token = $1", r.Header.Get("Token"))
		next(w, r)
	})
}

// logged wraps without queries.
func logged(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { next.ServeHTTP(w, r) })
}

// feed is built by a constructor: the closure it returns serves.
func (h *H) feed() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		h.db.QueryContext(context.Background(), "SELECT id FROM feed")
	}
}

// login returns the closure that serves, as an http.Handler.
func (h *H) login(onFail func(http.ResponseWriter, *http.Request, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.db.QueryRow("SELECT id FROM users WHERE name = $1", r.FormValue("username"))
	})
}

type statusHandler struct{ db *sql.DB }

func (s *statusHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.db.QueryRow("SELECT 1")
}

func (h *H) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /items", h.list)                                                // want `route GET /items \[GET /items\] -> nethttp.\(\*H\).list: 1$`
	mux.HandleFunc("GET /items/{id}", h.get)                                            // want `route GET /items/\{id\} \[GET /items/\{\}\] -> nethttp.\(\*H\).get: 2$`
	mux.HandleFunc("/search", h.search)                                                 // want `route /search \[ANY /search\] -> nethttp.\(\*H\).search: 2$`
	mux.Handle("POST /each", http.HandlerFunc(h.each))                                  // want `route POST /each \[POST /each\] -> nethttp.\(\*H\).each: 0\+loop$`
	mux.HandleFunc("POST /save", h.save)                                                // want `route POST /save \[POST /save\] -> nethttp.\(\*H\).save: 2$`
	mux.HandleFunc("GET /await", h.await)                                               // want `route GET /await \[GET /await\] -> nethttp.\(\*H\).await: 1$`
	mux.Handle("GET /me", h.auth(h.get))                                                // want `route GET /me \[GET /me\] -> nethttp.\(\*H\).auth → nethttp.\(\*H\).get: 3$`
	mux.Handle("GET /logged/me", logged(h.auth(h.list)))                                // want `route GET /logged/me .* -> nethttp.logged → nethttp.\(\*H\).auth → nethttp.\(\*H\).list: 2$`
	mux.Handle("GET /feed", h.feed())                                                   // want `route GET /feed .* -> nethttp.\(\*H\).feed: 1 ctx background@nethttp.go:\d+$`
	mux.Handle("example.com/status", &statusHandler{})                                  // want `route example.com/status \[ANY example.com/status\] -> nethttp.\(\*statusHandler\).ServeHTTP: 1 ctx none@nethttp.go:\d+$`
	mux.HandleFunc("GET /inline/{name}", func(w http.ResponseWriter, r *http.Request) { // want `route GET /inline/\{name\} .* -> func literal in nethttp.\(\*H\).Routes: 1$`
		h.db.ExecContext(r.Context(), "DELETE FROM items WHERE name = $1", r.PathValue("name"))
	})
	http.HandleFunc("/default", h.list) // want `route /default \[ANY /default\] -> nethttp.\(\*H\).list: 1$`
	// A table of patterns: a route per row, at the row.
	for _, p := range []string{"/a", "/b"} { // want `route /a \[ANY /a\] -> nethttp.\(\*H\).list: 1$` `route /b \[ANY /b\] -> nethttp.\(\*H\).list: 1$`
		mux.HandleFunc(p, h.list)
	}
}

// orphan has a handler's signature and no registration here: it is a
// route named by its function.
func orphan(w http.ResponseWriter, r *http.Request) { // want `route nethttp.orphan \[ANY nethttp.orphan\] -> nethttp.orphan: 0$`
}

// helper is called by a handler: part of its request, not a route.
func helper(w http.ResponseWriter, r *http.Request) {}

func (h *H) delegate(w http.ResponseWriter, r *http.Request) { // want `route nethttp.\(\*H\).delegate .*: 0$`
	helper(w, r)
}

// authAll wraps a whole mux.
func (h *H) authAll(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.db.QueryRowContext(r.Context(), "SELECT user_id FROM sessions WHERE token = $1", r.Header.Get("Token"))
		next.ServeHTTP(w, r)
	})
}

// API returns a mux wrapped in middlewares: they run before each of its
// routes, and StripPrefix moves them under /api.
func (h *H) API() http.Handler {
	sub := http.NewServeMux()
	sub.HandleFunc("GET /things", h.list) // want `route GET /api/things \[GET /api/things\] -> nethttp.logged → http.StripPrefix → nethttp.\(\*H\).authAll → nethttp.\(\*H\).list: 2$`
	root := http.NewServeMux()
	root.Handle("/api/", http.StripPrefix("/api", h.authAll(sub))) // a mount, not a route of its own
	return logged(root)
}

// wrapping through a local closure, and a call of a call.
func (h *H) More(mux *http.ServeMux, cfg string) {
	withAuth := func(fn http.HandlerFunc) http.Handler { return h.auth(fn) }
	mux.Handle("GET /closure", withAuth(h.list))                          // want `route GET /closure .* -> withAuth → nethttp.\(\*H\).list: 2$`
	mux.Handle("GET /curried", configured(cfg)(http.HandlerFunc(h.list))) // want `route GET /curried .* -> nethttp.configured → nethttp.\(\*H\).list: 1$`
	mux.Handle("GET /served", serving(h))                                 // want `route GET /served .* -> nethttp.serving: 1$`
	mux.HandleFunc("POST /login", h.login(nil).ServeHTTP)                 // want `route POST /login .* -> nethttp.\(\*H\).login: 1 ctx none@nethttp.go:\d+$`
	// A pattern built at run time: the constant parts are known, "…"
	// stands for the others.
	mux.HandleFunc(cfg+"/calls", h.list)              // want `route …/calls \[ANY …/calls\] -> nethttp.\(\*H\).list: 1$`
	mux.HandleFunc("GET /users/"+cfg+"/feed", h.list) // want `route GET /users/…/feed \[GET /users/…/feed\] -> nethttp.\(\*H\).list: 1$`
	mux.HandleFunc(cfg+cfg, h.list)                   // want `route … \[ANY …\] -> nethttp.\(\*H\).list: 1$`
	mux.HandleFunc(path.Join(cfg, "open"), h.list)    // want `route …/open \[ANY …/open\] -> nethttp.\(\*H\).list: 1$`
	// A helper of the package building the path from its parameter,
	// and one building it from another's: read with their arguments.
	mux.HandleFunc("GET "+apiPath("/checks"), h.list)          // want `route GET /api/v1/checks \[GET /api/v1/checks\] -> nethttp.\(\*H\).list: 1$`
	mux.HandleFunc("POST "+apiPath(apiPath("/twice")), h.list) // want `route POST /api/v1/api/v1/twice \[POST /api/v1/api/v1/twice\] -> nethttp.\(\*H\).list: 1$`
	mux.HandleFunc(envPath("GET", "/nodes"), h.list)           // want `route GET /api/v1/\{env\}/nodes \[GET /api/v1/\{\}/nodes\] -> nethttp.\(\*H\).list: 1$`
	mux.HandleFunc("GET "+apiPath(cfg), h.list)                // want `route GET /api/v1… \[GET /api/v1…\] -> nethttp.\(\*H\).list: 1$`
	// More than a return: not read.
	mux.HandleFunc("GET "+noisyPath(cfg), h.list) // want `route GET … \[GET …\] -> nethttp.\(\*H\).list: 1$`
}

const apiPrefix, apiVersion = "/api", "/v1"

func apiPath(target string) string { return apiPrefix + apiVersion + target }

func envPath(method, target string) string { return method + " " + apiPath("/{env}"+target) }

func noisyPath(target string) string {
	fmt.Println(target)
	return "/logged" + target
}

func configured(cfg string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { next.ServeHTTP(w, r) })
	}
}

// serving returns a method as the handler.
func serving(h *H) http.Handler { return http.HandlerFunc(h.list) }

// apiKey and basic are alternatives: a request with a key skips the
// password check. A middleware counts its cheapest path to the handler.
func (h *H) apiKey(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := r.Header.Get("Key")
		if key == "" {
			next.ServeHTTP(w, r)
			return
		}
		h.db.QueryRowContext(r.Context(), "SELECT user_id FROM api_keys WHERE key = $1", key)
		h.db.ExecContext(r.Context(), "UPDATE api_keys SET used_at = now() WHERE key = $1", key)
		next.ServeHTTP(w, r)
	})
}

func (h *H) basic(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authed") != "" {
			next.ServeHTTP(w, r)
			return
		}
		h.db.QueryRowContext(r.Context(), "SELECT id FROM users WHERE name = $1", r.Header.Get("User"))
		next.ServeHTTP(w, r)
	})
}

func (h *H) Alternatives(mux *http.ServeMux) {
	mux.Handle("GET /alt", h.apiKey(h.basic(http.HandlerFunc(h.list)))) // want `route GET /alt .* -> nethttp.\(\*H\).apiKey → nethttp.\(\*H\).basic → nethttp.\(\*H\).list: 1$`
}
