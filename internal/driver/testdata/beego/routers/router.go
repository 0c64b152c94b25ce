package routers

import (
	"github.com/beego/beego/v2/server/web"

	"example.com/beegoapp/controllers"
)

func InitAPI() {
	web.Router("/api/signup", &controllers.ApiController{}, "POST:Signup")
	web.Router("/api/logout", &controllers.ApiController{}, "GET,POST:Logout")
	web.Router("/api/session", &controllers.ApiController{}, "POST:Login;DELETE:Logout")
	web.Router("/api/user/:id", &controllers.RootController{}, "*:Login")
	web.Router("/items", &controllers.Items{})
	web.AddNamespace(web.NewNamespace("/admin",
		web.NSRouter("/users", &controllers.Admin{}, "GET:Users"),
	))
	web.Router("/api/broken", &controllers.ApiController{}, "GET:Missing")
}
