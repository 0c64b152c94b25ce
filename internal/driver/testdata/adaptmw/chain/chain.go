// Package chain is the module's own adapter of errwrap handlers, of the
// library's shape.
package chain

import (
	"net/http"

	"example.net/errwrap"
)

type Chain struct{}

// Adapt wraps h in mw, outermost first.
func (c *Chain) Adapt(h errwrap.HandlerFunc, mw ...errwrap.Middleware) http.HandlerFunc {
	var out errwrap.Handler = h
	for i := len(mw) - 1; i >= 0; i-- {
		out = mw[i](out)
	}
	return func(w http.ResponseWriter, r *http.Request) {
		if err := out.ServeHTTP(w, r); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	}
}
