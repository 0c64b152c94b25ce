// Stub of github.com/prometheus/client_golang/prometheus/promhttp (signatures mirror v1.20; bodies are placeholders).
package promhttp

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
)

// HandlerOpts configures a handler.
type HandlerOpts struct{}

// Handler serves the default registry's metrics.
func Handler() http.Handler { panic("stub") }

// HandlerFor serves a gatherer's metrics.
func HandlerFor(reg prometheus.Gatherer, opts HandlerOpts) http.Handler { panic("stub") }

// InstrumentMetricHandler instruments a metrics handler.
func InstrumentMetricHandler(reg prometheus.Registerer, handler http.Handler) http.Handler {
	panic("stub")
}
