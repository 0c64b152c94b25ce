// Stub of github.com/gofiber/fiber/v2 (signatures mirror v2.52.15; bodies are placeholders).

package fiber

import "github.com/valyala/fasthttp"

type Handler = func(*Ctx) error

type App struct {
	config Config
}

type Config struct {
	Prefork bool `json:"prefork"`

	ServerHeader string `json:"server_header"`
}

type Static struct {
	Compress bool `json:"compress"`
}

func New(config ...Config) *App { panic("stub") }

func (app *App) Listen(addr string) error { panic("stub") }

func (app *App) Handler() fasthttp.RequestHandler { panic("stub") }

func (app *App) Use(args ...interface{}) Router { panic("stub") }

func (app *App) Get(path string, handlers ...Handler) Router { panic("stub") }

func (app *App) Head(path string, handlers ...Handler) Router { panic("stub") }

func (app *App) Post(path string, handlers ...Handler) Router { panic("stub") }

func (app *App) Put(path string, handlers ...Handler) Router { panic("stub") }

func (app *App) Delete(path string, handlers ...Handler) Router { panic("stub") }

func (app *App) Connect(path string, handlers ...Handler) Router { panic("stub") }

func (app *App) Options(path string, handlers ...Handler) Router { panic("stub") }

func (app *App) Trace(path string, handlers ...Handler) Router { panic("stub") }

func (app *App) Patch(path string, handlers ...Handler) Router { panic("stub") }

func (app *App) Add(method, path string, handlers ...Handler) Router { panic("stub") }

func (app *App) Static(prefix, root string, config ...Static) Router { panic("stub") }

func (app *App) All(path string, handlers ...Handler) Router { panic("stub") }

func (app *App) Group(prefix string, handlers ...Handler) Router { panic("stub") }

func (app *App) Route(prefix string, fn func(router Router), name ...string) Router { panic("stub") }

func (app *App) Mount(prefix string, subApp *App) Router { panic("stub") }

func (app *App) Name(name string) Router { panic("stub") }
