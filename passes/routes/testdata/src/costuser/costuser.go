// Package costuser counts another package's function by its heaviest path.
package costuser

import (
	"net/http"

	"costs"
)

type H struct{ s *costs.Store }

func (h *H) get(w http.ResponseWriter, r *http.Request) {
	h.s.Pick(r.Context(), r.URL.Query().Has("fresh"))
	for _, id := range []string{r.URL.Query().Get("a"), r.URL.Query().Get("b"), r.URL.Query().Get("c")} {
		_ = id
	}
	h.s.Each(r.Context(), nil)
}

func (h *H) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /pick", h.get) // want `route GET /pick .* -> costuser.\(\*H\).get: 2\+loop$`
}
