// Stub of github.com/gorilla/mux (signatures mirror v1.8.1; bodies are placeholders).

package mux

import (
	"net/http"
)

type MiddlewareFunc func(http.Handler) http.Handler

func (mw MiddlewareFunc) Middleware(handler http.Handler) http.Handler { panic("stub") }

func (r *Router) Use(mwf ...MiddlewareFunc) { panic("stub") }

func CORSMethodMiddleware(r *Router) MiddlewareFunc { panic("stub") }
