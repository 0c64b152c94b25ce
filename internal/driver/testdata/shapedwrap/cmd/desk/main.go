package main

import (
	"database/sql"
	"errors"

	"example.com/shapedwrap/web"
)

var db *sql.DB

func main() {
	db, _ = sql.Open("postgres", "")
	g := web.New()
	g.GET("/items", perm(listItems, "items:read"))
	g.POST("/items", perm(createItem, "items:write"))
	g.GET("/me", auth(me))
	g.POST("/reset", rateLimit(tryAuth(reset), "auth"))
	g.Serve(":8080")
}

// perm lets the request through when its user holds the permission.
func perm(handler web.Handler, perm string) web.Handler {
	return func(r *web.Request) error {
		var ok bool
		if err := db.QueryRow(`SELECT true FROM permissions WHERE name = $1 AND user_id = $2`, perm, r.Value["user"]).Scan(&ok); err != nil || !ok {
			return errors.New("denied")
		}
		return handler(r)
	}
}

// auth lets the request through when its session is valid.
func auth(handler web.Handler) web.Handler {
	return func(r *web.Request) error {
		if err := session(r); err != nil {
			return err
		}
		return handler(r)
	}
}

// tryAuth reads the session when there is one, and serves either way.
func tryAuth(handler web.Handler) web.Handler {
	return func(r *web.Request) error {
		if err := session(r); err != nil {
			return handler(r)
		}
		return handler(r)
	}
}

func session(r *web.Request) error {
	var user string
	err := db.QueryRow(`SELECT user_id FROM sessions WHERE token = $1`, r.Value["token"]).Scan(&user)
	r.Value["user"] = user
	return err
}

// rateLimit counts the requests of a bucket in memory.
func rateLimit(handler web.Handler, bucket string) web.Handler {
	hits := map[string]int{}
	return func(r *web.Request) error {
		hits[bucket]++
		return handler(r)
	}
}

func listItems(r *web.Request) error {
	_, err := db.Query(`SELECT id, name FROM items`)
	return err
}

func createItem(r *web.Request) error {
	_, err := db.Exec(`INSERT INTO items (name) VALUES ($1)`, r.Value["name"])
	return err
}

func me(r *web.Request) error {
	_, err := db.Query(`SELECT name FROM users WHERE id = $1`, r.Value["user"])
	return err
}

func reset(r *web.Request) error {
	_, err := db.Exec(`UPDATE users SET password = NULL WHERE id = $1`, r.Value["user"])
	return err
}
