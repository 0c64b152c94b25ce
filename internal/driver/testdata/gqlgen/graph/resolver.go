package graph

import (
	"context"
	"database/sql"
)

type Resolver struct{ DB *sql.DB }

func (r *Resolver) Mutation() MutationResolver { return &mutationResolver{r} }
func (r *Resolver) Order() OrderResolver       { return &orderResolver{r} }
func (r *Resolver) Query() QueryResolver       { return &queryResolver{r} }

type mutationResolver struct{ *Resolver }

func (r *mutationResolver) CreateOrder(ctx context.Context, name string) (*Order, error) {
	_, err := r.DB.ExecContext(ctx, "INSERT INTO orders (name) VALUES ($1)", name)
	return &Order{db: r.DB}, err
}

func (r *mutationResolver) DeleteOrder(ctx context.Context, id int) (bool, error) {
	_, err := r.DB.ExecContext(ctx, "DELETE FROM orders WHERE id = $1", id)
	return err == nil, err
}

type orderResolver struct{ *Resolver }

func (r *orderResolver) Items(ctx context.Context, obj *Order) ([]string, error) {
	_, err := r.DB.QueryContext(ctx, "SELECT name FROM order_items WHERE order_id = $1", obj.ID)
	return nil, err
}

type queryResolver struct{ *Resolver }

func (r *queryResolver) Orders(ctx context.Context) ([]*Order, error) {
	_, err := r.DB.QueryContext(ctx, "SELECT id FROM orders")
	return nil, err
}
