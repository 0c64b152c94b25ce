// Package stats sorts files into size buckets: tests of one value
// against rising constants that change no schema are not a version
// ladder, and a loop under them is the request's.
package stats

import "database/sql"

// Bucket records each file's size class.
func Bucket(db *sql.DB, sizes []int) {
	if len(sizes) < 10 {
		for _, s := range sizes {
			db.Exec(`INSERT INTO buckets (size, class) VALUES ($1, 'small')`, s) // route
		}
	}
	if len(sizes) < 100 {
		db.Exec(`INSERT INTO buckets (size, class) VALUES (0, 'medium')`)
	}
}
