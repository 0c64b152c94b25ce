// Package actors runs lists of functions: a run group's actors, whose
// number is the code's (silent), and closures made one per item, whose
// number is the data's (reported).
package actors

import (
	"context"

	"example.com/precision/store"
)

// Group runs the actors added to it, each in its goroutine.
type Group struct{ execute []func() error }

func (g *Group) Add(fn func() error) {
	g.execute = append(g.execute, func() error { return fn() })
}

func (g *Group) Run() {
	for _, fn := range g.execute {
		go func() { fn() }() // silent: as many as the code added
	}
}

// Start runs the program's actors (what starts it is not in the program:
// no role says how often it runs).
func Start(ctx context.Context, s store.Store) {
	var g Group
	g.Add(func() error { return s.AddUser(ctx, "admin") })
	g.Add(func() error { return nil })
	g.Run()
}

// Fetch starts one lookup per id: the closures are the data's.
func Fetch(ctx context.Context, s store.Store, ids []int64) {
	var tasks []func()
	for _, id := range ids {
		tasks = append(tasks, func() { s.User(ctx, id) })
	}
	for _, t := range tasks {
		go t() // reported: one query per id
	}
}
