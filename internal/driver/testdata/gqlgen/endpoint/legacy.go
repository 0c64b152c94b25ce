package endpoint

import (
	"database/sql"
	"net/http"
	"strings"

	legacy "github.com/99designs/gqlgen/handler"

	"example.com/gqlgen/graph"
)

// Legacy serves graph with gqlgen's older API, as traggo does: a plain
// http.HandlerFunc made by handler.GraphQL, called through its ServeHTTP
// from the closure the route registers, beside a playground.
func Legacy(db *sql.DB) http.HandlerFunc {
	gql := legacy.GraphQL(graph.NewExecutableSchema(graph.Config{Resolvers: &graph.Resolver{DB: db}}), legacy.RequestMiddleware(func() {}))
	playground := legacy.Playground("playground", "/legacy")
	return func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.Header.Get("Accept"), "text/html") {
			playground.ServeHTTP(w, r)
			return
		}
		gql.ServeHTTP(w, r)
	}
}

// Docs serves only the playground: a HandlerFunc of gqlgen's that runs no
// schema.
func Docs() http.HandlerFunc {
	playground := legacy.Playground("playground", "/legacy")
	return func(w http.ResponseWriter, r *http.Request) { playground.ServeHTTP(w, r) }
}
