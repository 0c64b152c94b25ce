package store_test

import (
	"database/sql"
	"testing"

	"example.com/testfiles/store"
)

func TestExternal(t *testing.T) {
	var db *sql.DB
	db.Query(`SELECT * FROM golden`)
	store.List(db)
}
