package fmtroute

import (
	"context"
	"fmt"
	"log"
	"net/http"
)

// Encoder is what the application's handlers return.
type Encoder interface{ Encode() ([]byte, error) }

// HandlerFunc is the application's own handler type; the App's helpers
// adapt it to a ServeMux's.
type HandlerFunc func(ctx context.Context, r *http.Request) Encoder

// MidFunc is a middleware of the application's handlers.
type MidFunc func(HandlerFunc) HandlerFunc

// App registers Go 1.22 patterns it builds with fmt.Sprintf.
type App struct {
	mux *http.ServeMux
	mw  []MidFunc
}

func NewApp(mw ...MidFunc) *App { return &App{mux: http.NewServeMux(), mw: mw} }

func wrapMiddleware(mw []MidFunc, h HandlerFunc) HandlerFunc {
	for i := len(mw) - 1; i >= 0; i-- {
		if mw[i] != nil {
			h = mw[i](h)
		}
	}
	return h
}

// HandlerFunc joins the group, when set, before the path, and the method
// before both.
func (a *App) HandlerFunc(method string, group string, path string, handlerFunc HandlerFunc, mw ...MidFunc) { // want `registers\(net/http \$0 \{/\$1\}\?\$2 -> \$4 → \$3 on ""\)`
	handlerFunc = wrapMiddleware(mw, handlerFunc)
	handlerFunc = wrapMiddleware(a.mw, handlerFunc)

	h := func(w http.ResponseWriter, r *http.Request) {
		resp := handlerFunc(r.Context(), r)
		if resp == nil {
			w.WriteHeader(http.StatusNoContent)
		}
	}

	finalPath := path
	if group != "" {
		finalPath = "/" + group + path
	}
	finalPath = fmt.Sprintf("%s %s", method, finalPath)

	a.mux.HandleFunc(finalPath, h)
}

// Raw serves a ServeMux handler through the application's middlewares:
// the group is always joined, in the Sprintf itself.
func (a *App) Raw(method, group, path string, raw http.HandlerFunc, mw ...MidFunc) { // want `registers\(net/http \$0 /api/\{\$1\}\$2 -> \$4 → \$3 on ""\)`
	handlerFunc := func(ctx context.Context, r *http.Request) Encoder {
		raw(nil, r.WithContext(ctx))
		return nil
	}
	handlerFunc = wrapMiddleware(mw, handlerFunc)

	h := func(w http.ResponseWriter, r *http.Request) { handlerFunc(r.Context(), r) }
	a.mux.HandleFunc(fmt.Sprintf("%s /api/%s%s", method, group, path), h)
}

// Logged logs the pattern it is given, and registers a constant path:
// no helper, its call is the route.
func (a *App) Logged(method, path string, h HandlerFunc) {
	log.Print(fmt.Sprintf("%s %s", method, path))
	a.mux.HandleFunc("/logged", func(w http.ResponseWriter, r *http.Request) { h(r.Context(), r) }) // want `route /logged \[ANY /logged\] -> func literal in fmtroute.\(\*App\).Logged: 0$`
}

// Versioned prints a number into the pattern: not text of its
// parameters, no helper.
func (a *App) Versioned(version int, path string, h HandlerFunc) {
	a.mux.HandleFunc(fmt.Sprintf("/v%d%s", version, path), func(w http.ResponseWriter, r *http.Request) { h(r.Context(), r) }) // want `route …`
}

// Quoted quotes the path: not the pattern as passed, no helper.
func (a *App) Quoted(method, path string, h HandlerFunc) {
	a.mux.HandleFunc(fmt.Sprintf("%s %q", method, path), func(w http.ResponseWriter, r *http.Request) { h(r.Context(), r) }) // want `route …`
}

// Looped writes the pattern in a loop: not followed, no helper.
func (a *App) Looped(parts []string, path string, h HandlerFunc) {
	p := path
	for _, s := range parts {
		p = "/" + s + p
	}
	a.mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) { h(r.Context(), r) }) // want `route …`
}
