// Package sqlcapp takes its schema from discovery under its go.mod: the
// sqlc schema first, and the migrations as a second view.
package sqlcapp

import (
	"context"
	"database/sql"
)

const byOrg = `SELECT id FROM accounts WHERE org_id = $1` // indexed by a migration sqlc's schema lacks

const byPlan = `SELECT id FROM accounts WHERE plan = $1` // want `equality filter on accounts\(plan\)`

func Accounts(ctx context.Context, db *sql.DB) {
	db.QueryContext(ctx, byOrg, 1)
	db.QueryContext(ctx, byPlan, "pro")
}
