package shapes

import (
	"context"
	"database/sql"
)

// Hooks kept as a list of any, each called through an assertion to its
// function type: a list of code the program registers, as []func() is.

var dailyHooks = []interface{}{
	pruneLogs,
	pruneSessions,
}

func pruneLogs(db *sql.DB) error {
	_, err := db.Exec("DELETE FROM logs WHERE at < now() - interval '30 days'")
	return err
}

func pruneSessions(db *sql.DB) error {
	_, err := db.Exec("DELETE FROM sessions WHERE expires < now()")
	return err
}

// AddHook registers one more hook.
func AddHook(h interface{}) { dailyHooks = append(dailyHooks, h) }

// RunHooks runs each hook in turn.
func RunHooks(db *sql.DB) {
	for _, h := range dailyHooks {
		if err := h.(func(*sql.DB) error)(db); err != nil {
			continue
		}
	}
}

type event struct{ Kind string }

// Record asserts its items to a struct: a list of records, which is
// data.
func (s *Store) Record(ctx context.Context, events []any) {
	for _, e := range events {
		ev := e.(event)
		s.insertKind(ctx, ev.Kind) // want `once per item of events`
	}
}
