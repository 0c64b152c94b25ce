package main

import (
	"context"

	"example.com/brokenimporter/server"
	"example.com/brokenimporter/store"
)

func main() {
	server.Handle(context.Background(), &store.Store{}, nil)
}
