// Command openapi serves OpenAPI Generator go-server routers.
package main

import (
	"database/sql"
	"net/http"
	"os"

	"github.com/gorilla/mux"

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
	items := app.NewCustomController(openapi.NewItemsApiController(db), db)
	if prefix := os.Getenv("PREFIX"); prefix != "" {
		items = app.NewPrefixedRouter(items, prefix)
	}
	router, name := serve(items)
	router.Use(tenant(db))
	http.ListenAndServe(":8080"+name, router)
}

// serve returns the generated router and its name, as tracetest's
// controller does: what the caller puts it under is the routes' too.
func serve(items openapi.Router) (*mux.Router, string) {
	router := openapi.NewRouter(items)
	return router, ""
}

func tenant(db *sql.DB) mux.MiddlewareFunc {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			db.QueryRowContext(r.Context(), "SELECT id FROM tenants WHERE host = $1", r.Host)
			next.ServeHTTP(w, r)
		})
	}
}
