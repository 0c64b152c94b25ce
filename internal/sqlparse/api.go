// Package sqlparse is sqlheat's only door to a SQL parser.
//
// Every parse, fingerprint and normalization goes through here, on top of
// pg_query_go (the PostgreSQL parser itself, compiled in with cgo). The rest
// of sqlheat never sees pg_query types: it gets small, plain structs that
// say what the checks need to know about a statement (what kind it is,
// which tables it reads, where a `*` stands, which columns are filtered),
// so the parser can change without touching the passes.
//
// SQL written for MySQL or SQLite is first rewritten into PostgreSQL's
// placeholder and quoting syntax by Normalize; each distinct text is parsed
// once per process (see Parse).
package sqlparse

// Kind says what a statement does to the database, which decides how
// costly it is when repeated (reads and writes are ranked differently).
type Kind int

const (
	KindUnknown Kind = iota // not parsed
	KindRead                // SELECT, VALUES, SHOW, EXPLAIN, a WITH whose body reads
	KindWrite               // INSERT, UPDATE, DELETE, MERGE, COPY, a WITH that writes
	KindDDL                 // CREATE, ALTER, DROP, TRUNCATE, COMMENT, GRANT...
	KindOther               // BEGIN, COMMIT, SET, LOCK, LISTEN, NOTIFY...
)

func (k Kind) String() string {
	switch k {
	case KindRead:
		return "read"
	case KindWrite:
		return "write"
	case KindDDL:
		return "ddl"
	case KindOther:
		return "other"
	}
	return "unknown"
}

// Statement is one parsed SQL statement, reduced to what the checks use.
// All Location fields are byte offsets into Statement.SQL (the normalized
// text of this one statement), or -1 when the parser gave none.
type Statement struct {
	SQL string // the statement's normalized text, trimmed
	// Offset is where SQL starts in the normalized text given to Parse
	// (a text may hold several statements), so that a Location can be
	// placed in that text: Offset + Location.
	Offset      int
	Kind        Kind
	Command     string // upper-case verb: "SELECT", "INSERT", "UPDATE", "DELETE", "CREATE TABLE", ...
	Fingerprint string // pg_query fingerprint (hex); equal for statements that differ only in constants
	Tables      []TableRef
	Stars       []Star
	Filters     []Filter
	OrderBy     []ColumnRef // ORDER BY columns of the top-level SELECT
	Limit       bool        // the top-level SELECT has LIMIT / FETCH FIRST
	// LimitCount is the top-level SELECT's LIMIT when it is a constant
	// (LIMIT 10), 0 otherwise (none, LIMIT $1, LIMIT ALL).
	LimitCount int
	// Params is the highest parameter number ($n) the statement uses.
	Params int
	// Many says one execution covers many items: a list parameter
	// (= ANY($1), IN ($1) as drivers expand a slice, unnest($1),
	// json_each(?)), several rows of VALUES, or COPY FROM.
	Many bool
}

// TableRef is a real relation the statement reads or writes (never a CTE
// name, a subquery alias or a set-returning function).
type TableRef struct {
	Schema   string // "" when unqualified
	Name     string // lower-cased unless it was quoted
	Alias    string // "" when none
	Location int
	// Item tells apart the places a statement reads a table from: each
	// FROM (or UPDATE/DELETE target) entry naming a real table has its own
	// number, from 1, which the ColumnRefs resolved to it carry. A self
	// join reads one table as two items.
	Item int
}

// Star is a `*` or `t.*` in a SELECT target list over real tables. It is
// never reported for count(*), COUNT(*) OVER (), RETURNING *, the body of
// EXISTS (SELECT * ...), or a star over a CTE, subquery or function.
type Star struct {
	Qualifier string   // "t" for t.*; "" for a bare *
	Tables    []string // the real tables the star expands to, in FROM order
	Location  int      // offset of the '*' or of the qualifier
}

// ColumnRef is a column, with its table resolved through aliases when the
// statement makes that unambiguous ("" otherwise, and for columns of a
// CTE or subquery). Table is "schema.name" when the query qualifies the
// table, "name" otherwise, as are Star.Tables.
type ColumnRef struct {
	Table    string
	Column   string
	Location int
	// Item is the TableRef.Item the column was resolved to, 0 when it
	// belongs to no real table or could not be resolved.
	Item int
	// Ambiguous is set for an unqualified column of a query level with
	// several FROM items: only the schema can say whose column it is.
	Ambiguous bool
	// Outer is set for a column of an enclosing query level, referred to
	// from a subquery (correlated): in `EXISTS (SELECT 1 FROM b WHERE
	// b.a_id = a.id)` a.id is Outer, and a's rows drive the probes of b,
	// never the other way round.
	Outer bool
}

// Filter is one column compared in WHERE, JOIN ... ON or USING.
type Filter struct {
	Column ColumnRef
	// Op is the comparison: "=", "<>", "<", "<=", ">", ">=", "IN", "ANY",
	// "BETWEEN", "LIKE", "ILIKE", "IS NULL", "IS NOT NULL", or "JOIN" for
	// a column equated to another table's column. Negations are spelled
	// out ("NOT IN", "NOT LIKE", "NOT BETWEEN", "IS NOT DISTINCT FROM";
	// NOT (a = 1) is "<>"), other quantified forms keep their operator
	// ("<> ALL", "LIKE ANY"), and the containment and match operators an
	// index can serve are given as written ("@>", "&&", "@@", "?|", "~").
	// A bare boolean column (WHERE active) is "=" with a "const".
	Op string
	// Func is the function wrapped around the column ("lower" for
	// lower(email) = $1), "" for the bare column. A cast counts as the
	// function of its type, as in PostgreSQL: created_at::date is "date".
	Func string
	// Value says what the column is compared with: "param" ($n), "const",
	// "column", "subquery" or "expr". An expression of parameters and
	// constants only (lower($1), $1::bigint[]) is "param", or "const"
	// without parameters; now() and the like are "expr".
	Value string
	// Pattern is the constant LIKE/ILIKE pattern when known ("%x"), so
	// callers can tell a leading wildcard. A pattern concatenated from
	// constants and parameters ('%' || $1 || '%') has each parameter
	// written as "?": its first byte still says whether it starts with a
	// wildcard.
	Pattern string
	// Literal is the constant compared with, as text ("active", "42",
	// "true"), when Value is "const" and a single constant: a partial
	// index's predicate (WHERE status = 'active') is matched on it.
	Literal string
	// Expr is the canonical text of the column side when it is a
	// function or cast of the column ("lower(email)", "created_at::date"),
	// as an expression index on it would be written; "" for a bare column.
	Expr string
	// Peer is the other column of a comparison of two columns (Value
	// "column"): the other side of a JOIN.
	Peer ColumnRef
	// Params are the numbers of the parameters the column is compared
	// with directly: $2 in `col = $2`, each of `col IN ($1, $2)` and
	// `col BETWEEN $1 AND $2`, the array of `col = ANY($1)`. A parameter
	// inside an expression (lower($1), $1 || '%') is not listed. They
	// say what type a parameter has where PostgreSQL cannot infer it
	// (`$1 IS NULL OR col = $1`).
	Params []int
	// Optional is set when the comparison sits under an OR (or a NOT over
	// an AND), so that rows failing it may still be returned: it does not
	// narrow the scan on its own. Each subquery starts afresh.
	Optional bool
}

// ParseError is a statement the parser refused. Offset is a byte offset
// into the text given to Parse (after Normalize), -1 when unknown.
type ParseError struct {
	Message string
	Offset  int
	// Line is the 1-based line of Offset, 0 when unknown. Normalize never
	// adds or removes a newline, so it is also the line in the text as
	// written, which Offset is not once a placeholder was rewritten.
	Line int
}

func (e *ParseError) Error() string { return e.Message }
