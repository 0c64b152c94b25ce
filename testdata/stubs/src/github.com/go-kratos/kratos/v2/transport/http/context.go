// Stub of github.com/go-kratos/kratos/v2/transport/http (signatures mirror v2.9.2; bodies are placeholders).

package http

import (
	"context"
	"io"
	"net/http"
	"net/url"

	"github.com/go-kratos/kratos/v2/middleware"
)

type Context interface {
	context.Context
	Vars() url.Values
	Query() url.Values
	Form() url.Values
	Header() http.Header
	Request() *http.Request
	Response() http.ResponseWriter
	Middleware(middleware.Handler) middleware.Handler
	Bind(any) error
	BindVars(any) error
	BindQuery(any) error
	BindForm(any) error
	Returns(any, error) error
	Result(int, any) error
	JSON(int, any) error
	XML(int, any) error
	String(int, string) error
	Blob(int, string, []byte) error
	Stream(int, string, io.Reader) error
	Reset(http.ResponseWriter, *http.Request)
}
