// Package swapped holds two locals that copy each other round: following
// what a list holds through its writes must end (it once recursed until
// the stack overflowed), and a list it cannot bound is data.
package swapped

import (
	"database/sql"
	"net/http"
)

var db *sql.DB

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("/swap", func(w http.ResponseWriter, r *http.Request) {
		a := []string{"x", "y"}
		b := a
		for range 2 {
			a, b = b, a
		}
		for _, id := range a {
			db.QueryContext(r.Context(), "SELECT 1 FROM t WHERE id = $1", id)
		}
	})
}
