// Package beego is a stub of github.com/astaxie/beego (v1.12.3).
package beego

import "github.com/astaxie/beego/context"

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
func (c *Controller) Render() error                  { panic("stub") }
func (c *Controller) XSRFToken() string              { panic("stub") }
func (c *Controller) CheckXSRFCookie() bool          { panic("stub") }
func (c *Controller) HandlerFunc(fnname string) bool { panic("stub") }
func (c *Controller) URLMapping()                    {}
func (c *Controller) ServeJSON(encoding ...bool)     { panic("stub") }

type App struct{}

var BeeApp *App

func Router(rootpath string, c ControllerInterface, mappingMethods ...string) *App {
	panic("stub")
}

type LinkNamespace func(*Namespace)

type Namespace struct {
	prefix string
}

func NewNamespace(prefix string, params ...LinkNamespace) *Namespace { panic("stub") }

func (n *Namespace) Router(rootpath string, c ControllerInterface, mappingMethods ...string) *Namespace {
	panic("stub")
}

func AddNamespace(nl ...*Namespace) { panic("stub") }

func NSRouter(rootpath string, c ControllerInterface, mappingMethods ...string) LinkNamespace {
	panic("stub")
}

func NSNamespace(prefix string, params ...LinkNamespace) LinkNamespace { panic("stub") }

func Run(params ...string) { panic("stub") }

type FilterFunc func(*context.Context)

const (
	BeforeStatic = iota
	BeforeRouter
	BeforeExec
	AfterExec
	FinishRouter
)

func InsertFilter(pattern string, pos int, filter FilterFunc, params ...bool) *App {
	panic("stub")
}

func Get(rootpath string, f FilterFunc) *App     { panic("stub") }
func Post(rootpath string, f FilterFunc) *App    { panic("stub") }
func Delete(rootpath string, f FilterFunc) *App  { panic("stub") }
func Put(rootpath string, f FilterFunc) *App     { panic("stub") }
func Head(rootpath string, f FilterFunc) *App    { panic("stub") }
func Options(rootpath string, f FilterFunc) *App { panic("stub") }
func Patch(rootpath string, f FilterFunc) *App   { panic("stub") }
func Any(rootpath string, f FilterFunc) *App     { panic("stub") }

func (n *Namespace) Namespace(ns ...*Namespace) *Namespace { panic("stub") }

func NSBefore(filterList ...FilterFunc) LinkNamespace { panic("stub") }

func NSAfter(filterList ...FilterFunc) LinkNamespace { panic("stub") }
