// Package tenant is a service's helpers that scope, filter, sort and page
// the SQL they are given, returning it with text appended: appenders,
// whose Appends facts let other packages see the statement given. The
// helpers that may return another string, or something made from the
// text, are none.
package tenant // want `stats: 1 sites, 0 unresolved, 0 unparsed, 0 orm`

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strings"
)

type key struct{}

// ID is the tenant the context carries, if any.
func ID(ctx context.Context) *string {
	id, _ := ctx.Value(key{}).(string)
	if id == "" {
		return nil
	}
	return &id
}

// Scope appends the tenant's condition, when there is a tenant, with
// WHERE or AND as the text holds a WHERE already: what it appends varies.
func Scope(ctx context.Context, query string, params ...any) (string, []any) { // want `appends\(1, varies\)`
	id := ID(ctx)
	if id == nil {
		return query, params
	}
	condition := fmt.Sprintf(" %s tenant_id = $%d", prefix(query), len(params)+1)
	return query + condition, append(params, *id)
}

// ScopeWithPrefix is Scope for a table with an alias; its second string
// is no part of the statement given.
func ScopeWithPrefix(ctx context.Context, query string, alias string, params ...any) (string, []any) { // want `appends\(1, varies\)`
	id := ID(ctx)
	if id == nil {
		return query, params
	}
	query += fmt.Sprintf(" %s %stenant_id = $%d", prefix(query), alias, len(params)+1)
	return query, append(params, *id)
}

func prefix(query string) string {
	p := "WHERE"
	if strings.Contains(strings.ToLower(query), "where") {
		p = "AND"
	}
	return p
}

// Search appends the condition it is given when there is something to
// search for.
func Search(sql, condition, query string, params []any) (string, []any) { // want `appends\(0, varies\)`
	if query == "" {
		return sql, params
	}
	sql += condition
	params = append(params, "%"+query+"%")
	return sql, params
}

// Sort appends an ORDER BY of a column looked up at run time.
func Sort(sql, sortBy, direction string, fields map[string]string) string { // want `appends\(0, varies\)`
	dir := "DESC"
	if strings.ToLower(direction) == "asc" {
		dir = "ASC"
	}
	return fmt.Sprintf("%s ORDER BY %s %s", sql, fields[sortBy], dir)
}

// Page appends the same constant text on every path: kept.
func Page(sql string) string { // want `appends\(0, " LIMIT \$1 OFFSET \$2"\)`
	return sql + " LIMIT $1 OFFSET $2"
}

// Latest appends a constant clause on some paths: kept, as optional.
func Latest(sql string, one bool) string { // want `appends\(0, " LIMIT 1", must ""\)`
	if one {
		sql = fmt.Sprintf("%s LIMIT %d", sql, 1)
	}
	return sql
}

// Filter appends a condition of its caller's on some paths: it varies.
func Filter(sql, cond string) string { // want `appends\(0, varies\)`
	if cond != "" {
		sql = sql + " WHERE " + cond
	}
	return sql
}

// Joined appends a join on every path, then a condition on some: the
// join is kept, the condition dropped.
func Joined(sql, cond string) string { // want `appends\(0, " JOIN owners o ON o.id = p.owner_id", varies\)`
	sql += " JOIN owners o ON o.id = p.owner_id"
	if cond != "" {
		sql = sql + " WHERE " + cond
	}
	return sql
}

// ScopedOr scopes the SQL, then may give back another statement: no
// appender.
func ScopedOr(ctx context.Context, query string) string {
	q, _ := Scope(ctx, query)
	if ID(ctx) == nil {
		q = "SELECT 1"
	}
	return q
}

// WithSequence fills the sequence's name in the SQL it is given: the
// template as written, as for a constant (the name is not known).
func WithSequence(sql string, testID string) string { // want `appends\(0, ""\)`
	seq := "runs_" + hash(testID) + "_seq"
	return strings.ReplaceAll(sql, "%sequence_name%", seq)
}

// Rename puts a table of its caller's choosing in the place of another
// in the text: no appender.
func Rename(sql, table string) string {
	return strings.ReplaceAll(sql, "users", table)
}

// Counted returns another statement when asked to count: no appender.
func Counted(sql string, count bool) string {
	if count {
		return "SELECT count(*) FROM users"
	}
	return sql
}

// Wrapped builds a new statement around the one given on some path: no
// appender.
func Wrapped(sql string, count bool) string {
	if count {
		return "SELECT count(*) FROM (" + sql + ") AS q"
	}
	return sql + " LIMIT 10"
}

// Reset may give back another statement, then appends to it: no
// appender.
func Reset(sql string, all bool) string {
	if all {
		sql = "SELECT id FROM users"
	}
	return sql + " LIMIT 10"
}

// hash makes something else of the text: no appender.
func hash(sql string) string {
	h := sha256.Sum256([]byte(sql))
	return hex.EncodeToString(h[:])
}

// Key is hash, exported.
func Key(sql string) string { return hash(sql) }

// Quote puts its first string between two copies of its second: the
// second is not appended to, it comes again.
func Quote(s, quote string) string {
	return fmt.Sprintf("%s%s%s", quote, s, quote)
}

// Format takes the SQL as a format: its verbs take the arguments.
func Format(sql string, args ...any) string {
	return fmt.Sprintf(sql, args...)
}

// Exists is a query of the package, with one of its helpers.
func Exists(ctx context.Context, db *sql.DB, table string) (ok bool) { // want `issuesQueries\(.*\)`
	q, params := Scope(ctx, "SELECT count(*) > 0 FROM settings WHERE name = $1", table)
	db.QueryRowContext(ctx, q, params...).Scan(&ok) // want `site query read "SELECT count\(\*\) > 0 FROM settings WHERE name = \$1"`
	return ok
}
