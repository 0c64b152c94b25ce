package main

import (
	"flag"
	"net/http"
	"os"
	"strconv"

	"example.com/kvdrivers/app"
	"example.com/kvdrivers/kv"
	"example.com/kvdrivers/users"
)

func main() {
	driver := flag.String("kv", "postgres", "kv driver")
	flag.Parse()
	cfg := kv.Config{Type: *driver, Path: os.Getenv("KV_DSN")}
	http.HandleFunc("/serve", func(w http.ResponseWriter, r *http.Request) {
		app.Serve(r.Context(), cfg, r.URL.Query()["key"])
	})
	http.HandleFunc("/sweep", func(w http.ResponseWriter, r *http.Request) {
		app.Sweep(r.Context(), r.URL.Query()["key"])
	})
	http.HandleFunc("/archive", func(w http.ResponseWriter, r *http.Request) {
		app.Archive(r.Context(), r.URL.Query()["key"])
	})
	http.HandleFunc("/upload", func(w http.ResponseWriter, r *http.Request) {
		app.Upload(r.Context(), r.URL.Query()["key"])
	})
	names := users.NewMonitored(&users.Memory{Names: map[int64]string{}})
	http.HandleFunc("/names", func(w http.ResponseWriter, r *http.Request) {
		var ids []int64
		for _, v := range r.URL.Query()["id"] {
			id, _ := strconv.ParseInt(v, 10, 64)
			ids = append(ids, id)
		}
		users.Names(r.Context(), names, ids)
	})
	http.HandleFunc("/twice", func(w http.ResponseWriter, r *http.Request) {
		app.Twice(r.Context(), r.URL.Query()["key"], r.URL.Query().Has("archive"))
	})
	http.ListenAndServe(":8080", nil)
}
