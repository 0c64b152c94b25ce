// Package admin puts the reports under /admin.
package admin

import (
	"github.com/go-chi/chi/v5"

	"example.com/mount/reports"
)

func Register(r chi.Router) {
	r.Route("/admin", func(r chi.Router) {
		reports.Register(r)
	})
}
