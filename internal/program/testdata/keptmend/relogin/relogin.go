// Package relogin's request logs in again on an expired session through
// a getter of the session's token whose fast path the caller can turn
// off (reload), the login asking through that same request.
package relogin

import (
	"context"
	"database/sql"
)

type Session struct {
	db  *sql.DB
	tok *string
}

func send(url string) int { return len(url) }

func (s *Session) login(ctx context.Context, reload bool) string {
	if s.tok != nil && !reload {
		return *s.tok
	}
	code, _ := s.request(ctx, "/login", true)
	s.db.ExecContext(ctx, `UPDATE tokens SET code = $1`, code)
	t := "x"
	s.tok = &t
	return t
}

func (s *Session) request(ctx context.Context, url string, retry ...bool) (int, error) {
	code := send(url)
	if code == 401 && len(retry) == 0 {
		if s.login(ctx, true) == "" {
			return 0, nil
		}
		return s.request(ctx, url, true)
	}
	return code, nil
}

// Put sends each part; a login mends a failed attempt only.
func (s *Session) Put(ctx context.Context, parts []string) {
	for _, p := range parts {
		s.request(ctx, p)
	}
}
