// Package batchhelpapi fills batches with another package's helpers.
package batchhelpapi // want `stats: 2 sites, 1 unresolved, 0 unparsed, 0 orm`

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"batchhelp"
)

func Expire(ctx context.Context, pool *pgxpool.Pool, ids []int) error { // want `issuesQueries\(.*\)`
	b := &pgx.Batch{}
	batchhelp.Expire(b, ids)
	return pool.SendBatch(ctx, b).Close() // want `site batch write "UPDATE rows SET expired = \$1 WHERE \(id = \$2\)"`
}

func Stmt(ctx context.Context, pool *pgxpool.Pool, w *batchhelp.Writer) error { // want `issuesQueries\(.*\)`
	b := &pgx.Batch{}
	batchhelp.QueueStmt(b, w)
	return pool.SendBatch(ctx, b).Close() // want `site batch unknown unresolved: batch b queues SQL at batchhelp.go:\d+ \(in batchhelp.QueueStmt\) where .*`
}
