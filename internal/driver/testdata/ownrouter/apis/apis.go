// Package apis registers the service's routes on the generic router.
package apis

import (
	"context"
	"database/sql"
	"net/http"

	"example.com/ownrouter/router"
)

type Event struct {
	router.Event
	W   http.ResponseWriter
	R   *http.Request
	DB  *sql.DB
	ctx context.Context
}

func NewRouter(db *sql.DB) *router.Router[*Event] {
	r := router.NewRouter(func(w http.ResponseWriter, req *http.Request) *Event {
		return &Event{W: w, R: req, DB: db, ctx: req.Context()}
	})
	r.Bind(loadAuth())
	api := r.Group("/api")
	bindItems(api)
	return r
}

func loadAuth() *router.Handler[*Event] {
	return &router.Handler[*Event]{ID: "auth", Func: func(e *Event) error {
		if err := e.DB.QueryRowContext(e.R.Context(), "SELECT user_id FROM sessions WHERE token = $1", e.R.Header.Get("X-Token")).Err(); err != nil {
			return err
		}
		return e.Next()
	}}
}

func requireAdmin() *router.Handler[*Event] {
	return &router.Handler[*Event]{ID: "admin", Func: checkAdmin}
}

func checkAdmin(e *Event) error {
	if err := e.DB.QueryRowContext(e.R.Context(), "SELECT 1 FROM admins WHERE user_id = $1", 1).Err(); err != nil {
		return err
	}
	return e.Next()
}

func bindItems(rg *router.RouterGroup[*Event]) {
	sub := rg.Group("/items")
	sub.GET("", listItems)
	sub.GET("/{id}", viewItem)
	sub.PATCH("/{id}", updateItem(true)).Bind(requireAdmin())
	sub.DELETE("/{id}", func(e *Event) error {
		_, err := e.DB.ExecContext(e.R.Context(), "DELETE FROM items WHERE id = $1", e.R.PathValue("id"))
		return err
	})
}

func listItems(e *Event) error {
	rows, err := e.DB.QueryContext(e.R.Context(), "SELECT id, name FROM items")
	if err != nil {
		return err
	}
	return rows.Close()
}

func viewItem(e *Event) error {
	return e.DB.QueryRowContext(e.R.Context(), "SELECT id, name FROM items WHERE id = $1", e.R.PathValue("id")).Err()
}

func updateItem(audit bool) func(e *Event) error {
	return func(e *Event) error {
		_, err := e.DB.ExecContext(e.R.Context(), "UPDATE items SET name = $1 WHERE id = $2", "x", e.R.PathValue("id"))
		return err
	}
}
