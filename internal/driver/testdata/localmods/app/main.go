// Command app serves users through the router wrapper and the store of
// its sibling module.
package main

import (
	"database/sql"
	"net/http"
	"strconv"

	"example.com/kit/httpx"
	"example.com/kit/store"
)

type handler struct{ st *store.Store }

func (h *handler) list(w http.ResponseWriter, r *http.Request) {
	var ids []int
	for _, v := range r.URL.Query()["id"] {
		if id, err := strconv.Atoi(v); err == nil {
			ids = append(ids, id)
		}
	}
	for _, n := range h.st.Names(r.Context(), ids) {
		w.Write([]byte(n))
	}
}

func main() {
	db, err := sql.Open("postgres", "")
	if err != nil {
		panic(err)
	}
	h := &handler{st: store.New(db)}
	r := httpx.New()
	r.GET("/users", h.list)
	http.ListenAndServe(":8080", r)
}
