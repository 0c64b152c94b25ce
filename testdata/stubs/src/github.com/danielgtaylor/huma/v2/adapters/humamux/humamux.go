// Stub of github.com/danielgtaylor/huma/v2/adapters/humamux (signatures mirror v2.37.2; bodies are placeholders).

package humamux

import (
	"github.com/danielgtaylor/huma/v2"
	"github.com/gorilla/mux"
)

// Option is a function that configures the adapter (partial).
type Option func(*options)

type options struct{}

func New(r *mux.Router, config huma.Config, options ...Option) huma.API { panic("stub") }
