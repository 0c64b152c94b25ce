// Package pq is a stub of the database driver: a program that imports it
// talks to its database.
package pq

// StringArray is a Postgres text[] column as a Go slice.
type StringArray []string

// Scan implements sql.Scanner.
func (a *StringArray) Scan(src interface{}) error { panic("stub") }

// CopyIn is the statement that, prepared, copies rows into table: each
// Exec with a row buffers it, the Exec with none sends them.
func CopyIn(table string, columns ...string) string { panic("stub") }
