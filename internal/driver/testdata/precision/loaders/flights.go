package loaders

import (
	"context"

	"example.com/precision/loaders/cached"
	"example.com/precision/store"
)

// Cached reads each user through another package's read-through cache.
func Cached(ctx context.Context, s store.Store, ids []int64) {
	for _, id := range ids {
		cached.User(ctx, s, id)    // silent: the group's loader keeps what it read
		cached.Dropped(ctx, s, id) // reported: the func variable it keeps through is assigned again
	}
}
