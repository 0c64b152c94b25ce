// Package context is a stub of github.com/astaxie/beego/context.
package context

import "net/http"

type BeegoInput struct {
	Context     *Context
	RequestBody []byte
}

type Context struct {
	Input   *BeegoInput
	Request *http.Request
}
