//go:build ignore

package main

import "database/sql"

func main() { _, _ = sql.Open("x", "y") }
