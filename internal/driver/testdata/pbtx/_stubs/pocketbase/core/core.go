// Package core is a stub of pocketbase's core API: the App, an
// interface, finds and saves records and runs transactions.
package core

import "net/http"

type Record struct{ Id string }

func (r *Record) Set(key string, value any) {}

type App interface {
	FindRecordById(collection any, recordId string, optFilters ...any) (*Record, error)
	Save(model any) error
	RunInTransaction(fn func(txApp App) error) error
}

// Router registers handlers: they run per request, not when registered.
type Router interface {
	GET(path string, h http.HandlerFunc)
}

// RequestEvent is what a handler is given: the app among the rest.
type RequestEvent struct {
	App App
}
