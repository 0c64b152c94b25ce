package main

import (
	"example.com/bus/handlers"
	"example.com/bus/mw"
	"example.com/bus/store"
	"example.com/bus/web"
)

func routes(r *web.Engine) {
	r.Get("/_health", handlers.Health())
	r.Use(mw.Chain())
	r.Use(mw.Session())
	r.Get("/", handlers.Index())
	posts := r.Group()
	posts.Get("/posts/:id", handlers.Post())
	posts.Post("/votes", handlers.Votes())
	r.Get("/pick/:id", handlers.Pick())
	posts.Static("/assets/*filepath", "dist")
	r.NotFound(func(c *web.Context) error {
		next := mw.Chain(mw.Session())(func(c *web.Context) error { return nil })
		return next(c)
	})
}

func main() {
	store.Init()
	r := web.New()
	routes(r)
	_ = r.Start(":3000")
}
