// Package a provides one worker to the group.
package a

import (
	"database/sql"

	"go.uber.org/fx"

	"example.com/registrations/workers"
)

type worker struct{}

func (worker) Key() string { return "a" }

func (worker) Stop(db *sql.DB) error {
	_, err := db.Exec("DELETE FROM leases WHERE worker = 'a'")
	return err
}

// Result adds the worker to the group.
type Result struct {
	fx.Out
	Worker workers.Worker `group:"workers"`
}

// New is a's constructor.
func New() Result { return Result{Worker: worker{}} }
