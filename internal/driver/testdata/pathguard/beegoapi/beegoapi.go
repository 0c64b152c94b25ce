// Package beegoapi serves beego routes behind filters that skip the API
// or act on one path.
package beegoapi

import (
	"strings"

	"github.com/beego/beego/v2/server/web"
	"github.com/beego/beego/v2/server/web/context"

	"example.com/pathguard/store"
)

// Static serves the pages; the API's paths it leaves to their routes.
func Static(ctx *context.Context) {
	urlPath := ctx.Request.URL.Path
	if strings.HasPrefix(urlPath, "/api/") || strings.HasPrefix(urlPath, "/.well-known/") {
		return
	}
	store.Page(ctx.Request.Context())
}

// SignIn takes a token on the token route alone.
func SignIn(ctx *context.Context) {
	if ctx.Input.URL() != "/api/token" {
		return
	}
	store.Token(ctx.Request.Context())
}

// Legacy rewrites the path before it tests it: the path it tests is
// not the one the route's pattern matched, and both ways stay.
func Legacy(ctx *context.Context) {
	ctx.Request.URL.Path = strings.TrimPrefix(ctx.Request.URL.Path, "/old")
	if ctx.Request.URL.Path != "/about" {
		return
	}
	store.Audit(ctx.Request.Context())
}

type API struct{ web.Controller }

func (c *API) Items() { store.Items(c.Ctx.Request.Context()) }

func (c *API) Token() {}

type Pages struct{ web.Controller }

func (c *Pages) Get() {}

func Init() {
	web.InsertFilter("*", web.BeforeRouter, Static)
	web.InsertFilter("*", web.BeforeRouter, SignIn)
	web.InsertFilter("*", web.BeforeRouter, Legacy)
	web.Router("/api/items", &API{}, "GET:Items")
	web.Router("/api/token", &API{}, "POST:Token")
	web.Router("/about", &Pages{})
}
