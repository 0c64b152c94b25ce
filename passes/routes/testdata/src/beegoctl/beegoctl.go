// Package beegoctl declares beego controllers whose actions issue
// queries, registered by beegoapp: a controller embeds web.Controller,
// and the framework calls the method a route maps to on a new
// controller per request.
package beegoctl

import (
	"database/sql"

	"github.com/beego/beego/v2/server/web"
)

var DB *sql.DB

type API struct {
	web.Controller
}

func (c *API) Signup() {
	DB.Exec("INSERT INTO users (name) VALUES ($1)", c.GetString("name"))
}

func (c *API) Login() {
	DB.QueryRow("SELECT id FROM users WHERE name = $1", c.GetString("name"))
}

func (c *API) Logout() {}

func (c *API) GetUsers() {
	DB.Query("SELECT id FROM users")
}

// Root embeds API: its actions are API's, promoted.
type Root struct {
	API
}

// Items is a RESTful controller: without a mapping, GET runs its Get and
// POST its Post; the other methods are web.Controller's, which answer 405.
type Items struct {
	web.Controller
}

func (c *Items) Get() {
	DB.Query("SELECT id FROM items")
}

func (c *Items) Post() {
	DB.Exec("INSERT INTO items (name) VALUES ($1)", c.GetString("name"))
}

// Guarded runs Prepare before every action and Finish after it: their
// queries are every request's.
type Guarded struct {
	web.Controller
}

func (c *Guarded) Prepare() {
	DB.QueryRow("SELECT user_id FROM sessions WHERE token = $1", c.Ctx.Input.Query("token"))
}

// Finish runs after every action.
func (c *Guarded) Finish() {
	DB.Exec("UPDATE sessions SET seen = now() WHERE token = $1", c.Ctx.Input.Query("token"))
}

func (c *Guarded) Stats() {
	DB.QueryRow("SELECT count(*) FROM items")
}
