package main

import (
	"net/http"

	"example.com/ginroutetable/api"
)

func main() {
	go http.ListenAndServe(":8081", api.NewConfigured(api.Config{Public: api.PublicRoutes(), Admin: api.AdminRoutes()}))
	http.ListenAndServe(":8080", api.NewRouter())
}
