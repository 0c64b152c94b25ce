package tables

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

// gitRoute is a row that serves itself: its ServeHTTP checks the method,
// then calls the row's handler. The row's handler is the route's, inside
// ServeHTTP (and the middlewares around the row).
type gitRoute struct {
	methods []string
	handler http.HandlerFunc
	path    string
}

func (g gitRoute) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for _, m := range g.methods {
		if m == r.Method {
			g.handler(w, r)
			return
		}
	}
	w.WriteHeader(http.StatusMethodNotAllowed)
}

// withRepo takes the row as an http.Handler.
func (h *H) withRepo(next http.Handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		h.db.QueryRowContext(r.Context(), "SELECT id FROM repos WHERE name = $1", chi.URLParam(r, "repo"))
		next.ServeHTTP(w, r)
	}
}

func (h *H) batch(w http.ResponseWriter, r *http.Request) {
	h.db.ExecContext(r.Context(), "INSERT INTO objects (oid) VALUES ($1)", r.FormValue("oid"))
}

func (h *H) locks(w http.ResponseWriter, r *http.Request) {
	h.db.QueryContext(r.Context(), "SELECT id FROM locks")
	h.db.QueryContext(r.Context(), "SELECT id FROM users")
}

// static serves itself: no handler inside.
type static struct{ body string }

func (s static) ServeHTTP(w http.ResponseWriter, r *http.Request) { w.Write([]byte(s.body)) }

// split hands the request to one of two fields: which one is the code's
// choice at run time, so ServeHTTP is the handler.
type split struct{ get, post http.HandlerFunc }

func (s split) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodGet {
		s.get(w, r)
		return
	}
	s.post(w, r)
}

var gitRoutes = []gitRoute{
	{methods: []string{"POST"}, handler: nil, path: "/info/none"}, // want `route …/\{repo\}/info/none \[ANY …/\{\}/info/none\] -> tables.\(\*H\).withRepo → tables.gitRoute.ServeHTTP: 1$`
}

func (h *H) Git(r chi.Router) {
	for _, route := range []gitRoute{
		{methods: []string{"POST"}, handler: h.batch, path: "/info/batch"},        // want `route …/\{repo\}/info/batch \[ANY …/\{\}/info/batch\] -> tables.\(\*H\).withRepo → tables.gitRoute.ServeHTTP → tables.\(\*H\).batch: 2$`
		{methods: []string{"GET", "POST"}, handler: h.locks, path: "/info/locks"}, // want `route …/\{repo\}/info/locks \[ANY …/\{\}/info/locks\] -> tables.\(\*H\).withRepo → tables.gitRoute.ServeHTTP → tables.\(\*H\).locks: 3$`
	} {
		r.Handle("/{repo}"+route.path, h.withRepo(route))
	}
	// A row set in place, and a pointer to one.
	r.Handle("/verify", gitRoute{methods: []string{"POST"}, handler: h.list}) // want `route …/verify \[ANY …/verify\] -> tables.gitRoute.ServeHTTP → tables.\(\*H\).list: 1$`
	r.Handle("/verify2", &gitRoute{handler: h.get})                           // want `route …/verify2 \[ANY …/verify2\] -> tables.gitRoute.ServeHTTP → tables.\(\*H\).get: 1$`
	// No handler in the row, or a type that serves itself: its ServeHTTP.
	r.Handle("/static", static{body: "ok"})               // want `route …/static \[ANY …/static\] -> tables.static.ServeHTTP: 0$`
	r.Handle("/split", split{get: h.list, post: h.stats}) // want `route …/split \[ANY …/split\] -> tables.split.ServeHTTP: 0$`
	for _, route := range gitRoutes {
		r.Handle("/{repo}"+route.path, h.withRepo(route))
	}
}
