// Package cli dispatches commands from a table with a Name and a Method
// field: no router's, no route.
package cli

import "database/sql"

type Command struct {
	Name   string
	Method string
	Run    func(args []string)
}

type Commands []Command

func Table(db *sql.DB) Commands {
	return Commands{
		{"prune", "Post", func(args []string) { db.Exec("DELETE FROM items WHERE stale") }},
	}
}

type Dispatcher struct{ byName map[string]func([]string) }

func (d *Dispatcher) Handle(name, method string, run func([]string)) {
	d.byName[name+" "+method] = run
}

func (d *Dispatcher) Run(name string, args []string) { d.byName[name](args) }

func Dispatch(db *sql.DB, args []string) {
	d := &Dispatcher{byName: map[string]func([]string){}}
	for _, c := range Table(db) {
		d.Handle(c.Name, c.Method, c.Run)
	}
	d.Run(args[0], args[1:])
}
