// Package mwuser registers routes wrapped in another package's
// middlewares: their queries count, through the Serves fact.
package mwuser

import (
	"database/sql"
	"net/http"

	"github.com/go-chi/chi/v5"

	"mw"
)

func list(w http.ResponseWriter, r *http.Request) {}

func Router(db *sql.DB) http.Handler {
	r := chi.NewRouter()
	r.Use(mw.Logger)
	r.Use(mw.Auth(db))
	r.Get("/items", list)                                      // want `route GET /items .* -> mw.Logger → mw.Auth → mwuser.list: 1$`
	r.Handle("/audited", mw.Audit(db, http.HandlerFunc(list))) // want `route /audited .* -> mw.Logger → mw.Auth → mw.Audit → mwuser.list: 2$`
	r.Handle("/stats", mw.Stats(db))                           // want `route /stats .* -> mw.Logger → mw.Auth → mw.Stats: 2$`
	r.Handle("/api/*", mw.NewAPI(db))                          // a mount of mw's router: no route here
	return r
}
