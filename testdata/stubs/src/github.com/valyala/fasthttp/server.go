// Stub of github.com/valyala/fasthttp (signatures mirror v1.73.0; bodies are placeholders).

package fasthttp

import "time"

func ListenAndServe(addr string, handler RequestHandler) error { panic("stub") }

type RequestHandler func(ctx *RequestCtx)

type Server struct {
	Handler RequestHandler

	Name string
}

func (s *Server) ListenAndServe(addr string) error { panic("stub") }

// RequestCtx implements context.Context (Deadline, Done, Err, Value).
type RequestCtx struct {
	s *Server
}

func (ctx *RequestCtx) SetUserValue(key, value any) { panic("stub") }

func (ctx *RequestCtx) UserValue(key any) any { panic("stub") }

func (ctx *RequestCtx) SetStatusCode(statusCode int) { panic("stub") }

func (ctx *RequestCtx) Path() []byte { panic("stub") }

func (ctx *RequestCtx) Method() []byte { panic("stub") }

func (ctx *RequestCtx) Error(msg string, statusCode int) { panic("stub") }

func (ctx *RequestCtx) SetBodyString(body string) { panic("stub") }

func (ctx *RequestCtx) WriteString(s string) (int, error) { panic("stub") }

func (ctx *RequestCtx) Deadline() (deadline time.Time, ok bool) { panic("stub") }

func (ctx *RequestCtx) Done() <-chan struct{} { panic("stub") }

func (ctx *RequestCtx) Err() error { panic("stub") }

func (ctx *RequestCtx) Value(key any) any { panic("stub") }
