package main

import (
	"database/sql"

	"example.com/ifacemethods/server"
)

func main() {
	db, _ := sql.Open("postgres", "")
	server.Routes(db, false, true, nil).Run(":8080")
}
