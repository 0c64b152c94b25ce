//go:build ignore

// A generator run by go run, never built.
package main

import "database/sql"

func main() { _, _ = sql.Open("x", "y") }
