// Package fix repairs what an upgrade left: run by hand, once.
package fix

import (
	"context"
	"database/sql"
)

// MenuTree rewrites each menu's tree, one row at a time.
func MenuTree(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT id, pid FROM menus")
	if err != nil {
		return err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id, pid int64
		if err := rows.Scan(&id, &pid); err != nil {
			return err
		}
		ids = append(ids, id)
	}
	for _, id := range ids {
		if _, err := db.ExecContext(ctx, "UPDATE menus SET tree = '' WHERE id = $1", id); err != nil {
			return err
		}
	}
	return nil
}

// Requeue puts each failed job back, one row at a time.
func Requeue(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT id FROM jobs WHERE failed")
	if err != nil {
		return err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		ids = append(ids, id)
	}
	for _, id := range ids {
		db.ExecContext(ctx, "UPDATE jobs SET failed = false WHERE id = $1", id)
	}
	return nil
}
