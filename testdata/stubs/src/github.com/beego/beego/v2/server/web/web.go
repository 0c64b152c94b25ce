// Package web is a stub of github.com/beego/beego/v2/server/web (v2.3.8).
package web

import "github.com/beego/beego/v2/server/web/context"

type ControllerInterface interface {
	Init(ct *context.Context, controllerName, actionName string, app interface{})
	Prepare()
	Get()
	Post()
	Delete()
	Put()
	Head()
	Patch()
	Options()
	Trace()
	Finish()
	Render() error
	XSRFToken() string
	CheckXSRFCookie() bool
	HandlerFunc(fn string) bool
	URLMapping()
}

type Controller struct {
	Ctx  *context.Context
	Data map[interface{}]interface{}
}

func (c *Controller) Init(ctx *context.Context, controllerName, actionName string, app interface{}) {
	panic("stub")
}
func (c *Controller) Prepare()                       {}
func (c *Controller) Finish()                        {}
func (c *Controller) Get()                           { panic("stub") }
func (c *Controller) Post()                          { panic("stub") }
func (c *Controller) Delete()                        { panic("stub") }
func (c *Controller) Put()                           { panic("stub") }
func (c *Controller) Head()                          { panic("stub") }
func (c *Controller) Patch()                         { panic("stub") }
func (c *Controller) Options()                       { panic("stub") }
func (c *Controller) Trace()                         { panic("stub") }
func (c *Controller) Render() error                  { panic("stub") }
func (c *Controller) XSRFToken() string              { panic("stub") }
func (c *Controller) CheckXSRFCookie() bool          { panic("stub") }
func (c *Controller) HandlerFunc(fnname string) bool { panic("stub") }
func (c *Controller) URLMapping()                    {}
func (c *Controller) Mapping(method string, fn func()) {
	panic("stub")
}
func (c *Controller) ServeJSON(encoding ...bool) error { panic("stub") }
func (c *Controller) GetString(key string, def ...string) string {
	panic("stub")
}

type HandleFunc func(ctx *context.Context)

type FilterFunc = HandleFunc

type FilterOpt func(opts *filterOpts)

type filterOpts struct{}

const (
	BeforeStatic = iota
	BeforeRouter
	BeforeExec
	AfterExec
	FinishRouter
)

type HttpServer struct{}

var BeeApp *HttpServer

func NewHttpSever() *HttpServer { panic("stub") }

func Router(rootpath string, c ControllerInterface, mappingMethods ...string) *HttpServer {
	panic("stub")
}

func (app *HttpServer) Router(rootPath string, c ControllerInterface, mappingMethods ...string) *HttpServer {
	panic("stub")
}

func InsertFilter(pattern string, pos int, filter FilterFunc, opts ...FilterOpt) *HttpServer {
	panic("stub")
}

func Run(params ...string) { panic("stub") }

func (app *HttpServer) InsertFilter(pattern string, pos int, filter FilterFunc, opts ...FilterOpt) *HttpServer {
	panic("stub")
}

func Get(rootpath string, f HandleFunc) *HttpServer     { panic("stub") }
func Post(rootpath string, f HandleFunc) *HttpServer    { panic("stub") }
func Delete(rootpath string, f HandleFunc) *HttpServer  { panic("stub") }
func Put(rootpath string, f HandleFunc) *HttpServer     { panic("stub") }
func Head(rootpath string, f HandleFunc) *HttpServer    { panic("stub") }
func Options(rootpath string, f HandleFunc) *HttpServer { panic("stub") }
func Patch(rootpath string, f HandleFunc) *HttpServer   { panic("stub") }
func Any(rootpath string, f HandleFunc) *HttpServer     { panic("stub") }

func (app *HttpServer) Get(rootpath string, f HandleFunc) *HttpServer     { panic("stub") }
func (app *HttpServer) Post(rootpath string, f HandleFunc) *HttpServer    { panic("stub") }
func (app *HttpServer) Delete(rootpath string, f HandleFunc) *HttpServer  { panic("stub") }
func (app *HttpServer) Put(rootpath string, f HandleFunc) *HttpServer     { panic("stub") }
func (app *HttpServer) Head(rootpath string, f HandleFunc) *HttpServer    { panic("stub") }
func (app *HttpServer) Options(rootpath string, f HandleFunc) *HttpServer { panic("stub") }
func (app *HttpServer) Patch(rootpath string, f HandleFunc) *HttpServer   { panic("stub") }
func (app *HttpServer) Any(rootpath string, f HandleFunc) *HttpServer     { panic("stub") }
