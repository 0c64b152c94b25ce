package server

import (
	"net/http"

	"example.com/kratos/api"
	"example.com/kratos/service"
	khttp "github.com/go-kratos/kratos/v2/transport/http"
)

func logging(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { next.ServeHTTP(w, r) })
}

// NewHTTPServer registers the routes.
func NewHTTPServer(s *service.Service) *khttp.Server {
	srv := khttp.NewServer(khttp.Address(":8000"))
	srv.Handle("/auth/callback", logging(http.HandlerFunc(s.Callback)))
	srv.HandleFunc("/prom/{org_name}/metrics", s.Metrics)
	api.RegisterStatusHTTPServer(srv, s)

	r := srv.Route("/")
	r.GET("/download/{digest}", s.Download)
	r.GET("/openapi.yaml", s.OpenAPI)
	g := r.Group("/v1", s.Auth)
	g.PUT("/artifacts/{digest}", s.Upload)
	return srv
}
