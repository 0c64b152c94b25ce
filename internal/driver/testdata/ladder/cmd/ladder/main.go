package main

import (
	"database/sql"
	"net/http"
	"strconv"

	"example.com/ladder/config"
	"example.com/ladder/stats"
)

func main() {
	db, _ := sql.Open("postgres", "")
	config.Connect(db, 9)
	http.HandleFunc("POST /setup", func(w http.ResponseWriter, r *http.Request) {
		v, _ := strconv.Atoi(r.FormValue("version"))
		config.Connect(db, v)
	})
	http.HandleFunc("POST /touch", func(w http.ResponseWriter, r *http.Request) {
		for _, id := range config.DB.Users() {
			config.DB.SaveUser(id) // route: the same store call, from a request
		}
	})
	http.HandleFunc("POST /sizes", func(w http.ResponseWriter, r *http.Request) {
		var sizes []int
		for _, s := range r.Form["size"] {
			n, _ := strconv.Atoi(s)
			sizes = append(sizes, n)
		}
		stats.Bucket(db, sizes)
	})
	http.ListenAndServe(":8080", nil)
}
