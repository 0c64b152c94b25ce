// Stub of github.com/danielgtaylor/huma/v2/adapters/humahttprouter (signatures mirror v2.37.2; bodies are placeholders).

package humahttprouter

import (
	"github.com/danielgtaylor/huma/v2"
	"github.com/julienschmidt/httprouter"
)

func New(r *httprouter.Router, config huma.Config) huma.API { panic("stub") }
