// Package gfapp binds GoFrame routes: groups nest their prefixes, a
// group's middlewares and hooks run on the routes bound after them
// (Bind and GET clone the group as it is then), Bind binds standard
// functions and controllers at their g.Meta paths, GET and ALL bind a
// handler at a path.
package gfapp

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/net/ghttp"

	"gfctl"
)

func Main() {
	s := g.Server()
	s.Group("/api", func(group *ghttp.RouterGroup) {
		group.Middleware(ghttp.MiddlewareHandlerResponse)
		group.Bind(gfctl.Login) // want `route POST /api/login \[POST /api/login\] -> ghttp.MiddlewareHandlerResponse → gfctl.Login: 1$`
		group.Middleware(gfctl.Auth)
		group.Hook("/*", ghttp.HookAfterOutput, gfctl.Audit)
		group.Group("/v1", func(group *ghttp.RouterGroup) {
			group.Bind( // want `route /api/v1/user/any \[ANY /api/v1/user/any\] -> ghttp.MiddlewareHandlerResponse → gfctl.Auth → gfctl.Audit → gfctl.\(\*userController\).Any: 2$` `route PUT /api/v1/user/edit \[PUT /api/v1/user/edit\] -> ghttp.MiddlewareHandlerResponse → gfctl.Auth → gfctl.Audit → gfctl.\(\*userController\).Edit: 3$` `route GET /api/v1/user/list \[GET /api/v1/user/list\] -> ghttp.MiddlewareHandlerResponse → gfctl.Auth → gfctl.Audit → gfctl.\(\*userController\).List: 3$`
				gfctl.User,
			)
		})
		group.GET("/health", gfctl.Health) // want `route GET /api/health \[GET /api/health\] -> ghttp.MiddlewareHandlerResponse → gfctl.Auth → gfctl.Audit → gfctl.Health: 2$`
		group.Bind(&gfctl.Legacy{})        // want `unread: goframe: the methods of &gfctl.Legacy\{\} are not of the standard shape`
	})
	s.Run()
}
