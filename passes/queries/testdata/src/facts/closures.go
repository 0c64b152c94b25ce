package facts

import (
	"context"
	"database/sql"
)

func (d *DB) tx(ctx context.Context, f func(*sql.Tx) error) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	return f(tx)
}

// Touch runs its statement in a transaction callback, which runs during
// the call: the query is Touch's.
func (d *DB) Touch(ctx context.Context) error { // want Touch:`issuesQueries\(write UPDATE users SET seen = now\(\) @closures.go:\d+\)`
	return d.tx(ctx, (func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "UPDATE users SET seen = now()")
		return err
	}))
}

// Purge calls a closure in place per item.
func (d *DB) Purge(ctx context.Context, ids []int) { // want Purge:`issuesQueries\(write×1 DELETE FROM sessions WHERE user_id = \$1 @closures.go:\d+\)`
	for _, id := range ids {
		func() {
			d.db.ExecContext(ctx, "DELETE FROM sessions WHERE user_id = $1", id)
		}()
	}
}

// Forget calls, per item, a closure held in a variable that is assigned
// after the closure calling it is written.
func (d *DB) Forget(ctx context.Context, ids []int) { // want Forget:`issuesQueries\(write×1 DELETE FROM tokens WHERE user_id = \$1 @closures.go:\d+\)`
	var forget func(id int)
	each := func() {
		for _, id := range ids {
			forget(id)
		}
	}
	forget = func(id int) {
		d.db.ExecContext(ctx, "DELETE FROM tokens WHERE user_id = $1", id)
	}
	each()
}

type job func() error

// Later converts a closure to a job and returns it: the conversion runs
// nothing, so Later issues no query (no fact).
func (d *DB) Later(ctx context.Context) job {
	return job(func() error {
		_, err := d.db.ExecContext(ctx, "VACUUM")
		return err
	})
}
