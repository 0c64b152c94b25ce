package main

import (
	"database/sql"
	"net/http"
	"os"

	"example.com/txcallback/api"
	"example.com/txcallback/ds"
	"example.com/txcallback/proxy"
)

func main() {
	db, _ := sql.Open("postgres", "")
	var store ds.Datastore = proxy.NewWrap(proxy.NewForward(ds.New(db)))
	if os.Getenv("READ_ONLY") != "" {
		store = ds.ReadOnly{}
	}
	a := &api.API{DS: store}
	http.ListenAndServe(":8080", a.Routes())
}
