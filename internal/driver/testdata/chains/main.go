package main

import (
	"net/http"

	"github.com/justinas/alice"

	"example.com/chains/chain"
	"example.com/chains/web"
	"example.com/chains/webalice"
	"example.com/chains/webgo"
)

func main() {
	mux := http.NewServeMux()
	mux.Handle("/", web.Routes(chain.NewChain(), &web.Server{}))
	mux.Handle("/a/", webalice.Routes(alice.New()))
	go http.ListenAndServe(":8081", (&webgo.Application{}).Routes())
	http.ListenAndServe(":8080", mux)
}
