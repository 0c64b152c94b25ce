//go:build prometheus

// Tagged, but no database code: not counted.
package store

import "fmt"

func report() { fmt.Println("up") }
