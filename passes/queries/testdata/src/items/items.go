// Package items formats a loop's item into SQL text: where the item names
// the table, column or function, each item is another statement and the
// loop runs a list of statements; where it is a value, the loop runs one
// statement per item. The text is the same either way.
package items // want `stats: 5 sites, 0 unresolved, 2 unparsed, 0 orm`

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
)

type Key struct{ UserID, AdminID int64 }

func Purge(ctx context.Context, db *sql.DB, tables []string, cols []string, tenant int64) { // want `issuesQueries\(read×1 .*, read×1 .*, write DELETE FROM \$2 WHERE tenant_id = \$1 @items.go:19, read SELECT count\(\*\) FROM users WHERE \$1 IS NULL @items.go:23\)`
	for _, table := range tables {
		db.ExecContext(ctx, fmt.Sprintf("DELETE FROM %s WHERE tenant_id = $1", table), tenant) // want `site exec write "DELETE FROM \$2 WHERE tenant_id = \$1" unparsed in statements loop`
	}
	for _, c := range cols {
		name := strings.ToLower(c)
		db.QueryRowContext(ctx, fmt.Sprintf("SELECT count(*) FROM users WHERE %s IS NULL", name)) // want `site query read "SELECT count\(\*\) FROM users WHERE \$1 IS NULL" in statements loop`
	}
	for _, c := range cols {
		db.QueryRowContext(ctx, fmt.Sprintf("SELECT id FROM users WHERE name = '%s'", c)) // want `site query read "SELECT id FROM users WHERE name = '\$1'" in data loop`
	}
	for shard := 0; shard < len(tables); shard++ {
		// The counter is not its initial value inside the loop.
		db.QueryRowContext(ctx, fmt.Sprintf("SELECT count(*) FROM events WHERE shard = %d", shard)) // want `site query read "SELECT count\(\*\) FROM events WHERE shard = \$1" in data loop`
	}
}

// Related builds a list of the keys in a loop and reads it once, after
// the loop: the list does not vary per item of that loop, and the two
// functions build the same statement.
func Related(ctx context.Context, db *sql.DB, keys []Key, users bool) { // want `issuesQueries\(read SELECT id, name FROM accounts WHERE id IN \$1 @items.go:44\)`
	var q string
	if users {
		q = usersOf(keys)
	} else {
		q = adminsOf(keys)
	}
	db.QueryContext(ctx, q) // want `site query read "SELECT id, name FROM accounts WHERE id IN \$1"`
}

func usersOf(keys []Key) string {
	var sb strings.Builder
	for _, k := range keys {
		sb.WriteString(strconv.FormatInt(k.UserID, 10))
	}
	return fmt.Sprintf("SELECT id, name FROM accounts WHERE id IN %s", sb.String())
}

func adminsOf(keys []Key) string {
	var sb strings.Builder
	for _, k := range keys {
		sb.WriteString(strconv.FormatInt(k.AdminID, 10))
	}
	return fmt.Sprintf("SELECT id, name FROM accounts WHERE id IN %s", sb.String())
}
