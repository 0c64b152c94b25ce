// Package session drives a store around a unit of work.
package session

import "example.com/capguard/store"

// StoreSession connects the store for the callback when it keeps no
// connection of its own.
func StoreSession(s store.Store, token string, callback func()) {
	if !s.PermanentConnection() {
		s.Connect(token)
	}
	callback()
	if !s.PermanentConnection() {
		s.Close(token)
	}
}

// Mirror asks one store and connects another: the guard says nothing of
// b.
func Mirror(a, b store.Store, token string) {
	if a.PermanentConnection() {
		b.Connect(token)
	}
}

type Pool struct{ Store store.Store }

type Runner struct{ Pool *Pool }

// Run asks and connects the store of its pool, loaded twice.
func (r *Runner) Run(token string) {
	if !r.Pool.Store.PermanentConnection() {
		r.Pool.Store.Connect(token)
	}
}

// Swap asks its pool's store, then replaces it before connecting: the
// store connected is not the one asked.
func (r *Runner) Swap(other store.Store, token string) {
	if !r.Pool.Store.PermanentConnection() {
		r.Pool.Store = other
		r.Pool.Store.Connect(token)
	}
}
