package helpers

import (
	"context"
	"database/sql"
	"net/http"
)

// A front end's own handler shape, adapted by a closure inside a
// constructor's handler, stripped of its prefix, then registered: the
// handler passed is the route's (Let's Encrypt's WFE).

type RequestEvent struct{ Endpoint string }

type WFEHandlerFunc func(context.Context, *RequestEvent, http.ResponseWriter, *http.Request)

func (f WFEHandlerFunc) serve(e *RequestEvent, w http.ResponseWriter, r *http.Request) {
	f(r.Context(), e, w, r)
}

type wfeHandler interface {
	serve(e *RequestEvent, w http.ResponseWriter, r *http.Request)
}

type TopHandler struct{ wfe wfeHandler }

func NewTopHandler(h wfeHandler) *TopHandler { return &TopHandler{wfe: h} }

func (th *TopHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	th.wfe.serve(&RequestEvent{}, w, r)
}

type WFE struct{ db *sql.DB }

func (wfe *WFE) HandleFunc(mux *http.ServeMux, pattern string, h WFEHandlerFunc, methods ...string) { // want `registers\(net/http ANY \$1 -> http.StripPrefix → \$2 on \$0\)`
	handler := http.StripPrefix(pattern, NewTopHandler(
		WFEHandlerFunc(func(ctx context.Context, e *RequestEvent, w http.ResponseWriter, r *http.Request) {
			e.Endpoint = pattern
			h(ctx, e, w, r)
		}),
	))
	mux.Handle(pattern, handler)
}

// Passthrough hands a handler of its shape to a constructor as it is:
// the constructor may run another, and its route is its own.
func (wfe *WFE) Passthrough(mux *http.ServeMux, pattern string, h WFEHandlerFunc) {
	mux.Handle(pattern, NewTopHandler(h)) // want `route … \[ANY …\] -> helpers.NewTopHandler: 0$`
}

func (wfe *WFE) NewAccount(ctx context.Context, e *RequestEvent, w http.ResponseWriter, r *http.Request) {
	wfe.db.ExecContext(ctx, "INSERT INTO registrations (jwk) VALUES ($1)", r.FormValue("jwk"))
}

func (wfe *WFE) Handler() http.Handler {
	m := http.NewServeMux()
	wfe.HandleFunc(m, "/acme/new-acct", wfe.NewAccount, "POST") // want `route /acme/new-acct \[ANY /acme/new-acct\] -> http.StripPrefix → helpers.\(\*WFE\).NewAccount: 1$`
	return m
}
