package userbus

import "context"

type User struct {
	ID   string
	Name string
}

type Storer interface {
	QueryAll(ctx context.Context) ([]User, error)
	QueryByID(ctx context.Context, id string) (User, error)
	Delete(ctx context.Context, id string) error
}

type Business struct{ storer Storer }

func New(s Storer) *Business { return &Business{storer: s} }

func (b *Business) Query(ctx context.Context) ([]User, error) { return b.storer.QueryAll(ctx) }

func (b *Business) QueryByID(ctx context.Context, id string) (User, error) {
	return b.storer.QueryByID(ctx, id)
}

func (b *Business) Delete(ctx context.Context, id string) error { return b.storer.Delete(ctx, id) }
