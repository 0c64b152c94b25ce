// Package ownrouterapp registers its routes on ownrouter's generic
// router, which the table does not know: it is known by its shape.
// It names neither net/http nor a router of the table.
package ownrouterapp

import (
	"context"
	"database/sql"
	"io"
	"strings"

	"ownrouter"
)

type Event struct {
	Ctx context.Context
	DB  *sql.DB
}

func NewRouter() *ownrouter.Router[*Event] {
	r := ownrouter.NewRouter[*Event]()
	r.Bind(activity())
	api := r.Group("/api")
	bindItems(api)
	bindUsers(api)
	bindRecords(api)
	r.GET("/health", func(e *Event) error { return nil }) // want `route GET /health \[GET /health\] -> ownrouterapp.activity → func literal in ownrouterapp.NewRouter: 1 ctx unknown@ownrouterapp.go:\d+$`
	return r
}

// activity is a middleware: a value holding its function.
func activity() *ownrouter.Handler[*Event] {
	return &ownrouter.Handler[*Event]{
		ID: "activity",
		Func: func(e *Event) error {
			_, err := e.DB.ExecContext(e.Ctx, "INSERT INTO activity (at) VALUES (now())")
			return err
		},
	}
}

func requireAdmin() *ownrouter.Handler[*Event] {
	return &ownrouter.Handler[*Event]{ID: "admin", Func: checkAdmin}
}

func checkAdmin(e *Event) error {
	return e.DB.QueryRowContext(e.Ctx, "SELECT 1 FROM admins WHERE id = $1", 1).Err()
}

func bindItems(rg *ownrouter.RouterGroup[*Event]) {
	sub := rg.Group("/items").Bind(requireAdmin())
	sub.GET("", listItems)                             // want `route GET /api/items \[GET /api/items\] -> ownrouterapp.activity → ownrouterapp.requireAdmin → ownrouterapp.listItems: 3 ctx unknown@ownrouterapp.go:\d+,unknown@ownrouterapp.go:\d+,unknown@ownrouterapp.go:\d+$`
	sub.GET("/{id}", viewItem)                         // want `route GET /api/items/\{id\} \[GET /api/items/\{\}\] -> ownrouterapp.activity → ownrouterapp.requireAdmin → ownrouterapp.viewItem: 3 ctx unknown@ownrouterapp.go:\d+,unknown@ownrouterapp.go:\d+,unknown@ownrouterapp.go:\d+$`
	sub.PATCH("/{id}", updateItem(true)).Bind(limit()) // want `route PATCH /api/items/\{id\} \[PATCH /api/items/\{\}\] -> ownrouterapp.activity → ownrouterapp.requireAdmin → ownrouterapp.limit → ownrouterapp.updateItem: 3 ctx unknown@ownrouterapp.go:\d+,unknown@ownrouterapp.go:\d+,unknown@ownrouterapp.go:\d+$`
	sub.Route("SEARCH", "/search", listItems)          // want `route SEARCH /api/items/search \[SEARCH /api/items/search\] -> ownrouterapp.activity → ownrouterapp.requireAdmin → ownrouterapp.listItems: 3 ctx unknown@ownrouterapp.go:\d+,unknown@ownrouterapp.go:\d+,unknown@ownrouterapp.go:\d+$`
}

func bindUsers(rg *ownrouter.RouterGroup[*Event]) {
	rg.POST("/users", createUser).BindFunc(checkAdmin)   // want `route POST /api/users \[POST /api/users\] -> ownrouterapp.activity → ownrouterapp.checkAdmin → ownrouterapp.createUser: 3 ctx unknown@ownrouterapp.go:\d+,unknown@ownrouterapp.go:\d+,unknown@ownrouterapp.go:\d+$`
	rg.Any("/ping", func(e *Event) error { return nil }) // want `route /api/ping \[ANY /api/ping\] -> ownrouterapp.activity → func literal in ownrouterapp.bindUsers: 1 ctx unknown@ownrouterapp.go:\d+$`
}

// bindRecords: Unbind returns the group it is called on, under its
// prefix; which middlewares it drops is not read, so the routes keep
// them (an upper bound). Host's string could be a prefix: what follows
// it is under an unknown one.
func bindRecords(rg *ownrouter.RouterGroup[*Event]) {
	sub := rg.Group("/records").Unbind("activity")
	sub.DELETE("/{id}", listItems)              // want `route DELETE /api/records/\{id\} \[DELETE /api/records/\{\}\] -> ownrouterapp.activity → ownrouterapp.listItems: 2 ctx unknown@ownrouterapp.go:\d+,unknown@ownrouterapp.go:\d+$`
	rg.Host("example.com").GET("/x", listItems) // want `route GET …/x \[GET …/x\] -> ownrouterapp.listItems: 1 ctx unknown@ownrouterapp.go:\d+$`
}

func limit() *ownrouter.Handler[*Event] {
	return &ownrouter.Handler[*Event]{Func: func(e *Event) error { return nil }}
}

func listItems(e *Event) error {
	_, err := e.DB.QueryContext(e.Ctx, "SELECT id, name FROM items")
	return err
}

func viewItem(e *Event) error {
	return e.DB.QueryRowContext(e.Ctx, "SELECT id, name FROM items WHERE id = $1", 1).Err()
}

// updateItem is a constructor: the closure it returns serves.
func updateItem(audit bool) func(e *Event) error {
	return func(e *Event) error {
		_, err := e.DB.ExecContext(e.Ctx, "UPDATE items SET name = $1 WHERE id = $2", "x", 1)
		return err
	}
}

func createUser(e *Event) error {
	_, err := e.DB.ExecContext(e.Ctx, "INSERT INTO users (name) VALUES ($1)", "x")
	return err
}

// Negatives: an HTTP client's Get, Post, Put, Delete take a URL (and a
// body), no handler function; a cache's Get and Delete take a key. Neither
// is a router, however many verb methods it has.

type Client struct{ base string }

func (c *Client) Get(url string) (string, error)                   { return c.base + url, nil }
func (c *Client) Post(url string, body io.Reader) (string, error)  { return c.base + url, nil }
func (c *Client) Put(url string, body io.Reader) (string, error)   { return c.base + url, nil }
func (c *Client) Patch(url string, body io.Reader) (string, error) { return c.base + url, nil }
func (c *Client) Delete(url string) error                          { return nil }

type Cache struct{ m map[string]string }

func (c *Cache) Get(key string) (string, bool) { v, ok := c.m[key]; return v, ok }
func (c *Cache) Put(key, v string)             { c.m[key] = v }
func (c *Cache) Delete(key string)             { delete(c.m, key) }

// Watchers takes callbacks, not handlers of requests: Get and Post
// with a key and a callback of no argument, only two of them.
type Watchers struct{ fs map[string]func() }

func (w *Watchers) Get(key string, f func())  { w.fs[key] = f }
func (w *Watchers) Post(key string, f func()) { w.fs[key] = f }
func (w *Watchers) Put(key string, f func())  { w.fs[key] = f }

func Use(c *Client, k *Cache, w *Watchers) {
	_, _ = c.Get("/items")
	_, _ = c.Post("/items", strings.NewReader("{}"))
	_, _ = c.Put("/items/1", strings.NewReader("{}"))
	k.Put("/items", "x")
	_, _ = k.Get("/items")
	k.Delete("/items")
	w.Get("/items", func() {})
	w.Post("/items", func() {})
	w.Put("/items", func() {})
}
