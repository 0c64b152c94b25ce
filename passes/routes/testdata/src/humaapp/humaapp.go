// Package humaapp registers operations with huma v2: huma.Get/Post/...
// and huma.Register with an Operation literal, on an API made by an
// adapter over a chi router or a ServeMux (whose prefix and middlewares
// the operations get), a group under a prefix, and the API's and group's
// UseMiddleware.
package humaapp

import (
	"context"
	"database/sql"
	"net/http"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humachi"
	"github.com/danielgtaylor/huma/v2/adapters/humagin"
	"github.com/danielgtaylor/huma/v2/adapters/humago"
	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
)

type H struct{ db *sql.DB }

type UserInput struct {
	ID string `path:"id"`
}

type UserOutput struct {
	Body struct{ Name string }
}

func (h *H) getUser(ctx context.Context, in *UserInput) (*UserOutput, error) {
	h.db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", in.ID)
	return &UserOutput{}, nil
}

func (h *H) putUser(ctx context.Context, in *UserInput) (*UserOutput, error) {
	h.db.ExecContext(ctx, "UPDATE users SET name = $1 WHERE id = $2", "x", in.ID)
	return &UserOutput{}, nil
}

// session is huma middleware.
func (h *H) session(ctx huma.Context, next func(huma.Context)) {
	h.db.QueryRowContext(ctx.Context(), "SELECT user_id FROM sessions WHERE token = $1", ctx.Header("Token"))
	next(ctx)
}

// audit is huma middleware too.
func (h *H) audit(ctx huma.Context, next func(huma.Context)) {
	h.db.ExecContext(ctx.Context(), "INSERT INTO audit (op) VALUES ($1)", ctx.Operation().OperationID)
	next(ctx)
}

// trace is chi middleware, on the router the API serves through.
func trace(next http.Handler) http.Handler { return next }

func (h *H) Routes() http.Handler {
	r := chi.NewRouter()
	r.Use(trace)
	api := humachi.New(r, huma.DefaultConfig("users", "1.0"))
	api.UseMiddleware(h.session)
	huma.Get(api, "/users/{id}", h.getUser) // want `route GET /users/\{id\} \[GET /users/\{\}\] -> humaapp.trace → humaapp.\(\*H\).session → humaapp.\(\*H\).getUser: 2$`
	huma.Register(api, huma.Operation{      // want `route PUT /users/\{id\} .* -> humaapp.trace → humaapp.\(\*H\).session → humaapp.\(\*H\).audit → humaapp.\(\*H\).putUser: 3$`
		OperationID: "put-user",
		Method:      http.MethodPut,
		Path:        "/users/{id}",
		Middlewares: huma.Middlewares{h.audit},
	}, h.putUser)
	del := huma.Operation{OperationID: "delete-user", Method: http.MethodDelete, Path: "/users/{id}"}
	huma.Register(api, del, h.putUser) // want `route DELETE /users/\{id\} .* -> humaapp.trace → humaapp.\(\*H\).session → humaapp.\(\*H\).putUser: 2$`
	// An operation handed through a helper that only notes a scope on it.
	huma.Register(api, requireScope(huma.Operation{Method: http.MethodPatch, Path: "/users/{id}"}, "users:write"), h.putUser) // want `route PATCH /users/\{id\} .* -> humaapp.trace → humaapp.\(\*H\).session → humaapp.\(\*H\).putUser: 2$`
	// One that moves the operation's path is not read through.
	huma.Register(api, versioned(huma.Operation{Method: http.MethodPost, Path: "/users"}), h.putUser) // want `route … … .* -> humaapp.trace → humaapp.\(\*H\).session → humaapp.\(\*H\).putUser: 2$`
	v1 := huma.NewGroup(api, "/v1")
	v1.UseMiddleware(h.audit)
	huma.Post(v1, "/users", func(ctx context.Context, in *UserInput) (*UserOutput, error) { // want `route POST /v1/users .* -> humaapp.trace → humaapp.\(\*H\).session → humaapp.\(\*H\).audit → func literal in humaapp.\(\*H\).Routes: 2$`
		return nil, nil
	})
	return r
}

func (h *H) Std() *http.ServeMux {
	mux := http.NewServeMux()
	api := humago.NewWithPrefix(mux, "/api", huma.DefaultConfig("users", "1.0"))
	huma.Delete(api, "/users/{id}", h.putUser) // want `route DELETE /api/users/\{id\} .* -> humaapp.\(\*H\).putUser: 1$`
	return mux
}

func ginAuth(c *gin.Context) { c.Next() }

func (h *H) Gin() *gin.Engine {
	r := gin.New()
	api := humagin.NewWithGroup(r, r.Group("/gin", ginAuth), huma.DefaultConfig("users", "1.0"))
	huma.Get(api, "/users/{id}", h.getUser) // want `route GET /gin/users/\{id\} .* -> humaapp.ginAuth → humaapp.\(\*H\).getUser: 1$`
	return r
}

// Get has the shape of huma's, but is this package's: its calls register
// nothing.
func Get(api huma.API, path string, handler func(context.Context, *UserInput) (*UserOutput, error)) {}

func (h *H) NotRoutes(api huma.API) {
	Get(api, "/not/a/route", h.getUser)
}

// requireScope notes the scope an operation needs, in its metadata.
func requireScope(op huma.Operation, scope string) huma.Operation {
	if op.Metadata == nil {
		op.Metadata = map[string]any{}
	}
	op.Metadata["scope"] = scope
	return op
}

// versioned moves the operation under /v2.
func versioned(op huma.Operation) huma.Operation {
	op.Path = "/v2" + op.Path
	return op
}
