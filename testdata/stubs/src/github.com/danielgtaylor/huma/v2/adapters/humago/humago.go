// Stub of github.com/danielgtaylor/huma/v2/adapters/humago (signatures mirror v2.37.2; bodies are placeholders).

package humago

import (
	"net/http"

	"github.com/danielgtaylor/huma/v2"
)

// Mux is a minimal interface for an HTTP router.
type Mux interface {
	HandleFunc(pattern string, handler func(http.ResponseWriter, *http.Request))
	ServeHTTP(http.ResponseWriter, *http.Request)
}

func NewAdapter(m Mux, prefix string) huma.Adapter                    { panic("stub") }
func New(m Mux, config huma.Config) huma.API                          { panic("stub") }
func NewWithPrefix(m Mux, prefix string, config huma.Config) huma.API { panic("stub") }
