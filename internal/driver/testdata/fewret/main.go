// Command fewret ranges over lists calls return: the ones the called
// functions make with one item, and the ones they read or decode.
package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"net/http"

	"example.com/fewret/lists"
)

type Item struct{ Name string }

type Bundle struct {
	Items []Item
	Tags  []string
}

type Store interface {
	Dup(ctx context.Context, name string) (*Bundle, error)
}

type sqlStore struct{ db *sql.DB }

// Dup copies one item: the copy's Items is a one-item literal, rebuilt
// with one item per item.
func (s *sqlStore) Dup(ctx context.Context, name string) (*Bundle, error) {
	b := &Bundle{Items: []Item{}}
	b.Items = []Item{{Name: name + " copy"}}
	b = renamed(b)
	return b, nil
}

// renamed makes a new bundle with one item per item of b's.
func renamed(b *Bundle) *Bundle {
	items := []Item{}
	for _, it := range b.Items {
		items = append(items, Item{Name: it.Name})
	}
	return &Bundle{Items: items}
}

// Lister has two implementations: one lists what rows hold.
type Lister interface {
	List(ctx context.Context) (*Bundle, error)
}

type oneLister struct{}

func (oneLister) List(ctx context.Context) (*Bundle, error) {
	return &Bundle{Tags: []string{"x"}}, nil
}

type rowsLister struct{ db *sql.DB }

func (l rowsLister) List(ctx context.Context) (*Bundle, error) {
	return &Bundle{Tags: readTags(ctx, l.db)}, nil
}

// readTags appends one tag per row.
func readTags(ctx context.Context, db *sql.DB) []string {
	var tags []string
	rows, err := db.QueryContext(ctx, "SELECT name FROM tags")
	if err != nil {
		return nil
	}
	defer rows.Close()
	for rows.Next() {
		var t string
		_ = rows.Scan(&t)
		tags = append(tags, t)
	}
	return tags
}

// opaque hands the bundle to a decoder, which may fill any field.
func opaque(ctx context.Context, data []byte) (*Bundle, error) {
	b := &Bundle{}
	b.Tags = []string{"one"}
	err := json.Unmarshal(data, b)
	return b, err
}

// decoded reads the tags from the request's body.
func decoded(r *http.Request) []string {
	var tags []string
	_ = json.NewDecoder(r.Body).Decode(&tags)
	return tags
}

type app struct {
	db    *sql.DB
	store Store
	lists []Lister
}

func (a *app) dup(ctx context.Context, name string) {
	b, err := a.store.Dup(ctx, name)
	if err != nil {
		return
	}
	for _, it := range b.Items {
		_, _ = a.db.ExecContext(ctx, "INSERT INTO items (name) VALUES ($1)", it.Name) // silent: the only Dup makes one
	}
}

func (a *app) one(ctx context.Context, name string) {
	for _, n := range lists.One(name) {
		_, _ = a.db.ExecContext(ctx, "INSERT INTO names (name) VALUES ($1)", n) // silent: one append
	}
}

func (a *app) mapped(ctx context.Context, name string) {
	ns := lists.Names(lists.Pick(name))
	for _, n := range ns {
		_, _ = a.db.ExecContext(ctx, "INSERT INTO picked (name) VALUES ($1)", n) // silent: one name per item of one
	}
}

func (a *app) listed(ctx context.Context, l Lister) {
	b, err := l.List(ctx)
	if err != nil {
		return
	}
	for _, t := range b.Tags {
		_, _ = a.db.ExecContext(ctx, "INSERT INTO listed (tag) VALUES ($1)", t) // reported: rowsLister lists the rows
	}
}

func (a *app) rows(ctx context.Context) {
	for _, t := range readTags(ctx, a.db) {
		_, _ = a.db.ExecContext(ctx, "INSERT INTO copied (tag) VALUES ($1)", t) // reported: one per row
	}
}

func (a *app) opaque(ctx context.Context, data []byte) {
	b, err := opaque(ctx, data)
	if err != nil {
		return
	}
	for _, t := range b.Tags {
		_, _ = a.db.ExecContext(ctx, "INSERT INTO decoded (tag) VALUES ($1)", t) // reported: the decoder may fill Tags
	}
}

func (a *app) decoded(r *http.Request) {
	for _, t := range decoded(r) {
		_, _ = a.db.ExecContext(r.Context(), "INSERT INTO body (tag) VALUES ($1)", t) // reported: the request's
	}
}

// grown sets one tag, then a function of the module appends one per row.
func grown(ctx context.Context, db *sql.DB) *Bundle {
	b := &Bundle{Tags: []string{"one"}}
	addRows(ctx, db, b)
	return b
}

func addRows(ctx context.Context, db *sql.DB, b *Bundle) {
	b.Tags = append(b.Tags, readTags(ctx, db)...)
}

func (a *app) grown(ctx context.Context) {
	for _, t := range grown(ctx, a.db).Tags {
		_, _ = a.db.ExecContext(ctx, "INSERT INTO grown (tag) VALUES ($1)", t) // reported: addRows adds the rows
	}
	b := grown(ctx, a.db)
	for _, t := range b.Tags {
		_, _ = a.db.ExecContext(ctx, "INSERT INTO grown2 (tag) VALUES ($1)", t) // reported: addRows adds the rows
	}
}

// tagged sets one tag and hands the bundle to a function that only reads it.
func tagged() *Bundle {
	b := &Bundle{Tags: []string{"one"}}
	peek(b)
	return b
}

func peek(b *Bundle) { println(len(b.Tags)) }

func (a *app) tagged(ctx context.Context) {
	for _, t := range tagged().Tags {
		_, _ = a.db.ExecContext(ctx, "INSERT INTO tagged (tag) VALUES ($1)", t) // silent: one tag, only read
	}
}

// cache keeps the last bundle it made, which fill grows per row.
type cache struct {
	db   *sql.DB
	last *Bundle
}

func (c *cache) make() *Bundle {
	b := &Bundle{Tags: []string{"one"}}
	c.last = b
	return b
}

func (c *cache) fill(ctx context.Context) {
	c.last.Tags = append(c.last.Tags, readTags(ctx, c.db)...)
}

func (a *app) kept(ctx context.Context, c *cache) {
	b := c.make()
	c.fill(ctx)
	for _, t := range b.Tags {
		_, _ = a.db.ExecContext(ctx, "INSERT INTO kept (tag) VALUES ($1)", t) // reported: the cache keeps b, and fill grows it
	}
}

func main() {
	db, _ := sql.Open("postgres", "")
	a := &app{db: db, store: &sqlStore{db: db}, lists: []Lister{oneLister{}, rowsLister{db: db}}}
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		a.dup(ctx, r.URL.Query().Get("name"))
		a.one(ctx, "n")
		a.mapped(ctx, "m")
		for _, l := range a.lists {
			a.listed(ctx, l)
		}
		a.rows(ctx)
		a.opaque(ctx, nil)
		a.decoded(r)
		a.grown(ctx)
		a.tagged(ctx)
		a.kept(ctx, &cache{db: db})
	})
	_ = http.ListenAndServe(":8080", nil)
}
