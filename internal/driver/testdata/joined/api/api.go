// Package api registers its handlers on the routers main makes.
package api

import (
	"database/sql"
	"net/http"

	"example.com/joined/router"
)

var DB *sql.DB

func Register(admin *router.Admin, mixed *router.Mixed) {
	admin.GET("/users", users)
	mixed.GET("/things", things)
}

func users(w http.ResponseWriter, r *http.Request) {
	DB.QueryContext(r.Context(), "SELECT id FROM users")
}

func things(w http.ResponseWriter, r *http.Request) {
	DB.QueryContext(r.Context(), "SELECT id FROM things")
}
