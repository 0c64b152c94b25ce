// Package service is the controller the handlers call.
package service

import (
	"context"

	"example.com/fieldhandlers/store"
)

// Users is the user controller.
type Users struct{ Store *store.Store }

func (u *Users) List(ctx context.Context) error { return u.Store.Users(ctx) }

func (u *Users) Tag(ctx context.Context, names []string) error {
	var tags []*store.Tag
	for _, n := range names {
		tags = append(tags, &store.Tag{Name: n})
	}
	return u.Store.CreateTags(ctx, tags...)
}
