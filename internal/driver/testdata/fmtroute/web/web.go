package web

import (
	"context"
	"fmt"
	"net/http"
)

type Encoder interface{ Encode() ([]byte, error) }

type HandlerFunc func(ctx context.Context, r *http.Request) Encoder

type MidFunc func(HandlerFunc) HandlerFunc

type App struct {
	mux *http.ServeMux
	mw  []MidFunc
}

func NewApp(mw ...MidFunc) *App { return &App{mux: http.NewServeMux(), mw: mw} }

func (a *App) ServeHTTP(w http.ResponseWriter, r *http.Request) { a.mux.ServeHTTP(w, r) }

func wrapMiddleware(mw []MidFunc, h HandlerFunc) HandlerFunc {
	for i := len(mw) - 1; i >= 0; i-- {
		if mw[i] != nil {
			h = mw[i](h)
		}
	}
	return h
}

func (a *App) HandlerFunc(method string, group string, path string, handlerFunc HandlerFunc, mw ...MidFunc) {
	handlerFunc = wrapMiddleware(mw, handlerFunc)
	handlerFunc = wrapMiddleware(a.mw, handlerFunc)

	h := func(w http.ResponseWriter, r *http.Request) {
		if resp := handlerFunc(r.Context(), r); resp != nil {
			data, _ := resp.Encode()
			w.Write(data)
		}
	}

	finalPath := path
	if group != "" {
		finalPath = "/" + group + path
	}
	finalPath = fmt.Sprintf("%s %s", method, finalPath)

	a.mux.HandleFunc(finalPath, h)
}
