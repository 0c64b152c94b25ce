package ifmux

import "net/http"

// fakeMux records what is registered, for tests.
type fakeMux struct{ seen []string }

func (f *fakeMux) Handle(p string, h http.Handler)         { f.seen = append(f.seen, p) }
func (f *fakeMux) HandleFunc(p string, h http.HandlerFunc) { f.seen = append(f.seen, p) }
func (f *fakeMux) HandleCORS(p string, h http.HandlerFunc) { f.seen = append(f.seen, p) }

var _ Mux = (*fakeMux)(nil)

// testRoutes registers through the interface from a test: no route of
// the service's.
func testRoutes(m Mux) {
	m.HandleFunc("/test-only", func(w http.ResponseWriter, r *http.Request) {})
}
