// Package goyesql stands in for github.com/knadh/goyesql/v2 in sqlheat's
// tests: the API the notes service uses, with placeholder bodies.
package goyesql

import "database/sql"

// Query is a parsed query along with tags.
type Query struct {
	Query string
	Tags  map[string]string
}

// Queries is a map associating a Tag to its Query
type Queries map[string]*Query

func ParseBytes(b []byte) (Queries, error) { panic("stand-in") }

// ScanToStruct assigns the queries (or statements prepared from them) to
// the fields of obj tagged query:"name".
func ScanToStruct(obj interface{}, q Queries, db *sql.DB) error { panic("stand-in") }
