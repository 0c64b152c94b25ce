// Package notify hands retry.Temporary a different function at each call.
package notify

import (
	"context"

	"example.com/precision/retry"
	"example.com/precision/store"
)

// Notify looks each user up: reported, with its own query only, not the
// INSERT that Welcome hands retry.Temporary.
func Notify(ctx context.Context, s store.Store, ids []int64) {
	for _, id := range ids {
		retry.Temporary(func(int) error { _, err := s.User(ctx, id); return err })
	}
}

func Welcome(ctx context.Context, s store.Store, name string) error {
	return retry.Temporary(func(int) error { return s.AddUser(ctx, name) })
}
