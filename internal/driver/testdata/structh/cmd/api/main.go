package main

import (
	"database/sql"
	"log"
	"net/http"

	"example.com/structh/auth"
	"example.com/structh/store"
)

func logging(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.Println(r.URL.Path)
		h.ServeHTTP(w, r)
	})
}

func main() {
	db, err := sql.Open("postgres", "")
	if err != nil {
		panic(err)
	}
	svc := auth.New(store.New(db))
	mux := http.NewServeMux()
	mux.Handle("/auth/callback", logging(svc.RegisterCallbackHandler()))
	mux.Handle("/auth/login", logging(svc.RegisterLoginHandler()))
	mux.Handle("/tokens", svc.Tokens())
	mux.Handle("/wrapped", svc.Wrapped(auth.RevokeHandler))
	mux.Handle("/plain", svc.Plain())
	http.ListenAndServe(":8080", mux)
}
