// Package server holds a middleware the API uses: its constructor returns
// a func(next http.Handler) http.Handler whose own closure serves.
package server

import (
	"net/http"

	"example.com/inventory/model"
)

func UpdateLastAccess(ds model.DataStore) func(next http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			_ = ds.User(r.Context()).UpdateLastAccess(r.Header.Get("User"))
			next.ServeHTTP(w, r)
		})
	}
}
