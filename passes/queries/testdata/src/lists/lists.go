// Package lists builds SQL from lists of clauses: optional filters
// appended to a []string and joined, column lists, and helpers that
// return placeholders.
package lists // want `stats: 18 sites, 7 unresolved, 0 unparsed, 0 orm`

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
)

type Find struct {
	ID      *int64
	Name    *string
	Limit   int
	Deleted bool
	IDs     []string
}

func placeholder(n int) string { return "$" + fmt.Sprint(n) }

func placeholders(n int) string {
	list := []string{}
	for i := 0; i < n; i++ {
		list = append(list, placeholder(i+1))
	}
	return strings.Join(list, ", ")
}

func mark(n int) string { return "$" + strconv.Itoa(n) }

// The unconditional clause is a filter of every execution; the clauses
// appended under a condition are optional, and said so.
func List(ctx context.Context, db *sql.DB, find Find) error { // want `issuesQueries\(.*\)`
	where, args := []string{"tenant_id = $1"}, []any{1}
	if v := find.ID; v != nil {
		where, args = append(where, "id = "+placeholder(len(args)+1)), append(args, *v)
	}
	if v := find.Name; v != nil {
		where, args = append(where, "name = "+mark(len(args)+1)), append(args, *v)
	}
	if !find.Deleted {
		where = append(where, "deleted_at IS NULL")
	}
	_, err := db.QueryContext(ctx, "SELECT id, name FROM users WHERE "+strings.Join(where, " AND "), args...) // want `site query read "SELECT id, name FROM users WHERE tenant_id = \$1 AND id = \$2 AND name = \$3 AND deleted_at IS NULL" optional users.id =, users.name =, users.deleted_at IS NULL`
	return err
}

// A column list with an optional column, and as many placeholders as
// arguments: one placeholder stands for the list.
func Create(ctx context.Context, db *sql.DB, name string, id int64) error { // want `issuesQueries\(.*\)`
	fields := []string{"name", "email"}
	args := []any{name, name}
	if id != 0 {
		fields = append(fields, "id")
		args = append(args, id)
	}
	stmt := "INSERT INTO users (" + strings.Join(fields, ", ") + ") VALUES (" + placeholders(len(args)) + ")"
	_, err := db.ExecContext(ctx, stmt, args...) // want `site exec write "INSERT INTO users \(name, email, id\) VALUES \(\$1\)"`
	return err
}

// Items appended in the list's own block run every time: no optional
// clause. A placeholder list built in a loop stands as one placeholder,
// and the IN it fills is a filter of every execution: `IN ()` is never
// sent.
func Fixed(ctx context.Context, db *sql.DB, ids []int64) error { // want `issuesQueries\(.*\)`
	cols := make([]string, 0, 2)
	cols = append(cols, "id")
	cols = append(cols, "name")
	holders := []string{}
	for i := range ids {
		holders = append(holders, mark(i+1))
	}
	_, err := db.QueryContext(ctx, "SELECT "+strings.Join(cols, ", ")+" FROM users WHERE id IN ("+strings.Join(holders, ", ")+")") // want `site query read "SELECT id, name FROM users WHERE id IN \(\$1\)"$`
	return err
}

// The integer's decimal text is a value: LIMIT takes a parameter.
func Page(ctx context.Context, db *sql.DB, find Find) error { // want `issuesQueries\(.*\)`
	where := []string{"tenant_id = $1"}
	if find.Deleted {
		where = append(where, "deleted_at IS NOT NULL")
	}
	_, err := db.QueryContext(ctx, "SELECT id FROM users WHERE "+strings.Join(where, " AND ")+" LIMIT "+strconv.Itoa(find.Limit)) // want `site query read "SELECT id FROM users WHERE tenant_id = \$1 AND deleted_at IS NOT NULL LIMIT \$2" optional users.deleted_at IS NOT NULL`
	return err
}

// Placeholders numbered by Sprintf, a LIMIT added on some paths: the
// statement with all of them, its LIMIT not one every execution has.
func Sprintf(ctx context.Context, db *sql.DB, find Find) error { // want `issuesQueries\(.*\)`
	where, args := []string{"1 = 1"}, []any{}
	if v := find.ID; v != nil {
		where, args = append(where, fmt.Sprintf("id = $%d", len(args)+1)), append(args, *v)
	}
	if v := find.Name; v != nil {
		where, args = append(where, fmt.Sprintf("name = $%d", len(args)+1)), append(args, *v)
	}
	query := "SELECT id FROM users WHERE " + strings.Join(where, " AND ") + " ORDER BY id"
	if find.Limit > 0 {
		query = fmt.Sprintf("%s LIMIT %d", query, find.Limit)
	}
	_, err := db.QueryContext(ctx, query, args...) // want `site query read "SELECT id FROM users WHERE 1 = 1 AND id = \$1 AND name = \$2 ORDER BY id LIMIT \$3" optional users.id =, users.name =`
	return err
}

// Every SET item is optional, the WHERE is not: the update always
// filters on id (a statement with an empty SET list is never sent).
func Update(ctx context.Context, db *sql.DB, find Find) error { // want `issuesQueries\(.*\)`
	set, args := []string{}, []any{}
	if v := find.Name; v != nil {
		set, args = append(set, "name = "+placeholder(len(args)+1)), append(args, *v)
	}
	if find.Deleted {
		set = append(set, "deleted_at = now()")
	}
	args = append(args, find.ID)
	_, err := db.ExecContext(ctx, "UPDATE users SET "+strings.Join(set, ", ")+" WHERE id = "+placeholder(len(args)), args...) // want `site exec write "UPDATE users SET name = \$1, deleted_at = now\(\) WHERE id = \$2"$`
	return err
}

// Every filter optional: none is sent by every execution.
func Any(ctx context.Context, db *sql.DB, find Find) error { // want `issuesQueries\(.*\)`
	var where []string
	if find.ID != nil {
		where = append(where, "id = $1")
	}
	if find.Name != nil {
		where = append(where, "name = $2")
	}
	_, err := db.QueryContext(ctx, "SELECT id FROM users WHERE "+strings.Join(where, " AND ")+" ORDER BY name") // want `site query read "SELECT id FROM users WHERE id = \$1 AND name = \$2 ORDER BY name" optional users.id =, users.name =$`
	return err
}

// Text with `?` placeholders takes `?` for an integer too.
func Question(ctx context.Context, db *sql.DB, find Find) error { // want `issuesQueries\(.*\)`
	where := []string{"tenant_id = ?"}
	if find.ID != nil {
		where = append(where, "id = ?")
	}
	query := "SELECT id FROM users WHERE " + strings.Join(where, " AND ")
	if find.Limit > 0 {
		query = fmt.Sprintf("%s LIMIT %d", query, find.Limit)
	}
	_, err := db.QueryContext(ctx, query) // want `site query read "SELECT id FROM users WHERE tenant_id = \? AND id = \? LIMIT \?" optional users.id =$`
	// A Sprintf argument that does not resolve is a ? as well.
	_, err = db.QueryContext(ctx, fmt.Sprintf("SELECT id FROM users WHERE tenant_id = ? AND id IN (%s)", strings.Join(find.IDs, ","))) // want `site query read "SELECT id FROM users WHERE tenant_id = \? AND id IN \(\?\)"`
	return err
}

// Items written by index are not followed.
func Index(ctx context.Context, db *sql.DB, ids []int64) error { // want `issuesQueries\(.*\)`
	holders := make([]string, len(ids))
	for i := range ids {
		holders[i] = "?"
	}
	_, err := db.QueryContext(ctx, "SELECT id FROM users WHERE id IN ("+strings.Join(holders, ",")+")") // want `site query unknown unresolved: list holders is written by index`
	// len(ids) empty strings, then an item.
	empty := make([]string, len(ids))
	empty = append(empty, "id = $1")
	_, err = db.QueryContext(ctx, "SELECT id FROM users WHERE "+strings.Join(empty, " AND ")) // want `site query unknown unresolved: SQL joins a list made with a length: its items are written by index or copied`
	names := []string{"?"}
	names[0] = "$1"
	_, err = db.QueryContext(ctx, "SELECT id FROM users WHERE name IN ("+strings.Join(names, ",")+")") // want `site query unknown unresolved: list names is written by index`
	return err
}

// Text appended with += under a condition is an optional clause too.
func Appended(ctx context.Context, db *sql.DB, find Find) error { // want `issuesQueries\(.*\)`
	q := "SELECT id FROM users WHERE tenant_id = $1"
	if find.ID != nil {
		q += " AND id = $2"
	}
	q += " AND deleted_at IS NULL"
	_, err := db.QueryContext(ctx, q) // want `site query read "SELECT id FROM users WHERE tenant_id = \$1 AND id = \$2 AND deleted_at IS NULL" optional users.id =$`
	return err
}

// Long concatenations in the items, LIMIT and OFFSET nested: the
// resolver's depth goes through variables and calls, not through +.
func Nested(ctx context.Context, db *sql.DB, find Find) error { // want `issuesQueries\(.*\)`
	where, args := []string{"1 = 1"}, []any{}
	if find.ID != nil {
		if *find.ID == 0 {
			where, args = append(where, "(name IS NULL OR name = "+placeholder(len(args)+1)+" OR email = "+placeholder(len(args)+1)+")"), append(args, 1)
		} else {
			where, args = append(where, "name = "+placeholder(len(args)+1)), append(args, 1)
		}
	}
	query := "SELECT id FROM users WHERE " + strings.Join(where, " AND ") + " ORDER BY id DESC"
	if find.Limit > 0 {
		query = fmt.Sprintf("%s LIMIT %d", query, find.Limit)
		if find.Deleted {
			query = fmt.Sprintf("%s OFFSET %d", query, find.Limit)
		}
	}
	_, err := db.QueryContext(ctx, query, args...) // want `site query read "SELECT id FROM users WHERE 1 = 1 AND \(name IS NULL OR name = \$1 OR email = \$2\) AND name = \$3 ORDER BY id DESC LIMIT \$4 OFFSET \$5"`
	return err
}

// A list from the caller: its items are not known here.
func Where(ctx context.Context, db *sql.DB, where []string) error { // want `issuesQueries\(.*\)`
	_, err := db.QueryContext(ctx, "SELECT id FROM users WHERE "+strings.Join(where, " AND ")) // want `site query unknown unresolved: SQL joins parameter where, whose items the caller chooses`
	return err
}

// An item that is not constant makes the statement unknown.
func Columns(ctx context.Context, db *sql.DB, col string) error { // want `issuesQueries\(.*\)`
	cols := []string{"id"}
	cols = append(cols, col)
	_, err := db.QueryContext(ctx, "SELECT "+strings.Join(cols, ", ")+" FROM users") // want `site query unknown unresolved: SQL is built from a parameter \(parameter col\)`
	return err
}

// A table name from a variable stays unresolved, list or not.
func Table(ctx context.Context, db *sql.DB, table string) error { // want `issuesQueries\(.*\)`
	where := []string{"id = $1"}
	_, err := db.QueryContext(ctx, "SELECT id FROM "+table+" WHERE "+strings.Join(where, " AND "), 1) // want `site query unknown unresolved: SQL is built from a parameter \(parameter table\)`
	return err
}

// A list another function appends to, through a pointer.
func Pointer(ctx context.Context, db *sql.DB, find Find) error { // want `issuesQueries\(.*\)`
	where := []string{"id = $1"}
	more(&where)
	_, err := db.QueryContext(ctx, "SELECT id FROM users WHERE "+strings.Join(where, " AND "), 1) // want `site query unknown unresolved: list where is written through a pointer`
	return err
}

func more(where *[]string) { *where = append(*where, "name = 'x'") }
