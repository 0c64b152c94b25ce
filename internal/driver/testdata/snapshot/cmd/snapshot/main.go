package main

import (
	"net/http"

	"example.com/snapshot/core"
	"example.com/snapshot/search"
)

func main() {
	app := core.New(nil)
	app.Bootstrap()
	http.Handle("/resolve", search.Handler(app))
	http.ListenAndServe(":8080", nil)
}
