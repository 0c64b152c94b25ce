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

// Cleanup marks every item: called here only when a run failed, but
// exported, its loop still writes once per item of a run.
func Cleanup(ctx context.Context, s store.Store, ids []int64) {
	for _, id := range ids {
		_ = s.MarkError(ctx, id, "cancelled")
	}
}

// Run cleans up after a failed check.
func Run(ctx context.Context, s store.Store, ids []int64) {
	if err := check(int64(len(ids))); err != nil {
		Cleanup(ctx, s, ids)
	}
}

// Block is a batch of items sent at once.
type Block struct{ Items []*store.Item }

// OneByOne sends each block at once and, only when that fails, its items
// one by one to find the bad ones: the inner loop is of the failure.
func OneByOne(ctx context.Context, s store.Store, blocks []Block) {
	for _, b := range blocks {
		if err := s.CreateAll(ctx, b.Items); err != nil {
			for _, it := range b.Items {
				_ = s.Create(ctx, it)
			}
		}
	}
}

// Resend, in no loop, sends the items one by one when the batch failed.
func Resend(ctx context.Context, s store.Store, items []*store.Item) {
	if err := s.CreateAll(ctx, items); err != nil {
		for _, it := range items {
			_ = s.Create(ctx, it)
		}
	}
}

// CreateMissing creates each item when the batch's failure is that they
// are missing: the test tells which failure, the loop writes per item.
func CreateMissing(ctx context.Context, s store.Store, items []*store.Item) {
	if err := s.CreateAll(ctx, items); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			for _, it := range items {
				_ = s.Create(ctx, it)
			}
		}
	}
}

// retryEach creates the items one by one: every call of it is in a
// failure branch, so its loop runs only when a batch failed.
func retryEach(ctx context.Context, s store.Store, items []*store.Item) {
	for _, it := range items {
		_ = s.Create(ctx, it)
	}
}

// Batch sends the items at once, one by one when that failed.
func Batch(ctx context.Context, s store.Store, items []*store.Item) {
	if err := s.CreateAll(ctx, items); err != nil {
		retryEach(ctx, s, items)
	}
}

// createEach creates the items one by one, on failure and on success.
func createEach(ctx context.Context, s store.Store, items []*store.Item) {
	for _, it := range items {
		_ = s.Create(ctx, it)
	}
}

// Twice creates each item after the batch, whether it failed or not.
func Twice(ctx context.Context, s store.Store, items []*store.Item) {
	if err := s.CreateAll(ctx, items); err != nil {
		createEach(ctx, s, items)
		return
	}
	createEach(ctx, s, items)
}
