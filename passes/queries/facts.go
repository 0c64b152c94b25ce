package queries

import (
	"fmt"
	"strings"
)

// IssuesQueries is attached to a function that issues queries each time it
// is called, directly or through its callees in any package. It is what
// lets a loop in package api see that store.(*Store).User runs a query.
//
// Facts are gob-encoded between packages (go vet writes them to disk), so
// they hold strings and small numbers only, and are capped in size.
type IssuesQueries struct {
	Queries []Query
	// More counts queries dropped by the cap; they still count per call.
	More int
}

// Query is one query a function issues per call.
type Query struct {
	Site        string // "file.go:line" of the execution (base file name, for determinism across machines)
	Pkg         string // import path of the package holding the site
	SQL         string // abbreviated statement text, "" when unresolved or built by an ORM
	Fingerprint string // pg_query fingerprint, "" when not parsed
	Kind        string // "read", "write", "ddl", "other", or "unknown"
	// Loop is how many data loops, from the function down to the site,
	// enclose the query: 0 means once per call, 1 once per item, 2 once per
	// item of an item...
	Loop int
	// Via is the chain of calls from the function (exclusive) to the one
	// holding the site (inclusive), as short names: ["store.(*Store).Items"].
	Via []string
	// Ctx is the context the query runs with, relative to the function:
	// CtxParam (what its caller passes), CtxBackground, CtxNone (an API
	// without one) or CtxUnknown.
	Ctx string
	// Name and Source name the query and its block ("GetAuthor",
	// "db/query.sql:12", the file relative to the module root) when its SQL
	// comes from a .sql file: messages call it so, rather than by the Go
	// constant sqlc generated from it.
	Name   string
	Source string
	// Once says the query fills a cache (in sync.Once's Do, under
	// if x == nil { x = ... }, or on the miss of a long-lived keyed
	// cache, see cache.go): it runs once (per key), however often and in
	// whatever loops the function is called.
	Once bool
	// KeyFrom says, of a query that fills a keyed cache (Once), what
	// the key is computed from (see keyflow.go): 0 nothing that varies
	// from call to call (a constant, a package-level value; or no key:
	// sync.Once, if x == nil), else a mask of the function's parameters
	// (bit n for its parameter n, the receiver first, for a method), or
	// -1 something else (a closure's parameter). A call in a loop that
	// passes one of them what the loop makes anew per item runs the
	// query per item.
	KeyFrom int
	// Shape is what advice about running the query for many items at
	// once needs to know of it.
	Shape
}

// Shape is what a check advising how to run a query once for many items
// must know of it, so that the advice is SQL, or a call, that the
// program's library and database accept, and never what the query does
// already. Its fields are "" (false) when unknown.
type Shape struct {
	Cmd   string // the first statement's command: "SELECT", "INSERT", "UPDATE", "DELETE", ...
	Table string // the table the statement reads or writes first
	// Or is the command of the statement on the same table a call may
	// send instead, when the code does not say which (a Save of a value
	// made elsewhere: UPDATE, or INSERT); "" when none.
	Or string
	// Key is the column the statement looks one item up by: the only
	// column compared for equality with a parameter (or with a list,
	// when Many).
	Key string
	// Lib is what runs the query: "database/sql", "sqlx", "pgx",
	// "gorm", "bun", "xorm" (the ORM's generated SQL), or "sqlc" (a query of an
	// sqlc query file).
	Lib string
	// GormV1 says Lib "gorm" is gorm v1 (github.com/jinzhu/gorm): it has
	// no batch Create or Save, and writes a list bound to ? without the
	// parentheses (IN (?)).
	GormV1  bool
	Dialect string // dialect.Postgres, MySQL or SQLite
	// Many says one execution already covers many items (Site.Many).
	Many bool
	// Params is the highest parameter number of the statement: an
	// UPDATE or DELETE whose one parameter is its key does the same to
	// every item.
	Params int
	// Limit is the statement's constant LIMIT (sqlparse's LimitCount):
	// a loop over its rows runs at most that many times.
	Limit int
}

// maxQueries bounds a fact: a function reaching hundreds of queries (a
// router set-up, a migration runner) is summarized by its count.
const maxQueries = 24

// maxVia bounds the recorded call chain.
const maxVia = 4

func (*IssuesQueries) AFact() {}

func (f *IssuesQueries) String() string { return FormatQueries("issuesQueries", f.Queries, f.More) }

// FormatQueries prints a fact holding queries, as tests assert it:
// name(q1, q2, +n more).
func FormatQueries(name string, qs []Query, more int) string {
	var b strings.Builder
	b.WriteString(name + "(")
	for i, q := range qs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(q.String())
	}
	if more > 0 {
		fmt.Fprintf(&b, ", +%d more", more)
	}
	b.WriteString(")")
	return b.String()
}

func (q Query) String() string {
	var b strings.Builder
	b.WriteString(q.Kind)
	if q.Loop > 0 {
		fmt.Fprintf(&b, "×%d", q.Loop)
	}
	b.WriteString(" ")
	if q.SQL != "" {
		b.WriteString(q.SQL)
	} else {
		b.WriteString("?")
	}
	b.WriteString(" @" + q.Site)
	if q.Once {
		b.WriteString(" once")
		if q.KeyFrom != 0 {
			fmt.Fprintf(&b, " by %v", Params(q.KeyFrom))
		}
	}
	if q.Name != "" {
		b.WriteString(" = " + q.Name + " @" + q.Source)
	}
	if len(q.Via) > 0 {
		b.WriteString(" via " + strings.Join(q.Via, " > "))
	}
	return b.String()
}

// SQLParam is attached to a user's query wrapper: a function whose string
// parameter Index is executed as SQL, such as
//
//	func (s *Store) query(ctx context.Context, q string, args ...any) (*sql.Rows, error)
//
// Calls to it become query sites with the SQL text of their argument.
//
// The parameter may also be a prepared statement the wrapper runs
// (Stmt): calls pass the statement, whose SQL travels with it; or a
// query builder whose ToSql the wrapper runs (Builder), such as
//
//	func (r repo) queryOne(sq squirrel.Sqlizer, out any) error
//
// calls pass the chain, whose statement is rebuilt at the call.
type SQLParam struct {
	Index   int    // parameter index (receiver excluded)
	Role    string // "query", "exec", ... of the call the parameter reaches
	Write   bool   // the wrapper's call is an exec
	Ctx     string // the context the wrapper's own call runs with, as in Query.Ctx
	Stmt    bool   // the parameter is a prepared statement, not SQL text
	Builder bool   // the parameter is a query builder, not SQL text
}

func (*SQLParam) AFact() {}

func (f *SQLParam) String() string {
	if f.Builder {
		return fmt.Sprintf("sqlParam(%d, %s, builder)", f.Index, f.Role)
	}
	return fmt.Sprintf("sqlParam(%d, %s)", f.Index, f.Role)
}

// SQLText is attached to a package-level string variable that holds SQL
// text fixed at initialization (never reassigned in its package), so other
// packages can resolve it like a constant.
type SQLText struct{ SQL string }

func (*SQLText) AFact() {}

func (f *SQLText) String() string { return fmt.Sprintf("sqlText(%q)", Abbreviate(f.SQL, 60)) }

// Rewrites is attached to an exported function or method that rewrites
// its string parameter Param and returns it, keeping the statement (a
// dialect translation, placeholders rebound for the database in use):
//
//	func (c *Context) Bind(sql string) string {
//		return sqlx.Rebind(c.bindType(), sql)
//	}
//
// A call of it in another package, c.Bind("SELECT ..."), or s.Bind(...)
// through a struct embedding Context, is the statement it is given.
type Rewrites struct{ Param int }

func (*Rewrites) AFact() {}

func (f *Rewrites) String() string { return fmt.Sprintf("rewrites(%d)", f.Param) }

// Appends is attached to an exported function or method whose string
// result (its first) is its string parameter Param with text appended
// on some paths or none: a tenant's scoping condition, a search filter,
// an ORDER BY of a column chosen at run time, returned with the
// arguments to go with them:
//
//	func Tenant(ctx context.Context, query string, params ...any) (string, []any) {
//		if id := TenantID(ctx); id != nil {
//			return query + fmt.Sprintf(" AND tenant_id = $%d", len(params)+1), append(params, *id)
//		}
//		return query, params
//	}
//
// A call of it in another package is the statement it is given, followed
// by Suffix when every path appends that same text and it is constant
// (Must is Suffix without the clauses only some executions add, as a
// variable's conditional appends are, see variable); when the paths
// append, after Suffix, different or unknown text (Varies), that is
// dropped: the statement is the one given, its kind and tables those of
// the text the caller wrote.
type Appends struct {
	Param        int
	Suffix, Must string
	Varies       bool
}

func (*Appends) AFact() {}

func (f *Appends) String() string {
	// A number formatted into the text (see number) shows as "…".
	num := func(s string) string { return strings.ReplaceAll(s, numberMark, "…") }
	switch {
	case f.Varies && f.Suffix == "":
		return fmt.Sprintf("appends(%d, varies)", f.Param)
	case f.Varies:
		return fmt.Sprintf("appends(%d, %q, varies)", f.Param, num(f.Suffix))
	case f.Must != f.Suffix:
		return fmt.Sprintf("appends(%d, %q, must %q)", f.Param, num(f.Suffix), num(f.Must))
	}
	return fmt.Sprintf("appends(%d, %q)", f.Param, num(f.Suffix))
}

// FixedList is attached to an exported package-level variable
// initialized with a list or map literal that nothing in its package
// assigns again (var AllKinds = []Kind{KindA, KindB}): a loop over it in
// another package runs a fixed number of times, as one over the literal.
// It is attached too to an exported function every return of which is
// such a list or a copy of one (see fixedReturn), and to a struct field
// whose length the package's validation caps at Len (see capped.go).
type FixedList struct{ Len int }

func (*FixedList) AFact() {}

func (f *FixedList) String() string { return fmt.Sprintf("fixedList(%d)", f.Len) }

// FieldSQL is attached to a struct field, or a package-level variable,
// that holds a prepared statement or SQL text: what every write to it in
// its package puts there. A statement field assigned in a constructor
// (s.byID, err = db.Prepare(byIDSQL)) or listed in a statement table is
// run elsewhere, often in other packages, as s.byID.QueryContext(...):
// the fact carries the SQL to those sites.
//
// A field written with different statements, or with SQL the resolver
// cannot follow (a parameter), has no SQL and says why: a site must
// never run a statement it was not given.
type FieldSQL struct {
	SQL string // the statement's text, "" when Why says why there is none
	Why string
	// Name is the named query (a .sql file's -- name: block) the text is,
	// so that sites in other packages link to the block too.
	Name string
}

func (*FieldSQL) AFact() {}

func (f *FieldSQL) String() string {
	if f.SQL == "" {
		return "fieldSQL(unresolved: " + f.Why + ")"
	}
	return fmt.Sprintf("fieldSQL(%q)", Abbreviate(f.SQL, 60))
}

// StmtTable is attached to the statement field of a statement table's
// entry type: a struct pairing a pointer to a statement with its SQL,
//
//	type StatementList []struct {
//		Statement **sql.Stmt
//		SQL       string
//	}
//
// that a helper of the program prepares entry by entry
// (*e.Statement, err = db.Prepare(e.SQL)). The helper is learned from
// that assignment, not named; each entry {&s.byID, byIDSQL} then gives
// field byID the SQL of the entry, in any package. It is also attached
// to a named map type map[**sql.Stmt]string prepared the same way.
type StmtTable struct {
	SQLField string // name of the entry's SQL field; "" for a map
}

func (*StmtTable) AFact() {}

func (f *StmtTable) String() string { return fmt.Sprintf("stmtTable(%s)", f.SQLField) }

// StmtFrom is attached to a function that returns the statement it is
// given, perhaps bound to a transaction:
//
//	func TxStmt(tx *sql.Tx, stmt *sql.Stmt) *sql.Stmt
//
// A statement built by a call to it runs the SQL of argument Param.
type StmtFrom struct{ Param int }

func (*StmtFrom) AFact() {}

func (f *StmtFrom) String() string { return fmt.Sprintf("stmtFrom(%d)", f.Param) }

// Abbreviate shortens SQL for facts and messages: whitespace folded, cut at
// n runes with an ellipsis.
func Abbreviate(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// BuilderAdds is attached to a function that takes a squirrel builder
// and returns it with clauses added, or that starts a statement of its
// own and returns its builder:
//
//	func ByFilter(b squirrel.SelectBuilder, f *Filter) squirrel.SelectBuilder
//	func Purge(sb squirrel.StatementBuilderType, table string) squirrel.DeleteBuilder
//
// A chain through a call of it gets what it adds (see orm_builder.go).
// Values are written `?`, bound again at each call. Full is what the
// fullest call adds; Must what every call adds, without the clauses
// added on some paths only (under an if, by one of several returns, a
// key of a condition map set under an if): a caller's statement marks
// the filters only Full has optional.
type BuilderAdds struct {
	// Param is the index of the builder parameter the additions go to,
	// -1 when the function starts the statement itself.
	Param int
	// TableParam is the index of the parameter naming the table of the
	// statement the function starts, -1 when the table is constant.
	TableParam int
	Full, Must BuilderPart
}

// BuilderPart is what a builder helper adds to a statement: each field
// as the chain's own (see ormChain).
type BuilderPart struct {
	Cmd, Table                                        string
	Columns, Joins, Order, Group, Having, Set, Values []string
	Extra                                             []string // UPDATE ... FROM
	Conds                                             []BuilderCond
	Limit, Offset, Prefix, Suffix                     string
	Distinct                                          bool
}

// BuilderCond is a condition of a BuilderPart and how it joins those
// before it.
type BuilderCond struct{ Op, SQL string }

func (*BuilderAdds) AFact() {}

func (f *BuilderAdds) String() string {
	table := func(p BuilderPart) BuilderPart {
		if f.TableParam >= 0 && p.Cmd != "" {
			p.Table = fmt.Sprintf("<param %d>", f.TableParam)
		}
		return p
	}
	full := table(f.Full).String()
	if must := table(f.Must).String(); must != full {
		return fmt.Sprintf("builderAdds(%d, %s; must: %s)", f.Param, full, must)
	}
	return fmt.Sprintf("builderAdds(%d, %s)", f.Param, full)
}

// String writes the part as the clauses of a statement, for tests.
func (p BuilderPart) String() string {
	var parts []string
	add := func(s string) {
		if s != "" {
			parts = append(parts, s)
		}
	}
	list := func(kw string, items []string) {
		if len(items) > 0 {
			add(kw + " " + strings.Join(items, ", "))
		}
	}
	add(strings.TrimSpace(p.Prefix))
	kw := "COLUMNS"
	if p.Cmd != "" {
		add(p.Cmd)
		kw = ""
	}
	if len(p.Columns) > 0 {
		add(strings.TrimSpace(kw + " " + strings.Join(p.Columns, ", ")))
	}
	if p.Table != "" {
		switch p.Cmd {
		case "DELETE", "SELECT", "":
			add("FROM " + p.Table)
		default:
			add(p.Table)
		}
	}
	list("SET", p.Set)
	list("VALUES", p.Values)
	list("JOIN", p.Joins)
	if len(p.Conds) > 0 {
		conds := make([]ormCond, len(p.Conds))
		for i, c := range p.Conds {
			conds[i] = ormCond{op: c.Op, sql: c.SQL}
		}
		add("WHERE " + whereSQL(conds))
	}
	list("GROUP BY", p.Group)
	list("HAVING", p.Having)
	list("ORDER BY", p.Order)
	if p.Limit != "" {
		add("LIMIT " + p.Limit)
	}
	if p.Offset != "" {
		add("OFFSET " + p.Offset)
	}
	add(strings.TrimSpace(p.Suffix))
	return strings.Join(parts, " ")
}

// BatchQueues is attached to a function that queues statements on a pgx
// batch it is given (directly or through helpers of its own):
//
//	func (w *Writer) insertRows(b *pgx.Batch, rows []Row)
//
// A SendBatch of a batch passed to it runs them. Why says why the
// statements cannot be known (SQL the function is given, built at run
// time), Site where.
type BatchQueues struct {
	Param int      // index of the batch parameter
	SQL   []string // the distinct statements queued, in order
	Why   string
	Site  string // "file.go:line" of the Queue call Why is about
	Via   string // the function holding that call, when not this one
}

func (*BatchQueues) AFact() {}

func (f *BatchQueues) String() string {
	if f.Why != "" {
		return fmt.Sprintf("batchQueues(%d, unresolved: %s)", f.Param, f.Why)
	}
	return fmt.Sprintf("batchQueues(%d, %s)", f.Param, strings.Join(f.SQL, "; "))
}
