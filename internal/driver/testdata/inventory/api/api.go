// Package api registers handlers of its own signature through helpers
// that adapt them, and admin handlers from a table.
package api

import (
	"context"
	"net/http"
	"sync"

	"example.net/rest"
	"github.com/go-chi/chi/v5"

	"example.com/inventory/model"
	"example.com/inventory/server"
)

type Response struct{ Body string }

type handler = func(*http.Request) (*Response, error)

type handlerRaw = func(http.ResponseWriter, *http.Request) (*Response, error)

type Router struct {
	http.Handler
	ds model.DataStore
}

func New(ds model.DataStore) *Router {
	r := &Router{ds: ds}
	r.Handler = r.routes()
	return r
}

func (api *Router) routes() http.Handler {
	r := chi.NewRouter()
	r.Use(authenticate(api.ds))
	r.Group(func(r chi.Router) {
		r.Use(server.UpdateLastAccess(api.ds))
		h(r, "getAlbum", api.GetAlbum)
		h(r, "getAlbumList", api.GetAlbumList)
		hr(r, "stream", api.Stream)
		h(r, "getUser", api.GetUser)
		h(r, "search", api.Search)
	})
	api.resource(r, "/album", model.Album{})
	for _, rt := range []struct {
		path string
		h    http.HandlerFunc
	}{
		{"/admin/users", api.countUsers},
		{"/admin/health", api.health},
	} {
		r.Get(rt.path, rt.h)
	}
	// Rows that serve themselves: each row's handler, inside its
	// ServeHTTP, is the route's.
	for _, rt := range []gitRoute{
		{method: http.MethodGet, handler: api.lfsLocks, path: "/lfs/locks"},
		{method: http.MethodPost, handler: api.lfsVerify, path: "/lfs/verify"},
	} {
		r.Handle(rt.path, rt)
	}
	return r
}

// gitRoute is a row of a route table that is itself the handler: its
// ServeHTTP checks the method, then calls the row's handler.
type gitRoute struct {
	method  string
	handler http.HandlerFunc
	path    string
}

func (g gitRoute) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != g.method {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	g.handler(w, r)
}

func (api *Router) lfsLocks(w http.ResponseWriter, r *http.Request) {
	_, _ = api.ds.User(r.Context()).CountAll()
}

func (api *Router) lfsVerify(w http.ResponseWriter, r *http.Request) {
	_, _ = api.ds.User(r.Context()).FindByName(r.FormValue("user"))
}

// resource registers the REST handlers of m's repository: the library
// makes them from a constructor, which each request calls.
func (api *Router) resource(r chi.Router, path string, m any) {
	constructor := func(ctx context.Context) rest.Repository {
		return api.ds.Resource(ctx, m)
	}
	r.Route(path, func(r chi.Router) {
		r.Get("/", rest.GetAll(constructor))
		r.Get("/{id}", rest.Get(constructor))
	})
}

// authenticate looks the user up on every request, two closures deep.
func authenticate(ds model.DataStore) func(next http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			_, _ = ds.User(r.Context()).FindByName(r.URL.Query().Get("u"))
			next.ServeHTTP(w, r)
		})
	}
}

func (api *Router) GetAlbum(r *http.Request) (*Response, error) {
	_, err := api.ds.Album(r.Context()).Get(r.URL.Query().Get("id"))
	return nil, err
}

func (api *Router) GetAlbumList(r *http.Request) (*Response, error) {
	_, err := api.ds.Album(r.Context()).GetAll()
	return nil, err
}

// GetUser runs the statement authenticate runs: once each, twice a
// request.
func (api *Router) GetUser(r *http.Request) (*Response, error) {
	_, err := api.ds.User(r.Context()).FindByName(r.URL.Query().Get("name"))
	return nil, err
}

// Search runs its search on a goroutine, through a closure a generic
// function makes around the repository's method value.
func (api *Router) Search(r *http.Request) (*Response, error) {
	var albums []model.Album
	var wg sync.WaitGroup
	wg.Go(search(api.ds.Album(r.Context()).Search, r.URL.Query().Get("q"), &albums))
	wg.Wait()
	return nil, nil
}

func search[T any](s func(string) (T, error), q string, result *T) func() {
	return func() {
		*result, _ = s(q)
	}
}

// Stream runs no query of its own: its route runs its middlewares'.
func (api *Router) Stream(w http.ResponseWriter, r *http.Request) (*Response, error) {
	return nil, nil
}

func (api *Router) countUsers(w http.ResponseWriter, r *http.Request) {
	_, _ = api.ds.User(r.Context()).CountAll()
}

func (api *Router) health(w http.ResponseWriter, r *http.Request) {}

// h adapts a handler that needs no response writer.
func h(r chi.Router, path string, f handler) {
	hr(r, path, func(_ http.ResponseWriter, r *http.Request) (*Response, error) {
		return f(r)
	})
}

// hr adapts a handler that returns its response.
func hr(r chi.Router, path string, f handlerRaw) {
	handle := func(w http.ResponseWriter, r *http.Request) {
		res, err := f(w, r)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		_, _ = w.Write([]byte(res.Body))
	}
	addHandler(r, path, handle)
}

// addHandler registers a handler under two patterns.
func addHandler(r chi.Router, path string, handle func(w http.ResponseWriter, r *http.Request)) {
	r.HandleFunc("/"+path, handle)
	r.HandleFunc("/"+path+".view", handle)
}
