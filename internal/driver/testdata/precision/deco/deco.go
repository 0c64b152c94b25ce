// Package deco wires one interface two ways: main serves the handlers of
// a container holding a caching decorator over the SQL store, and a
// command makes another container over the bare store. The call graph
// keeps one set of values per field, whichever container holds it: the
// served handler's loop then "ran" the bare store's query once per item,
// though every call it makes goes through the decorator, which queries
// once per key.
package deco

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"strconv"
	"sync"
)

type Names interface {
	Name(ctx context.Context, id int64) (string, error)
	// Def reads a definition at a version, the newest when none is
	// given, and says which version it read.
	Def(ctx context.Context, id int64, version string) (string, string, error)
}

// SQL reads a name per call.
type SQL struct{ db *sql.DB }

func NewSQL(db *sql.DB) *SQL { return &SQL{db: db} }

func (s *SQL) Name(ctx context.Context, id int64) (string, error) {
	var name string
	err := s.db.QueryRowContext(ctx, "SELECT name FROM names WHERE id = $1", id).Scan(&name)
	return name, err
}

func (s *SQL) Def(ctx context.Context, id int64, version string) (string, string, error) {
	var def, v string
	err := s.db.QueryRowContext(ctx, "SELECT def, version FROM defs WHERE id = $1 AND (version = $2 OR $2 = '')", id, version).Scan(&def, &v)
	return def, v, err
}

// Cache is a keyed cache of the process, as ristretto's.
type Cache interface {
	Get(key string) (any, bool)
	Set(key string, v any, cost int64) bool
}

type LRU struct{ m sync.Map }

func (c *LRU) Get(key string) (any, bool) { return c.m.Load(key) }

func (c *LRU) Set(key string, v any, cost int64) bool {
	c.m.Store(key, v)
	return true
}

// Cached reads through the cache: the query runs once per id.
type Cached struct {
	delegate Names
	cache    Cache
}

func NewCached(delegate Names, cache Cache) *Cached {
	return &Cached{delegate: delegate, cache: cache}
}

func (c *Cached) Name(ctx context.Context, id int64) (string, error) {
	if v, ok := c.cache.Get(fmt.Sprint(id)); ok {
		return v.(string), nil
	}
	name, err := c.delegate.Name(ctx, id)
	if err != nil {
		return "", err
	}
	c.cache.Set(fmt.Sprint(id), name, int64(len(name)))
	return name, nil
}

// Def looks a definition up once its version is given, and keeps what
// the store read under the version it answers: a query per id and
// version.
func (c *Cached) Def(ctx context.Context, id int64, version string) (def, v string, err error) {
	var s any
	found := false
	if version != "" {
		s, found = c.cache.Get(fmt.Sprintf("%d|%s", id, version))
	}
	if !found {
		def, version, err = c.delegate.Def(ctx, id, version)
		if err != nil {
			return "", "", err
		}
		c.cache.Set(fmt.Sprintf("%d|%s", id, version), def, int64(len(def)))
		return def, version, nil
	}
	return s.(string), version, nil
}

// Container holds what the servers need.
type Container struct {
	Names Names
}

func NewContainer(names Names) *Container { return &Container{Names: names} }

// Run registers the handlers of the container's values.
func (c *Container) Run(mux *http.ServeMux) {
	h := NewHandler(c.Names)
	mux.HandleFunc("/names", h.List)
	mux.HandleFunc("/defs", h.Defs)
}

type Handler struct{ names Names }

func NewHandler(names Names) *Handler { return &Handler{names: names} }

func (h *Handler) List(w http.ResponseWriter, r *http.Request) {
	for _, id := range ids(r) {
		h.names.Name(r.Context(), id) // silent: the served container's decorator keeps each id for the process
	}
}

func (h *Handler) Defs(w http.ResponseWriter, r *http.Request) {
	version := r.FormValue("version")
	for _, id := range ids(r) {
		h.names.Def(r.Context(), id, version) // silent: the decorator keeps each id and version for the process
	}
}

// Plain is served over the bare store.
type Plain struct{ names Names }

func NewPlain(names Names) *Plain { return &Plain{names: names} }

func (p *Plain) List(w http.ResponseWriter, r *http.Request) {
	for _, id := range ids(r) {
		p.names.Name(r.Context(), id) // the bare store: a query per id
	}
}

// Validate is what the command runs on its own container.
func Validate(ctx context.Context, c *Container, args []string) {
	for _, a := range args {
		id, _ := strconv.ParseInt(a, 10, 64)
		c.Names.Name(ctx, id) // the command's container holds the bare store
	}
}

// ids (below) are the request's ids.

// Registry's store can be swapped after it is made: which one a request
// finds is not the constructor's alone.
type Registry struct{ names Names }

func NewRegistry(names Names) *Registry { return &Registry{names: names} }

func (g *Registry) Use(names Names) { g.names = names }

func (g *Registry) List(w http.ResponseWriter, r *http.Request) {
	for _, id := range ids(r) {
		g.names.Name(r.Context(), id) // Use may have put the bare store in
	}
}

// Two holds both: a request may use either.
type Two struct{ cached, bare Names }

func NewTwo(cached, bare Names) *Two { return &Two{cached: cached, bare: bare} }

func (t *Two) List(w http.ResponseWriter, r *http.Request) {
	for _, id := range ids(r) {
		n := t.cached
		if r.FormValue("fresh") != "" {
			n = t.bare
		}
		n.Name(r.Context(), id) // the bare store when fresh
	}
}

// ids are the request's ids (a function answering nil would be a
// constant: the loops over it would never run).
func ids(r *http.Request) []int64 {
	var out []int64
	for _, v := range r.URL.Query()["id"] {
		n, _ := strconv.ParseInt(v, 10, 64)
		out = append(out, n)
	}
	return out
}
