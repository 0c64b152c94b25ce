// Package router is a made-up HTTP router that sqlheat's table of routers
// does not know: tests use it for what sqlheat assumes of code it cannot
// read.
package router

import "net/http"

type Request struct{ *http.Request }

type HandlerFunc func(w http.ResponseWriter, req Request) error

type Router struct{}

func (r *Router) Handle(pattern string, h HandlerFunc) { panic("stub") }
