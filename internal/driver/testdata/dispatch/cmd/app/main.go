// Command app cleans tables through a table of handlers, one per table
// name: each name's handler runs once per name given, as a switch on the
// name would.
package main

import (
	"context"
	"database/sql"
	"net/http"
)

type param struct {
	table string
	db    *sql.DB
	n     int
}

// handler maps a table's name to its cleanup.
var handler = map[string]func(context.Context, param) error{
	"flows": func(ctx context.Context, p param) error {
		_, err := p.db.ExecContext(ctx, `DELETE FROM flows WHERE expires_at < now()`)
		return err
	},
	"audit_logs": func(ctx context.Context, p param) error {
		_, err := p.db.ExecContext(ctx, `DELETE FROM audit_logs WHERE created_at < now() - interval '30 days'`)
		return err
	},
}

type event struct {
	Kind string
	ID   int64
}

// apply maps an event's kind to what stores it.
var apply = map[string]func(context.Context, *sql.DB, int64) error{
	"created": func(ctx context.Context, db *sql.DB, id int64) error {
		_, err := db.ExecContext(ctx, `INSERT INTO created (id) VALUES ($1)`, id)
		return err
	},
}

func main() {
	db, _ := sql.Open("postgres", "")
	http.HandleFunc("/clean", func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		tables := r.URL.Query()["table"]
		clean(ctx, db, tables)
		set := map[string]bool{}
		for _, t := range tables {
			set[t] = true
		}
		cleanSet(ctx, db, set)
		counted(ctx, db, tables)
		var evs []event
		for _, k := range tables {
			evs = append(evs, event{Kind: k})
		}
		events(ctx, db, evs)
	})
	http.HandleFunc("/login", func(w http.ResponseWriter, r *http.Request) {
		trim(r.Context(), db, settings, r.URL.Query()["session"])
	})
	http.ListenAndServe(":8080", nil)
}

func clean(ctx context.Context, db *sql.DB, tables []string) {
	for _, table := range tables {
		p := param{table: table, db: db}
		if err := handler[table](ctx, p); err != nil { // silent: once per table name
			return
		}
	}
}

func cleanSet(ctx context.Context, db *sql.DB, set map[string]bool) {
	for table := range set {
		handler[table](ctx, param{table: table, db: db}) // silent: once per key
	}
}

func counted(ctx context.Context, db *sql.DB, tables []string) {
	for _, table := range tables {
		p := param{table: table, db: db}
		p.n = len(p.table)
		handler[table](ctx, p) // reported: p is written again in the loop
	}
	for i, table := range tables {
		handler[table](ctx, param{table: table, db: db, n: i}) // reported: the index
	}
	for _, table := range tables {
		handler[table](ctx, param{table: table, db: db, n: next()}) // reported: a call's result
	}
}

func events(ctx context.Context, db *sql.DB, evs []event) {
	for _, ev := range evs {
		apply[ev.Kind](ctx, db, ev.ID) // reported: one per event
	}
	closures(ctx, db, evs)
}

var seq int

func next() int { seq++; return seq }

// Settings are read from the configuration file.
type Settings struct {
	Sessions int `yaml:"sessions"`
}

var settings = &Settings{Sessions: 5}

// trim deletes the sessions past the limit, which each login keeps: the
// loop runs over the excess, one session amortized (counted in
// stats.excess_loop_findings).
func trim(ctx context.Context, db *sql.DB, lim *Settings, sessions []string) {
	if len(sessions) >= lim.Sessions {
		for i := lim.Sessions - 1; i < len(sessions); i++ {
			db.ExecContext(ctx, `DELETE FROM sessions WHERE id = $1`, sessions[i])
		}
	}
}

// closures keeps a closure per event in a local map: a table of one
// function per item.
func closures(ctx context.Context, db *sql.DB, evs []event) {
	load := map[string]func(){}
	var keys []string
	for _, ev := range evs {
		id := ev.ID
		load[ev.Kind] = func() { db.ExecContext(ctx, `SELECT 1 FROM created WHERE id = $1`, id) }
		keys = append(keys, ev.Kind)
	}
	for _, k := range keys {
		load[k]() // reported: a closure per item
	}
}
