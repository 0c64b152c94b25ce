package main

import (
	"database/sql"
	"net/http"

	"example.com/gqlgen/graph"
)

// The schema is made but no gqlgen server serves it: no route runs it.
func main() {
	db, _ := sql.Open("postgres", "")
	_ = graph.NewExecutableSchema(graph.Config{Resolvers: &graph.Resolver{DB: db}})
	http.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) {})
	http.ListenAndServe(":8080", nil)
}
