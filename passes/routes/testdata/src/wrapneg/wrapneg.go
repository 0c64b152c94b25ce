// Package wrapneg has types with Get, Post... methods that are no
// registration wrappers: an HTTP client, a cache, and a type holding a
// chi router whose methods do not forward their pattern and handler to
// it. Calls of their methods are no routes.
package wrapneg

import (
	"database/sql"
	"log"
	"net/http"

	"github.com/go-chi/chi/v5"
)

// Client fetches URLs and hands each response to a callback.
type Client struct{ hc *http.Client }

func (c *Client) Get(url string, fn func(*http.Response) error) error {
	resp, err := c.hc.Get(url)
	if err != nil {
		return err
	}
	return fn(resp)
}

func (c *Client) Post(url string, fn func(*http.Response) error) error {
	resp, err := c.hc.Post(url, "application/json", nil)
	if err != nil {
		return err
	}
	return fn(resp)
}

// Cache computes values on a miss.
type Cache struct {
	db *sql.DB
	m  map[string]string
}

func (c *Cache) Get(key string) string { return c.m[key] }

func (c *Cache) Put(key string, fn func() string) { c.m[key] = fn() }

func (c *Cache) load() string {
	var s string
	c.db.QueryRow("SELECT v FROM kv WHERE k = $1", "a").Scan(&s)
	return s
}

// logged holds a chi router but its Get only logs the pattern, and its
// Post registers a path of its own: neither forwards what it is given.
type logged struct{ mux chi.Router }

func (l *logged) Get(pattern string, fn http.HandlerFunc) { log.Println(pattern) }

func (l *logged) Post(pattern string, fn http.HandlerFunc) {
	log.Println(pattern)
	l.mux.Post("/fixed", fn) // want `route POST …/fixed \[POST …/fixed\] -> fn: 0$`
}

func (l *logged) Route(pattern string, fn func(*logged)) { fn(l) }

func (l *logged) With(fn func(http.Handler) http.Handler) *logged { return l }

func onResponse(resp *http.Response) error { return resp.Body.Close() }

// page is registered nowhere: it is a handler of its own name.
func page(w http.ResponseWriter, r *http.Request) {} // want `route wrapneg.page \[ANY wrapneg.page\] -> wrapneg.page: 0$`

func Run(db *sql.DB) {
	c := &Client{hc: http.DefaultClient}
	c.Get("/users", onResponse)
	c.Post("/users", onResponse)
	k := &Cache{db: db, m: map[string]string{}}
	k.Put("/users", k.load)
	_ = k.Get("/users")
	l := &logged{mux: chi.NewRouter()}
	l.Get("/users", page)
	l.Route("/admin", func(l *logged) {
		l.With(nil).Get("/users", page)
	})
	http.ListenAndServe(":8080", l.mux)
}
