// Package joinlib is a library's handler, made from the functions its
// config holds, which it calls per request.
package joinlib

import "net/http"

type HandlerConfig struct {
	Name        string
	GetKeysFunc func(id string) (string, error)
	GetHomeFunc func(id string) (string, error)
}

func NewHandler(c HandlerConfig) (http.Handler, error) {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.GetKeysFunc(r.FormValue("id"))
	}), nil
}

// Metrics serves the library's own counters.
func Metrics() http.Handler { return http.NotFoundHandler() }
