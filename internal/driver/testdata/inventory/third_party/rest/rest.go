// Package rest makes REST handlers from a constructor of repositories, as
// github.com/deluan/rest does: a dependency, outside the module sqlheat
// audits, whose body the driver does not load.
package rest

import (
	"context"
	"net/http"
)

type Repository interface {
	Count() (int64, error)
	Read(id string) (any, error)
	ReadAll() (any, error)
}

type RepositoryConstructor func(ctx context.Context) Repository

// GetAll makes a handler that builds a repository per request and reads
// every entity.
func GetAll(newRepo RepositoryConstructor) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		repo := newRepo(r.Context())
		repo.ReadAll()
		repo.Count()
	}
}

// Get makes a handler that reads one entity.
func Get(newRepo RepositoryConstructor) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		newRepo(r.Context()).Read(r.URL.Query().Get(":id"))
	}
}
