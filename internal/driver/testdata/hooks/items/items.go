// Package items serves items through the shaped router, behind a
// middleware that checks the session and hands on with e.Next().
package items

import (
	"database/sql"

	"example.com/hooks/router"
)

type API struct{ DB *sql.DB }

func (a *API) Register(r *router.Router) {
	r.Bind(a.session)
	r.GET("/items", a.list)
	r.POST("/items", a.create)
}

func (a *API) session(e *router.Event) error {
	a.DB.QueryRow("SELECT user_id FROM sessions WHERE token = $1", e.R.Header.Get("Token"))
	return e.Next()
}

func (a *API) list(e *router.Event) error {
	_, err := a.DB.Query("SELECT id FROM items")
	return err
}

func (a *API) create(e *router.Event) error {
	_, err := a.DB.Exec("INSERT INTO items (name) VALUES ($1)", e.R.FormValue("name"))
	return err
}
