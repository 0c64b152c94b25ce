package main

import (
	"database/sql"
	"net/http"

	"example.com/widetable/vm"
)

var db *sql.DB

// lookup is one of the registered functions: it reads a user.
func lookup(v *vm.VM) int {
	var n int
	_ = db.QueryRow("SELECT count(*) FROM users WHERE id = $1", v.Top()).Scan(&n)
	return n
}

// few is a table of three: a call through it costs its costliest.
var few = map[string]func(id int) int{
	"a": func(id int) int { return id },
	"b": func(id int) int { return id * 2 },
	"c": func(id int) int {
		var n int
		_ = db.QueryRow("SELECT count(*) FROM orders WHERE user_id = $1", id).Scan(&n)
		return n
	},
}

func main() {
	db, _ = sql.Open("postgres", "")
	machine := vm.New(table())
	http.HandleFunc("/print", func(w http.ResponseWriter, r *http.Request) {
		machine.Print() // silent: the interpreter's table decides what runs per slot
	})
	http.HandleFunc("/few", func(w http.ResponseWriter, r *http.Request) {
		for _, k := range r.URL.Query()["k"] {
			few[k](len(k)) // reported: one of three, the costliest reads per item
		}
	})
	_ = http.ListenAndServe(":8080", nil)
}
