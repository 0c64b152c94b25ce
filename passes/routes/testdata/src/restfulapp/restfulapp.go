// Package restfulapp registers routes with go-restful v3: a WebService
// under its root Path, routes built by ws.GET(path).To(fn) (or
// ws.Method(m).Path(p)) and given to ws.Route, filters of the route, of
// the WebService and of the Container it is added to.
package restfulapp

import (
	"context"
	"database/sql"

	restful "github.com/emicklei/go-restful/v3"
)

type H struct{ db *sql.DB }

func (h *H) getUser(req *restful.Request, resp *restful.Response) {
	h.db.QueryRowContext(req.Request.Context(), "SELECT id FROM users WHERE id = $1", req.PathParameter("id"))
}

func (h *H) export(req *restful.Request, resp *restful.Response) {
	h.db.QueryContext(context.TODO(), "SELECT id FROM users")
}

// auth is a filter: it runs the rest with chain.ProcessFilter.
func (h *H) auth(req *restful.Request, resp *restful.Response, chain *restful.FilterChain) {
	h.db.QueryRowContext(req.Request.Context(), "SELECT user_id FROM sessions WHERE token = $1", req.Request.Header.Get("Token"))
	chain.ProcessFilter(req, resp)
}

// audit is a filter too.
func (h *H) audit(req *restful.Request, resp *restful.Response, chain *restful.FilterChain) {
	h.db.ExecContext(req.Request.Context(), "INSERT INTO audit (path) VALUES ($1)", req.Request.URL.Path)
	chain.ProcessFilter(req, resp)
}

func logging(req *restful.Request, resp *restful.Response, chain *restful.FilterChain) {
	chain.ProcessFilter(req, resp)
}

func timing(req *restful.Request, resp *restful.Response, chain *restful.FilterChain) {
	chain.ProcessFilter(req, resp)
}

func recovery(req *restful.Request, resp *restful.Response, chain *restful.FilterChain) {
	chain.ProcessFilter(req, resp)
}

func (h *H) Users() *restful.WebService {
	ws := new(restful.WebService)
	ws.Path("/users").Consumes("application/json").Produces("application/json")
	ws.Filter(logging).Filter(timing)
	ws.Route(ws.GET("/{id}").To(h.getUser).Doc("get a user"))              // want `route GET /users/\{id\} \[GET /users/\{\}\] -> restfulapp.recovery → restfulapp.logging → restfulapp.timing → restfulapp.\(\*H\).getUser: 1$`
	ws.Route(ws.PUT("/{id}").Filter(h.auth).To(h.getUser).Filter(h.audit)) // want `route PUT /users/\{id\} .* -> restfulapp.recovery → restfulapp.logging → restfulapp.timing → restfulapp.\(\*H\).auth → restfulapp.\(\*H\).audit → restfulapp.\(\*H\).getUser: 3$`
	ws.Route(ws.Method("DELETE").Path("/{id}").To(h.getUser))              // want `route DELETE /users/\{id\} .* -> restfulapp.recovery → restfulapp.logging → restfulapp.timing → restfulapp.\(\*H\).getUser: 1$`
	rb := ws.GET("/{id}/name").Filter(h.audit)
	ws.Route(rb.To(h.getUser)) // want `route GET /users/\{id\}/name .* -> restfulapp.recovery → restfulapp.logging → restfulapp.timing → restfulapp.\(\*H\).audit → restfulapp.\(\*H\).getUser: 2$`
	return ws
}

func (h *H) Admin(c *restful.Container) {
	ws := new(restful.WebService).Path("/admin").Doc("admin")
	ws.Route(ws.GET("/export").To(h.export)) // want `route GET /admin/export .* -> restfulapp.\(\*H\).auth → restfulapp.\(\*H\).export: 2 ctx background@restfulapp.go:\d+$`
	c.Add(ws)
}

func (h *H) Main() {
	c := restful.NewContainer()
	c.Filter(h.auth)
	h.Admin(c)
	restful.Filter(recovery) // the default container's: on the routes of the WebServices Add puts there
	restful.Add(h.Users())
}

// builder has a GET method of a WebService's shape and a To of a
// RouteBuilder's, but is no router: its calls register nothing.
type builder struct {
	fns map[string]restful.RouteFunction
}

func (b *builder) GET(path string) *builder             { return b }
func (b *builder) To(fn restful.RouteFunction) *builder { return b }

func (h *H) NotRoutes(b *builder) {
	b.GET("/not/a/route").To(h.getUser)
}
