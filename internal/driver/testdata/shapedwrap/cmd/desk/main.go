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
	g.GET("/w/settings", rateLimit(inbox(settings), "widget"))
	g.GET("/w/chat", rateLimit(widgetAuth(chat), "widget"))
	g.GET("/w/me", rateLimit(widgetAuth(me), "widget"))
	handleErr := func(fn func(*web.Request) error) web.Handler {
		return func(r *web.Request) error {
			if err := fn(r); err != nil {
				return errors.New("failed: " + err.Error())
			}
			return nil
		}
	}
	g.GET("/e/items", handleErr(listItems))
	g.GET("/e/me", handleErr(me))
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

// inbox lets the request through when its inbox exists.
func inbox(next func(*web.Request) error) func(*web.Request) error {
	return func(r *web.Request) error {
		if _, err := db.Query(`SELECT id FROM inboxes WHERE uuid = $1`, r.Value["inbox"]); err != nil {
			return err
		}
		return next(r)
	}
}

// widgetAuth is inbox's check and then the session's: a wrapper made of
// another, which it hands a closure of its own calling its handler.
func widgetAuth(next func(*web.Request) error) func(*web.Request) error {
	return inbox(func(r *web.Request) error {
		if err := session(r); err != nil {
			return err
		}
		return next(r)
	})
}

func settings(r *web.Request) error {
	_, err := db.Query(`SELECT body FROM settings WHERE key = $1`, r.Value["key"])
	return err
}

func chat(r *web.Request) error {
	_, err := db.Query(`SELECT body FROM messages WHERE chat = $1`, r.Value["chat"])
	return err
}
