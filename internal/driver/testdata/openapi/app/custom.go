package app

import (
	"database/sql"
	"net/http"
	"os"

	"example.com/openapi/openapi"
)

// CustomController serves another router's routes, two of its rows'
// handlers set by the row's name: a constant's is its own, the row's
// handler the route's; one named at run time changes no row it knows.
type CustomController struct {
	router openapi.Router
	db     *sql.DB
}

func NewCustomController(router openapi.Router, db *sql.DB) openapi.Router {
	return &CustomController{router: router, db: db}
}

func (c *CustomController) Routes() openapi.Routes {
	routes := c.router.Routes()
	routes[c.routeIndex("ListItems")].HandlerFunc = c.ListItems
	routes[c.routeIndex(os.Getenv("OVERRIDE"))].HandlerFunc = c.Override
	return routes
}

func (c *CustomController) routeIndex(key string) int {
	for i, r := range (&openapi.ItemsApiController{}).Routes() {
		if r.Name == key {
			return i
		}
	}
	panic(key)
}

func (c *CustomController) ListItems(w http.ResponseWriter, r *http.Request) {
	c.db.QueryContext(r.Context(), "SELECT id, name, price FROM items")
}

func (c *CustomController) Override(w http.ResponseWriter, r *http.Request) {
	c.db.QueryContext(r.Context(), "SELECT id FROM overrides")
}
