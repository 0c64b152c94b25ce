package main

import (
	"go.uber.org/fx"

	"example.com/fxroutes/server"
)

func main() {
	fx.New(server.Module).Run()
}
