// Package endpoint makes the servers of the schemas, as photoview does:
// a constructor of the module returning the gqlgen server it made and
// configured, which a route registers.
package endpoint

import (
	"database/sql"

	"github.com/99designs/gqlgen/graphql/handler"

	"example.com/gqlgen/graph"
	"example.com/gqlgen/graph2"
)

// Users serves graph2: what a route registering it runs.
func Users(db *sql.DB) *handler.Server {
	resolver := graph2.Resolver{DB: db}
	cfg := graph2.Config{Resolvers: &resolver}
	srv := handler.New(graph2.NewExecutableSchema(cfg))
	srv.AddTransport(nil)
	return srv
}

// Orders serves graph's schema; no route registers it (main serves that
// schema with servers of its own).
func Orders(db *sql.DB) *handler.Server {
	return handler.New(graph.NewExecutableSchema(graph.Config{Resolvers: &graph.Resolver{DB: db}}))
}
