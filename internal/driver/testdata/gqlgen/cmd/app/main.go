package main

import (
	"database/sql"
	"net/http"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/gin-gonic/gin"

	"example.com/gqlgen/endpoint"
	"example.com/gqlgen/graph"
)

func main() {
	db, _ := sql.Open("postgres", "")
	srv := handler.NewDefaultServer(graph.NewExecutableSchema(graph.NewConfig(db)))
	http.Handle("/query", srv)
	http.HandleFunc("/health", health)
	http.Handle("/v2/graphql", gzip(endpoint.Users(db)))
	_ = endpoint.Orders(db)
	http.Handle("/legacy", endpoint.Legacy(db))
	http.Handle("/docs", endpoint.Docs())

	gsrv := handler.New(graph.NewExecutableSchema(graph.Config{Resolvers: &graph.Resolver{DB: db}}))
	e := gin.New()
	e.POST("/graphql", func(c *gin.Context) {
		gsrv.ServeHTTP(c.Writer, c.Request)
	})
	e.GET("/ping", func(c *gin.Context) {})
	go e.Run(":8081")
	http.ListenAndServe(":8080", nil)
}

func health(w http.ResponseWriter, r *http.Request) {}

func gzip(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { next.ServeHTTP(w, r) })
}
