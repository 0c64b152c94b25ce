package missingindex

import (
	_ "embed"
	"fmt"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/internal/check"
	"github.com/sqlheat/sqlheat/internal/codekind"
	"github.com/sqlheat/sqlheat/internal/finding"
	"github.com/sqlheat/sqlheat/internal/guard"
	"github.com/sqlheat/sqlheat/internal/schema"
	"github.com/sqlheat/sqlheat/internal/sqlfiles"
	"github.com/sqlheat/sqlheat/internal/sqlparse"
	"github.com/sqlheat/sqlheat/passes/catalog"
	"github.com/sqlheat/sqlheat/passes/config"
	"github.com/sqlheat/sqlheat/passes/queries"
	sqlfilespass "github.com/sqlheat/sqlheat/passes/sqlfiles"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:       "missingindex",
	Doc:        check.MustExtractDoc(doc, "missingindex"),
	URL:        "https://github.com/sqlheat/sqlheat/blob/main/passes/missingindex/doc.go",
	Requires:   []*analysis.Analyzer{queries.Analyzer, catalog.Analyzer, config.Analyzer, sqlfilespass.Analyzer},
	ResultType: check.ResultType,
	Run:        guard.Run(run),
}

// Diagnostic categories: the kinds of finding.
const (
	catFilter   = "filter"   // equality or range filter, maybe with a sort
	catJoin     = "join"     // the inner side of a join probed without index
	catOrder    = "order"    // ORDER BY ... LIMIT that reads the whole table
	catFunction = "function" // f(col) = $1 where only an expression index helps
	catWildcard = "wildcard" // LIKE '%x': no btree can help
)

// Categories are the kinds of finding missingindex reports, all of one
// severity: which shape of statement misses its index says how to fix
// it, not how much it costs (the table's size and traffic say that).
var Categories = finding.Categories{
	{Name: catFilter, Severity: finding.Medium, Title: "filters"},
	{Name: catJoin, Severity: finding.Medium, Title: "joins"},
	{Name: catOrder, Severity: finding.Medium, Title: "sorts with LIMIT"},
	{Name: catFunction, Severity: finding.Medium, Title: "functions over indexed columns"},
	{Name: catWildcard, Severity: finding.Medium, Title: "leading wildcards"},
}

func run(pass *analysis.Pass) (any, error) {
	rep := check.NewReporter(pass, Categories, sqlfilespass.For(pass).Directives)
	res := queries.For(pass)
	if res == nil || !config.For(pass).Enabled(pass.Analyzer.Name) {
		return rep.Result(), nil
	}
	cat, alt := catalog.For(pass), catalog.Alt(pass)
	if cat.Len() == 0 {
		return rep.Result(), nil // no schema: nothing is known, nothing is said
	}
	// Functions that run DDL are migrations: the reads and backfills
	// beside it run once per deployment, on tables being built.
	migrations := map[any]bool{}
	for _, s := range res.Sites {
		if s.Kind() == sqlparse.KindDDL {
			migrations[s.Node] = true
		}
	}
	// So is code whose names say migration: under go vet it is left out
	// here; under the standalone driver its findings are marked, and the
	// program graph decides (check.Finding.NamedMigration).
	byName := !config.For(pass).WholeProgram
	named := map[*queries.Site]bool{}
	for _, s := range res.Sites {
		fn := ""
		if s.Func != nil {
			fn = s.Func.Name()
		}
		named[s] = codekind.MigrationCode(pass.Fset.File(s.Call.Pos()).Name(), pass.Pkg.Path(), fn)
	}
	type key struct {
		pos   token.Pos
		table string
		cols  string
	}
	seen := map[key]bool{}
	linked := map[*sqlfiles.Block][]*queries.Site{}
	tests := codekind.TestHelpers(pass.Files, pass.TypesInfo)
	for _, s := range res.Sites {
		if byName && named[s] {
			continue
		}
		if s.Block != nil && !migrations[s.Node] {
			linked[s.Block] = append(linked[s.Block], s) // reported on the .sql block, below
			continue
		}
		if !s.Resolved || s.ParseErr != nil || migrations[s.Node] {
			continue
		}
		if codekind.TestFile(pass.Fset.File(s.Call.Pos()).Name()) || tests.Holds(s.Call.Pos()) {
			continue // test fixtures run against tiny tables
		}
		pos := s.ReportPos()
		for _, st := range s.Stmts {
			if st.Kind != sqlparse.KindRead && st.Kind != sqlparse.KindWrite {
				continue
			}
			for _, adv := range confirmed(advise(cat, st), alt, st) {
				k := key{pos, adv.table.QualifiedName(), strings.Join(adv.keys, ",")}
				if seen[k] {
					continue // one literal run from two calls: say it once
				}
				seen[k] = true
				d := queries.StmtDetail(st, s)
				d.Fix, d.Suggestion = adv.fix, adv.statement
				rep.Report(check.Finding{
					Diagnostic:     analysis.Diagnostic{Pos: pos, Category: adv.category, Message: adv.message},
					Detail:         d,
					NamedMigration: named[s],
				})
			}
		}
	}
	checkBlocks(pass, rep, cat, alt, linked, named)
	return rep.Result(), nil
}

// confirmed keeps the advice that a second view of the schema (the
// migrations, when sqlc's schema file came first) does not contradict:
// an index that either creates counts.
func confirmed(advs []advice, alt *schema.Catalog, st *sqlparse.Statement) []advice {
	if alt == nil || len(advs) == 0 {
		return advs
	}
	again := map[string]bool{}
	for _, a := range advise(alt, st) {
		again[a.table.QualifiedName()] = true
	}
	return slices.DeleteFunc(advs, func(a advice) bool {
		name := a.table.QualifiedName()
		return alt.Table(name) != nil && !again[name]
	})
}

// advice is one finding about one table of a statement. Its message
// says what no index serves and what that costs, in one line; its fix
// names the statement to run. What every CREATE INDEX CONCURRENTLY needs
// said (not inside a transaction) the reports say once, with the indexes
// to add, and the doc above says for go vet.
type advice struct {
	category  string
	table     *schema.Table
	keys      []string // the index keys suggested, as SQL
	message   string
	fix       string
	statement string // CREATE INDEX ..., for the report's suggestion
}

// item is one place the statement reads a known table from, with the
// filters that narrow it.
type item struct {
	ref   sqlparse.TableRef
	table *schema.Table
	cat   *schema.Catalog
	// must are the comparisons that hold for every row returned (not
	// under an OR); maybe are the others, and the comparisons of
	// unqualified columns that may be this table's.
	must, maybe []sqlparse.Filter
	// reached: an index finds its rows, by its own comparisons or
	// through a join; driven: joined to such rows without an index
	// (see reach).
	reached, driven bool
	via             *item // the item it was reached or driven from by a join
}

// advise returns the findings for one statement, in the order of its
// tables.
func advise(cat *schema.Catalog, st *sqlparse.Statement) []advice {
	items := map[int]*item{}
	var order []*item
	for _, t := range st.Tables {
		if t.Item == 0 {
			continue
		}
		name := t.Name
		if t.Schema != "" {
			name = t.Schema + "." + t.Name
		}
		tb := cat.Table(name)
		if tb == nil || !tb.ColumnsKnown {
			// Unknown (counted by the catalog pass), or partly known:
			// LIKE, INHERITS and PARTITION OF bring indexes we do not see.
			continue
		}
		it := &item{ref: t, table: tb, cat: cat}
		items[t.Item] = it
		order = append(order, it)
	}
	if len(order) == 0 {
		return nil
	}
	for _, f := range st.Filters {
		if it := items[f.Column.Item]; it != nil {
			if f.Optional {
				it.maybe = append(it.maybe, f)
			} else {
				it.must = append(it.must, f)
			}
			continue
		}
		if f.Column.Ambiguous {
			// `WHERE status = $1` in a join: PostgreSQL knows whose
			// column it is, we only know who has one of that name. It
			// may serve any of them, and is suggested for none.
			for _, it := range order {
				if it.table.Column(f.Column.Column) != nil {
					it.maybe = append(it.maybe, f)
				}
			}
		}
	}
	reach(order, items)
	var out []advice
	for _, it := range order {
		if a, ok := it.advise(st, items); ok {
			out = append(out, a)
		}
	}
	return out
}

// reach marks the items an index finds few rows of: those an index
// narrows by their own comparisons, then, until nothing changes, those
// joined to a reached item through an index on their join column (a
// user by id, then their orders by user_id, then each order's items by
// order_id). An item joined to a reached one without such an index is
// driven: it is the one to report (see joinAdvice), and what is joined
// to it through an index counts as reached, as it will be once the
// reported index exists. A join through an indexed column to rows we
// cannot judge — a CTE, a subquery, a table the schema does not know —
// counts as reached: the planner may well start there. The outer query
// of a correlated subquery is never reached through it: EXISTS and IN
// probe the subquery once per outer row, not the other way round.
func reach(order []*item, items map[int]*item) {
	for _, it := range order {
		it.reached = it.served()
	}
	for changed := true; changed; {
		changed = false
		for _, it := range order {
			if it.reached {
				continue
			}
			for _, f := range it.must {
				if f.Op != "JOIN" || f.Column.Outer {
					continue // the outer side of EXISTS (...): scanned on its own
				}
				peer := items[f.Peer.Item] // nil: a CTE, subquery or unknown table
				if peer != nil && (!peer.reached && !peer.driven || peer.via == it) {
					continue // not found yet, or found through it
				}
				if it.table.Leading(keyOf(f), it.must, true) != nil || it.prunes(f) {
					it.reached, it.via, changed = true, peer, true
					break
				}
				if peer != nil && !it.driven {
					it.driven, it.via, changed = true, peer, true
				}
			}
		}
	}
}

// Operators a btree serves, by how.
var (
	equality = map[string]bool{"=": true, "IN": true, "ANY": true, "IS NOT DISTINCT FROM": true}
	ranges   = map[string]bool{"<": true, "<=": true, ">": true, ">=": true, "BETWEEN": true}
)

func keyOf(f sqlparse.Filter) sqlparse.IndexKey {
	return sqlparse.IndexKey{Column: f.Column.Column, Func: f.Func}
}

// served reports whether an index can narrow the scan of it by its own
// comparisons: any one comparison with an index leading with its column
// (or expression) is enough. A lookup by primary key that also checks
// tenant_id is served by the primary key; the planner needs no second
// index, and advising one would be noise.
func (it *item) served() bool {
	t := it.table
	for _, f := range append(slices.Clone(it.must), it.maybe...) {
		k := keyOf(f)
		// An arm of an OR is scanned (in a bitmap OR) under its own
		// comparison too: `(space_id = $1 OR repo_id = $2)` uses an
		// index on space_id WHERE space_id IS NOT NULL.
		own := f
		own.Optional = false
		filters := append(slices.Clone(it.must), own)
		if f.Value != "column" && (equality[f.Op] || ranges[f.Op]) && it.prunes(f) {
			return true // partition pruning: only the matching partitions are read
		}
		switch {
		case f.Value == "column":
			continue // joins are for reach; or a comparison within the row
		case f.Op == "IS NULL" && softDeleted(f):
			// gorm's and bun's soft delete add `deleted_at IS NULL` to
			// every query and gorm.Model indexes the column, but nearly
			// every row is NULL there: that index narrows nothing, and
			// counting it would hide every lookup beside it.
		case equality[f.Op] || f.Op == "IS NULL":
			if t.Leading(k, filters, f.Op != "IS NULL") != nil {
				return true
			}
		case ranges[f.Op], f.Op == "LIKE" && !leadingWildcard(f.Pattern):
			// LIKE 'ab%' uses a btree only under the C collation or
			// text_pattern_ops, which we cannot see: assume it does.
			if t.Leading(k, filters, false) != nil {
				return true
			}
		}
		if t.Searchable(f.Column.Column, filters) != nil {
			return true // containment, full text, trigram, BRIN ranges
		}
	}
	return false
}

// softDeleted reports whether f tests a soft-delete marker, the column
// ORMs (gorm.DeletedAt, bun's soft_delete, Rails-style paranoia) set
// instead of deleting a row. They all call it so.
func softDeleted(f sqlparse.Filter) bool {
	if f.Func != "" {
		return false
	}
	switch strings.ToLower(f.Column.Column) {
	case "deleted_at", "deleted_on", "deletedat":
		return true
	}
	return false
}

// prunes reports whether f compares the column a partitioned table is
// split on: PostgreSQL then reads the matching partitions only, at plan
// time for constants and at run time for parameters and join keys.
func (it *item) prunes(f sqlparse.Filter) bool {
	k := it.table.PartitionKey
	return f.Func == "" && len(k) > 0 && k[0] == f.Column.Column
}

// reportable reports whether f alone would narrow the scan enough for
// an index on it to pay: an equality or range against a parameter or a
// constant. Left out, since they usually match a large share of the rows:
// IS NULL, comparisons with now(), columns of a few values (booleans,
// enums: `status = 'read'` of three statuses), and equality with the
// empty string, the default of most optional text columns.
func (it *item) reportable(f sqlparse.Filter) bool {
	if f.Value != "param" && f.Value != "const" {
		return false
	}
	if !equality[f.Op] && !ranges[f.Op] {
		return false
	}
	if f.Func == "" && it.fewValues(it.table.Column(f.Column.Column)) {
		return false
	}
	if f.Op == "=" && f.Value == "const" && (f.Literal == "true" || f.Literal == "false" || f.Literal == "") {
		return false
	}
	return true
}

// fewValues reports whether a column holds one of a few values.
func (it *item) fewValues(c *schema.Column) bool {
	return c != nil && (c.Type == "bool" || c.Type == "boolean" || it.cat.IsEnum(c.Type))
}

func (it *item) advise(st *sqlparse.Statement, items map[int]*item) (advice, bool) {
	t := it.table
	if it.reached {
		return advice{}, false
	}
	// The comparisons an index could take, plain columns and expressions
	// apart, equalities first.
	var eq, rng []sqlparse.Filter
	for _, f := range it.must {
		if !it.reportable(f) {
			continue
		}
		if t.Column(f.Column.Column) == nil {
			return advice{}, false // the schema we read is not the one queried
		}
		if equality[f.Op] {
			eq = append(eq, f)
		} else {
			rng = append(rng, f)
		}
	}
	keys := uniqueKeys(eq)
	if rk := uniqueKeys(rng); len(rk) > 0 && len(keys) < 3 && !slices.Contains(keys, rk[0]) {
		keys = append(keys, rk[0]) // one range, after the equalities
	}
	keys = keys[:min(len(keys), 3)]
	orderCols, sorted := it.sort(st)
	if len(keys) > 0 {
		access := accessOf(eq, rng)
		if jf, peer := it.drivenJoin(items); peer != nil {
			// The rows of a narrowed table probe this one by the join
			// column: that column leads, then the filters.
			col := sqlparse.QuoteIdent(jf.Column.Column)
			keys = slices.DeleteFunc(keys, func(k string) bool { return k == col })
			keys = append([]string{col}, keys[:min(len(keys), 2)]...)
			return it.missing(catFilter, keys, "join from "+peer.table.Name+" and "+access)
		}
		if sorted {
			// WHERE a = $1 ORDER BY b LIMIT n: (a, b) returns the first
			// n rows in order, without sorting all of a's.
			keys = keys[:min(len(keys), len(uniqueKeys(eq)))]
			for _, c := range orderCols {
				if !slices.Contains(keys, c) {
					keys = append(keys, c)
				}
			}
			access += " and ORDER BY" // with its LIMIT
			if len(keys) == 0 {
				return advice{}, false
			}
		}
		return it.missing(catFilter, keys, access)
	}
	if a, ok := it.joinAdvice(items); ok {
		return a, true
	}
	if a, ok := it.wildcard(); ok {
		return a, true
	}
	if sorted {
		return it.missing(catOrder, orderCols, "sort with LIMIT")
	}
	return advice{}, false
}

// sort returns the ORDER BY columns of a top-level `ORDER BY ... LIMIT`
// over this table alone, when no index returns the rows in that order.
func (it *item) sort(st *sqlparse.Statement) ([]string, bool) {
	if !st.Limit || len(st.OrderBy) == 0 || len(st.Tables) != 1 {
		return nil, false // a join's order depends on the plan's join order
	}
	var cols []string
	for _, c := range st.OrderBy {
		if c.Item != it.ref.Item || it.table.Column(c.Column) == nil {
			return nil, false
		}
		cols = append(cols, c.Column)
	}
	var eq []string
	for _, f := range it.must {
		if equality[f.Op] && f.Func == "" && f.Value != "column" {
			eq = append(eq, f.Column.Column)
		}
	}
	if it.table.ServesOrder(eq, cols, it.must) != nil {
		return nil, false
	}
	quoted := make([]string, len(cols))
	for i, c := range cols {
		quoted[i] = sqlparse.QuoteIdent(c)
	}
	return quoted, true
}

// joinAdvice reports the inner side of a join that is probed once per
// row of a side that an index narrows (a lookup by key, then its rows'
// children): without an index on the join column, each probe reads the
// whole table. When neither side is narrowed the planner hashes both,
// and no index would change that.
func (it *item) joinAdvice(items map[int]*item) (advice, bool) {
	f, peer := it.drivenJoin(items)
	if peer == nil {
		return advice{}, false
	}
	return it.missing(catJoin, []string{sqlparse.QuoteIdent(f.Column.Column)}, "join from "+peer.table.Name)
}

// drivenJoin finds a join filter of it whose other side is narrowed by
// an index and whose own column no index leads with.
func (it *item) drivenJoin(items map[int]*item) (sqlparse.Filter, *item) {
	t := it.table
	for _, f := range it.must {
		if f.Op != "JOIN" || f.Func != "" || f.Column.Outer || t.Column(f.Column.Column) == nil {
			continue
		}
		peer := items[f.Peer.Item]
		if peer == nil || peer == it || !peer.narrowed() {
			continue
		}
		if t.Leading(keyOf(f), it.must, true) != nil {
			continue
		}
		return f, peer
	}
	return sqlparse.Filter{}, nil
}

// narrowed reports whether an index finds few rows of it: an equality
// on a column an index leads with.
func (it *item) narrowed() bool {
	for _, f := range it.must {
		if equality[f.Op] && f.Value != "column" && it.table.Leading(keyOf(f), it.must, true) != nil {
			return true
		}
	}
	return false
}

// wildcard reports a LIKE or ILIKE whose pattern starts with a wildcard:
// no btree can serve it, whatever index exists, and saying "missing
// index on name" would send the reader to add one that is never used.
func (it *item) wildcard() (advice, bool) {
	t := it.table
	for _, f := range it.must {
		if f.Op != "LIKE" && f.Op != "ILIKE" || f.Func != "" || !leadingWildcard(f.Pattern) {
			continue
		}
		if t.Column(f.Column.Column) == nil || t.Searchable(f.Column.Column, it.must) != nil {
			continue
		}
		col := sqlparse.QuoteIdent(f.Column.Column)
		name := indexName(t, []string{f.Column.Column, "trgm"})
		stmt := fmt.Sprintf("CREATE INDEX CONCURRENTLY %s ON %s USING gin (%s gin_trgm_ops);", name, tableName(t), col)
		return advice{
			category:  catWildcard,
			table:     t,
			keys:      []string{col + " gin_trgm_ops"},
			statement: stmt,
			message: fmt.Sprintf("%s %s with a leading wildcard can use no btree index on %s.%s: every call reads the whole table",
				f.Op, showPattern(f.Pattern), t.Name, col),
			fix: "add a trigram index, CREATE EXTENSION IF NOT EXISTS pg_trgm; " + stmt + " or use full-text search",
		}, true
	}
	return advice{}, false
}

func leadingWildcard(p string) bool {
	return p != "" && (p[0] == '%' || p[0] == '_')
}

// missing builds a finding that suggests an index on keys.
func (it *item) missing(category string, keys []string, access string) (advice, bool) {
	t := it.table
	name := indexName(t, keys)
	stmt := fmt.Sprintf("CREATE INDEX CONCURRENTLY %s ON %s (%s);", name, tableName(t), strings.Join(keys, ", "))
	target := tableName(t) + "(" + strings.Join(keys, ", ") + ")"
	msg, fix := "", "add "+stmt
	switch {
	case category == catJoin:
		msg = fmt.Sprintf("no index serves the %s on %s: each row found in %s reads all of %s",
			access, target, strings.TrimPrefix(access, "join from "), t.Name)
	case category == catOrder:
		msg = fmt.Sprintf("no index serves the %s on %s: every call reads and sorts the whole table", access, target)
	case hasExpr(keys):
		category = catFunction
		msg = fmt.Sprintf("the %s on %s wraps the column in an expression: every call reads the whole table", access, target)
		fix = "compare the bare column if you can (its own index then serves), or add an expression index, " + stmt
	default:
		msg = fmt.Sprintf("no index serves the %s on %s: every call reads the whole table", access, target)
	}
	return advice{category: category, table: t, keys: keys, message: msg, fix: fix, statement: stmt}, true
}

// accessOf names the kind of access for the message.
func accessOf(eq, rng []sqlparse.Filter) string {
	switch {
	case len(eq) > 0 && len(rng) > 0:
		return "equality and range filter"
	case len(eq) > 0:
		return "equality filter"
	}
	return "range filter"
}

// uniqueKeys are the index keys of fs, as SQL, each once, in order: a
// column, or the expression a function makes of it.
func uniqueKeys(fs []sqlparse.Filter) []string {
	var out []string
	for _, f := range fs {
		k := sqlparse.QuoteIdent(f.Column.Column)
		if f.Func != "" {
			if f.Expr == "" {
				continue
			}
			k = f.Expr
			if !isCall(k) {
				k = "(" + k + ")" // a cast needs its own parentheses
			}
		}
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// isCall reports whether an expression is a plain function call, which
// an index may list without extra parentheses.
func isCall(e string) bool {
	i := strings.IndexByte(e, '(')
	return i > 0 && strings.HasSuffix(e, ")") && strings.Trim(e[:i], "abcdefghijklmnopqrstuvwxyz_0123456789.") == ""
}

func hasExpr(keys []string) bool {
	return slices.ContainsFunc(keys, func(k string) bool { return strings.ContainsAny(k, "(:") })
}

// tableName is the table as CREATE INDEX should name it: qualified
// outside public.
func tableName(t *schema.Table) string {
	if t.Schema != "" && t.Schema != "public" {
		return sqlparse.QuoteIdent(t.Schema) + "." + sqlparse.QuoteIdent(t.Name)
	}
	return sqlparse.QuoteIdent(t.Name)
}

// indexName is idx_<table>_<keys>, with the words of expressions,
// cut to PostgreSQL's 63 bytes.
func indexName(t *schema.Table, keys []string) string {
	var words []string
	for _, k := range append([]string{t.Name}, keys...) {
		w := strings.Map(func(r rune) rune {
			switch {
			case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
				return r
			case 'A' <= r && r <= 'Z':
				return r + 'a' - 'A'
			}
			return '_'
		}, k)
		w = strings.Trim(w, "_")
		for strings.Contains(w, "__") {
			w = strings.ReplaceAll(w, "__", "_")
		}
		if w != "" {
			words = append(words, w)
		}
	}
	name := "idx_" + strings.Join(words, "_")
	if len(name) > 63 {
		name = strings.TrimRight(name[:63], "_")
	}
	return name
}

// showPattern prints a LIKE pattern for a message: the constant, or its
// start when parameters are concatenated in ('%' || $1 is '%…').
func showPattern(p string) string {
	if i := strings.IndexByte(p, '?'); i >= 0 {
		p = p[:i] + "…"
	}
	return "'" + strings.ReplaceAll(p, "'", "''") + "'"
}
