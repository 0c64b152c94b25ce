package pats

import "example.com/gokit/store"

// Repository is what the service keeps its tokens in.
type Repository interface {
	Create(name string)
	Retrieve(id string)
	Delete(id string)
	List()
	Scopes(id string)
	Owner(token string) string
	Purge()
}

// Service is the API the endpoints call.
type Service interface {
	CreatePAT(name string) error
	RetrievePAT(id string) error
	DeletePAT(id string) error
	ListPATs() error
	ListScopes(id string) error
	PurgePATs() error
}

type service struct{ repo Repository }

func New(repo Repository) Service { return &service{repo: repo} }

func (s *service) CreatePAT(name string) error { s.repo.Create(name); return nil }
func (s *service) RetrievePAT(id string) error { s.repo.Retrieve(id); return nil }
func (s *service) DeletePAT(id string) error   { s.repo.Delete(id); return nil }
func (s *service) ListPATs() error             { s.repo.List(); return nil }
func (s *service) ListScopes(id string) error  { s.repo.Scopes(id); return nil }
func (s *service) PurgePATs() error            { s.repo.Purge(); return nil }

var _ Repository = (*store.Repo)(nil)
