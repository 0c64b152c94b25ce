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
	for _, id := range r.ids() {
		_ = r.DB.QueryRow("SELECT count(*) FROM items WHERE owner = $1", id).Scan(&n)
	}
	return fmt.Sprint(n)
}

// ids are the rows' ids: as many as the table holds.
func (r *Report) ids() []int64 {
	rows, err := r.DB.Query("SELECT id FROM posts")
	if err != nil {
		return nil
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if rows.Scan(&id) == nil {
			out = append(out, id)
		}
	}
	return out
}
