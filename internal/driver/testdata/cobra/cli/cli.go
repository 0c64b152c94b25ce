// Package cli holds the program's commands: cobra commands whose RunE is
// a function literal, or the closure a factory returns.
package cli

import (
	"context"
	"database/sql"

	"github.com/spf13/cobra"

	"example.com/cobra/store"
)

func NewRepairCommand() *cobra.Command {
	return &cobra.Command{Use: "repair", RunE: repair()}
}

// repair returns the command's code: what RunE runs.
func repair() func(cmd *cobra.Command, args []string) error {
	return func(cmd *cobra.Command, args []string) error {
		db, err := sql.Open("postgres", "")
		if err != nil {
			return err
		}
		return store.Advance(context.Background(), db, 1000)
	}
}

func NewPurgeCommand() *cobra.Command {
	return &cobra.Command{Use: "purge", RunE: func(cmd *cobra.Command, args []string) error {
		db, err := sql.Open("postgres", "")
		if err != nil {
			return err
		}
		users, err := store.Idle(context.Background(), db)
		if err != nil {
			return err
		}
		return store.Purge(context.Background(), db, users)
	}}
}

// NewKickCommand ends the sessions of the users named after the command
// (`app kick ann bob`): a few words typed, not data (crowdsec's `cscli
// bouncers delete`).
func NewKickCommand() *cobra.Command {
	return &cobra.Command{Use: "kick", RunE: func(cmd *cobra.Command, args []string) error {
		db, err := sql.Open("postgres", "")
		if err != nil {
			return err
		}
		return store.Kick(context.Background(), db, args)
	}}
}
