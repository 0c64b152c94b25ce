// Stub of github.com/danielgtaylor/huma/v2/adapters/humabunrouter (signatures mirror v2.37.2; bodies are placeholders).

package humabunrouter

import (
	"github.com/danielgtaylor/huma/v2"
	"github.com/uptrace/bunrouter"
)

func NewCompat(r *bunrouter.CompatRouter, config huma.Config) huma.API { panic("stub") }
func New(r *bunrouter.Router, config huma.Config) huma.API             { panic("stub") }
