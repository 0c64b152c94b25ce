package main

import (
	"database/sql"
	"net/http"

	"google.golang.org/grpc"

	"example.com/gokit/gen/patspb"
	"example.com/gokit/pats"
	"example.com/gokit/store"
)

func main() {
	db, _ := sql.Open("postgres", "")
	repo := &store.Repo{DB: db}
	svc := pats.Logging(pats.New(repo))
	gs := grpc.NewServer()
	patspb.RegisterPATServiceServer(gs, pats.NewGRPCServer(svc, repo))
	http.ListenAndServe(":8080", pats.MakeHandler(svc, repo))
}
