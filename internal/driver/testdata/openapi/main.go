// Command openapi serves OpenAPI Generator go-server routers.
package main

import (
	"database/sql"
	"net/http"
	"os"

	"example.com/openapi/app"
	"example.com/openapi/cli"
	"example.com/openapi/notesapi"
	"example.com/openapi/openapi"
)

func main() {
	db, _ := sql.Open("postgres", "")
	if len(os.Args) > 1 {
		cli.Dispatch(db, os.Args[1:])
		return
	}
	_ = openapi.NewUnusedApiController(db)
	go http.ListenAndServe(":8081", notesapi.NewRouter(notesapi.NewNotesAPIController(db)))
	items := openapi.NewItemsApiController(db)
	if prefix := os.Getenv("PREFIX"); prefix != "" {
		items = app.NewPrefixedRouter(items, prefix)
	}
	http.ListenAndServe(":8080", openapi.NewRouter(items))
}
