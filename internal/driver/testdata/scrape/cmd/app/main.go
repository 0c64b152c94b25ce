// Command app serves the metrics twice: promhttp's handler registered as
// a route, and a handler of the module serving it in place.
package main

import (
	"database/sql"
	"net/http"

	"github.com/prometheus/client_golang/prometheus/promhttp"

	"example.com/scrape/stats"
)

func main() {
	db, _ := sql.Open("postgres", "")
	stats.Register(db)
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.Handler())
	mux.HandleFunc("GET /private/metrics", stats.Serve)
	mux.HandleFunc("GET /ping", stats.Ping)
	http.ListenAndServe(":8080", mux)
}
