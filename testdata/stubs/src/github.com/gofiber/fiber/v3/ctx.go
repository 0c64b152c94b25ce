// Stub of github.com/gofiber/fiber/v3 (signatures mirror v3.5.0; bodies are placeholders).

package fiber

import (
	"context"
	"time"

	"github.com/valyala/fasthttp"
)

// Ctx is partial: only the methods sqlheat's tests call, and those that
// make it a context.Context.
type Ctx interface {
	RequestCtx() *fasthttp.RequestCtx
	Context() context.Context
	SetContext(ctx context.Context)
	Deadline() (time.Time, bool)
	Done() <-chan struct{}
	Err() error
	Get(key string, defaultValue ...string) string
	Next() error
	Value(key any) any
	Params(key string, defaultValue ...string) string
	JSON(data any, ctype ...string) error
	SendString(body string) error
}
