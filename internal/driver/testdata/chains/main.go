package main

import (
	"net/http"

	"github.com/justinas/alice"

	"example.com/chains/chain"
	"example.com/chains/web"
	"example.com/chains/webalice"
)

func main() {
	mux := http.NewServeMux()
	mux.Handle("/", web.Routes(chain.NewChain(), &web.Server{}))
	mux.Handle("/a/", webalice.Routes(alice.New()))
	http.ListenAndServe(":8080", mux)
}
