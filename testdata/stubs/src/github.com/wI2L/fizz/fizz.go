// Package fizz is a stub of github.com/wI2L/fizz, an OpenAPI layer over
// gin: the calls sqlheat reads, with their real signatures.
package fizz

import "github.com/gin-gonic/gin"

// Fizz wraps a gin engine.
type Fizz struct {
	*RouterGroup
}

// RouterGroup wraps a gin router group.
type RouterGroup struct{}

// OperationOption documents an operation.
type OperationOption func(*int)

func New() *Fizz                                       { return nil }
func NewFromEngine(e *gin.Engine) *Fizz                { return nil }
func ID(id string) func(*int)                          { return nil }
func Summary(summary string) func(*int)                { return nil }
func (f *Fizz) Engine() *gin.Engine                    { return nil }
func (g *RouterGroup) Use(handlers ...gin.HandlerFunc) {}

func (g *RouterGroup) Group(path, name, description string, handlers ...gin.HandlerFunc) *RouterGroup {
	return nil
}
func (g *RouterGroup) GET(path string, infos []OperationOption, handlers ...gin.HandlerFunc) *RouterGroup {
	return g
}
func (g *RouterGroup) POST(path string, infos []OperationOption, handlers ...gin.HandlerFunc) *RouterGroup {
	return g
}
func (g *RouterGroup) PUT(path string, infos []OperationOption, handlers ...gin.HandlerFunc) *RouterGroup {
	return g
}
func (g *RouterGroup) PATCH(path string, infos []OperationOption, handlers ...gin.HandlerFunc) *RouterGroup {
	return g
}
func (g *RouterGroup) DELETE(path string, infos []OperationOption, handlers ...gin.HandlerFunc) *RouterGroup {
	return g
}
func (g *RouterGroup) OPTIONS(path string, infos []OperationOption, handlers ...gin.HandlerFunc) *RouterGroup {
	return g
}
func (g *RouterGroup) HEAD(path string, infos []OperationOption, handlers ...gin.HandlerFunc) *RouterGroup {
	return g
}
func (g *RouterGroup) TRACE(path string, infos []OperationOption, handlers ...gin.HandlerFunc) *RouterGroup {
	return g
}
func (g *RouterGroup) Handle(path, method string, infos []OperationOption, handlers ...gin.HandlerFunc) *RouterGroup {
	return g
}
