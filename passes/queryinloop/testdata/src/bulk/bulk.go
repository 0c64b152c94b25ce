// Package bulk holds callees that already take a list: a loop calling
// them once per group is told to call them once, not to add what exists.
package bulk

import (
	"context"
	"database/sql"

	"github.com/lib/pq"
)

type Store struct{ db *sql.DB }

// Names fetches the names of many users in one query.
func (s *Store) Names(ctx context.Context, ids []int64) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT id, name FROM users WHERE id = ANY($1)", ids)
}

// Name fetches one.
func (s *Store) Name(ctx context.Context, id int64) *sql.Row {
	return s.db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id)
}

// Profile runs two queries per call.
func (s *Store) Profile(ctx context.Context, id int64) {
	s.db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id)
	s.db.QueryRowContext(ctx, "SELECT count(*) FROM orders WHERE user_id = $1", id)
}

type Team struct {
	ID      int64
	Members []int64
}

func Teams(ctx context.Context, s *Store, teams []Team) {
	for _, t := range teams {
		s.Names(ctx, t.Members) // fix `^call it once with the keys of all items of teams, not once per item: it takes a list already$` // want `^bulk.\(\*Store\).Names runs SELECT from users \(bulk.go:\d+\) once per item of teams`
	}
	for _, t := range teams {
		s.Name(ctx, t.ID) // fix `^add a variant of bulk.\(\*Store\).Name that fetches the rows of all items in one query \(WHERE id = ANY\(\$1\) with the keys as one array, or a JOIN\) and call it once before the loop$` // want `^bulk.\(\*Store\).Name runs SELECT from users`
	}
	for _, t := range teams {
		s.Profile(ctx, t.ID) // fix `^add a variant of bulk.\(\*Store\).Profile that takes all the items and runs each of its 2 queries once for all of them \(the first, SELECT from users: WHERE id = ANY\(\$1\) with the keys as one array, or a JOIN\), and call it once$` // want `^bulk.\(\*Store\).Profile runs 2 queries once per item of teams: 2n round trips instead of 2$`
	}
	for _, t := range teams {
		s.db.QueryContext(ctx, "SELECT name FROM users WHERE id = ANY($1)", t.Members) // fix `^run it once with the keys of all items of teams, not once per item: it takes a list already$` // want `^SELECT from users runs once per item of teams`
	}
}

type Result struct{ EndpointConditionResultsForTheWholeSuite []int64 }

func (s *Store) insertEndpointConditionResultWithSuiteIDAndTimestamp(ctx context.Context, id int64) {
	s.db.ExecContext(ctx, "INSERT INTO endpoint_result_conditions_with_a_long_name (endpoint_result_id) VALUES ($1)", id)
}

// Long names are cut so that the message stays one line, and the fix
// readable.
func (s *Store) Long(ctx context.Context, results []Result) {
	for _, r := range results {
		for _, id := range r.EndpointConditionResultsForTheWholeSuite {
			s.insertEndpointConditionResultWithSuiteIDAndTimestamp(ctx, id) // fix `^add a variant of \(\*Store\)\.insertEndpointConditionResultWithSuiteIDAndTimesta… that inserts all rows in one statement \(INSERT INTO endpoint_result_conditions_with_a_long_name` // want `^\(\*Store\)\.insertEndpointCondit… runs an INSERT once per item of r\.EndpointCondition… inside another loop: n×m round trips$`
		}
	}
}

// Load copies users in with lib/pq's COPY: each Exec of a row buffers
// it, and the Exec with none sends them all: one round trip, silent. A
// statement prepared from SQL text runs each row on its own.
func Load(ctx context.Context, db *sql.DB, names []string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	stmt, err := tx.PrepareContext(ctx, pq.CopyIn("users", "name"))
	if err != nil {
		return err
	}
	for _, n := range names {
		if _, err := stmt.ExecContext(ctx, n); err != nil { // silent: a row of the copy
			return err
		}
	}
	if _, err := stmt.ExecContext(ctx); err != nil {
		return err
	}
	ins, err := tx.PrepareContext(ctx, "INSERT INTO users (name) VALUES ($1)")
	if err != nil {
		return err
	}
	for _, n := range names {
		ins.ExecContext(ctx, n) // want `^INSERT into users runs once per item of names`
	}
	return tx.Commit()
}
