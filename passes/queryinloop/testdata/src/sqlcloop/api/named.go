package api

import (
	"database/sql"

	"github.com/nleof/goyesql"
)

var named = goyesql.MustParseFile("queries/named.sql")

// Touch has no driver in sight: its module's sqlc engine says PostgreSQL.
func Touch(db *sql.DB, ids []int64) {
	for _, id := range ids {
		db.Exec(named["touch-book"], id) // fix `^update all rows in one statement: UPDATE books SET ... WHERE id = ANY\(\$1\) with the keys as one array$` // want `^query touch-book \(queries/named.sql:1\) runs once per item of ids: n round trips`
	}
}
