// Stub of github.com/danielgtaylor/huma/v2/adapters/humafiber (signatures mirror v2.37.2; bodies are placeholders).

package humafiber

import (
	"github.com/danielgtaylor/huma/v2"
	"github.com/gofiber/fiber/v2"
)

func New(r *fiber.App, config huma.Config) huma.API                          { panic("stub") }
func NewWithGroup(r *fiber.App, g fiber.Router, config huma.Config) huma.API { panic("stub") }
