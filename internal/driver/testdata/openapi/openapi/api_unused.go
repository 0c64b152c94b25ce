package openapi

import (
	"database/sql"
	"net/http"
	"strings"
)

// UnusedApiController is generated but handed to no router: its table
// is never registered.
type UnusedApiController struct{ db *sql.DB }

func NewUnusedApiController(db *sql.DB) Router { return &UnusedApiController{db: db} }

func (c *UnusedApiController) Routes() Routes {
	return Routes{
		{"ListOld", strings.ToUpper("Get"), "/api/old", c.ListOld},
	}
}

func (c *UnusedApiController) ListOld(w http.ResponseWriter, r *http.Request) {
	c.db.QueryContext(r.Context(), "SELECT id FROM old_items")
}
