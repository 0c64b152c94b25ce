package main

import (
	"net/http"

	"example.com/ginroutetable/api"
)

func main() {
	http.ListenAndServe(":8080", api.NewRouter())
}
