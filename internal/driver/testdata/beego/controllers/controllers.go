package controllers

import (
	"github.com/beego/beego/v2/server/web"

	"example.com/beegoapp/store"
)

var Store store.Store

type ApiController struct {
	web.Controller
}

func (c *ApiController) Signup() {
	Store.AddUser(c.Ctx.Request.Context(), c.GetString("name"))
}

func (c *ApiController) Login() {
	Store.User(c.Ctx.Request.Context(), c.GetString("name"))
}

func (c *ApiController) Logout() {}

// RootController's actions are ApiController's, promoted.
type RootController struct {
	ApiController
}

// Items is RESTful: GET runs Get, POST runs Post.
type Items struct {
	web.Controller
}

func (c *Items) Get() {
	Store.Items(c.Ctx.Request.Context())
}

func (c *Items) Post() {
	Store.AddUser(c.Ctx.Request.Context(), "item")
}

// Admin checks the session before every action.
type Admin struct {
	web.Controller
}

func (c *Admin) Prepare() {
	Store.Session(c.Ctx.Request.Context(), c.Ctx.Input.Query("token"))
}

func (c *Admin) Users() {
	Store.Items(c.Ctx.Request.Context())
}
