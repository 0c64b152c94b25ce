package main

import (
	"database/sql"
	"fmt"
	"net/http"

	"example.com/testcalls/api"
	"example.com/testcalls/report"
	"example.com/testcalls/store"
)

func main() {
	db, _ := sql.Open("postgres", "")
	fmt.Println(&report.Report{DB: db})
	http.HandleFunc("/items", api.Items(store.New(db)))
	_ = http.ListenAndServe(":8080", nil)
}
