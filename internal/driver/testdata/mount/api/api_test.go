package api

import (
	"net/http/httptest"
	"testing"

	"github.com/go-chi/chi/v5"
)

func TestSummary(t *testing.T) {
	r := chi.NewRouter()
	h := &Handler{}
	h.RegisterRoutes(r)
	srv := httptest.NewServer(r)
	defer srv.Close()
}
