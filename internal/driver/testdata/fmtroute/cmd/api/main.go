package main

import (
	"database/sql"
	"net/http"

	"example.com/fmtroute/userapp"
	"example.com/fmtroute/userbus"
	"example.com/fmtroute/userdb"
	"example.com/fmtroute/web"
)

func main() {
	db, err := sql.Open("postgres", "")
	if err != nil {
		panic(err)
	}
	app := web.NewApp()
	userapp.Routes(app, userbus.New(userdb.New(db)))
	http.ListenAndServe(":8080", app)
}
