// Package pq is a stub of the database driver: a program that imports it
// talks to its database.
package pq

// StringArray is a Postgres text[] column as a Go slice.
type StringArray []string

// Scan implements sql.Scanner.
func (a *StringArray) Scan(src interface{}) error { panic("stub") }
