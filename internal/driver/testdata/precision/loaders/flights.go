package loaders

import (
	"context"

	"example.com/precision/loaders/cached"
	"example.com/precision/store"
)

// Cached reads each user through another package's read-through cache.
func Cached(ctx context.Context, s store.Store, ids []int64) {
	for _, id := range ids {
		cached.User(ctx, s, id)    // silent: each item its own key, in a cache the process keeps
		cached.Dropped(ctx, s, id) // reported: the func variable it keeps through is assigned again
	}
	owner := ids[0]
	for range ids {
		cached.User(ctx, s, owner) // silent: the group's loader keeps what it read, by a key set before the loop
		cached.Admin(ctx, s)       // silent: likewise, by a constant key a call down
	}
	for range ids {
		s.User(ctx, owner) // reported, told to hoist: no cache, the same user for every item
	}
}
