// Package bench is a load generator's server: its loops run a configured
// number of statements against a test database, not per request of the
// service.
package bench

import "database/sql"

func Load(db *sql.DB, n int) {
	for i := 0; i < n; i++ {
		db.Exec("INSERT INTO load (n) VALUES ($1)", i)
	}
}
