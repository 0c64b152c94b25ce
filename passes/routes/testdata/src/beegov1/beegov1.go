// Package beegov1 registers controllers with beego v1
// (github.com/astaxie/beego), whose API is v2's.
package beegov1

import (
	"database/sql"

	"github.com/astaxie/beego"
)

var db *sql.DB

type Orders struct {
	beego.Controller
}

func (c *Orders) List() {
	db.Query("SELECT id FROM orders")
}

func (c *Orders) Get() {
	db.QueryRow("SELECT id FROM orders WHERE id = $1", 1)
}

func init() {
	beego.Router("/orders", &Orders{}, "get:List") // want `route GET /orders \[GET /orders\] -> beegov1.\(\*Orders\).List: 1 ctx none@beegov1.go:\d+$`
	beego.Router("/orders/:id", &Orders{})         // want `route GET /orders/:id \[GET /orders/\{\}\] -> beegov1.\(\*Orders\).Get: 1 ctx none@beegov1.go:\d+$`
	beego.AddNamespace(beego.NewNamespace("/v1",
		beego.NSRouter("/orders", &Orders{}, "get:List"), // want `route GET /v1/orders \[GET /v1/orders\] -> beegov1.\(\*Orders\).List: 1 ctx none@beegov1.go:\d+$`
	))
}
