package shapes

import (
	"context"
	"errors"
)

// Limits are the limits a service keeps on what a user may have, read
// from its configuration file.
type Limits struct {
	Sessions int `yaml:"sessions"`
	Page     int
}

// Trim deletes the sessions past the limit each time one is added: the
// list is at most one over it, so the loop normally runs once.
func (s *Store) Trim(ctx context.Context, lim *Limits, sessions []int64) {
	if len(sessions) >= lim.Sessions {
		for i := lim.Sessions - 1; i < len(sessions); i++ {
			s.user(ctx, sessions[i]) // silent: the excess over a limit
		}
	}
	if lim.Sessions > 0 && len(sessions) > lim.Sessions {
		for _, id := range sessions[lim.Sessions:] {
			s.user(ctx, id) // silent: the excess over a limit
		}
	}
}

// TrimAfter returns early when the list is within the limit.
func (s *Store) TrimAfter(ctx context.Context, lim *Limits, sessions []int64) error {
	limit := lim.Sessions
	if len(sessions) <= limit {
		return nil
	}
	for i := limit; i < len(sessions); i++ {
		if err := s.user(ctx, sessions[i]); err != nil {
			return err
		}
	}
	for _, id := range sessions[limit+1:] {
		s.user(ctx, id) // silent: the excess over a limit
	}
	return errors.New("trimmed")
}

// Tails are loops over the tail of a list that are not a trim.
func (s *Store) Tails(ctx context.Context, lim *Limits, offset, limit int, ids, other []int64) {
	for i := 1; i < len(ids); i++ {
		s.user(ctx, ids[i]) // want `once per item of ids`
	}
	if len(ids) > 1 {
		for i := 1; i < len(ids); i++ {
			s.user(ctx, ids[i]) // want `once per item of ids`
		}
	}
	for i := offset; i < len(ids); i++ {
		s.user(ctx, ids[i]) // want `once per item of ids`
	}
	for _, id := range ids[offset:] {
		s.user(ctx, id) // want `once per item of`
	}
	if len(other) > lim.Sessions {
		for i := lim.Sessions; i < len(ids); i++ {
			s.user(ctx, ids[i]) // want `once per item of ids`
		}
	}
	if len(ids) > lim.Sessions {
		for i := offset; i < len(ids); i++ {
			s.user(ctx, ids[i]) // want `once per item of ids`
		}
	}
	if len(ids) > limit {
		for i := limit; i < len(ids); i++ {
			s.user(ctx, ids[i]) // want `once per item of ids`
		}
	}
	if len(ids) > lim.Page {
		for i := lim.Page; i < len(ids); i++ {
			s.user(ctx, ids[i]) // want `once per item of ids`
		}
	}
	if len(ids) > lim.Sessions {
	} else {
		for i := lim.Sessions; i < len(ids); i++ {
			s.user(ctx, ids[i]) // want `once per item of ids`
		}
	}
}

// Paged skips to an offset the request gives, in memory: a page of the
// list, one lookup per item of it.
func (s *Store) Paged(ctx context.Context, offset int, ids []int64) {
	if offset >= len(ids) {
		return
	}
	for _, id := range ids[offset:] {
		s.user(ctx, id) // want `once per item of`
	}
}
