// Package web registers the service's handlers through one adapter.
package web

import (
	"net/http"

	"example.com/adapt/middleware"
	"example.com/adapt/model"
)

// ToHTTPHandler adapts a handler of the service's signature: the closure
// it returns runs the middlewares, then h. Each call is one route's.
func ToHTTPHandler(deps model.Dependencies, h model.HttpHandler, middlewares ...model.HttpMiddleware) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c := &model.Context{W: w, R: r}
		for _, m := range middlewares {
			if err := m.OnRequest(deps, c); err != nil {
				http.Error(w, err.Error(), http.StatusUnauthorized)
				return
			}
		}
		h(deps, c)
		for i := len(middlewares) - 1; i >= 0; i-- {
			if err := middlewares[i].OnResponse(deps, c); err != nil {
				return
			}
		}
	}
}

// ForEachItem adapts a handler with a middleware run per item of the
// request: its loop is over the request's items, not over middlewares,
// so what it runs is the closure's, per item.
func ForEachItem(deps model.Dependencies, h model.HttpHandler, m model.HttpMiddleware) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c := &model.Context{W: w, R: r}
		for range r.URL.Query()["item"] {
			_ = m.OnRequest(deps, c)
		}
		h(deps, c)
	}
}

// Recovering adapts a handler that answers its response, calling it in
// a closure of its own that turns a panic into an error: the closure
// called at once is the route's too, and calls the route's handler.
func Recovering(deps model.Dependencies, h func(model.Dependencies, *model.Context) any) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c := &model.Context{W: w, R: r}
		var err error
		res := func() any {
			defer func() {
				if p := recover(); p != nil {
					err = http.ErrAbortHandler
				}
			}()
			return h(deps, c)
		}()
		if err != nil || res == nil {
			w.WriteHeader(http.StatusInternalServerError)
		}
	}
}

type Server struct {
	mux *http.ServeMux
}

func (s *Server) Setup(deps model.Dependencies) http.Handler {
	s.mux = http.NewServeMux()
	global := []model.HttpMiddleware{middleware.RequestID{}}
	global = append(global, middleware.Auth{})
	s.mux.HandleFunc("GET /tags", ToHTTPHandler(deps, HandleTags, global...))
	legacy := &Legacy{}
	s.mux.HandleFunc("GET /bookmarks", ToHTTPHandler(deps, legacy.HandleBookmarks, global...))
	s.mux.HandleFunc("GET /health", ToHTTPHandler(deps, HandleHealth))
	s.mux.HandleFunc("GET /items", ForEachItem(deps, HandleHealth, middleware.Auth{}))
	s.mux.HandleFunc("GET /v2/tags", Recovering(deps, answerTags))
	s.mux.HandleFunc("GET /v2/bookmarks", Recovering(deps, answerBookmarks))
	return s.mux
}

func HandleTags(deps model.Dependencies, c *model.Context) {
	_ = deps.Store().Tags(c.R.Context())
}

// HandleHealth runs no query.
func HandleHealth(deps model.Dependencies, c *model.Context) {
	c.W.WriteHeader(http.StatusOK)
}

type Legacy struct{}

func (l *Legacy) HandleBookmarks(deps model.Dependencies, c *model.Context) {
	_ = deps.Store().Bookmarks(c.R.Context())
}

func answerTags(deps model.Dependencies, c *model.Context) any {
	return deps.Store().Tags(c.R.Context())
}

func answerBookmarks(deps model.Dependencies, c *model.Context) any {
	return deps.Store().Bookmarks(c.R.Context())
}
