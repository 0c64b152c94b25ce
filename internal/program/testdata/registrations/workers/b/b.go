// Package b provides one worker to the group, and a list flattened into
// another.
package b

import (
	"database/sql"

	"go.uber.org/fx"

	"example.com/registrations/workers"
)

type worker struct{ name string }

func (w worker) Key() string { return w.name }

func (worker) Stop(db *sql.DB) error {
	_, err := db.Exec("DELETE FROM leases WHERE worker = 'b'")
	return err
}

// Result adds the worker to the group, and the shards' to "extra".
type Result struct {
	fx.Out
	Worker workers.Worker   `group:"workers"`
	Shards []workers.Worker `group:"extra,flatten"`
}

// New is b's constructor: one shard per name configured.
func New(names []string) Result {
	var shards []workers.Worker
	for _, n := range names {
		shards = append(shards, worker{n})
	}
	return Result{Worker: worker{"b"}, Shards: shards}
}
