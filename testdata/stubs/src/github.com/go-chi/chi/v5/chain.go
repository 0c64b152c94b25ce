// Stub of github.com/go-chi/chi/v5 (signatures mirror v5.5.0; bodies are placeholders).

package chi

import "net/http"

func Chain(middlewares ...func(http.Handler) http.Handler) Middlewares { panic("stub") }

func (mws Middlewares) Handler(h http.Handler) http.Handler { panic("stub") }

func (mws Middlewares) HandlerFunc(h http.HandlerFunc) http.Handler { panic("stub") }

type ChainHandler struct {
	Endpoint http.Handler

	Middlewares Middlewares
}

func (c *ChainHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) { panic("stub") }
