package direct

import (
	"context"
	"database/sql"
	"time"
)

// Drains: a job working off a backlog a batch per pass, stopping when a
// pass answers less than a full batch.

const maxBatchesPerTick = 50

func sealBatch(ctx context.Context, db *sql.DB, cutoff time.Time, size int) (int, error) {
	res, err := db.ExecContext(ctx, "UPDATE ledger SET sealed = true WHERE id IN (SELECT id FROM ledger WHERE NOT sealed AND created_at < $1 LIMIT $2)", cutoff, size)
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	return int(n), err
}

func SealTick(ctx context.Context, db *sql.DB, size int) {
	cutoff := time.Now().Add(-time.Minute)
	for i := 0; i < maxBatchesPerTick; i++ {
		n, err := sealBatch(ctx, db, cutoff, size) // silent: one statement per batch, until caught up
		if err != nil {
			break
		}
		if n < size {
			break
		}
	}
}

func PurgeExpired(ctx context.Context, db *sql.DB) error {
	for i := 0; i < 1000; i++ {
		res, err := db.ExecContext(ctx, "DELETE FROM sessions WHERE id IN (SELECT id FROM sessions WHERE expires_at < now() LIMIT 500)") // silent: until none is left
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return err
		}
		if n == 0 {
			return nil
		}
	}
	return nil
}

// SealAll goes on however much a pass sealed: as many batches as the
// bound says.
func SealAll(ctx context.Context, db *sql.DB, size int) (total int) {
	for i := 0; i < maxBatchesPerTick; i++ {
		n, err := sealBatch(ctx, db, time.Now(), size) // want `^direct.sealBatch runs UPDATE ledger .* once per item of maxBatchesPerTick`
		if err != nil {
			break
		}
		total += n
	}
	return total
}

// SealShards hands each pass its counter: a cutoff per pass.
func SealShards(ctx context.Context, db *sql.DB, size int, cutoffs [maxBatchesPerTick]time.Time) {
	for i := 0; i < maxBatchesPerTick; i++ {
		n, err := sealBatch(ctx, db, cutoffs[i], size) // want `^direct.sealBatch runs UPDATE ledger .* once per item of maxBatchesPerTick`
		if err != nil {
			break
		}
		if n < size {
			break
		}
	}
}
