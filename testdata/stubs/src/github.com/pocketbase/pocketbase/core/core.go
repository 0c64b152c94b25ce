// Package core is a stub of pocketbase's core API for sqlheat's tests.
package core

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/tools/router"
)

type Model interface{ PK() any }

type Record struct{ Id string }

func (r *Record) PK() any                     { return r.Id }
func (r *Record) Set(key string, value any)   {}
func (r *Record) GetString(key string) string { panic("stub") }

type Collection struct{ Name string }

func (c *Collection) PK() any { return c.Name }

func NewRecord(c *Collection) *Record { panic("stub") }

// App is what a pocketbase application finds and saves records through.
type App interface {
	FindRecordById(collectionModelOrIdentifier any, recordId string, optFilters ...func(q *dbx.SelectQuery) error) (*Record, error)
	FindRecordsByIds(collectionModelOrIdentifier any, recordIds []string, optFilters ...func(q *dbx.SelectQuery) error) ([]*Record, error)
	FindAllRecords(collectionModelOrIdentifier any, exprs ...dbx.Expression) ([]*Record, error)
	FindFirstRecordByData(collectionModelOrIdentifier any, key string, value any) (*Record, error)
	FindRecordsByFilter(collectionModelOrIdentifier any, filter string, sort string, limit int, offset int, params ...dbx.Params) ([]*Record, error)
	FindFirstRecordByFilter(collectionModelOrIdentifier any, filter string, params ...dbx.Params) (*Record, error)
	CountRecords(collectionModelOrIdentifier any, exprs ...dbx.Expression) (int64, error)
	FindCollectionByNameOrId(nameOrId string) (*Collection, error)
	Save(model Model) error
	Delete(model Model) error
}

// BaseApp implements App.
type BaseApp struct{}

func (app *BaseApp) FindRecordById(collectionModelOrIdentifier any, recordId string, optFilters ...func(q *dbx.SelectQuery) error) (*Record, error) {
	panic("stub")
}
func (app *BaseApp) Save(model Model) error   { panic("stub") }
func (app *BaseApp) Delete(model Model) error { panic("stub") }

// RequestEvent is what a route's handler is given.
type RequestEvent struct {
	App App
}

// ServeEvent is what the app's OnServe hooks are given: its Router is the
// app's root router, served at the root of the server.
type ServeEvent struct {
	App    App
	Router *router.Router[*RequestEvent]
}

func (e *ServeEvent) Next() error { panic("stub") }
