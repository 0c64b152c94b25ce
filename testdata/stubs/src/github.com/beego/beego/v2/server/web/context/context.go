// Package context is a stub of github.com/beego/beego/v2/server/web/context.
package context

import "net/http"

type BeegoInput struct {
	Context     *Context
	RequestBody []byte
}

func (input *BeegoInput) Param(key string) string { panic("stub") }

func (input *BeegoInput) Query(key string) string { panic("stub") }

// URL is the request's path, without the query.
func (input *BeegoInput) URL() string { panic("stub") }

type BeegoOutput struct{ Context *Context }

type Response struct {
	http.ResponseWriter
	Started bool
	Status  int
}

type Context struct {
	Input          *BeegoInput
	Output         *BeegoOutput
	Request        *http.Request
	ResponseWriter *Response
}
