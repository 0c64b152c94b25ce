// Package orders calls the concrete store in a loop: the pass reports it
// from the store's facts, in the package and in its test variant, and
// the finding kept lists the query the store runs.
package orders

import (
	"context"

	"example.com/precision/store/pg"
)

func Owners(ctx context.Context, s *pg.Store, ids []int64) {
	for _, id := range ids {
		s.User(ctx, id) // reported, with the query's site
	}
}
