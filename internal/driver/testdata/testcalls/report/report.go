// Package report prints what the store holds.
package report

import (
	"database/sql"
	"fmt"
)

type Report struct {
	DB  *sql.DB
	IDs []int64
}

// String is called by fmt through fmt.Stringer, a dependency's
// interface, when main prints a Report: reported.
func (r *Report) String() string {
	var n int
	for _, id := range r.IDs {
		_ = r.DB.QueryRow("SELECT count(*) FROM items WHERE owner = $1", id).Scan(&n)
	}
	return fmt.Sprint(n)
}
