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

// Work counts the kind of each pending job: ten at most, a LIMIT says.
func (v *Service) Work(ctx context.Context) {
	jobs, _ := v.S.Pending(ctx)
	for range jobs {
		v.S.CountKind(ctx, store.KindBug) // silent: at most 10 rows
	}
	recent, _ := v.S.Recent(ctx)
	for range recent {
		v.S.CountKind(ctx, store.KindBug) // want `once per item of recent`
	}
}

// ByStatus reads the items of each status, a fixed list the store
// hands out a copy of, and of each name it was given.
func (v *Service) ByStatus(ctx context.Context, names []string) {
	for _, st := range store.Statuses() {
		v.S.Items(ctx, int64(len(st))) // silent: three statuses
	}
	for _, n := range store.Copy(names) {
		v.S.Items(ctx, int64(len(n))) // want `once per item of`
	}
}
