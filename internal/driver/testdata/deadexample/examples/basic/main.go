// Command basic shows how to open the library's store.
package main

import (
	"database/sql"

	"example.com/deadexample/store"
)

func main() {
	db, _ := sql.Open("postgres", "")
	store.Open(db)
}
