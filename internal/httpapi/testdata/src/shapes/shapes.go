// Package shapes declares functions of every framework's handler and
// middleware signatures, and near misses, for httpapi's tests. The comment
// after each says what HandlerSig (or IsMiddlewareSig, "middleware") must
// answer; "-" is nothing.
package shapes

import (
	"context"
	"net/http"

	beegov1 "github.com/astaxie/beego/context"
	beego "github.com/beego/beego/v2/server/web/context"
	"github.com/danielgtaylor/huma/v2"
	restful "github.com/emicklei/go-restful/v3"
	"github.com/gin-gonic/gin"
	kratos "github.com/go-kratos/kratos/v2/transport/http"
	fiber "github.com/gofiber/fiber/v2"
	fiber3 "github.com/gofiber/fiber/v3"
	"github.com/julienschmidt/httprouter"
	"github.com/kataras/iris/v12"
	iriscontext "github.com/kataras/iris/v12/context"
	echo3 "github.com/labstack/echo"
	"github.com/labstack/echo/v4"
	echo5 "github.com/labstack/echo/v5"
	"github.com/uptrace/bunrouter"
	"github.com/valyala/fasthttp"
)

func NetHTTP(w http.ResponseWriter, r *http.Request)                                         {}              // net/http
func HTTPRouter(w http.ResponseWriter, r *http.Request, ps httprouter.Params)                {}              // httprouter
func Gin(c *gin.Context)                                                                     {}              // gin
func Echo(c echo.Context) error                                                              { return nil }  // echo
func Echo3(c echo3.Context) error                                                            { return nil }  // echo
func Echo5(c *echo5.Context) error                                                           { return nil }  // echo
func Iris(ctx iris.Context)                                                                  {}              // iris
func IrisPlain(ctx *iriscontext.Context)                                                     {}              // iris
func Restful(req *restful.Request, resp *restful.Response)                                   {}              // go-restful
func RestfulFilter(req *restful.Request, resp *restful.Response, chain *restful.FilterChain) {}              // go-restful
func Huma(ctx huma.Context)                                                                  {}              // huma
func HumaMiddleware(ctx huma.Context, next func(huma.Context))                               {}              // huma
func FiberV2(c *fiber.Ctx) error                                                             { return nil }  // fiber
func FiberV3(c fiber3.Ctx) error                                                             { return nil }  // fiber
func FastHTTP(ctx *fasthttp.RequestCtx)                                                      {}              // fasthttp
func Bun(w http.ResponseWriter, req bunrouter.Request) error                                 { return nil }  // bunrouter
func BunVerbose(w http.ResponseWriter, r *http.Request, ps bunrouter.Params)                 {}              // bunrouter
func BeegoFilter(ctx *beego.Context)                                                         {}              // beego
func BeegoV1Filter(ctx *beegov1.Context)                                                     {}              // beego
func BeegoNearMiss(ctx *beego.Context) error                                                 { return nil }  // -
func Kratos(ctx kratos.Context) error                                                        { return nil }  // kratos
func KratosFilter(next http.Handler) http.Handler                                            { return next } // middleware

// Near misses: a result too many or too few, a value where a pointer is
// expected, the parameters swapped.
func NetHTTPResult(w http.ResponseWriter, r *http.Request) error         { return nil }      // -
func EchoNoResult(c echo.Context)                                        {}                  // -
func Echo5Value(c echo5.Context) error                                   { return nil }      // -
func IrisResult(ctx iris.Context) error                                  { return nil }      // -
func IrisValue(ctx iriscontext.Context)                                  {}                  // -
func RestfulResult(req *restful.Request, resp *restful.Response) error   { return nil }      // -
func RestfulRequestOnly(req *restful.Request)                            {}                  // -
func HumaOperation(ctx context.Context, in *struct{}) (*struct{}, error) { return nil, nil } // -
func FiberV2NoResult(c *fiber.Ctx)                                       {}                  // -
func FiberV2Value(c fiber.Ctx) error                                     { return nil }      // -
func GinResult(c *gin.Context) error                                     { return nil }      // -
func Swapped(r *http.Request, w http.ResponseWriter)                     {}                  // -
func Context(ctx context.Context)                                        {}                  // -
func FastHTTPValue(ctx fasthttp.RequestCtx)                              {}                  // -
func BunNoResult(w http.ResponseWriter, req bunrouter.Request)           {}                  // -
func BunPointer(w http.ResponseWriter, req *bunrouter.Request) error     { return nil }      // -
func KratosNoResult(ctx kratos.Context)                                  {}                  // -
func KratosPointer(ctx *kratos.Context) error                            { return nil }      // -

// An application's own context that embeds a framework's: its handlers
// are the framework's, adapted where they are registered. Not when the
// context is a named field, or passed by value.
type AppContext struct{ echo.Context }
type GinContext struct{ *gin.Context }
type Holder struct{ C echo.Context }

func EchoApp(c *AppContext) error     { return nil } // echo
func GinApp(c *GinContext)            {}             // gin
func EchoAppValue(c AppContext) error { return nil } // -
func EchoAppNoResult(c *AppContext)   {}             // -
func EchoHolder(h *Holder) error      { return nil } // -

// Middlewares wrap a handler into another.
func Std(next http.Handler) http.Handler                                   { return next } // middleware
func Echo2(next echo.HandlerFunc) echo.HandlerFunc                         { return next } // middleware
func Echo3Mw(next echo3.HandlerFunc) echo3.HandlerFunc                     { return next } // middleware
func Echo5Mw(next echo5.HandlerFunc) echo5.HandlerFunc                     { return next } // middleware
func Fast(next fasthttp.RequestHandler) fasthttp.RequestHandler            { return next } // middleware
func Router(next httprouter.Handle) httprouter.Handle                      { return next } // middleware
func Fiber(next fiber.Handler) fiber.Handler                               { return next } // middleware
func Bunrouter(next bunrouter.HandlerFunc) bunrouter.HandlerFunc           { return next } // middleware
func Config(db string) func(http.Handler) http.Handler                     { return nil }  // -
func Mixed(next http.Handler) func(w http.ResponseWriter, r *http.Request) { return nil }  // middleware
func App(next func(*AppContext) error) func(*AppContext) error             { return next } // middleware
