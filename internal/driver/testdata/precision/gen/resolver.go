// Package gen has code a generator wrote (generated.go) calling code
// written by hand (this file).
package gen

import (
	"context"

	"example.com/precision/store"
)

type Input struct {
	Lead    int64
	Members []int64
}

// ResolveInput is written by hand: its own loop is the one to fix.
func ResolveInput(ctx context.Context, s store.Store, in Input) {
	for _, id := range in.Members {
		s.User(ctx, id) // reported: hand-written
	}
}

func Serve(ctx context.Context, s store.Store, in []Input) { unmarshalInputs(ctx, s, in) }
