package main

import (
	"database/sql"
	"net/http"

	"example.com/callctx/auth"
	"example.com/callctx/stats"
	"example.com/callctx/store"
	"example.com/callctx/users"
)

func main() {
	db, _ := sql.Open("postgres", "")
	s := &store.Store{DB: db}
	a := &auth.Auth{S: s}
	n := &users.Notifier{}
	n.OnDeleted(s.RemovePlugins)
	n.OnAdded(s.InitPlugins)
	n.OnRenamed(s.RemovePlugins)
	n.FirstOnRename(s.LogRename)
	u := &users.API{S: s, Notifier: n}
	st := &stats.API{Svc: &stats.Service{S: s}}

	mux := http.NewServeMux()
	mux.Handle("GET /admin", a.RequireAdmin(http.HandlerFunc(ok)))
	mux.Handle("GET /client", a.RequireClient(http.HandlerFunc(ok)))
	mux.Handle("POST /message", a.RequireApplication(http.HandlerFunc(ok)))
	mux.HandleFunc("DELETE /user", u.Delete)
	mux.HandleFunc("POST /user", u.Create)
	mux.HandleFunc("PUT /user", u.Rename)
	mux.HandleFunc("GET /badge", st.Badge)
	mux.HandleFunc("GET /stats", st.Stats)
	mux.HandleFunc("GET /defaults", st.Defaults)
	mux.HandleFunc("GET /total", st.Total)
	mux.HandleFunc("GET /recent", st.Recent)
	http.ListenAndServe(":8080", mux)
}

func ok(w http.ResponseWriter, r *http.Request) {}
