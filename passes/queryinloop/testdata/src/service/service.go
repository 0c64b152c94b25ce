// Package service sits between handlers and the store.
package service

import (
	"context"

	"store"
)

type Service struct{ S *store.Store }

func (v *Service) OrderItems(ctx context.Context, id int64) ([]store.Item, error) {
	return v.S.Items(ctx, id)
}

func (v *Service) TagAll(ctx context.Context, items []store.Item) {
	v.S.Tags(ctx, items)
}

// KindCounts counts each kind of the enumeration: a fixed list of
// another package.
func (v *Service) KindCounts(ctx context.Context, kinds []store.Kind) {
	for _, k := range store.AllKinds {
		v.S.CountKind(ctx, k) // silent: store.AllKinds is a fixed list
	}
	for _, k := range kinds {
		v.S.CountKind(ctx, k) // want `once per item of kinds`
	}
}
