// Package restful2app registers routes with go-restful v2
// (github.com/emicklei/go-restful, no /v2 suffix), whose API is v3's.
package restful2app

import (
	"database/sql"

	"github.com/emicklei/go-restful"
)

type Store struct{ db *sql.DB }

func (s *Store) item(req *restful.Request, resp *restful.Response) {
	s.db.QueryRowContext(req.Request.Context(), "SELECT id FROM items WHERE id = $1", req.PathParameter("id"))
}

func (s *Store) session(req *restful.Request, resp *restful.Response, chain *restful.FilterChain) {
	s.db.QueryRowContext(req.Request.Context(), "SELECT user_id FROM sessions WHERE token = $1", req.Request.Header.Get("Token"))
	chain.ProcessFilter(req, resp)
}

func trace(req *restful.Request, resp *restful.Response, chain *restful.FilterChain) {
	chain.ProcessFilter(req, resp)
}

func (s *Store) Register(c *restful.Container) {
	ws := new(restful.WebService).Path("/items")
	ws.Filter(trace)
	ws.Route(ws.GET("/{id}").Filter(s.session).To(s.item)) // want `route GET /items/\{id\} \[GET /items/\{\}\] -> restful2app.trace → restful2app.\(\*Store\).session → restful2app.\(\*Store\).item: 2$`
	ws.Route(ws.Method("HEAD").Path("/{id}").To(s.item))   // want `route HEAD /items/\{id\} .* -> restful2app.trace → restful2app.\(\*Store\).item: 1$`
	c.Add(ws)
}
