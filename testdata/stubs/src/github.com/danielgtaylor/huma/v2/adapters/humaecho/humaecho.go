// Stub of github.com/danielgtaylor/huma/v2/adapters/humaecho (signatures mirror v2.37.2; bodies are placeholders).

package humaecho

import (
	"github.com/danielgtaylor/huma/v2"
	"github.com/labstack/echo/v4"
)

func New(r *echo.Echo, config huma.Config) huma.API                         { panic("stub") }
func NewWithGroup(r *echo.Echo, g *echo.Group, config huma.Config) huma.API { panic("stub") }
