// Package pgxloop runs its queries through pgx: PostgreSQL, and a Batch
// sends many statements in one round trip.
package pgxloop

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

func Touch(ctx context.Context, pool *pgxpool.Pool, ids []int64, names map[int64]string) {
	for _, id := range ids {
		pool.Exec(ctx, "DELETE FROM carts WHERE user_id = $1", id) // fix `^delete all rows in one statement: DELETE FROM carts WHERE user_id = ANY\(\$1\) with the keys as one array; or queue the statements on one pgx.Batch and send it once$` // want `^DELETE from carts runs once per item of ids`
	}
	for id, name := range names {
		pool.Exec(ctx, "UPDATE users SET name = $2 WHERE id = $1", id, name) // fix `^update all rows in one statement: UPDATE users SET col = v.col FROM unnest\(\$1::type\[\], \$2::type\[\]\) AS v\(id, col\) WHERE users.id = v.id; or queue` // want `^UPDATE users runs once per item of names`
	}
}
