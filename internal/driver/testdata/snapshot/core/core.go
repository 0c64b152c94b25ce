// Package core keeps the whole list of collections in its store, loaded
// at start-up (Bootstrap) and answered from memory; the database is read
// only while it is not loaded yet.
package core

import (
	"database/sql"
	"sync"
)

const (
	keyCollections = "collections" // loaded by Reload
	keyViews       = "views"       // read, never loaded
)

type Store struct {
	mu sync.RWMutex
	m  map[string]any
}

func (s *Store) Get(k string) any {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.m[k]
}

func (s *Store) Set(k string, v any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[k] = v
}

type Collection struct{ Name, ID string }

// App is what other packages call: through the interface.
type App interface {
	FindCached(name string) (*Collection, error)
	FindView(name string) (*Collection, error)
}

type BaseApp struct {
	db    *sql.DB
	store *Store
}

func New(db *sql.DB) *BaseApp { return &BaseApp{db: db, store: &Store{m: map[string]any{}}} }

func (app *BaseApp) Store() *Store { return app.store }

func (app *BaseApp) find(name string) (*Collection, error) {
	c := &Collection{}
	err := app.db.QueryRow(`SELECT name, id FROM collections WHERE name = $1`, name).Scan(&c.Name, &c.ID)
	return c, err
}

func (app *BaseApp) all() ([]*Collection, error) {
	rows, err := app.db.Query(`SELECT name, id FROM collections`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*Collection
	for rows.Next() {
		c := &Collection{}
		rows.Scan(&c.Name, &c.ID)
		out = append(out, c)
	}
	return out, rows.Err()
}

// Bootstrap loads the snapshot FindCached searches.
func (app *BaseApp) Bootstrap() error {
	all, err := app.all()
	if err != nil {
		return err
	}
	app.Store().Set(keyCollections, all)
	return nil
}

func (app *BaseApp) FindCached(name string) (*Collection, error) {
	collections, _ := app.Store().Get(keyCollections).([]*Collection)
	if collections == nil {
		return app.find(name) // not loaded yet
	}
	for _, c := range collections {
		if c.Name == name || c.ID == name {
			return c, nil
		}
	}
	return nil, sql.ErrNoRows
}

// FindView searches a key nothing sets: every call queries.
func (app *BaseApp) FindView(name string) (*Collection, error) {
	views, _ := app.Store().Get(keyViews).([]*Collection)
	if views == nil {
		return app.find(name)
	}
	for _, c := range views {
		if c.Name == name {
			return c, nil
		}
	}
	return nil, sql.ErrNoRows
}
