// Package restore re-runs the database's set-up on a request: an admin's
// restore of an uploaded database runs InitDB, which every start runs
// too. A request's own action named for a migration stays the request's.
package restore

import (
	"context"
	"database/sql"
	"net/http"
	"strconv"
)

// InitDB opens the database and repairs what older versions left.
func InitDB(ctx context.Context, db *sql.DB) error {
	repairCounters(ctx, db)
	return nil
}

func repairCounters(ctx context.Context, db *sql.DB) {
	rows, _ := db.QueryContext(ctx, "SELECT id FROM traffic WHERE up < 0")
	var ids []int64
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	for _, id := range ids {
		db.ExecContext(ctx, "UPDATE traffic SET up = 0 WHERE id = $1", id) // silent: set-up, which a restore re-runs
	}
}

// MigrateClients moves clients to another inbound: a user's action, which
// nothing at start-up runs.
func MigrateClients(ctx context.Context, db *sql.DB, ids []int64, to int64) {
	for _, id := range ids {
		db.ExecContext(ctx, "UPDATE clients SET inbound_id = $1 WHERE id = $2", to, id) // reported: the request's
	}
}

// Routes serves the restore and the move.
func Routes(db *sql.DB) {
	http.HandleFunc("/restore", func(w http.ResponseWriter, r *http.Request) {
		InitDB(r.Context(), db)
	})
	http.HandleFunc("/migrate-clients", func(w http.ResponseWriter, r *http.Request) {
		var ids []int64
		for _, s := range r.URL.Query()["id"] {
			id, _ := strconv.ParseInt(s, 10, 64)
			ids = append(ids, id)
		}
		MigrateClients(r.Context(), db, ids, 1)
	})
}
