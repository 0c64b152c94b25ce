package service

import (
	"context"
	"database/sql"
	"net/http"

	"example.com/kratos/api"
	khttp "github.com/go-kratos/kratos/v2/transport/http"
)

type Service struct{ DB *sql.DB }

// Infoz implements api.StatusHTTPServer.
func (s *Service) Infoz(ctx context.Context, in *api.InfozRequest) (*api.InfozResponse, error) {
	var n int
	err := s.DB.QueryRowContext(ctx, "SELECT count(*) FROM workflows WHERE name = $1", in.Name).Scan(&n)
	return &api.InfozResponse{Count: n}, err
}

// Callback is a net/http handler the Server serves.
func (s *Service) Callback(w http.ResponseWriter, r *http.Request) {
	s.DB.ExecContext(r.Context(), "UPDATE users SET last_login = now() WHERE email = $1", r.URL.Query().Get("email"))
}

// Metrics is a net/http handler under a path parameter.
func (s *Service) Metrics(w http.ResponseWriter, r *http.Request) {
	s.DB.QueryRowContext(r.Context(), "SELECT id FROM organizations WHERE name = $1", r.URL.Query().Get("org"))
}

// Download is a kratos handler.
func (s *Service) Download(ctx khttp.Context) error {
	var url string
	err := s.DB.QueryRowContext(ctx, "SELECT url FROM artifacts WHERE digest = $1", ctx.Vars().Get("digest")).Scan(&url)
	return err
}

// OpenAPI is a kratos handler that runs no query.
func (s *Service) OpenAPI(ctx khttp.Context) error {
	return ctx.String(200, "openapi: 3.0.0")
}

// Upload is a kratos handler of a group behind a filter.
func (s *Service) Upload(ctx khttp.Context) error {
	_, err := s.DB.ExecContext(ctx.Request().Context(), "INSERT INTO artifacts (digest) VALUES ($1)", ctx.Vars().Get("digest"))
	return err
}

// Auth is a filter: a net/http middleware.
func (s *Service) Auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var ok bool
		s.DB.QueryRowContext(r.Context(), "SELECT true FROM api_tokens WHERE token = $1", r.Header.Get("Authorization")).Scan(&ok)
		next.ServeHTTP(w, r)
	})
}
