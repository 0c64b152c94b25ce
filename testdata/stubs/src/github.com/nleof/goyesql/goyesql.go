// Stub of github.com/nleof/goyesql (signatures mirror master, c968faf; bodies are placeholders).

// Package goyesql is a Go port of Yesql: SQL queries in separate files,
// each after a `-- name: tag` line.
package goyesql

import "io"

// Tag is a string prefixing a Query
type Tag string

// Queries is a map associating a Tag to its Query
type Queries map[Tag]string

func ParseFile(path string) (Queries, error) { panic("stub") }

func MustParseFile(path string) Queries { panic("stub") }

func ParseBytes(b []byte) (Queries, error) { panic("stub") }

func MustParseBytes(b []byte) Queries { panic("stub") }

func ParseReader(reader io.Reader) (Queries, error) { panic("stub") }
