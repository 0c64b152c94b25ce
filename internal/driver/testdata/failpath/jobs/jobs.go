// Package jobs walks items and writes down the failures.
package jobs

import (
	"context"
	"database/sql"
	"errors"

	"example.com/failpath/store"
)

func check(id int64) error {
	if id < 0 {
		return errors.New("negative")
	}
	return nil
}

func handleError(ctx context.Context, s store.Store, err error, id int64) {
	_ = s.MarkError(ctx, id, err.Error())
}

// Process marks the items it fails to read: the write runs for the
// failed ones only.
func Process(ctx context.Context, s store.Store, ids []int64) {
	for _, id := range ids {
		it, err := s.Get(ctx, id)
		if err != nil {
			handleError(ctx, s, err, id)
			continue
		}
		_ = it
	}
}

func tryOne(ctx context.Context, s store.Store, id int64) {
	if err := check(id); err != nil {
		handleError(ctx, s, err, id)
	}
}

// ProcessDeep calls a function that writes only on its own failure.
func ProcessDeep(ctx context.Context, s store.Store, ids []int64) {
	for _, id := range ids {
		tryOne(ctx, s, id)
	}
}

// Always marks every item, whatever happened.
func Always(ctx context.Context, s store.Store, ids []int64) {
	for _, id := range ids {
		err := check(id)
		if err != nil {
			handleError(ctx, s, err, id)
		}
		handleError(ctx, s, err, id)
	}
}

// GetOrCreate creates the items not found: per item.
func GetOrCreate(ctx context.Context, s store.Store, items []*store.Item) {
	for _, it := range items {
		_, err := s.Get(ctx, it.ID)
		if err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				_ = s.Create(ctx, it)
			}
		}
	}
}

// cleanup marks every item: called only when a run failed, its loop
// still writes once per item of that run.
func cleanup(ctx context.Context, s store.Store, ids []int64) {
	for _, id := range ids {
		_ = s.MarkError(ctx, id, "cancelled")
	}
}

// Run cleans up after a failed check.
func Run(ctx context.Context, s store.Store, ids []int64) {
	if err := check(int64(len(ids))); err != nil {
		cleanup(ctx, s, ids)
	}
}
