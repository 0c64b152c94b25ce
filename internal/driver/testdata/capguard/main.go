// Command capguard serves users from the store configured.
package main

import (
	"database/sql"
	"net/http"
	"os"

	"example.com/capguard/boltstore"
	"example.com/capguard/feature"
	"example.com/capguard/pooled"
	"example.com/capguard/session"
	"example.com/capguard/sqlstore"
	"example.com/capguard/store"
)

func open(db *sql.DB, kind string) store.Store {
	switch kind {
	case "bolt":
		return boltstore.New(db)
	case "pooled":
		return pooled.New(db, os.Getenv("KEEP") != "")
	}
	return sqlstore.New(db)
}

func backend(db *sql.DB) feature.Backend {
	if os.Getenv("FEATURE") != "" {
		return feature.Yes{DB: db}
	}
	return feature.No{DB: db}
}

func withStore(s store.Store, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		session.StoreSession(s, r.RemoteAddr, func() { h(w, r) })
	}
}

func main() {
	db, _ := sql.Open("postgres", "")
	s := open(db, os.Getenv("STORE"))
	other := open(db, os.Getenv("OTHER"))
	b := backend(db)
	runner := &session.Runner{Pool: &session.Pool{Store: s}}
	http.HandleFunc("GET /users", withStore(s, func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(s.UserName(r.FormValue("id"))))
	}))
	http.HandleFunc("POST /feature", func(w http.ResponseWriter, r *http.Request) {
		feature.Run(b)
	})
	http.HandleFunc("POST /feature/ready", func(w http.ResponseWriter, r *http.Request) {
		feature.RunIf(r.FormValue("ready") != "", b)
	})
	http.HandleFunc("POST /feature/always", func(w http.ResponseWriter, r *http.Request) {
		b.Do()
	})
	http.HandleFunc("POST /mirror", func(w http.ResponseWriter, r *http.Request) {
		session.Mirror(s, other, r.RemoteAddr)
	})
	http.HandleFunc("POST /run", func(w http.ResponseWriter, r *http.Request) {
		runner.Run(r.RemoteAddr)
	})
	http.HandleFunc("POST /swap", func(w http.ResponseWriter, r *http.Request) {
		runner.Swap(other, r.RemoteAddr)
	})
	http.HandleFunc("GET /direct/sql", func(w http.ResponseWriter, r *http.Request) {
		d := sqlstore.New(db)
		session.StoreSession(d, r.RemoteAddr, func() { w.Write([]byte(d.UserName(r.FormValue("id")))) })
	})
	http.HandleFunc("GET /direct/bolt", func(w http.ResponseWriter, r *http.Request) {
		session.StoreSession(boltstore.New(db), r.RemoteAddr, func() {})
	})
	http.ListenAndServe(":8080", nil)
}
