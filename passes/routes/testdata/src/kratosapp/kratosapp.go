// Package kratosapp registers routes with go-kratos' transport/http: a
// Server's net/http handlers (Handle, HandleFunc, HandlePrefix), the
// kratos handlers of a Router (Route, Group, GET..., Handle with a
// method) with their filters, and the RegisterXHTTPServer function
// protoc-gen-go-http writes.
package kratosapp

import (
	"context"
	"database/sql"
	nethttp "net/http"

	"github.com/go-kratos/kratos/v2/middleware"
	"github.com/go-kratos/kratos/v2/transport/http"
)

type S struct{ db *sql.DB }

func (s *S) callback(w nethttp.ResponseWriter, r *nethttp.Request) {
	s.db.QueryRowContext(r.Context(), "SELECT id FROM users WHERE code = $1", r.URL.Query().Get("code"))
}

func (s *S) download(ctx http.Context) error {
	s.db.QueryRowContext(ctx, "SELECT id FROM blobs WHERE digest = $1", ctx.Vars().Get("digest"))
	return nil
}

func (s *S) upload(ctx http.Context) error {
	s.db.ExecContext(ctx.Request().Context(), "INSERT INTO blobs (digest) VALUES ($1)", ctx.Vars().Get("digest"))
	return nil
}

func (s *S) logging(next nethttp.Handler) nethttp.Handler {
	return nethttp.HandlerFunc(func(w nethttp.ResponseWriter, r *nethttp.Request) {
		s.db.ExecContext(r.Context(), "INSERT INTO access_log (path) VALUES ($1)", r.URL.Path)
		next.ServeHTTP(w, r)
	})
}

func (s *S) audit(next nethttp.Handler) nethttp.Handler {
	return nethttp.HandlerFunc(func(w nethttp.ResponseWriter, r *nethttp.Request) {
		s.db.ExecContext(r.Context(), "INSERT INTO audit (path) VALUES ($1)", r.URL.Path)
		next.ServeHTTP(w, r)
	})
}

// tracing is a kratos middleware: it wraps what a generated handler runs
// through ctx.Middleware, not a route.
func tracing(h middleware.Handler) middleware.Handler { return h }

func NewHTTPServer(s *S, status StatusHTTPServer) *http.Server {
	srv := http.NewServer(http.Address(":8000"), http.Middleware(tracing))
	srv.Use("/*", tracing)
	srv.Handle("/auth/callback", s.audit(nethttp.HandlerFunc(s.callback))) // want `route /auth/callback \[ANY /auth/callback\] -> kratosapp.\(\*S\).audit → kratosapp.\(\*S\).callback: 2$`
	srv.HandleFunc("/prom/{org_name}/metrics", s.callback)                 // want `route /prom/\{org_name\}/metrics \[ANY /prom/\{\}/metrics\] -> kratosapp.\(\*S\).callback: 1$`
	srv.HandlePrefix("/files/", nethttp.HandlerFunc(s.callback))           // want `route /files/ \[ANY /files/\{\.\.\.\}\] -> kratosapp.\(\*S\).callback: 1$`

	r := srv.Route("/")
	r.GET("/download/{digest}", s.download) // want `route GET /download/\{digest\} \[GET /download/\{\}\] -> kratosapp.\(\*S\).download: 1$`

	api := r.Group("/api", s.logging)
	api.POST("/blobs", s.upload, s.audit)          // want `route POST /api/blobs \[POST /api/blobs\] -> kratosapp.\(\*S\).logging → kratosapp.\(\*S\).audit → kratosapp.\(\*S\).upload: 3$`
	api.Handle("PUT", "/blobs/{digest}", s.upload) // want `route PUT /api/blobs/\{digest\} \[PUT /api/blobs/\{\}\] -> kratosapp.\(\*S\).logging → kratosapp.\(\*S\).upload: 2$`
	r.DELETE("/blobs/{digest}", s.upload)          // want `route DELETE /blobs/\{digest\} \[DELETE /blobs/\{\}\] -> kratosapp.\(\*S\).upload: 1$`
	RegisterStatusHTTPServer(srv, status)

	filtered := http.NewServer(http.Filter(s.logging))
	filtered.Route("/v2").GET("/download/{digest}", s.download) // want `route GET /v2/download/\{digest\} \[GET /v2/download/\{\}\] -> kratosapp.\(\*S\).logging → kratosapp.\(\*S\).download: 2$`
	return srv
}

// As protoc-gen-go-http writes it: a route helper over the Server.

type InfozRequest struct{}
type InfozResponse struct{}

type StatusHTTPServer interface {
	Infoz(context.Context, *InfozRequest) (*InfozResponse, error)
}

func RegisterStatusHTTPServer(s *http.Server, srv StatusHTTPServer) {
	r := s.Route("/")
	r.GET("/infoz", _StatusService_Infoz0_HTTP_Handler(srv)) // want `route GET /infoz \[GET /infoz\] -> kratosapp._StatusService_Infoz0_HTTP_Handler: 0$`
}

func _StatusService_Infoz0_HTTP_Handler(srv StatusHTTPServer) func(ctx http.Context) error {
	return func(ctx http.Context) error {
		var in InfozRequest
		if err := ctx.BindQuery(&in); err != nil {
			return err
		}
		http.SetOperation(ctx, "/status.v1.Status/Infoz")
		h := ctx.Middleware(func(ctx context.Context, req interface{}) (interface{}, error) {
			return srv.Infoz(ctx, req.(*InfozRequest))
		})
		out, err := h(ctx, &in)
		if err != nil {
			return err
		}
		return ctx.Result(200, out.(*InfozResponse))
	}
}
