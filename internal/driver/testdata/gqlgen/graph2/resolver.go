package graph2

import (
	"context"
	"database/sql"
)

type User struct{ ID int64 }

type Resolver struct{ DB *sql.DB }

func (r *Resolver) Query() QueryResolver { return &queryResolver{r} }
func (r *Resolver) User() UserResolver   { return &userResolver{r} }

type queryResolver struct{ *Resolver }

func (r *queryResolver) Users(ctx context.Context) ([]*User, error) {
	_, err := r.DB.QueryContext(ctx, "SELECT id FROM users")
	return nil, err
}

type userResolver struct{ *Resolver }

func (r *userResolver) Albums(ctx context.Context, obj *User) ([]string, error) {
	_, err := r.DB.QueryContext(ctx, "SELECT title FROM albums WHERE owner_id = $1", obj.ID)
	return nil, err
}
