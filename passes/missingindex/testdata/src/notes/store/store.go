package store

import (
	"database/sql"

	"github.com/nleof/goyesql"
)

var queries = goyesql.MustParseFile("queries/notes.sql")

func ByOwner(db *sql.DB, owner int64) {
	db.Query(queries["notes-by-owner"], owner)
}
