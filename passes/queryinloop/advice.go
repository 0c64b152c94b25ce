package queryinloop

import (
	"fmt"
	"strings"

	"github.com/sqlheat/sqlheat/internal/dialect"
	"github.com/sqlheat/sqlheat/passes/queries"
)

// The advice of a finding (its fix, apart from the message) is written
// for the statement at hand: what it does (read, insert, update, delete),
// what runs it (raw SQL through database/sql, sqlx or pgx, an sqlc query,
// gorm or bun), and the database's dialect. Advice the program cannot
// follow is worse than none: "= ANY($1)" to a SQLite program, "multi-row
// INSERT" for a DELETE, "add a variant that takes all the items" to a
// call of that variant.

// advice is what to do about statement q run once per item of the loop
// over over: by the loop itself (callee ""), or by callee, a function the
// loop calls per item, whose implementations are impls, and which runs n
// queries per call, q the first, or, when reach is more than 0, n of the
// reach statements its branches run.
type advice struct {
	q      queries.Query
	over   string
	callee string
	impls  []string
	n      int
	reach  int
	// same says the call passes nothing the loop makes anew per item
	// (see sameEachItem): each item runs the same statements with the
	// same arguments, and the fix is to run it once, not to batch.
	same bool
}

// fix is the advice, one line, lowercase, no final period.
func (a advice) fix() string {
	q := a.q
	kind := q.Kind
	if a.same {
		return a.hoist()
	}
	if a.callee != "" && (a.n > 1 || a.reach > 0) {
		return a.several()
	}
	if kind == "unknown" || kind == "" {
		if a.callee != "" {
			return fmt.Sprintf("give %s a variant that reads or writes all the items in one statement, and call that once", a.name())
		}
		return "read or write all the items in one statement before or after the loop (a list of keys, or rows of VALUES)"
	}
	if q.Many { // never advise what the statement already does
		what := "the keys of all items of " + a.over
		if kind == "write" {
			what = "the items of all " + a.over
		}
		if a.callee != "" {
			return fmt.Sprintf("call it once with %s, not once per item: it takes a list already", what)
		}
		return fmt.Sprintf("run it once with %s, not once per item: it takes a list already", what)
	}
	v, how := a.verb(), a.how()
	var b strings.Builder
	switch {
	case q.Lib == "sqlc" && (a.callee == "" || strings.HasSuffix(a.callee, "."+q.Name)):
		// sqlc's own method: the variant is a query of the query file.
		fmt.Fprintf(&b, "add a query like %s that %s (%s) and call it once", q.Name, v.third, how)
	case a.callee != "":
		fmt.Fprintf(&b, "add a variant of %s", a.name())
		if len(a.impls) > 0 {
			fmt.Fprintf(&b, " (in %s)", strings.Join(a.impls, ", "))
		}
		fmt.Fprintf(&b, " that %s (%s) and call it once", v.third, how)
	case kind == "read":
		fmt.Fprintf(&b, "%s before the loop (%s) and match them to the items in Go", v.base, how)
	default:
		fmt.Fprintf(&b, "%s: %s", v.base, how)
	}
	if kind == "read" && (a.callee != "" || q.Lib == "sqlc") {
		b.WriteString(" before the loop")
	}
	if alt := a.instead(); alt != "" {
		b.WriteString("; " + alt)
	}
	return b.String()
}

// hoist is the advice for a call each item runs alike: once, above the
// loop (or, for a write, once before or after it).
func (a advice) hoist() string {
	what := "the query"
	if a.callee != "" {
		what = "the call of " + a.name()
	}
	when := "once above the loop and reuse its result"
	if a.q.Kind == "write" {
		when = "once, before or after the loop"
	}
	return fmt.Sprintf("hoist %s out of the loop: it passes nothing that changes per item, so each item of %s runs the same statement with the same arguments; run it %s", what, a.over, when)
}

// several is the advice for a callee running several queries per call:
// one variant running each once for all the items, how for the first.
func (a advice) several() string {
	var b strings.Builder
	fmt.Fprintf(&b, "add a variant of %s", a.name())
	if len(a.impls) > 0 {
		fmt.Fprintf(&b, " (in %s)", strings.Join(a.impls, ", "))
	}
	if a.reach > 0 {
		// Which statements depends on the branch: each branch's once.
		b.WriteString(" that takes all the items and runs each query its branches need once for all of them")
	} else {
		fmt.Fprintf(&b, " that takes all the items and runs each of its %d queries once for all of them", a.n)
	}
	switch q := a.q; {
	case q.Kind == "unknown" || q.Kind == "" || q.Table == "":
		// Nothing to say of the first: a lock, SELECT 1, SQL not known.
	case q.Many:
		fmt.Fprintf(&b, " (the first, %s, takes a list already)", queryName(q))
	case strings.HasPrefix(a.how(), q.Cmd+" "):
		fmt.Fprintf(&b, " (the first: %s)", a.how()) // says which it is
	default:
		fmt.Fprintf(&b, " (the first, %s: %s)", queryName(q), a.how())
	}
	b.WriteString(", and call it once")
	return b.String()
}

// name is the callee as the fix names it: whole, unless generated code
// made it longer than a reader takes in.
func (a advice) name() string {
	if len([]rune(a.callee)) > 60 {
		return clip(shortName(a.callee), 60)
	}
	return a.callee
}

// verb says what running the statement for all items does.
type verb struct{ base, third string }

func (a advice) verb() verb {
	if a.q.Kind == "read" {
		return verb{"fetch the rows of all items in one query", "fetches the rows of all items in one query"}
	}
	switch a.q.Cmd {
	case "INSERT":
		return verb{"insert all rows in one statement", "inserts all rows in one statement"}
	case "UPDATE":
		return verb{"update all rows in one statement", "updates all rows in one statement"}
	case "DELETE":
		return verb{"delete all rows in one statement", "deletes all rows in one statement"}
	}
	return verb{"write all rows in one statement", "writes all rows in one statement"}
}

// how is the clause, call or statement that runs q for all items at
// once, in q's library and dialect.
func (a advice) how() string {
	q := a.q
	same := q.Key != "" && q.Params == 1 // one parameter, the key: the same for every item
	switch {
	case q.Kind == "read", (q.Cmd == "UPDATE" || q.Cmd == "DELETE") && same:
		return a.keys()
	case q.Cmd == "INSERT":
		return a.insert()
	case q.Cmd == "UPDATE":
		return a.update()
	case q.Cmd == "DELETE":
		return a.deleteRows()
	}
	// A write whose statement is not known: the two ways there are.
	switch q.Lib {
	case "gorm":
		if q.GormV1 {
			return gormV1Writes
		}
		return "Create, Save or Delete with the slice"
	case "bun":
		return "the query's Model(&rows) with the slice"
	case "xorm":
		return "Insert(&rows) with the slice, or In(key, keys) on the update or delete"
	case "ent":
		return "CreateBulk(builders...) for the rows, or the field's In predicate (Where(x.FieldIn(keys...))) on the update or delete"
	}
	if q.Dialect == dialect.Postgres {
		return "WHERE key = ANY($1) for the keys, or unnest($1::type[], ...) for the rows"
	}
	return "WHERE key IN (...) for the keys, or rows of VALUES"
}

// keys is the filter that matches the keys of all items.
func (a advice) keys() string {
	q := a.q
	key := q.Key
	if key == "" {
		key = "key"
	}
	table := q.Table
	if table == "" {
		table = "table"
	}
	in := key + " IN ?"
	if q.GormV1 {
		in = key + " IN (?)" // v1 writes the list without parentheses
	}
	switch q.Lib {
	case "gorm":
		switch q.Cmd {
		case "UPDATE":
			return fmt.Sprintf("Where(%q, keys).Updates(...)", in)
		case "DELETE":
			return fmt.Sprintf("Where(%q, keys).Delete(...)", in)
		}
		return fmt.Sprintf("Where(%q, keys).Find(&rows)", in)
	case "bun":
		return fmt.Sprintf(`Where("%s IN (?)", bun.In(keys))`, key)
	case "xorm":
		switch q.Cmd {
		case "UPDATE":
			return fmt.Sprintf("In(%q, keys).Update(...)", key)
		case "DELETE":
			return fmt.Sprintf("In(%q, keys).Delete(...)", key)
		}
		return fmt.Sprintf("In(%q, keys).Find(&rows)", key)
	case "ent":
		// ent's predicate of a column is its field's name with In
		// (user_id: UserIDIn); an edge's rows load with the items
		// through With<Edge>() on the query that reads them.
		pred := fmt.Sprintf("the In predicate of %s (Where(x.FieldIn(keys...)))", key)
		switch q.Cmd {
		case "UPDATE":
			return "Update() with " + pred
		case "DELETE":
			return "Delete() with " + pred
		}
		return pred + ", or With<Edge>() on the query that reads the items"
	case "sqlc":
		if q.Dialect == dialect.Postgres || q.Dialect == "" {
			return fmt.Sprintf("WHERE %s = ANY(@%ss::type[])", key, key)
		}
		return fmt.Sprintf("WHERE %s IN (sqlc.slice(%ss))", key, key)
	}
	var where string
	switch q.Dialect {
	case dialect.Postgres:
		where = fmt.Sprintf("WHERE %s = ANY($1) with the keys as one array", key)
	case dialect.MySQL:
		where = fmt.Sprintf("WHERE %s IN (?, ?, ...) with a placeholder per key", key)
		if q.Lib == "sqlx" {
			where = fmt.Sprintf("WHERE %s IN (?) expanded by sqlx.In", key)
		}
	case dialect.SQLite:
		where = fmt.Sprintf("WHERE %s IN (SELECT value FROM json_each(?)) with the keys as a JSON array", key)
	default:
		where = fmt.Sprintf("WHERE %s IN (...) with the keys of all items", key)
	}
	switch q.Cmd {
	case "UPDATE":
		return fmt.Sprintf("UPDATE %s SET ... %s", table, where)
	case "DELETE":
		return fmt.Sprintf("DELETE FROM %s %s", table, where)
	}
	return where + ", or a JOIN"
}

// insert is how to insert all rows in one statement.
func (a advice) insert() string {
	q := a.q
	table := orWord(q.Table, "table")
	switch {
	case q.Lib == "gorm" && q.GormV1:
		return gormV1Writes
	case q.Lib == "gorm":
		return "Create(&rows) with the slice, or CreateInBatches(&rows, 500)"
	case q.Lib == "bun":
		return "NewInsert().Model(&rows) with the slice"
	case q.Lib == "xorm":
		return "Insert(&rows) with the slice (one INSERT of all rows)"
	case q.Lib == "ent":
		return "CreateBulk(builders...).Save(ctx) with a builder per item (one INSERT of all rows)"
	case q.Lib == "sqlc":
		switch q.Dialect {
		case dialect.MySQL:
			return "a :copyfrom query (LOAD DATA)"
		case dialect.SQLite:
			return "rows of VALUES, or the loop in one transaction with WithTx"
		}
		return fmt.Sprintf("INSERT INTO %s SELECT * FROM unnest(@col1::type[], ...), or a :copyfrom query", table)
	}
	switch q.Dialect {
	case dialect.Postgres:
		return fmt.Sprintf("INSERT INTO %s (...) SELECT * FROM unnest($1::type[], $2::type[], ...) with one array per column, or rows of VALUES", table)
	case dialect.SQLite:
		return fmt.Sprintf("INSERT INTO %s (...) VALUES (?, ?), (?, ?), ..., or the loop in one transaction with a prepared statement", table)
	}
	if q.Dialect == dialect.MySQL {
		return fmt.Sprintf("INSERT INTO %s (...) VALUES (?, ?), (?, ?), ... with a row per item", table)
	}
	return fmt.Sprintf("INSERT INTO %s (...) VALUES (...), (...), ... with a row per item", table)
}

// update is how to update all rows, each with its own values, in one
// statement.
func (a advice) update() string {
	q := a.q
	table, key := orWord(q.Table, "t"), orWord(q.Key, "key")
	switch q.Lib {
	case "gorm":
		if q.GormV1 {
			return gormV1Writes
		}
		return "Save(&rows) with the slice (one INSERT ... ON CONFLICT DO UPDATE)"
	case "bun":
		return "NewUpdate().Model(&rows).Column(...).Bulk() with the slice"
	case "ent":
		return fmt.Sprintf("CreateBulk(builders...).OnConflictColumns(%q).UpdateNewValues() (ent's sql/upsert feature), or UPDATE %s ... FROM rows of VALUES joined on %s", key, table, key)
	case "sqlc":
		if q.Dialect == dialect.Postgres || q.Dialect == "" {
			return fmt.Sprintf("UPDATE %s SET ... FROM unnest(@%ss::type[], @values::type[]) AS v(%s, value) WHERE %s.%s = v.%s, or :batchexec", table, key, key, table, key, key)
		}
		return "the loop in one transaction with WithTx"
	}
	switch q.Dialect {
	case dialect.Postgres:
		return fmt.Sprintf("UPDATE %s SET col = v.col FROM unnest($1::type[], $2::type[]) AS v(%s, col) WHERE %s.%s = v.%s", table, key, table, key, key)
	case dialect.MySQL:
		return fmt.Sprintf("UPDATE %s JOIN (VALUES ROW(?, ?), ...) AS v(%s, col) ON %s.%s = v.%s SET %s.col = v.col", table, key, table, key, key, table)
	case dialect.SQLite:
		return fmt.Sprintf("UPDATE %s SET col = v.column2 FROM (VALUES (?, ?), ...) AS v WHERE %s.%s = v.column1, or the loop in one transaction", table, table, key)
	}
	return fmt.Sprintf("UPDATE %s ... FROM rows of VALUES joined on %s", table, key)
}

// deleteRows is how to delete rows matched on several parameters in one
// statement.
func (a advice) deleteRows() string {
	q := a.q
	table := orWord(q.Table, "table")
	switch q.Lib {
	case "gorm":
		if q.GormV1 {
			break // v1 deletes no slice: the SQL below, with Exec
		}
		return "Delete(&rows) with the slice"
	case "bun":
		return "NewDelete().Model(&rows).WherePK() with the slice"
	case "sqlc":
		if q.Dialect == dialect.Postgres || q.Dialect == "" {
			return fmt.Sprintf("DELETE FROM %s USING unnest(@a::type[], @b::type[]) AS v(a, b) WHERE ...", table)
		}
	}
	if q.Dialect == dialect.Postgres {
		return fmt.Sprintf("DELETE FROM %s USING unnest($1::type[], $2::type[]) AS v(a, b) WHERE %s.a = v.a AND %s.b = v.b", table, table, table)
	}
	return fmt.Sprintf("DELETE FROM %s WHERE (a, b) IN ((?, ?), (?, ?), ...)", table)
}

// instead is a second way, when the library has one: pgx sends many
// statements in one round trip; gorm and bun load an association of
// many rows with one query more.
func (a advice) instead() string {
	switch {
	case a.q.Lib == "pgx":
		return "or queue the statements on one pgx.Batch and send it once"
	case a.q.Kind != "read" || a.callee != "":
		// An association is loaded where the items are: not in a
		// function the loop calls.
	case a.q.Lib == "gorm":
		return "or Preload the association on the query that loads " + a.over
	case a.q.Lib == "bun":
		return "or load it with Relation on the query that loads " + a.over
	}
	return ""
}

// gormV1Writes is how gorm v1, which has no batch Create or Save,
// writes many rows at once.
const gormV1Writes = "one Exec of the statement for all rows (gorm v1 has no batch Create or Save), or the loop in one transaction (tx := db.Begin())"

func orWord(s, word string) string {
	if s == "" {
		return word
	}
	return s
}
