// Stub of github.com/gofiber/fiber/v3 (signatures mirror v3.5.0; bodies are placeholders).

package fiber

type Handler = func(Ctx) error

type App struct {
	config Config
}

type Config struct {
	ServerHeader string `json:"server_header"`
}

type ListenConfig struct {
	DisableStartupMessage bool `json:"disable_startup_message"`
}

func New(config ...Config) *App { panic("stub") }

func (app *App) Listen(addr string, config ...ListenConfig) error { panic("stub") }

func (app *App) Use(args ...any) Router { panic("stub") }

func (app *App) Get(path string, handler any, handlers ...any) Router { panic("stub") }

func (app *App) Head(path string, handler any, handlers ...any) Router { panic("stub") }

func (app *App) Post(path string, handler any, handlers ...any) Router { panic("stub") }

func (app *App) Put(path string, handler any, handlers ...any) Router { panic("stub") }

func (app *App) Delete(path string, handler any, handlers ...any) Router { panic("stub") }

func (app *App) Connect(path string, handler any, handlers ...any) Router { panic("stub") }

func (app *App) Options(path string, handler any, handlers ...any) Router { panic("stub") }

func (app *App) Trace(path string, handler any, handlers ...any) Router { panic("stub") }

func (app *App) Patch(path string, handler any, handlers ...any) Router { panic("stub") }

func (app *App) Query(path string, handler any, handlers ...any) Router { panic("stub") }

func (app *App) Add(methods []string, path string, handler any, handlers ...any) Router {
	panic("stub")
}

func (app *App) All(path string, handler any, handlers ...any) Router { panic("stub") }

func (app *App) Group(prefix string, handlers ...any) Router { panic("stub") }

func (app *App) Domain(host string) Router { panic("stub") }

func (app *App) Route(prefix string, fn func(router Router), name ...string) Router { panic("stub") }

func (app *App) Name(name string) Router { panic("stub") }
