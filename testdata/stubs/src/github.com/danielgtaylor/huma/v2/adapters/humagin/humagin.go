// Stub of github.com/danielgtaylor/huma/v2/adapters/humagin (signatures mirror v2.37.2; bodies are placeholders).

package humagin

import (
	"github.com/danielgtaylor/huma/v2"
	"github.com/gin-gonic/gin"
)

func New(r *gin.Engine, config huma.Config) huma.API                              { panic("stub") }
func NewWithGroup(r *gin.Engine, g *gin.RouterGroup, config huma.Config) huma.API { panic("stub") }
