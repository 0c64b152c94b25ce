// Package server registers the routes, through the handlers' interface.
package server

import (
	"github.com/gin-gonic/gin"

	"example.com/provider/handlers"
)

// Deps holds what the server is built from.
type Deps struct{ Provider handlers.Provider }

type Server struct{ Deps *Deps }

func (s *Server) Routes() *gin.Engine {
	router := gin.New()
	router.Use(s.Deps.Provider.Middleware())
	router.GET("/users/:id", s.Deps.Provider.UsersHandler())
	router.GET("/orders/:id", s.Deps.Provider.OrdersHandler())
	router.GET("/ping", s.Deps.Provider.PingHandler())
	return router
}
