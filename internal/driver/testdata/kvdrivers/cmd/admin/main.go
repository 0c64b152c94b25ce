// Command admin is another binary: it serves users from PostgreSQL.
package main

import (
	"database/sql"
	"net/http"
	"strconv"

	"example.com/kvdrivers/users"
)

func main() {
	db, _ := sql.Open("postgres", "")
	svc := &users.SQL{DB: db}
	http.HandleFunc("/admin/names", func(w http.ResponseWriter, r *http.Request) {
		id, _ := strconv.ParseInt(r.URL.Query().Get("id"), 10, 64)
		for i := int64(0); i < id; i++ {
			svc.Name(r.Context(), i) // PostgreSQL: an N+1
		}
	})
	http.ListenAndServe(":8081", nil)
}
