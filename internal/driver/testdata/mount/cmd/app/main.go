package main

import (
	"database/sql"
	"net/http"
	"os"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gorilla/mux"

	"example.net/cond"

	"example.com/mount/admin"
	"example.com/mount/agg"
	"example.com/mount/api"
	"example.com/mount/files"
	"example.com/mount/gapi"
	"example.com/mount/ginapi"
	"example.com/mount/ginnest"
	"example.com/mount/legacy"
	"example.com/mount/mw"
	"example.com/mount/pages"
	"example.com/mount/reports"
	"example.com/mount/v2"
)

var db *sql.DB

func main() {
	db, _ = sql.Open("postgres", "")
	h := &api.Handler{DB: db}
	router := chi.NewRouter()
	router.Use(mw.Session(db))
	apiRouter := chi.NewRouter()
	h.RegisterRoutes(apiRouter)
	admin.Register(apiRouter)
	router.Mount("/api", apiRouter)
	router.Route("/v2", v2.Routes)
	reports.Register(router)
	// Which one the graph cannot tell: each implementation of the
	// interface is assumed, the api handler's among them.
	home := cond.Ternary[pages.Handler](len(os.Args) > 1, &pages.Home{DB: db}, pages.Noop{})
	home.RegisterRoutes(router)
	router.Mount("/legacy", legacy.Handler(db))
	go http.ListenAndServe(":8080", router)

	other := http.NewServeMux()
	other.Handle("/files/", http.StripPrefix("/files", files.Handler(db)))
	go http.ListenAndServe(":8081", other)
	go http.ListenAndServe(":8082", files.Handler(db))

	e := gin.New()
	ginapi.Register(e.Group("/shop", account))
	// Groups nested in three packages: each route runs the middlewares
	// of every group above it, main's first.
	deep := e.Group("/deep", account)
	{
		ginnest.Routes(deep.Group("/v1"))
	}
	go e.Run(":8084")

	g := mux.NewRouter()
	gapi.Register(g.PathPrefix("/g").Subrouter())
	svc := g.PathPrefix("/svc").Subrouter()
	for _, h := range []agg.Handlers{&agg.UI{Handlers: []agg.Handlers{agg.Runs{}}}, &agg.API{}} {
		h.AddHandlers(svc)
	}
	http.ListenAndServe(":8083", g)
}

// account is a gin middleware: the shop's routes run it first.
func account(c *gin.Context) {
	var id int64
	db.QueryRowContext(c, "SELECT id FROM accounts WHERE token = $1", c.GetHeader("Token")).Scan(&id)
	c.Next()
}
