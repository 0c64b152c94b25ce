package a

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// Clauses appended to a list under a condition are sent by some calls
// only: the filter every call sends is reported, with its own index;
// an optional one is not, and an index on one counts as serving, as an
// arm of an OR does.
func Lists(ctx context.Context, db *sql.DB, id int64, note, email *string) {
	where := []string{"customer_id = $1"}
	if note != nil {
		where = append(where, "note = $2")
	}
	db.QueryContext(ctx, "SELECT id FROM orders WHERE "+strings.Join(where, " AND "), id) // want `^no index serves the equality filter on orders\(customer_id\): every call reads the whole table$`

	// Only optional filters, none indexed: a call may send either, or
	// neither; which runs is the caller's choice, not a missing index.
	where = []string{"1 = 1"}
	if note != nil {
		where = append(where, "note = $1")
	}
	db.QueryContext(ctx, "SELECT id FROM orders WHERE "+strings.Join(where, " AND "))

	// An optional filter with an index: silent, as an OR arm is.
	where = []string{"name = $1"}
	if email != nil {
		where = append(where, "email = $2")
	}
	db.QueryContext(ctx, "SELECT id FROM users WHERE "+strings.Join(where, " AND "), id)

	// Appended in the list's own block: every call filters on it.
	cols := []string{"note = $1"}
	cols = append(cols, "status = $2")
	db.QueryContext(ctx, "SELECT id FROM orders WHERE "+strings.Join(cols, " AND "), id) // want `equality filter on orders\(note, status\)`

	// A LIMIT only some calls add: the sort is not one every call limits.
	q := "SELECT id FROM orders ORDER BY created_at DESC"
	if id > 0 {
		q = fmt.Sprintf("%s LIMIT %d", q, id)
	}
	db.QueryContext(ctx, q)
}
