// Command fluent serves the routes its own fluent builder makes.
package main

import (
	"database/sql"
	"net/http"

	"example.com/fluent/client"
	"example.com/fluent/server"
)

func main() {
	db, _ := sql.Open("postgres", "")
	client.Do(http.DefaultClient, client.Get("/remote/items"), client.Post("/remote/items"))
	http.ListenAndServe(":8080", server.Router(db))
}
