package routers

import (
	"github.com/beego/beego/v2/server/web/context"

	"example.com/beegoapp/controllers"
)

// Auth runs before every route (main inserts it for "*").
func Auth(ctx *context.Context) {
	controllers.Store.Session(ctx.Request.Context(), ctx.Input.Query("token"))
}

// Record runs after the admin routes' actions.
func Record(ctx *context.Context) {
	controllers.Store.AddUser(ctx.Request.Context(), "audit")
}
