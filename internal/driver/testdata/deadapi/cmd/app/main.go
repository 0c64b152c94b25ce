package main

import (
	"context"
	"database/sql"
	"expvar"
	"fmt"
	"net/http"
	"net/rpc"

	"example.com/deadapi/api"
	"example.com/deadapi/store"
)

// app holds the store in an unexported field: printing it reaches no
// method of the store.
type app struct{ st *store.Store }

var hooks = map[string]func(context.Context, []int){}

func main() {
	db, _ := sql.Open("postgres", "")
	st := store.New(db)
	a := &app{st: st}
	fmt.Println(a)
	fmt.Println(st.Titles(context.Background(), []int{1, 2}))
	hooks["purge"] = st.Purge

	var tags store.Tags
	_ = db.QueryRow("SELECT tag_ids FROM posts WHERE id = 1").Scan(&tags)
	expvar.Publish("counts", &store.Counts{DB: db})
	_ = rpc.Register(&store.Posts{DB: db})
	mux := http.NewServeMux()
	api.RegisterPostServiceHandlerServer(mux, &api.Service{Store: st})
	_ = http.ListenAndServe(":8080", &store.Mux{DB: db})
}
