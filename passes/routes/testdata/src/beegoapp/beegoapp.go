// Package beegoapp registers beego controllers: Router with one mapping,
// several methods, several mappings, "*", a controller of no mapping
// (RESTful), namespaces, and the registrations whose routes cannot be
// known.
package beegoapp

import (
	"database/sql"

	"github.com/beego/beego/v2/server/web"
	"github.com/beego/beego/v2/server/web/context"

	"beegoctl"
)

func InitAPI(base string) {
	web.Router("/api/signup", &beegoctl.API{}, "POST:Signup")               // want `route POST /api/signup \[POST /api/signup\] -> beegoctl.\(\*API\).Signup: 1 ctx none@beegoctl.go:\d+$`
	web.Router("/api/logout", &beegoctl.API{}, "GET,post:Logout")           // want `route GET /api/logout \[GET /api/logout\] -> beegoctl.\(\*API\).Logout: 0$` `route POST /api/logout \[POST /api/logout\] -> beegoctl.\(\*API\).Logout: 0$`
	web.Router("/api/session", &beegoctl.API{}, "post:Login;delete:Logout") // want `route POST /api/session \[POST /api/session\] -> beegoctl.\(\*API\).Login: 1 ctx none@beegoctl.go:\d+$` `route DELETE /api/session \[DELETE /api/session\] -> beegoctl.\(\*API\).Logout: 0$`
	web.Router("/api/users/:id", &beegoctl.API{}, "*:GetUsers")             // want `route /api/users/:id \[ANY /api/users/\{\}\] -> beegoctl.\(\*API\).GetUsers: 1 ctx none@beegoctl.go:\d+$`

	// A promoted action: the embedded controller's method serves.
	web.Router("/login", &beegoctl.Root{}, "POST:Login") // want `route POST /login \[POST /login\] -> beegoctl.\(\*API\).Login: 1 ctx none@beegoctl.go:\d+$`

	// No mapping: the methods the controller defines, by their names.
	web.Router("/items", &beegoctl.Items{}) // want `route GET /items \[GET /items\] -> beegoctl.\(\*Items\).Get: 1 ctx none@beegoctl.go:\d+$` `route POST /items \[POST /items\] -> beegoctl.\(\*Items\).Post: 1 ctx none@beegoctl.go:\d+$`

	// Prepare runs before the action on every request, Finish after it.
	web.Router("/stats", &beegoctl.Guarded{}, "GET:Stats") // want `route GET /stats \[GET /stats\] -> beegoctl.\(\*Guarded\).Prepare → beegoctl.\(\*Guarded\).Finish → beegoctl.\(\*Guarded\).Stats: 3 ctx none@beegoctl.go:\d+,none@beegoctl.go:\d+,none@beegoctl.go:\d+$`

	// On an application of its own.
	app := web.NewHttpSever()
	app.Router("/app/login", &beegoctl.API{}, "POST:Login") // want `route POST /app/login \[POST /app/login\] -> beegoctl.\(\*API\).Login: 1 ctx none@beegoctl.go:\d+$`

	// Namespaces nest their prefixes.
	ns := web.NewNamespace("/v1",
		web.NSRouter("/signup", &beegoctl.API{}, "POST:Signup"), // want `route POST /v1/signup \[POST /v1/signup\] -> beegoctl.\(\*API\).Signup: 1 ctx none@beegoctl.go:\d+$`
		web.NSNamespace("/admin",
			web.NSRouter("/users", &beegoctl.API{}, "GET:GetUsers"), // want `route GET /v1/admin/users \[GET /v1/admin/users\] -> beegoctl.\(\*API\).GetUsers: 1 ctx none@beegoctl.go:\d+$`
		),
	)
	ns.Router("/login", &beegoctl.API{}, "POST:Login") // want `route POST /v1/login \[POST /v1/login\] -> beegoctl.\(\*API\).Login: 1 ctx none@beegoctl.go:\d+$`
	web.AddNamespace(ns)

	// Not routes that can be known: a mapping naming a method the
	// controller lacks (beego panics at start), a path made at run time
	// (listed as "…", and said), a controller known by its interface only.
	web.Router("/api/missing", &beegoctl.API{}, "GET:Missing")  // want `unread: beego: the controller beegoctl.API has no method Missing`
	web.Router("/api/verb", &beegoctl.API{}, "GET, POST:Login") // want `unread: beego: " POST" in the method mapping "GET, POST:Login" is not an HTTP method beego knows`
	web.Router("/api/bad", &beegoctl.API{}, "GET=Login")        // want `unread: beego: the method mapping "GET=Login" is not METHODS:Method`
	web.Router(base+"/x", &beegoctl.API{}, "GET:Login")         // want `route GET …/x \[GET …/x\] -> beegoctl.\(\*API\).Login: 1 ctx none@beegoctl.go:\d+$` `unread: beego: the path of this route is not constant \(base \+ "/x"\): it is listed as …/x`
	web.Router(base, &beegoctl.API{}, "GET:Login")              // want `route GET … \[GET …\] -> beegoctl.\(\*API\).Login: 1 ctx none@beegoctl.go:\d+$` `unread: beego: the path of this route is not constant \(base\): it is listed as …$`
	var c web.ControllerInterface = &beegoctl.Items{}
	web.Router("/dyn", c, "GET:Get") // want `unread: beego: the controller registered is not known here \(a web.ControllerInterface\)`

	// A namespace's NSBefore filters run before its routes' controllers,
	// its NSAfter ones after their actions; an NSRouter outside any
	// namespace, or in one nested with a namespace's Namespace method,
	// is under a prefix not known here.
	web.AddNamespace(web.NewNamespace("/v2",
		web.NSBefore(auth),
		web.NSNamespace("/admin",
			web.NSAfter(record),
			web.NSRouter("/users", &beegoctl.API{}, "GET:GetUsers"), // want `route GET /v2/admin/users \[GET /v2/admin/users\] -> beegoapp.auth → beegoapp.record → beegoctl.\(\*API\).GetUsers: 3 ctx none@beegoctl.go:\d+$`
		),
	))
	loose := web.NSRouter("/loose", &beegoctl.API{}, "GET:GetUsers") // want `route GET …/loose \[GET …/loose\] -> beegoctl.\(\*API\).GetUsers: 1 ctx none@beegoctl.go:\d+$`
	outer := web.NewNamespace("/v3")
	outer.Namespace(web.NewNamespace("/inner",
		loose,
		web.NSRouter("/x", &beegoctl.API{}, "GET:GetUsers"), // want `route GET …/inner/x \[GET …/inner/x\] -> beegoctl.\(\*API\).GetUsers: 1 ctx none@beegoctl.go:\d+$`
	))

	// Filters run on the routes their pattern covers, wherever those are
	// registered: the driver attaches them. One whose pattern is made at
	// run time covers no route it can name.
	web.InsertFilter("*", web.BeforeRouter, auth)                                  // want `filter \* before: beegoapp.auth`
	web.InsertFilter("/api/*", web.AfterExec, record)                              // want `filter /api/\* after: beegoapp.record`
	web.InsertFilter(base, web.BeforeRouter, auth)                                 // want `unread: beego: the pattern of this filter is not constant \(base\): it is attached to no route`
	web.InsertFilter("/static/*", web.BeforeStatic, func(ctx *context.Context) {}) // want `filter /static/\* before: func literal in beegoapp.InitAPI`

	// A functional route: a function of a filter's signature serves.
	web.Get("/health", health) // want `route GET /health \[GET /health\] -> beegoapp.health: 1 ctx none@beegoapp.go:\d+$`
}

var db *sql.DB

func auth(ctx *context.Context) {
	db.QueryRowContext(ctx.Request.Context(), "SELECT user_id FROM sessions WHERE token = $1", ctx.Input.Query("token"))
}

func record(ctx *context.Context) {
	db.ExecContext(ctx.Request.Context(), "INSERT INTO records (path) VALUES ($1)", ctx.Request.URL.Path)
}

func health(ctx *context.Context) {
	db.QueryRow("SELECT 1")
}

// notRegistered has a filter's signature and is registered nowhere: a
// handler of its own, listed by its name.
func notRegistered(ctx *context.Context) { // want `route beegoapp.notRegistered \[ANY beegoapp.notRegistered\] -> beegoapp.notRegistered: 1 ctx none@beegoapp.go:\d+$`
	db.QueryRow("SELECT 2")
}
