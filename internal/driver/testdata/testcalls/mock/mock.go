// Package mock is a fake of the service's API for the tests of clients:
// nothing in the service imports it, and only its own test starts it.
package mock

import "net/http"

// FakeHandler serves canned answers; its routes are no route of the
// service: not listed.
func FakeHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/api/items", func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(`[{"id": 1}]`))
	})
	return mux
}
