package main

import (
	"database/sql"
	"net/http"

	beego "github.com/beego/beego/v2/server/web"

	"example.com/pathguard/beegoapi"
	"example.com/pathguard/ginapi"
	"example.com/pathguard/store"
	"example.com/pathguard/web"
)

func main() {
	store.DB, _ = sql.Open("postgres", "")
	go http.ListenAndServe(":8080", web.Routes())
	go ginapi.Routes().Run(":8081")
	beegoapi.Init()
	beego.Run()
}
