package main

import (
	"github.com/spf13/cobra"

	"example.com/cobra/cli"
)

func main() {
	root := &cobra.Command{Use: "app"}
	root.AddCommand(cli.NewRepairCommand(), cli.NewPurgeCommand(), cli.NewKickCommand())
	root.Execute()
}
