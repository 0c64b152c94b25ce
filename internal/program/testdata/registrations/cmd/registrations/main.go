package main

import (
	"database/sql"
	"net/http"
	"os"
	"strings"

	"go.uber.org/fx"

	_ "example.com/registrations/plug/a"
	_ "example.com/registrations/plug/b"
	"example.com/registrations/reg"
	"example.com/registrations/workers"
	"example.com/registrations/workers/a"
	"example.com/registrations/workers/b"
)

var registry *workers.Registry

type named string

func (n named) Key() string           { return string(n) }
func (n named) Stop(db *sql.DB) error { return nil }

// workersRoute runs per request.
func workersRoute(w http.ResponseWriter, r *http.Request) {
	registry.Stop(db)
	registry.StopExtra(db)
	registry.Add(named(r.URL.Path))
	registry.StopSeen(db)
}

var db *sql.DB

// deleteUser runs per request: a scheme's records per registered scheme.
func deleteUser(w http.ResponseWriter, r *http.Request) {
	for _, name := range reg.Names() { // few: through the getter
		_ = reg.Get(name).Drop(db, 1)
	}
	names := reg.Names()
	for _, name := range names { // few: the getter's result kept
		_ = reg.Get(name).Drop(db, 2)
	}
	for _, name := range reg.AllNames() { // start: the aliases configured, with the schemes
		_, _ = db.Exec("DELETE FROM auth_names WHERE name = $1", name)
	}
	for _, name := range reg.MixedNames() { // data: with what requests remembered
		_, _ = db.Exec("DELETE FROM auth_names WHERE name = $1", name)
	}
	for name := range reg.Streamed(db) { // data: one per item a channel gives
		_, _ = db.Exec("DELETE FROM auth_names WHERE name = $1", name)
	}
	reg.DropAll(db, 3)
	reg.EachCodec(db)
	reg.EachRow(db)
	reg.EachSeen(db)
	reg.EachLine(db)
	reg.EachEnv(db)
	reg.EachHanded(db)
	reg.Remember(r.URL.Query().Get("n"))
}

func main() {
	reg.AddCodec("gzip")
	reg.AddCodec("zstd")
	reg.LoadRows(db)
	reg.LoadAliases(os.Args[1:])
	reg.ReadLines("/etc/hosts")
	reg.Handed()["y"] = true
	http.HandleFunc("/users/delete", deleteUser)
	http.HandleFunc("/workers", workersRoute)
	fx.New(
		fx.Provide(workers.NewRegistry, a.New, func() b.Result { return b.New(strings.Fields(os.Getenv("SHARDS"))) }),
		fx.Invoke(func(r *workers.Registry) { registry = r }),
	)
	_ = http.ListenAndServe(":8080", nil)
}
