// Package ifmuxuser mounts its routes on ifmux's interface: each call of
// an interface method whose implementation forwards to a router is a
// route, under the prefix the configuration sets (unknown here: "…").
package ifmuxuser

import (
	"database/sql"
	"net/http"

	"ifmux"
)

type Handler struct{ db *sql.DB }

func (h *Handler) logout(w http.ResponseWriter, r *http.Request) {
	_, _ = h.db.ExecContext(r.Context(), "DELETE FROM sessions WHERE id = $1", r.FormValue("id"))
}

func (h *Handler) keys(w http.ResponseWriter, r *http.Request) {
	_, _ = h.db.QueryContext(r.Context(), "SELECT kid FROM keys")
}

func (h *Handler) Mount(mux ifmux.Mux, lg ifmux.Logger) {
	mux.HandleFunc("/logout", h.logout)              // want `route …/logout \[ANY …/logout\] -> ifmux.mountMux.wrap → ifmuxuser.\(\*Handler\).logout: 1$`
	mux.HandleCORS("/keys", h.keys)                  // want `route …/keys \[ANY …/keys\] -> ifmux.mountMux.wrap → ifmux.cors → ifmuxuser.\(\*Handler\).keys: 1$`
	mux.Handle("/healthz", http.HandlerFunc(h.keys)) // want `route …/healthz \[ANY …/healthz\] -> ifmux.mountMux.wrap → ifmuxuser.\(\*Handler\).keys: 1$`
	lg.Note("/not-a-route", http.HandlerFunc(h.logout))
}

func (h *Handler) MountAPI(api ifmux.API) {
	api.Get("/keys", h.keys) // want `route GET …/api/keys \[GET …/api/keys\] -> ifmuxuser.\(\*Handler\).keys: 1$`
}
