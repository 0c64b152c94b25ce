// Package adapters turns functions of a request into handlers.
package adapters

import (
	"encoding/json"
	"net/http"

	"example.net/errwrap"
)

type CommandIDFunc[T any] func(*http.Request, string) (T, error)

// CommandID adapts f: the closure reads the route's parameter and runs f.
func CommandID[T any](param string, f CommandIDFunc[T], ok int) errwrap.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		res, err := f(r, r.PathValue(param))
		if err != nil {
			return err
		}
		w.WriteHeader(ok)
		return json.NewEncoder(w).Encode(res)
	}
}

// Run adapts f to net/http.
func Run(f func(*http.Request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := f(r); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	}
}
