// Stub of github.com/knadh/goyesql/v2 (signatures mirror master, 737ad9f; bodies are placeholders).

// Package goyesql parses named queries and scans them into structs whose
// fields carry `query:"name"` tags.
package goyesql

import (
	"database/sql"
	"io"
)

// Query is a parsed query along with tags.
type Query struct {
	Query string
	Tags  map[string]string
}

// Queries is a map associating a Tag to its Query
type Queries map[string]*Query

func ParseFile(path string) (Queries, error) { panic("stub") }

func MustParseFile(path string) Queries { panic("stub") }

func ParseBytes(b []byte) (Queries, error) { panic("stub") }

func MustParseBytes(b []byte) Queries { panic("stub") }

func ParseReader(reader io.Reader) (Queries, error) { panic("stub") }

// ScanToStruct prepares a given set of Queries and assigns the resulting
// *sql.Stmt statements (or the query text, for string fields) to the
// fields of a given struct, matching based on the name in the `query` tag.
func ScanToStruct(obj interface{}, q Queries, db *sql.DB) error { panic("stub") }
