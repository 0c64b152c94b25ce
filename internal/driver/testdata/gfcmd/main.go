package main

import (
	"context"

	"example.com/gfcmd/internal/cmd"
)

func main() {
	cmd.Main.Run(context.Background())
}
