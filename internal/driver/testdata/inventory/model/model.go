// Package model declares the data store the handlers hold: an interface
// whose methods return repository interfaces.
package model

import (
	"context"

	"example.net/rest"
)

type Album struct{ ID, Name string }

type User struct{ ID, Name string }

type AlbumRepository interface {
	Get(id string) (*Album, error)
	GetAll() ([]Album, error)
	Search(q string) ([]Album, error)
}

type UserRepository interface {
	FindByName(name string) (*User, error)
	UpdateLastAccess(id string) error
	CountAll() (int, error)
}

// ResourceRepository is what the REST handlers read.
type ResourceRepository interface {
	rest.Repository
}

type DataStore interface {
	Album(ctx context.Context) AlbumRepository
	User(ctx context.Context) UserRepository
	// Resource is the repository of m's type, for the REST handlers.
	Resource(ctx context.Context, m any) ResourceRepository
}
