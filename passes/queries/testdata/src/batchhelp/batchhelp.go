// Package batchhelp fills pgx batches in helpers that take the batch:
// the SendBatch site runs what they queue, here or, through their
// facts, in other packages.
package batchhelp // want `stats: 4 sites, 2 unresolved, 0 unparsed, 0 orm`

import (
	"context"

	sq "github.com/Masterminds/squirrel"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type Row struct {
	ID   int
	Name string
}

type Op struct {
	Rows []Row
	IDs  []int
}

type Writer struct {
	pool *pgxpool.Pool
	stmt string
}

var psql = sq.StatementBuilder.PlaceholderFormat(sq.Dollar)

func (w *Writer) Write(ctx context.Context, rows []Row, ids []int) error { // want `issuesQueries\(.*\)`
	batch := &pgx.Batch{}
	if len(rows) > 0 {
		w.insertRows(batch, rows)
	}
	Expire(batch, ids)
	batch.Queue("UPDATE stats SET writes = writes + 1")
	return w.pool.SendBatch(ctx, batch).Close() // want `site batch write "INSERT INTO rows \(id, name\) VALUES \(\$1, \$2\);\\nUPDATE rows SET expired = \$1 WHERE \(id = \$2\);\\nUPDATE stats SET writes = writes \+ 1"`
}

// Bundle fills its batch through a helper that calls the others.
func (w *Writer) Bundle(ctx context.Context, ops []Op) error { // want `issuesQueries\(.*\)`
	batch := &pgx.Batch{}
	for _, op := range ops {
		w.run(batch, op)
	}
	return w.pool.SendBatch(ctx, batch).Close() // want `site batch write "INSERT INTO rows \(id, name\) VALUES \(\$1, \$2\);\\nUPDATE rows SET expired = \$1 WHERE \(id = \$2\)"`
}

func (w *Writer) run(b *pgx.Batch, op Op) { // want `batchQueues\(0, INSERT INTO rows \(id, name\) VALUES \(\$1, \$2\); UPDATE rows SET expired = \$1 WHERE \(id = \$2\)\)`
	if len(op.Rows) > 0 {
		w.insertRows(b, op.Rows)
	}
	Expire(b, op.IDs)
}

func (w *Writer) insertRows(b *pgx.Batch, rows []Row) { // want `batchQueues\(0, INSERT INTO rows \(id, name\) VALUES \(\$1, \$2\)\)`
	for _, r := range rows {
		b.Queue("INSERT INTO rows (id, name) VALUES ($1, $2)", r.ID, r.Name)
	}
}

// Expire queues an UPDATE per id, on the batch it is given.
func Expire(b *pgx.Batch, ids []int) { // want `batchQueues\(0, UPDATE rows SET expired = \$1 WHERE \(id = \$2\)\)`
	for _, id := range ids {
		q, args, _ := psql.Update("rows").Set("expired", true).Where(sq.Eq{"id": id}).ToSql()
		b.Queue(q, args...)
	}
}

// QueueStmt queues the statement its writer holds, which nothing sets:
// what it queues is unknown.
func QueueStmt(b *pgx.Batch, w *Writer) { // want `batchQueues\(0, unresolved: .*\)`
	b.Queue(w.stmt)
}

// Stmt fills its batch through a helper whose SQL is unknown:
// unresolved, saying where.
func (w *Writer) Stmt(ctx context.Context) error { // want `issuesQueries\(.*\)`
	batch := &pgx.Batch{}
	QueueStmt(batch, w)
	return w.pool.SendBatch(ctx, batch).Close() // want `site batch unknown unresolved: batch batch queues SQL at batchhelp.go:\d+ \(in batchhelp.QueueStmt\) where .*`
}

// Empty sends a batch nothing fills.
func (w *Writer) Empty(ctx context.Context) error { // want `issuesQueries\(.*\)`
	batch := &pgx.Batch{}
	return w.pool.SendBatch(ctx, batch).Close() // want `site batch unknown unresolved: no statement is queued on batch batch in this function`
}
