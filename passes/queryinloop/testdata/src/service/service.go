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
