package sqlparse

import (
	"slices"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
)

// analyze reduces one raw statement of the normalized text norm to a
// Statement. The walk follows the text's own order (WITH, target list,
// FROM, WHERE, ...), so Tables, Stars and Filters come out in the order a
// reader meets them, with no sorting.
func analyze(norm string, raw *pg.RawStmt) *Statement {
	text, base := stmtText(norm, raw.StmtLocation, raw.StmtLen)
	a := &analyzer{base: base, st: &Statement{SQL: text, Offset: base}}
	a.statement(raw.Stmt)
	a.params(inner(raw.Stmt))
	// pg_query fingerprints from text, not from a tree, so this parses the
	// statement a second time; Parse's cache makes that once per text.
	// The text parsed a moment ago, so the error cannot happen.
	a.st.Fingerprint, _ = pg.Fingerprint(text)
	return a.st
}

type analyzer struct {
	base    int // where the statement starts in the normalized text
	st      *Statement
	noStars int  // > 0 inside EXISTS bodies and EXPLAIN: their * fetches no rows
	writes  bool // a data-modifying statement was met (a WITH can hide one)
	items   int  // FROM items of real tables numbered so far (TableRef.Item)
	// optional is set while walking the arms of an OR: the filters met
	// there do not narrow the scan on their own (Filter.Optional).
	optional bool
	// byVar maps a table's RangeVar to its item, for JOIN ... USING.
	byVar map[*pg.RangeVar]*fromItem
}

// scope is one query level: the CTE names it declares and the items of its
// FROM clause, which is what column references and stars resolve against.
type scope struct {
	parent *scope
	ctes   map[string]bool
	items  []*fromItem
}

// fromItem is one name a query level can qualify columns with.
type fromItem struct {
	ref   string // alias, else the relation's name
	table string // "schema.name" or "name" of a real table; "" for a CTE, subquery or function
	id    int    // TableRef.Item of a real table, 0 otherwise
}

func (sc *scope) isCTE(name string) bool {
	for ; sc != nil; sc = sc.parent {
		if sc.ctes[name] {
			return true
		}
	}
	return false
}

// find resolves a qualifier the way PostgreSQL does: innermost level first.
func (sc *scope) find(ref string) *fromItem {
	for ; sc != nil; sc = sc.parent {
		for _, it := range sc.items {
			if it.ref == ref {
				return it
			}
		}
	}
	return nil
}

// only is the item an unqualified column must belong to: the one item of
// the innermost level that has any. With several, the column is ambiguous
// without the schema, and we say so rather than guess.
func (sc *scope) only() (it *fromItem, ambiguous bool) {
	for ; sc != nil; sc = sc.parent {
		switch len(sc.items) {
		case 0:
			continue // a level without FROM sees its parent's columns
		case 1:
			return sc.items[0], false
		}
		return nil, true
	}
	return nil, false
}

// loc turns a parser location (a byte offset in the text handed to
// pg_query) into one in Statement.SQL.
func (a *analyzer) loc(l int32) int {
	if l < 0 {
		return -1
	}
	return int(l) - a.base
}

// statement sets Kind and Command and walks the statement.
func (a *analyzer) statement(n *pg.Node) {
	st := a.st
	switch x := inner(n).(type) {
	case *pg.SelectStmt:
		st.Command, st.Kind = "SELECT", KindRead
		if x.IntoClause != nil {
			st.Command, st.Kind = "SELECT INTO", KindDDL // creates a table
		}
		sc := a.selectStmt(nil, x)
		if a.writes && st.Kind == KindRead {
			st.Kind = KindWrite // WITH d AS (DELETE ...) SELECT ...
		}
		a.orderAndLimit(sc, x)
	case *pg.InsertStmt:
		st.Command, st.Kind = "INSERT", KindWrite
		a.insertStmt(nil, x)
	case *pg.UpdateStmt:
		st.Command, st.Kind = "UPDATE", KindWrite
		a.updateStmt(nil, x)
	case *pg.DeleteStmt:
		st.Command, st.Kind = "DELETE", KindWrite
		a.deleteStmt(nil, x)
	case *pg.MergeStmt:
		st.Command, st.Kind = "MERGE", KindWrite
		a.mergeStmt(nil, x)
	case *pg.CopyStmt:
		// COPY TO only reads, but it is a bulk export that no request
		// path repeats; the API ranks every COPY with the writes.
		st.Command, st.Kind = "COPY", KindWrite
		if x.Relation != nil {
			a.table(nil, x.Relation)
		}
		if x.Query != nil {
			a.noStars++ // COPY (SELECT * ...) exports, the columns are wanted
			a.dml(nil, x.Query)
			a.noStars--
		}
	case *pg.ExplainStmt:
		// Plain EXPLAIN runs nothing; EXPLAIN ANALYZE runs its statement,
		// writes included.
		st.Command, st.Kind = "EXPLAIN", KindRead
		a.noStars++
		a.dml(nil, x.Query)
		a.noStars--
		if a.writes && explainAnalyze(x) {
			st.Kind = KindWrite
		}
	case *pg.VariableShowStmt:
		st.Command, st.Kind = "SHOW", KindRead
	case nil:
		st.Command, st.Kind = "", KindUnknown
	default:
		st.Command = command(x)
		st.Kind = commandKind(st.Command)
		// DDL and utility statements: no stars or filters worth a
		// finding, but their tables (and the queries inside CREATE VIEW,
		// CREATE TABLE AS, DECLARE CURSOR) are still listed.
		a.noStars++
		a.generic(nil, x)
		a.noStars--
	}
}

// dml walks a statement found inside another one (a CTE body, EXPLAIN's
// or COPY's query) in scope sc.
func (a *analyzer) dml(sc *scope, n *pg.Node) {
	switch x := inner(n).(type) {
	case *pg.SelectStmt:
		a.selectStmt(sc, x)
	case *pg.InsertStmt:
		a.insertStmt(sc, x)
	case *pg.UpdateStmt:
		a.updateStmt(sc, x)
	case *pg.DeleteStmt:
		a.deleteStmt(sc, x)
	case *pg.MergeStmt:
		a.mergeStmt(sc, x)
	case nil:
	default:
		a.generic(sc, x)
	}
}

// with declares the CTEs of w in sc and walks their bodies. A plain CTE
// sees only the CTEs before it, so `WITH users AS (SELECT * FROM users)`
// reads the real table; a RECURSIVE list sees all of them, itself included.
func (a *analyzer) with(sc *scope, w *pg.WithClause) {
	if w == nil {
		return
	}
	sc.ctes = make(map[string]bool, len(w.Ctes))
	if w.Recursive {
		for _, c := range w.Ctes {
			sc.ctes[c.GetCommonTableExpr().GetCtename()] = true
		}
	}
	for _, c := range w.Ctes {
		cte := c.GetCommonTableExpr()
		if cte == nil {
			continue
		}
		a.dml(sc, cte.Ctequery)
		sc.ctes[cte.Ctename] = true
	}
}

// selectStmt walks one SELECT (or VALUES, or set operation) and returns
// its scope, which the top level needs again for ORDER BY.
func (a *analyzer) selectStmt(parent *scope, s *pg.SelectStmt) *scope {
	sc := &scope{parent: parent}
	if s == nil {
		return sc
	}
	defer a.level()()
	a.with(sc, s.WithClause)
	if s.Op != pg.SetOperation_SETOP_NONE && s.Op != pg.SetOperation_SET_OPERATION_UNDEFINED {
		// UNION / INTERSECT / EXCEPT: each arm is a query level of its own.
		a.selectStmt(sc, s.Larg)
		a.selectStmt(sc, s.Rarg)
		a.exprs(sc, s.SortClause...)
		a.exprs(sc, s.LimitOffset, s.LimitCount)
		return sc
	}
	a.exprs(sc, s.ValuesLists...)
	// FROM is walked first, since the select list resolves against it,
	// but what it finds is listed after what the select list holds, as
	// in the text.
	m := a.mark()
	for _, f := range s.FromClause {
		a.fromItem(sc, f)
	}
	from := a.cut(m)
	a.targets(sc, s.TargetList)
	a.paste(from)
	a.exprs(sc, s.DistinctClause...)
	a.predicate(sc, s.WhereClause, false)
	a.exprs(sc, s.GroupClause...)
	a.exprs(sc, s.HavingClause)
	a.exprs(sc, s.WindowClause...)
	a.exprs(sc, s.SortClause...)
	a.exprs(sc, s.LimitOffset, s.LimitCount)
	return sc
}

// level starts a query level, whose WHERE narrows its own scan whatever
// OR the level sits in, and returns the function that ends it.
func (a *analyzer) level() func() {
	saved := a.optional
	a.optional = false
	return func() { a.optional = saved }
}

// findings is a tail of what the walk has recorded so far.
type findings struct {
	tables  []TableRef
	stars   []Star
	filters []Filter
}

func (a *analyzer) mark() findings {
	return findings{a.st.Tables, a.st.Stars, a.st.Filters}
}

// cut removes and returns what was recorded since m.
func (a *analyzer) cut(m findings) findings {
	st := a.st
	tail := findings{
		tables:  append([]TableRef(nil), st.Tables[len(m.tables):]...),
		stars:   append([]Star(nil), st.Stars[len(m.stars):]...),
		filters: append([]Filter(nil), st.Filters[len(m.filters):]...),
	}
	st.Tables, st.Stars, st.Filters = m.tables, m.stars, m.filters
	return tail
}

func (a *analyzer) paste(f findings) {
	a.st.Tables = append(a.st.Tables, f.tables...)
	a.st.Stars = append(a.st.Stars, f.stars...)
	a.st.Filters = append(a.st.Filters, f.filters...)
}

// targets reports the stars of a SELECT list and walks its expressions.
func (a *analyzer) targets(sc *scope, list []*pg.Node) {
	for _, n := range list {
		rt := n.GetResTarget()
		if rt == nil {
			continue
		}
		if cr := rt.Val.GetColumnRef(); cr != nil && isStar(cr) {
			a.star(sc, cr)
			continue
		}
		a.exprs(sc, rt.Val)
	}
}

func isStar(cr *pg.ColumnRef) bool {
	f := cr.Fields
	return len(f) > 0 && f[len(f)-1].GetAStar() != nil
}

// star records a `*` or `t.*` when it expands to real tables: a star over
// a CTE, a subquery or a function is that query's own business (its
// inner stars, if any, are reported where they stand).
func (a *analyzer) star(sc *scope, cr *pg.ColumnRef) {
	if a.noStars > 0 {
		return
	}
	names := strs(cr.Fields[:len(cr.Fields)-1])
	var tables []string
	if len(names) == 0 {
		for _, it := range sc.items {
			if it.table != "" {
				tables = append(tables, it.table)
			}
		}
	} else if it := sc.find(names[len(names)-1]); it != nil && it.table != "" {
		tables = []string{it.table}
	}
	if len(tables) == 0 {
		return
	}
	a.st.Stars = append(a.st.Stars, Star{
		Qualifier: strings.Join(names, "."),
		Tables:    tables,
		Location:  a.loc(cr.Location),
	})
}

// fromItem adds the items of one FROM entry to sc, walking joins and
// subqueries.
func (a *analyzer) fromItem(sc *scope, n *pg.Node) {
	switch x := inner(n).(type) {
	case *pg.RangeVar:
		a.table(sc, x)
	case *pg.JoinExpr:
		a.fromItem(sc, x.Larg)
		a.fromItem(sc, x.Rarg)
		a.predicate(sc, x.Quals, false)
		a.using(sc, x)
		if x.Alias != nil {
			// (a JOIN b) AS j hides a and b behind j.
			sc.items = append(sc.items, &fromItem{ref: x.Alias.Aliasname})
		}
	case *pg.RangeSubselect:
		// A non-LATERAL subquery cannot see its siblings, but seeing them
		// costs nothing here: names resolve innermost first.
		a.selectStmt(sc, x.Subquery.GetSelectStmt())
		sc.items = append(sc.items, &fromItem{ref: aliasName(x.Alias)})
	case *pg.RangeFunction:
		a.exprs(sc, x.Functions...)
		ref := aliasName(x.Alias)
		if ref == "" {
			ref = funcName(x.Functions)
		}
		sc.items = append(sc.items, &fromItem{ref: ref})
	case *pg.RangeTableSample:
		a.fromItem(sc, x.Relation)
		a.exprs(sc, x.Args...)
	case nil:
	default:
		// XMLTABLE, ROWS FROM and the like: not tables, maybe subqueries.
		a.generic(sc, x)
		sc.items = append(sc.items, &fromItem{})
	}
}

// table records a relation. With sc == nil it is only listed (DDL, COPY);
// otherwise it also becomes an item of sc, or a CTE reference when sc
// declares that name.
func (a *analyzer) table(sc *scope, rv *pg.RangeVar) *fromItem {
	// An alias hides the table's own name: FROM users u makes users.id
	// an error, so only u resolves.
	ref := rv.Relname
	if rv.Alias != nil {
		ref = rv.Alias.Aliasname
	}
	it := &fromItem{ref: ref}
	// A CTE shadows a table of the same name, but never a qualified one.
	if rv.Schemaname == "" && sc.isCTE(rv.Relname) {
		if sc != nil {
			sc.items = append(sc.items, it)
		}
		return it
	}
	it.table = qualified(rv.Schemaname, rv.Relname)
	a.items++
	it.id = a.items
	if a.byVar == nil {
		a.byVar = map[*pg.RangeVar]*fromItem{}
	}
	a.byVar[rv] = it
	a.st.Tables = append(a.st.Tables, TableRef{
		Schema:   rv.Schemaname,
		Name:     rv.Relname,
		Alias:    aliasName(rv.Alias),
		Location: a.loc(rv.Location),
		Item:     it.id,
	})
	if sc != nil {
		sc.items = append(sc.items, it)
	}
	return it
}

// using turns JOIN ... USING (c) into a JOIN filter on c for each side
// whose table is known.
func (a *analyzer) using(sc *scope, j *pg.JoinExpr) {
	for _, name := range strs(j.UsingClause) {
		var cols [2]ColumnRef
		for i, side := range []*pg.Node{j.Larg, j.Rarg} {
			cols[i] = ColumnRef{Column: name, Location: -1}
			if it := a.byVar[side.GetRangeVar()]; it != nil {
				cols[i].Table, cols[i].Item = it.table, it.id
			}
		}
		a.addFilter(Filter{Column: cols[0], Op: "JOIN", Value: "column", Peer: cols[1]})
		a.addFilter(Filter{Column: cols[1], Op: "JOIN", Value: "column", Peer: cols[0]})
	}
}

func (a *analyzer) insertStmt(parent *scope, s *pg.InsertStmt) {
	sc := &scope{parent: parent}
	a.with(sc, s.WithClause)
	var target *fromItem
	if s.Relation != nil {
		target = a.table(nil, s.Relation)
	}
	// The SELECT of INSERT ... SELECT does not see the target table.
	a.dml(sc, s.SelectStmt)
	// ON CONFLICT and RETURNING see the target, and ON CONFLICT DO
	// UPDATE also the row that was to be inserted, named excluded.
	if target != nil {
		sc.items = append(sc.items, target, &fromItem{ref: "excluded", table: target.table})
	}
	if oc := s.OnConflictClause; oc != nil {
		a.exprs(sc, oc.TargetList...)
		a.exprs(sc, oc.WhereClause)
	}
	a.exprs(sc, s.ReturningList...)
	a.writes = true
}

func (a *analyzer) updateStmt(parent *scope, s *pg.UpdateStmt) {
	sc := &scope{parent: parent}
	defer a.level()()
	a.with(sc, s.WithClause)
	if s.Relation != nil {
		a.table(sc, s.Relation)
	}
	m := a.mark()
	for _, f := range s.FromClause {
		a.fromItem(sc, f)
	}
	from := a.cut(m)
	a.exprs(sc, s.TargetList...) // SET c = (SELECT ...), before FROM in the text
	a.paste(from)
	a.predicate(sc, s.WhereClause, false)
	a.exprs(sc, s.ReturningList...)
	a.writes = true
}

func (a *analyzer) deleteStmt(parent *scope, s *pg.DeleteStmt) {
	sc := &scope{parent: parent}
	defer a.level()()
	a.with(sc, s.WithClause)
	if s.Relation != nil {
		a.table(sc, s.Relation)
	}
	for _, f := range s.UsingClause {
		a.fromItem(sc, f)
	}
	a.predicate(sc, s.WhereClause, false)
	a.exprs(sc, s.ReturningList...)
	a.writes = true
}

func (a *analyzer) mergeStmt(parent *scope, s *pg.MergeStmt) {
	sc := &scope{parent: parent}
	defer a.level()()
	a.with(sc, s.WithClause)
	if s.Relation != nil {
		a.table(sc, s.Relation)
	}
	a.fromItem(sc, s.SourceRelation)
	a.predicate(sc, s.JoinCondition, false)
	a.exprs(sc, s.MergeWhenClauses...)
	a.writes = true
}

// orderAndLimit fills OrderBy and Limit from the top-level SELECT, whose
// scope is sc.
func (a *analyzer) orderAndLimit(sc *scope, s *pg.SelectStmt) {
	for _, n := range s.SortClause {
		sb := n.GetSortBy()
		if sb == nil {
			continue
		}
		cr := sb.Node.GetColumnRef()
		if cr == nil || isStar(cr) {
			continue // ORDER BY 1, ORDER BY lower(name): no plain column
		}
		// ORDER BY an output name means the expression it names.
		if f := strs(cr.Fields); len(f) == 1 {
			if c := outputColumn(s, f[0]); c != nil {
				cr = c
			}
		}
		if c, ok := a.column(sc, cr); ok {
			a.st.OrderBy = append(a.st.OrderBy, c)
		}
	}
	if s.LimitCount != nil {
		// LIMIT ALL is a LIMIT with a NULL count: no limit at all.
		if c := s.LimitCount.GetAConst(); c == nil || !c.Isnull {
			a.st.Limit = true
			if n := c.GetIval(); n != nil && n.Ival > 0 {
				a.st.LimitCount = int(n.Ival)
			}
		}
	}
}

// outputColumn returns the column that the output name `name` stands for
// in s's target list (SELECT created_at AS c ... ORDER BY c), or nil.
func outputColumn(s *pg.SelectStmt, name string) *pg.ColumnRef {
	for _, n := range s.TargetList {
		if rt := n.GetResTarget(); rt != nil && rt.Name == name {
			if cr := rt.Val.GetColumnRef(); cr != nil && !isStar(cr) {
				return cr
			}
			return nil
		}
	}
	return nil
}

// column resolves a column reference through sc.
func (a *analyzer) column(sc *scope, cr *pg.ColumnRef) (ColumnRef, bool) {
	c, _, ok := a.columnItem(sc, cr)
	return c, ok
}

// columnItem also returns the FROM item the column belongs to (nil when
// unknown), which tells a join (two items) from a comparison within one row.
func (a *analyzer) columnItem(sc *scope, cr *pg.ColumnRef) (ColumnRef, *fromItem, bool) {
	if isStar(cr) {
		return ColumnRef{}, nil, false
	}
	f := strs(cr.Fields)
	if len(f) == 0 || len(f) != len(cr.Fields) {
		return ColumnRef{}, nil, false // not only names: not a plain column
	}
	c := ColumnRef{Column: f[len(f)-1], Location: a.loc(cr.Location)}
	// t.c and s.t.c name their item; a bare c belongs to the one table
	// in scope, if there is just one (without the schema we cannot tell
	// which of several tables has a column c).
	var it *fromItem
	if len(f) == 1 {
		it, c.Ambiguous = sc.only()
	} else {
		it = sc.find(f[len(f)-2])
	}
	if it != nil {
		c.Table, c.Item = it.table, it.id
		c.Outer = !slices.Contains(sc.items, it)
	}
	return c, it, true
}

// exprs walks expressions for the subqueries inside them.
func (a *analyzer) exprs(sc *scope, nodes ...*pg.Node) {
	for _, n := range nodes {
		if n == nil {
			continue
		}
		walk(n, func(m proto.Message) bool {
			switch x := m.(type) {
			case *pg.SubLink:
				a.sublink(sc, x, false, false)
				return false
			case *pg.SelectStmt:
				a.selectStmt(sc, x)
				return false
			}
			return true
		})
	}
}

// generic walks a statement sqlheat does not model (DDL, utilities):
// every relation in it is listed, every query in it is walked.
func (a *analyzer) generic(sc *scope, m proto.Message) {
	walk(m, func(m proto.Message) bool {
		switch x := m.(type) {
		case *pg.RangeVar:
			a.table(nil, x)
			return false
		case *pg.SelectStmt:
			a.selectStmt(sc, x)
			return false
		case *pg.InsertStmt:
			a.insertStmt(sc, x) // CREATE RULE ... DO INSERT
			return false
		case *pg.UpdateStmt:
			a.updateStmt(sc, x)
			return false
		case *pg.DeleteStmt:
			a.deleteStmt(sc, x)
			return false
		}
		return true
	})
}

func aliasName(al *pg.Alias) string {
	if al == nil {
		return ""
	}
	return al.Aliasname
}

func qualified(schema, name string) string {
	if schema == "" {
		return name
	}
	return schema + "." + name
}

// strs returns the String values of nodes (names in a ColumnRef, a
// qualified function or operator name, a USING list), skipping others.
func strs(nodes []*pg.Node) []string {
	out := make([]string, 0, len(nodes))
	for _, n := range nodes {
		if s := n.GetString_(); s != nil {
			out = append(out, s.Sval)
		}
	}
	return out
}

// lastName is the unqualified name of a qualified one (pg_catalog.lower).
func lastName(nodes []*pg.Node) string {
	s := strs(nodes)
	if len(s) == 0 {
		return ""
	}
	return strings.ToLower(s[len(s)-1])
}

func funcName(functions []*pg.Node) string {
	// ROWS FROM and plain function items are lists whose first element is
	// the FuncCall.
	for _, f := range functions {
		if l := f.GetList(); l != nil && len(l.Items) > 0 {
			if fc := l.Items[0].GetFuncCall(); fc != nil {
				return lastName(fc.Funcname)
			}
		}
	}
	return ""
}

// inner unwraps a Node to the message it holds (nil for an empty Node).
func inner(n *pg.Node) proto.Message {
	if n == nil {
		return nil
	}
	m := n.ProtoReflect()
	fd := m.WhichOneof(m.Descriptor().Oneofs().Get(0))
	if fd == nil {
		return nil
	}
	return m.Get(fd).Message().Interface()
}

// walk calls visit for m and, while visit returns true, for every message
// below it, Node wrappers unwrapped. It reaches fields the typed getters
// would make us enumerate by hand for each of pg_query's 250 node types.
func walk(m proto.Message, visit func(proto.Message) bool) {
	if n, ok := m.(*pg.Node); ok {
		m = inner(n)
	}
	if m == nil || !visit(m) {
		return
	}
	m.ProtoReflect().Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
		if fd.Kind() != protoreflect.MessageKind {
			return true
		}
		if fd.IsList() {
			l := v.List()
			for i := 0; i < l.Len(); i++ {
				walk(l.Get(i).Message().Interface(), visit)
			}
			return true
		}
		walk(v.Message().Interface(), visit)
		return true
	})
}

// explainAnalyze reports whether EXPLAIN runs its statement: ANALYZE,
// or ANALYZE true/on/1 in the parenthesized form.
func explainAnalyze(x *pg.ExplainStmt) bool {
	for _, o := range x.Options {
		d := o.GetDefElem()
		if d == nil || d.Defname != "analyze" {
			continue
		}
		switch v := inner(d.Arg).(type) {
		case nil:
			return true
		case *pg.Boolean:
			return v.Boolval
		case *pg.String:
			return v.Sval == "true" || v.Sval == "on"
		case *pg.Integer:
			return v.Ival != 0
		}
		return true
	}
	return false
}
