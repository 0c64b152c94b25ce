// Package model declares the service's own handler and middleware shapes.
package model

import (
	"context"
	"net/http"
)

type Dependencies interface {
	Store() Store
}

type Store interface {
	Account(ctx context.Context, id string) error
	Tags(ctx context.Context) error
	Bookmarks(ctx context.Context) error
	Session(ctx context.Context, token string) error
}

// Context is what a handler gets of its request.
type Context struct {
	W http.ResponseWriter
	R *http.Request
}

// HttpHandler is a handler of the service's own signature: a named func
// type, taking the dependencies first.
type HttpHandler func(deps Dependencies, c *Context)

// HttpMiddleware runs around every handler.
type HttpMiddleware interface {
	OnRequest(deps Dependencies, c *Context) error
	OnResponse(deps Dependencies, c *Context) error
}
