// Stub of github.com/gofiber/fiber/v2 (signatures mirror v2.52.15; bodies are placeholders).

package fiber

import (
	"context"

	"github.com/valyala/fasthttp"
)

type Ctx struct {
	app      *App
	fasthttp *fasthttp.RequestCtx
}

func (c *Ctx) Context() *fasthttp.RequestCtx { panic("stub") }

func (c *Ctx) UserContext() context.Context { panic("stub") }

func (c *Ctx) SetUserContext(ctx context.Context) { panic("stub") }

func (c *Ctx) Next() error { panic("stub") }

func (c *Ctx) Params(key string, defaultValue ...string) string { panic("stub") }

func (c *Ctx) Get(key string, defaultValue ...string) string { panic("stub") }

func (c *Ctx) SendString(body string) error { panic("stub") }

func (c *Ctx) JSON(data interface{}, ctype ...string) error { panic("stub") }
