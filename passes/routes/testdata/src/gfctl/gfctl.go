// Package gfctl declares GoFrame controllers of the standard shape,
// func(ctx, *Req) (*Res, error), whose requests name their route in the
// tags of their g.Meta field; gfapp binds them.
package gfctl

import (
	"context"
	"database/sql"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/net/ghttp"
)

var DB *sql.DB

type ListReq struct {
	g.Meta `path:"/user/list" tags:"users" method:"get" summary:"list users"`
	Page   int
}

type ListRes struct {
	g.Meta `mime:"application/json"`
	Names  []string
}

type EditReq struct {
	g.Meta `path:"/user/edit" method:"put"`
	ID     int
}

type EditRes struct{}

// AnyReq names no method: every method is served.
type AnyReq struct {
	g.Meta `path:"/user/any"`
}

type AnyRes struct{}

// User is bound as a package variable, a value: GoFrame calls the
// methods of a pointer to it.
var User = userController{}

type userController struct{}

func (c *userController) List(ctx context.Context, req *ListReq) (res *ListRes, err error) {
	DB.QueryContext(ctx, "SELECT name FROM users LIMIT 20")
	return
}

func (c *userController) Edit(ctx context.Context, req *EditReq) (res *EditRes, err error) {
	DB.ExecContext(ctx, "UPDATE users SET name = $1 WHERE id = $2", "x", req.ID)
	return
}

func (c *userController) Any(ctx context.Context, req *AnyReq) (res *AnyRes, err error) {
	return
}

// helper has another shape: not a route.
func (c *userController) Helper(ctx context.Context) error { return nil }

// Legacy's methods take the request: GoFrame binds them at paths made of
// their names, which are not read.
type Legacy struct{}

func (l *Legacy) Show(r *ghttp.Request) {}

// Auth is a middleware reading the database before it hands on.
func Auth(r *ghttp.Request) {
	DB.QueryRowContext(r.Context(), "SELECT 1 FROM sessions WHERE token = $1", r.Get("token"))
	r.Middleware.Next()
}

// Audit runs once a request's output is written.
func Audit(r *ghttp.Request) {
	DB.ExecContext(r.GetCtx(), "INSERT INTO audit (path) VALUES ($1)", r.URL.Path)
}

// Health is a plain handler.
func Health(r *ghttp.Request) {
	DB.PingContext(r.Context())
}

type LoginReq struct {
	g.Meta `path:"/login" method:"post"`
}

type LoginRes struct{}

// Login is a standard function.
func Login(ctx context.Context, req *LoginReq) (*LoginRes, error) {
	DB.QueryRowContext(ctx, "SELECT id FROM users WHERE name = $1", "x")
	return nil, nil
}
