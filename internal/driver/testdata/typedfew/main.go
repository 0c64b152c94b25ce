// Command typedfew fans events out to notifiers, of which only the
// database one runs SQL.
package main

import (
	"database/sql"
	"encoding/json"
	"net/http"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"example.com/typedfew/config"
	"example.com/typedfew/notify"
	"example.com/typedfew/shapes"
)

func init() {
	cobra.OnInitialize(initConfig)
}

// initConfig reads the configuration file, once, before the command runs.
func initConfig() {
	b, _ := os.ReadFile("typedfew.json")
	json.Unmarshal(b, &config.C)
}

func main() {
	root := &cobra.Command{Use: "typedfew", RunE: run}
	root.Execute()
}

func run(cmd *cobra.Command, args []string) error {
	db, _ := sql.Open("postgres", "")
	tasks := []func() error{
		func() error { return notify.Setup(db, config.C) },
		func() error { notify.SetupAudit(db); return nil },
		func() error { notify.SetupRows(db); return nil },
		func() error { notify.SetupRegistered(db); return nil },
	}
	for _, t := range tasks {
		if err := t(); err != nil {
			return err
		}
	}
	s := &notify.Service{DB: db}
	http.HandleFunc("POST /events", func(w http.ResponseWriter, r *http.Request) {
		id := r.FormValue("id")
		s.Spawn(id)
		s.Logged(id)
		s.SpawnRowed(id)
		s.Rowed(id)
		s.Audited(id)
		s.Stored(id)
		s.Registered(id)
		s.Wrapped(id)
		if config.Get().Notify.Enabled == nil {
			w.WriteHeader(http.StatusNotFound)
		}
	})
	http.HandleFunc("POST /subscribe", func(w http.ResponseWriter, r *http.Request) {
		s.Each(strings.Split(r.FormValue("ids"), ","), r.FormValue("id"))
	})
	http.HandleFunc("GET /area", func(w http.ResponseWriter, r *http.Request) {
		shapes.Total(db)
		shapes.Patched(db)
	})
	return http.ListenAndServe(":8080", nil)
}
