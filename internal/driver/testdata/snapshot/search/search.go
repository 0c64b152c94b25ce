package search

import (
	"encoding/json"
	"net/http"

	"example.com/snapshot/core"
)

// Handler resolves each requested field's collection through the
// interface.
func Handler(app core.App) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var fields []string
		json.NewDecoder(r.Body).Decode(&fields)
		var out []*core.Collection
		for _, f := range fields {
			c, _ := app.FindCached(f) // silent: the snapshot's fallback
			out = append(out, c)
			v, _ := app.FindView(f) // reported: never loaded
			out = append(out, v)
		}
		json.NewEncoder(w).Encode(out)
	}
}
