// Package dep is a dependency container whose getters build their value
// on the first call and hand back the stored one afterwards: what the
// build queries runs once per container, not per call of the getter.
package dep

import (
	"context"
	"database/sql"
	"net/http"
	"sync"
)

type Settings struct{ names []string }

// LoadSettings reads every setting: the build a getter runs once.
func LoadSettings(db *sql.DB) *Settings {
	rows, _ := db.Query("SELECT name FROM settings")
	s := &Settings{}
	for rows.Next() {
		var n string
		rows.Scan(&n)
		s.names = append(s.names, n)
	}
	return s
}

type Cache struct{ n int }

// Warm fills a cache from the database.
func Warm(db *sql.DB) *Cache {
	var n int
	db.QueryRow("SELECT count(*) FROM groups").Scan(&n)
	return &Cache{n: n}
}

type Dep struct {
	db       *sql.DB
	mu       sync.Mutex
	settings *Settings
	cache    *Cache
	queue    *Cache
	session  *Settings
	users    *Settings
}

// Settings returns the stored value when set: the early-return shape.
func (d *Dep) Settings() *Settings {
	if d.settings != nil {
		return d.settings
	}
	d.settings = LoadSettings(d.db)
	return d.settings
}

// Cache is the mirror shape, under a mutex.
func (d *Dep) Cache() *Cache {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.cache == nil {
		d.cache = Warm(d.db)
	}
	return d.cache
}

// Queue rebuilds when asked to reload.
func (d *Dep) Queue(reload bool) *Cache {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.queue != nil && !reload {
		return d.queue
	}
	d.queue = Warm(d.db)
	return d.queue
}

// Session's field is reset by every request (Logout): it is built again.
func (d *Dep) Session() *Settings {
	if d.session != nil {
		return d.session
	}
	d.session = LoadSettings(d.db)
	return d.session
}

func (d *Dep) Logout() { d.session = nil }

// Users assigns its field on every call: no test, a build per call.
func (d *Dep) Users() *Settings {
	d.users = LoadSettings(d.db)
	return d.users
}

var global = &Dep{}

func Names(ids []int) int {
	n := 0
	for range ids {
		n += len(global.Settings().names) // silent: built once per container
		n += global.Cache().n             // silent: likewise, the mirror under a mutex
		n += global.Queue(false).n        // silent: the caller keeps the fast path
	}
	return n
}

func Reload(ids []int) int {
	n := 0
	for range ids {
		n += global.Queue(true).n // reported: reload on every item
	}
	return n
}

func Sessions(ids []int) int {
	n := 0
	for range ids {
		n += len(global.Session().names) // reported: Logout resets the field
		n += len(global.Users().names)   // reported: built on every call
	}
	return n
}

func PerItem(db *sql.DB, ids []int) int {
	n := 0
	for range ids {
		d := &Dep{db: db}
		n += len(d.Settings().names) // reported: a new container per item
	}
	return n
}

// Current hands back the container the program keeps.
func Current() *Dep { return global }

// Local reads the container a call hands back once, before the loop.
func Local(ids []int) int {
	d := Current()
	n := 0
	for range ids {
		n += len(d.Settings().names) // silent: one container for every item
	}
	return n
}

func Serve(ctx context.Context) {
	http.HandleFunc("/names", func(w http.ResponseWriter, r *http.Request) {
		Names(ids(r))
		global.Logout()
	})
	http.HandleFunc("/reload", func(w http.ResponseWriter, r *http.Request) { Reload(ids(r)) })
	http.HandleFunc("/maybe", func(w http.ResponseWriter, r *http.Request) { Maybe(ids(r), r.URL.Query().Has("reload")) })
	http.HandleFunc("/sessions", func(w http.ResponseWriter, r *http.Request) { Sessions(ids(r)) })
	http.HandleFunc("/items", func(w http.ResponseWriter, r *http.Request) { PerItem(nil, ids(r)) })
	http.HandleFunc("/local", func(w http.ResponseWriter, r *http.Request) { Local(ids(r)) })
}

func ids(r *http.Request) []int {
	var out []int
	for range r.URL.Query()["id"] {
		out = append(out, len(out))
	}
	return out
}

// Maybe hands on its caller's flag: whether it reloads is not constant.
func Maybe(ids []int, reload bool) int {
	n := 0
	for range ids {
		n += global.Queue(reload).n // reported: the flag may be true
	}
	return n
}
