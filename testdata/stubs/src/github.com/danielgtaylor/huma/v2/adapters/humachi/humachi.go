// Stub of github.com/danielgtaylor/huma/v2/adapters/humachi (signatures mirror v2.37.2; bodies are placeholders).

package humachi

import (
	"github.com/danielgtaylor/huma/v2"
	"github.com/go-chi/chi/v5"
)

func NewAdapter(r chi.Router) huma.Adapter          { panic("stub") }
func New(r chi.Router, config huma.Config) huma.API { panic("stub") }
