package main

import (
	"database/sql"
	"net/http"

	"github.com/go-pkgz/routegroup"

	"example.com/routegroup/api"
	"example.com/routegroup/store"
)

func main() {
	db, _ := sql.Open("postgres", "")
	s := &store.Store{DB: db}
	var auth api.Authenticator = api.AuthHandler{Store: s}
	root := routegroup.New(http.NewServeMux())
	v1 := root.Mount("/api/v1")
	api.Register(v1, api.PeerEndpoint{Auth: auth, Store: s})
	http.ListenAndServe("127.0.0.1:8080", root)
}
