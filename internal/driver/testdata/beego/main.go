package main

import (
	"database/sql"

	"github.com/beego/beego/v2/server/web"

	"example.com/beegoapp/controllers"
	"example.com/beegoapp/routers"
	"example.com/beegoapp/store"
)

func main() {
	db, _ := sql.Open("postgres", "")
	controllers.Store = &store.PG{DB: db}
	web.InsertFilter("*", web.BeforeRouter, routers.Auth)
	web.InsertFilter("/admin/*", web.AfterExec, routers.Record)
	routers.InitAPI()
	web.Run()
}
