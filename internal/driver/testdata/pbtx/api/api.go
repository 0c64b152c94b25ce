// Package api serves records through pocketbase's App, an interface of
// the dependency whose value the graph does not follow: the functions
// handed to its methods run in place (a transaction's body), unless
// they are handlers.
package api

import (
	"net/http"

	"github.com/pocketbase/pocketbase/core"
)

type API struct {
	App    core.App
	Router core.Router
}

// Touch marks each record in one transaction: one lookup and one save
// per id, the route's.
func (a *API) Touch(w http.ResponseWriter, r *http.Request) {
	ids := r.URL.Query()["id"]
	a.App.RunInTransaction(func(tx core.App) error {
		for _, id := range ids {
			rec, err := tx.FindRecordById("items", id)
			if err != nil {
				return err
			}
			rec.Set("seen", true)
			tx.Save(rec)
		}
		return nil
	})
}

// Register hands the router a handler: registered, not run here.
func (a *API) Register(w http.ResponseWriter, r *http.Request) {
	a.Router.GET("/later", func(w http.ResponseWriter, r *http.Request) {
		a.App.FindRecordById("items", r.URL.Query().Get("id"))
	})
}
