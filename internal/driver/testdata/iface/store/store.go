// Package store declares what the API needs; store/pg implements it.
package store

import "context"

type User struct{ ID int64 }

type Users interface {
	Find(ctx context.Context, id int64) (User, error)
	Cached(id int64) User
}
