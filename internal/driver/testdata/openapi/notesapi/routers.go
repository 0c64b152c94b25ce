// Package notesapi is the shape of newer go-server code: Routes is a map
// of names to keyed routes, registered with chi.
package notesapi

import (
	"database/sql"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"
)

type Route struct {
	Method      string
	Pattern     string
	HandlerFunc http.HandlerFunc
}

type Routes map[string]Route

type Router interface {
	Routes() Routes
}

func NewRouter(routers ...Router) chi.Router {
	router := chi.NewRouter()
	for _, api := range routers {
		for _, route := range api.Routes() {
			handler := route.HandlerFunc
			router.Method(route.Method, route.Pattern, handler)
		}
	}
	return router
}

type NotesAPIController struct{ db *sql.DB }

func NewNotesAPIController(db *sql.DB) *NotesAPIController { return &NotesAPIController{db: db} }

func (c *NotesAPIController) Routes() Routes {
	return Routes{
		"ListNotes": Route{
			strings.ToUpper("Get"),
			"/v2/notes",
			c.ListNotes,
		},
		"AddNote": Route{
			Method:      strings.ToLower(http.MethodPost),
			Pattern:     "/v2/notes",
			HandlerFunc: c.AddNote,
		},
	}
}

func (c *NotesAPIController) ListNotes(w http.ResponseWriter, r *http.Request) {
	c.db.QueryContext(r.Context(), "SELECT id, body FROM notes")
}

func (c *NotesAPIController) AddNote(w http.ResponseWriter, r *http.Request) {
	c.db.ExecContext(r.Context(), "INSERT INTO notes (body) VALUES ($1)", r.FormValue("body"))
}
