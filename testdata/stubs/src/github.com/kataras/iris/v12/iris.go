// Stub of github.com/kataras/iris/v12 (signatures mirror v12.2.11; bodies are placeholders).

package iris

import (
	"github.com/kataras/iris/v12/context"
	"github.com/kataras/iris/v12/core/router"
)

// Application is responsible to manage the state of the application
// (partial: the routing it embeds).
type Application struct {
	*router.APIBuilder
	*router.Router
}

type (
	Context      = *context.Context
	Handler      = context.Handler
	Party        = router.Party
	Map          = context.Map
	Runner       func(*Application) error
	Configurator func(*Application)
)

func New() *Application       { panic("stub") }
func Default() *Application   { panic("stub") }
func Addr(addr string) Runner { panic("stub") } // partial: the host configurators are left out

func (app *Application) Listen(hostPort string, withOrWithout ...Configurator) error { panic("stub") }
func (app *Application) Run(serve Runner, withOrWithout ...Configurator) error       { panic("stub") }
