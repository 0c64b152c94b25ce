package pats

import "log"

// logging decorates a Service, as go-kit services' middlewares do.
type logging struct{ next Service }

func Logging(next Service) Service { return &logging{next: next} }

func (l *logging) CreatePAT(name string) error {
	defer log.Println("create")
	return l.next.CreatePAT(name)
}

func (l *logging) RetrievePAT(id string) error { return l.next.RetrievePAT(id) }
func (l *logging) DeletePAT(id string) error   { return l.next.DeletePAT(id) }
func (l *logging) ListPATs() error             { return l.next.ListPATs() }
func (l *logging) ListScopes(id string) error  { return l.next.ListScopes(id) }
func (l *logging) PurgePATs() error            { return l.next.PurgePATs() }
