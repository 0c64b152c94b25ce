package main

import (
	"net/http"

	"example.com/pbtx/api"
	"github.com/pocketbase/pocketbase/core"
)

var app core.App

func main() {
	a := &api.API{App: app}
	http.HandleFunc("POST /touch", a.Touch)
	http.HandleFunc("POST /register", a.Register)
	http.ListenAndServe(":8080", nil)
}
