// Package server type-checks but imports plugin, which does not: it is
// not analyzed, and what it imports is production code still.
package server

import (
	"context"

	"example.com/brokenimporter/plugin"
	"example.com/brokenimporter/store"
)

func Handle(ctx context.Context, s *store.Store, ids []int64) {
	plugin.Register()
	s.Names(ctx, ids)
}
