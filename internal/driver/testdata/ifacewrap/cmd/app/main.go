package main

import (
	"database/sql"
	"net/http"
	"strings"

	"example.com/ifacewrap/store"
	"example.com/ifacewrap/store/pg"
)

type Handler struct {
	Ex store.Executor
	PG *pg.Adapter
}

func (h *Handler) Delete(w http.ResponseWriter, r *http.Request) {
	h.Ex.ExecCtx(r.Context(), "DELETE FROM items WHERE id = $1", r.URL.Query().Get("id"))
}

func (h *Handler) Names(w http.ResponseWriter, r *http.Request) {
	var names []string
	for _, id := range strings.Split(r.URL.Query().Get("ids"), ",") {
		name, err := h.Ex.QueryOne(r.Context(), "SELECT name FROM items WHERE id = $1", id)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		names = append(names, name)
	}
	w.Write([]byte(strings.Join(names, "\n")))
}

func (h *Handler) Direct(w http.ResponseWriter, r *http.Request) {
	name, _ := h.PG.QueryOne(r.Context(), "SELECT name FROM items WHERE id = $1", r.URL.Query().Get("id"))
	w.Write([]byte(name))
}

func main() {
	db, err := sql.Open("postgres", "")
	if err != nil {
		panic(err)
	}
	a := &pg.Adapter{DB: db}
	h := &Handler{Ex: a, PG: a}
	mux := http.NewServeMux()
	mux.HandleFunc("DELETE /items", h.Delete)
	mux.HandleFunc("GET /items/names", h.Names)
	mux.HandleFunc("GET /direct", h.Direct)
	http.ListenAndServe(":8080", mux)
}
