package openapi

import (
	"database/sql"
	"net/http"
	"os"
	"strings"
)

// ItemsApiController serves the items endpoints.
type ItemsApiController struct{ db *sql.DB }

func NewItemsApiController(db *sql.DB) Router { return &ItemsApiController{db: db} }

// Routes returns all the api routes for the ItemsApiController: the
// method of the last is configured, not constant.
func (c *ItemsApiController) Routes() Routes {
	return Routes{
		{
			"ListItems",
			strings.ToUpper("Get"),
			"/api/items",
			c.ListItems,
		},
		{
			"CreateItem",
			strings.ToUpper("Post"),
			"/api/items",
			c.CreateItem,
		},
		{
			"DeleteItem",
			http.MethodDelete,
			"/api/items/{id}",
			c.DeleteItem,
		},
		{
			"Purge",
			os.Getenv("PURGE_METHOD"),
			"/api/purge",
			c.Purge,
		},
	}
}

func (c *ItemsApiController) ListItems(w http.ResponseWriter, r *http.Request) {
	c.db.QueryContext(r.Context(), "SELECT id, name FROM items")
}

func (c *ItemsApiController) CreateItem(w http.ResponseWriter, r *http.Request) {
	c.db.ExecContext(r.Context(), "INSERT INTO items (name) VALUES ($1)", r.FormValue("name"))
}

func (c *ItemsApiController) DeleteItem(w http.ResponseWriter, r *http.Request) {
	c.db.ExecContext(r.Context(), "DELETE FROM items WHERE id = $1", r.FormValue("id"))
}

func (c *ItemsApiController) Purge(w http.ResponseWriter, r *http.Request) {
	c.db.ExecContext(r.Context(), "DELETE FROM items")
}
