package main

import (
	"database/sql"
	"fmt"

	"example.com/testonly/dead"
	"example.com/testonly/live"
)

func main() {
	db, _ := sql.Open("postgres", "")
	fmt.Println(dead.Name())
	live.Run(db)
}
