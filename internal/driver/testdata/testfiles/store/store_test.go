package store

import (
	"database/sql"
	"testing"
)

func TestList(t *testing.T) {
	var db *sql.DB
	db.Query(`SELECT * FROM fixtures`)
	helper(db, 1)
}
