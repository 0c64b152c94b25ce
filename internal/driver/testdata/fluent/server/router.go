// Package server attaches its route lists to one router.
package server

import (
	"database/sql"
	"net/http"
	"os"

	"github.com/gorilla/mux"

	"example.com/fluent/route"
	"example.com/fluent/sessions"
)

func Router(db *sql.DB) http.Handler {
	r := mux.NewRouter()
	route.Attach(r, "/api/", PrivateRoutes(db)...)
	route.Attach(r, os.Getenv("MOUNT"), PublicRoutes(db)...)
	_ = NeverRoutes(db)
	return sessions.Middleware(db)(r)
}
