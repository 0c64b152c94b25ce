// Package events runs the rules an update triggers: a callback the
// program registers at start, which starts the rules' actions on a
// goroutine and returns.
package events

import (
	"context"
	"database/sql"
)

// OnUpdate is called after each update; main sets it.
var OnUpdate func(kind string, id int64)

// Rules starts the actions of the rules of kind and does not wait for
// them.
func Rules(db *sql.DB) func(kind string, id int64) {
	return func(kind string, id int64) {
		go act(db, kind, id)
	}
}

// act notifies each subscriber: a query per subscriber, on the rules'
// goroutine, not in the request that triggered them.
func act(db *sql.DB, kind string, id int64) {
	ctx := context.Background()
	rows, err := db.QueryContext(ctx, `SELECT id FROM subscribers WHERE kind = $1`, kind)
	if err != nil {
		return
	}
	var subs []int64
	for rows.Next() {
		var s int64
		rows.Scan(&s)
		subs = append(subs, s)
	}
	rows.Close()
	for _, s := range subs {
		db.ExecContext(ctx, `INSERT INTO notices (subscriber, item) VALUES ($1, $2)`, s, id)
	}
}
