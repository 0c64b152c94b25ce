// Package storagetest is a conformance suite only tests import: its
// batches of many leaves run against test databases.
package storagetest

import (
	"context"

	"example.com/embedfew/storage"
)

func QueueMany(ctx context.Context, s storage.LogStorage, n int) error {
	leaves := make([]storage.Leaf, n)
	for i := 0; i < len(leaves); i += 10 {
		if err := s.QueueLeaves(ctx, leaves[i:i+10]); err != nil {
			return err
		}
	}
	return nil
}
