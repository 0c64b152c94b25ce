// Package users serves users from PostgreSQL or from memory; the
// monitoring wrapper around either is generated code.
package users

import (
	"context"
	"database/sql"
)

type Service interface {
	Name(ctx context.Context, id int64) (string, error)
}

type SQL struct{ DB *sql.DB }

func (s *SQL) Name(ctx context.Context, id int64) (string, error) {
	var n string
	err := s.DB.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&n)
	return n, err
}

type Memory struct{ Names map[int64]string }

func (m *Memory) Name(ctx context.Context, id int64) (string, error) { return m.Names[id], nil }

// NewMonitored wraps s in the generated monitoring wrapper.
func NewMonitored(s Service) *Monitored { return &Monitored{Wrapped: s} }

// Names looks up each id through s.
func Names(ctx context.Context, s Service, ids []int64) {
	for _, id := range ids {
		s.Name(ctx, id)
	}
}
