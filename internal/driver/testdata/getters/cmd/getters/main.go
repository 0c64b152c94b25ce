package main

import (
	"context"

	"example.com/getters/dep"
)

func main() {
	dep.ServeApp(dep.NewApp(nil))
	dep.Serve(context.Background())
}
