// Stub of github.com/labstack/echo/v4 (signatures mirror v4.16.0; bodies are placeholders).

package echo

import (
	"io"
	"net/http"

	"github.com/labstack/gommon/log"
)

// Logger defines the logging interface.
type Logger interface {
	Output() io.Writer
	SetOutput(w io.Writer)
	Prefix() string
	SetPrefix(p string)
	Level() log.Lvl
	SetLevel(v log.Lvl)
	SetHeader(h string)
	Print(i ...interface{})
	Printf(format string, args ...interface{})
	Printj(j log.JSON)
	Debug(i ...interface{})
	Debugf(format string, args ...interface{})
	Debugj(j log.JSON)
	Info(i ...interface{})
	Infof(format string, args ...interface{})
	Infoj(j log.JSON)
	Warn(i ...interface{})
	Warnf(format string, args ...interface{})
	Warnj(j log.JSON)
	Error(i ...interface{})
	Errorf(format string, args ...interface{})
	Errorj(j log.JSON)
	Fatal(i ...interface{})
	Fatalj(j log.JSON)
	Fatalf(format string, args ...interface{})
	Panic(i ...interface{})
	Panicj(j log.JSON)
	Panicf(format string, args ...interface{})
}

// Response wraps an http.ResponseWriter and implements its interface to be used
// by an HTTP handler to construct an HTTP response.
type Response struct {
	Writer      http.ResponseWriter
	echo        *Echo
	beforeFuncs []func()
	afterFuncs  []func()
	Status      int
	Size        int64
	Committed   bool
}

func NewResponse(w http.ResponseWriter, e *Echo) (r *Response) { panic("stub") }

func (r *Response) Header() http.Header { panic("stub") }

func (r *Response) WriteHeader(code int) { panic("stub") }

func (r *Response) Write(b []byte) (n int, err error) { panic("stub") }

func (r *Response) Flush() { panic("stub") }

func (r *Response) Before(fn func()) { panic("stub") }

func (r *Response) After(fn func()) { panic("stub") }
