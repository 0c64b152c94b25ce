// Package store declares what the rest of the program needs of the
// database; store/pg implements it.
package store

import "context"

type User struct {
	ID   int64
	Name string
}

type Store interface {
	User(ctx context.Context, id int64) (User, error)
	AddUser(ctx context.Context, name string) error
}
