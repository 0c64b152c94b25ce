package main

import (
	"net/http"

	"gorm.io/gorm"

	"example.com/ifacemig/api"
	"example.com/ifacemig/core"
	"example.com/ifacemig/dal"
	"example.com/ifacemig/migrations"
	"example.com/ifacemig/plugin"
)

func main() {
	d := dal.New(&gorm.DB{})
	m := core.New(d)
	m.Register(migrations.All(), "framework")
	if err := m.Execute(); err != nil {
		panic(err)
	}
	plugin.Plugins.Add(plugin.All()...)
	mux := &api.Mux{D: d}
	for _, h := range api.Handlers {
		mux.Handle(h)
	}
	http.Handle("/api/", mux)
	http.HandleFunc("/sync", func(w http.ResponseWriter, r *http.Request) { plugin.Plugins.SyncAll(d) })
	// The scripts a new release registered, run when an operator says so.
	http.HandleFunc("/proceed-db-migration", func(w http.ResponseWriter, r *http.Request) {
		if err := m.Execute(); err != nil {
			http.Error(w, err.Error(), 500)
		}
	})
	http.ListenAndServe(":8080", nil)
}
