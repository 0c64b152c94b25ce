// Command served runs a join server, a metrics server and a web server.
package main

import (
	"database/sql"

	"example.com/served/js"
	"example.com/served/metrics"
	"example.com/served/store"
	"example.com/served/web"
)

func main() {
	store.DB, _ = sql.Open("postgres", "")
	js.Setup(":8003")
	go js.SetupLocal()
	go metrics.Serve()
	go metrics.ServeWith(nil)
	web.Serve()
}
