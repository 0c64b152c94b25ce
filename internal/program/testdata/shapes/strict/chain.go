package strict

import "net/http"

// Serve serves a handler it is handed through the middlewares: the
// request going on to whatever h is (here, List), not Serve's own work.
func Serve(w http.ResponseWriter, r *http.Request, h http.Handler, mws []MiddlewareFunc) {
	for _, mw := range mws {
		h = mw(h)
	}
	h.ServeHTTP(w, r)
}

// Things serves List through Serve.
func (a *API) Things(w http.ResponseWriter, r *http.Request) {
	Serve(w, r, http.HandlerFunc(a.List), nil)
}

func (a *API) List(w http.ResponseWriter, r *http.Request) {
	a.DB.ExecContext(r.Context(), `SELECT name FROM things`)
}
