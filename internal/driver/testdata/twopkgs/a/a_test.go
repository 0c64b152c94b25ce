package a

import (
	"database/sql"
	"testing"
)

func TestA(t *testing.T) {
	var db *sql.DB
	db.Query("SELECT id FROM a")
}
