// Package std serves a table of net/http patterns, each naming its
// method, from a function of another package.
package std

import (
	"database/sql"
	"net/http"

	"example.com/rtable/stdroutes"
)

func Serve(db *sql.DB) {
	mux := http.NewServeMux()
	for _, rt := range stdroutes.Table(db) {
		mux.HandleFunc(rt.Pattern, rt.H)
	}
	http.ListenAndServe(":8081", mux)
}
