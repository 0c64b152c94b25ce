// Command store serves the items service over gRPC.
package main

import (
	"database/sql"

	"google.golang.org/grpc"

	"example.com/grpcsplit/gen/storepb"
	"example.com/grpcsplit/store"
)

func main() {
	db, _ := sql.Open("postgres", "")
	s := grpc.NewServer()
	storepb.RegisterStoreServer(s, &store.Server{DB: db})
}
