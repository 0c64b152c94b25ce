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

func RegisterMore(tested *router.Tested, files *router.Files) {
	tested.GET("/probe", probe)
	files.Handle("/static/", static)
}

func probe(w http.ResponseWriter, r *http.Request) {
	DB.QueryContext(r.Context(), "SELECT id FROM probes")
}

func static(w http.ResponseWriter, r *http.Request) {
	DB.QueryContext(r.Context(), "SELECT id FROM files")
}

func users(w http.ResponseWriter, r *http.Request) {
	DB.QueryContext(r.Context(), "SELECT id FROM users")
}

func things(w http.ResponseWriter, r *http.Request) {
	DB.QueryContext(r.Context(), "SELECT id FROM things")
}
