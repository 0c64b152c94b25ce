// Package billing keeps customers in step with a payment provider.
package billing

import (
	"context"
	"time"

	"example.com/changedsync/store"
)

// Provider is the payment provider's client.
type Provider interface {
	Customer(ctx context.Context, id int64) (Remote, error)
}

type Remote struct {
	Name    string
	Phone   string
	Deleted bool
}

type Service struct {
	repo     store.Repository
	provider Provider
}

func New(repo store.Repository, p Provider) *Service { return &Service{repo: repo, provider: p} }

// BackgroundSync runs every few minutes over every customer: only those
// the provider changed are written.
func (s *Service) BackgroundSync(ctx context.Context) {
	customers, err := s.repo.List(ctx)
	if err != nil {
		return
	}
	for _, c := range customers {
		if err := s.SyncWithProvider(ctx, c); err != nil {
			continue
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// SyncWithProvider copies what the provider says of c, and writes c when
// something differed.
func (s *Service) SyncWithProvider(ctx context.Context, c store.Customer) error {
	r, err := s.provider.Customer(ctx, c.ID)
	if err != nil {
		return err
	}
	var shouldUpdate bool
	if r.Deleted {
		if c.State != "disabled" {
			c.State = "disabled"
			shouldUpdate = true
		}
	}
	if r.Phone != c.Phone {
		c.Phone = r.Phone
		shouldUpdate = true
	}
	if r.Name != "" && r.Name != c.Name {
		c.Name = r.Name
		shouldUpdate = true
	}
	if shouldUpdate {
		return s.repo.UpdateByID(ctx, c)
	}
	return nil
}

// Refresh writes every customer back with the provider's name, changed
// or not.
func (s *Service) Refresh(ctx context.Context) error {
	customers, err := s.repo.List(ctx)
	if err != nil {
		return err
	}
	for _, c := range customers {
		r, err := s.provider.Customer(ctx, c.ID)
		if err != nil {
			return err
		}
		c.Name = r.Name
		if err := s.repo.UpdateByID(ctx, c); err != nil {
			return err
		}
	}
	return nil
}

// Touch audits every customer whose state it changes, and each one it
// looks at.
func (s *Service) Touch(ctx context.Context) error {
	customers, err := s.repo.List(ctx)
	if err != nil {
		return err
	}
	for _, c := range customers {
		if c.State != "active" {
			c.State = "active"
			_ = s.repo.UpdateByID(ctx, c)
		}
		_ = s.repo.Audit(ctx, c.ID, "seen")
	}
	return nil
}
