package direct

import (
	"context"
	"database/sql"
)

// One variable holds each statement in turn: the call runs the one
// assigned last before it on its way, also when that assignment is in
// the block holding the call (the if's), not the variable's.
func AddMembers(ctx context.Context, tx *sql.Tx, group int64, ids []int64) error {
	for _, id := range ids {
		var exists bool
		query := "SELECT EXISTS(SELECT 1 FROM group_edge WHERE source_id = $1 AND destination_id = $2)"
		if err := tx.QueryRowContext(ctx, query, group, id).Scan(&exists); err != nil { // want `^SELECT from group_edge runs once per item of ids`
			return err
		}
		if !exists {
			query = "UPDATE groups SET edge_count = edge_count + 1 WHERE id = $1"
			if _, err := tx.ExecContext(ctx, query, group); err != nil { // want `^UPDATE groups runs once per item of ids`
				return err
			}
		}
	}
	return nil
}

// A reassignment under a condition the call is not in leaves it one
// statement or the other.
func Touch(ctx context.Context, db *sql.DB, ids []int64, hard bool) {
	for _, id := range ids {
		query := "UPDATE posts SET seen = true WHERE id = $1"
		if hard {
			query = "DELETE FROM posts WHERE id = $1"
		}
		db.ExecContext(ctx, query, id) // want `once per item of ids`
	}
}
