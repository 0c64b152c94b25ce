package server

import (
	"database/sql"
	"os"

	"example.com/fluent/handlers"
	"example.com/fluent/route"
)

// PrivateRoutes are built by appends, behind the token lookup.
func PrivateRoutes(db *sql.DB) []*route.HandledRoute {
	var routes []*route.HandledRoute
	auth := route.TokenSecurity(db)
	routes = append(routes,
		route.Get("/items").
			SecuredWith(auth).
			Handle(handlers.GetItems(db)),
		route.Delete("/items/{id}").
			SecuredWith(auth).
			Handle(handlers.DeleteItem(db)),
	)
	for _, name := range []string{"a", "b"} {
		routes = append(routes,
			route.Get("/providers/"+name).SecuredWith(route.Unsecured()).Handle(handlers.GetProvider(db, name)))
	}
	// Either method, one path: the path is known, the method not.
	var callback *route.Route
	if os.Getenv("POST_CALLBACK") != "" {
		callback = route.Post("/callback")
	} else {
		callback = route.Get("/callback")
	}
	routes = append(routes, callback.SecuredWith(route.Unsecured()).Handle(handlers.GetHealth()))
	return routes
}

// PublicRoutes are one literal.
func PublicRoutes(db *sql.DB) []*route.HandledRoute {
	return []*route.HandledRoute{
		route.Get("/health").SecuredWith(route.Unsecured()).Handle(handlers.GetHealth()),
		route.Post("/items").SecuredWith(route.TokenSecurity(db)).Handle(handlers.PostItem(db)),
	}
}

// NeverRoutes are built and never attached: no routes.
func NeverRoutes(db *sql.DB) []*route.HandledRoute {
	return []*route.HandledRoute{
		route.Get("/never").SecuredWith(route.Unsecured()).Handle(handlers.GetNever(db)),
	}
}
