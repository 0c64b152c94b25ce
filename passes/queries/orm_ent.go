package queries

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/internal/sqlparse"
	"github.com/sqlheat/sqlheat/passes/config"

	"github.com/sqlheat/sqlheat/internal/dbapi"
)

// entGenerated reports whether call is in a file ent generated into its
// builders' package (FirstX calling First, Get calling Only): the
// generated code's own calls are how a finisher is made, not sites.
func (a *analyzer) entGenerated(call *ast.CallExpr) bool {
	if !dbapi.IsEntPackage(a.pass.Pkg) {
		return false
	}
	for _, f := range a.pass.Files {
		if f.FileStart <= call.Pos() && call.Pos() < f.FileEnd {
			return ast.IsGenerated(f)
		}
	}
	return false
}

// ent's chains (see internal/dbapi/ent.go) build one statement on the
// table of the builder's entity, which the types say: *ent.UserQuery is
// User's, whose package ent/user holds the Table and Field* constants.
// The predicates are the entity package's functions (user.NameEQ(n),
// user.HasPostsWith(...), user.Or(...)), read by what ent generates
// them for: a field and an operator, an edge, a combination. A
// predicate the program builds elsewhere (a slice spread, a custom
// func(*sql.Selector)) is one parameter standing for it, as a pop
// scope of another package is: the table and the other conditions are
// still checked, and the site counts it (entUnknown).
//
//	client.User.Query().Where(user.NameEQ(n)).Limit(10).All(ctx)
//	// SELECT users.id, users.name FROM users WHERE (users.name = $1) LIMIT 10
//	u.QueryPosts().All(ctx)    // ... FROM posts WHERE (posts.user_posts = $1)
//	q.WithPosts().All(ctx)     // and SELECT ... FROM posts WHERE posts.user_posts IN ($n)
//	client.User.UpdateOneID(id).SetName(n).Save(ctx) // UPDATE users SET name = $1 WHERE users.id = $2

// entChain is the statement an ent chain builds.
type entChain struct {
	kind  string         // the builder's kind (dbapi.EntQuery...)
	pkg   *types.Package // its entity package
	conds []ormCond
	order []string
	group []string
	cols  []string // Select's columns
	set   []string // SET col = $n, or the columns a create sets
	limit string
	off   string
	byID  bool      // UpdateOne, DeleteOne: the entity's row
	with  []entWith // the edges loaded eagerly
	lock  string    // ForUpdate, ForShare
	n     int
	// unknown names the parts not read (predicates built elsewhere).
	unknown []string
}

func (c *entChain) param() string { c.n++; return "$" + strconv.Itoa(c.n) }

func (c *entChain) table() string { t, _ := dbapi.EntConst(c.pkg, "Table"); return t }

// col is column name of the chain's table, qualified.
func (c *entChain) col(name string) string { return entCol(c.table(), name) }

func entCol(table, name string) string {
	return sqlparse.QuoteIdent(table) + "." + sqlparse.QuoteIdent(name)
}

// entSQL rebuilds the statement an ent finisher sends.
func (a *analyzer) entSQL(s *Site, sel *ast.SelectorExpr) sqlText {
	steps, param, why := a.ormSteps(sel.X, s.Call.Pos(), 0)
	if why != "" {
		return unresolved("ent chain: %s", why)
	}
	recv := a.pass.TypesInfo.TypeOf(sel.X)
	for i := range steps {
		// ent's builders change in place: q.Where(...) under an if adds
		// to the statement on some executions only.
		steps[i].opt = steps[i].opt || a.underCondition(steps[i].call, s.Call)
	}
	build := func(must bool) (*entChain, string, string) {
		c := &entChain{}
		c.kind, _ = dbapi.EntKind(recv)
		c.pkg = dbapi.EntEntityPkg(recv)
		if len(steps) > 0 {
			first := steps[0].fn.Type().(*types.Signature).Recv().Type()
			if k, _ := dbapi.EntKind(first); k != dbapi.EntClient && k != dbapi.EntEntity {
				// The chain is handed in (a parameter, a field): what
				// was added before is not seen.
				c.pkg = dbapi.EntEntityPkg(first)
				c.unknown = append(c.unknown, "conditions added where the builder was made")
				c.conds = append(c.conds, ormCond{"AND", c.param()})
			}
		} else if k, _ := dbapi.EntKind(recv); k != dbapi.EntClient {
			c.conds = append(c.conds, ormCond{"AND", c.param()})
			c.unknown = append(c.unknown, "conditions added where the builder was made")
		}
		_ = param
		for _, st := range steps {
			if must && st.opt {
				continue
			}
			if why := a.entStep(c, st); why != "" {
				return nil, "", why
			}
		}
		if c.pkg == nil {
			return nil, "", "entity package not found"
		}
		text, why := a.entFinish(c, s)
		return c, text, why
	}
	c, text, why := build(false)
	if why != "" {
		return unresolved("ent %s: %s", s.Method.Name, why)
	}
	t := sqlText{SQL: text, OK: true, Param: -1, many: c.kind == dbapi.EntCreateBulk, partial: c.unknown}
	if slices.ContainsFunc(steps, func(st ormStep) bool { return st.opt }) {
		if _, must, why := build(true); why == "" {
			t.opt, t.must = true, must
		}
	}
	return t
}

// entStep applies one call of an ent chain.
func (a *analyzer) entStep(c *entChain, st ormStep) string {
	name, args := st.name(), st.call.Args
	sig := st.fn.Type().(*types.Signature)
	recvKind, _ := dbapi.EntKind(sig.Recv().Type())
	resKind, _ := dbapi.EntKind(sig.Results().At(0).Type())
	target := dbapi.EntEntityPkg(sig.Results().At(0).Type())
	switch {
	case (recvKind == dbapi.EntClient || recvKind == dbapi.EntEntity) && strings.HasPrefix(name, "Query") && name != "Query":
		// u.QueryPosts(), client.User.QueryPosts(u): the edge of one row.
		src := dbapi.EntEntityPkg(sig.Recv().Type())
		c.kind, c.pkg = resKind, target
		cond := a.entEdge(c, src, strings.TrimPrefix(name, "Query"), "")
		c.conds = append(c.conds, ormCond{"AND", cond})
		return ""
	case recvKind == dbapi.EntClient || recvKind == dbapi.EntEntity:
		// client.User.Query(), Create(), UpdateOneID(id), u.Update()...
		c.kind, c.pkg = resKind, target
		c.byID = resKind == dbapi.EntUpdateOne || resKind == dbapi.EntDeleteOne
		return ""
	}
	switch {
	case name == "Where":
		for _, arg := range args {
			c.conds = append(c.conds, ormCond{"AND", a.entPred(c, arg, st.call.Ellipsis.IsValid() && arg == args[len(args)-1])})
		}
	case name == "Limit":
		c.limit = a.entNumber(c, args)
	case name == "Offset":
		c.off = a.entNumber(c, args)
	case name == "Order":
		for _, arg := range args {
			c.order = append(c.order, a.entOrder(c, arg))
		}
	case name == "Select" && recvKind == dbapi.EntQuery:
		cols, ok := a.constStrings(args)
		if !ok {
			return "selected columns are not constant"
		}
		for _, col := range cols {
			c.cols = append(c.cols, c.col(col))
		}
		c.kind = resKind
	case name == "GroupBy":
		cols, ok := a.constStrings(args)
		if !ok {
			return "grouped columns are not constant"
		}
		for _, col := range cols {
			c.group = append(c.group, c.col(col))
		}
		c.cols = c.group
		c.kind = resKind
	case name == "ForUpdate":
		c.lock = " FOR UPDATE"
	case name == "ForShare":
		c.lock = " FOR SHARE"
	case strings.HasPrefix(name, "With") && recvKind == dbapi.EntQuery && sig.Params().Len() == 1:
		// Eager loading: one more query, for the rows read, per edge.
		c.with = append(c.with, entWith{strings.TrimPrefix(name, "With"), a.entFuncArgPkg(sig.Params().At(0).Type())})
	case strings.HasPrefix(name, "Query") && recvKind == dbapi.EntQuery:
		// q.QueryPosts(): the edge of the rows q reads.
		src := c.pkg
		inner := *c
		c.kind, c.pkg = resKind, target
		c.conds, c.order, c.limit, c.off = nil, nil, "", ""
		cond := a.entEdge(c, src, strings.TrimPrefix(name, "Query"), entWhere(&inner))
		c.conds = append(c.conds, ormCond{"AND", cond})
	case recvKind == dbapi.EntCreate || recvKind == dbapi.EntUpdate || recvKind == dbapi.EntUpdateOne:
		a.entSetter(c, name)
	}
	return ""
}

// entWhere is the WHERE clause of a chain's conditions, " WHERE ..."
// or "".
func entWhere(c *entChain) string {
	if len(c.conds) == 0 {
		return ""
	}
	return " WHERE " + whereSQL(c.conds)
}

// entNumber is Limit's or Offset's argument: the number when constant.
func (a *analyzer) entNumber(c *entChain, args []ast.Expr) string {
	if len(args) > 0 {
		if tv, ok := a.pass.TypesInfo.Types[args[0]]; ok && tv.Value != nil {
			return tv.Value.ExactString()
		}
	}
	return c.param()
}

// entSetter records the column a create's or an update's setter
// writes: SetName, SetNillableName, AddAge (age = age + $n), ClearName
// (NULL); a setter of an edge (AddPostIDs) writes another table, and
// one whose field is not found names no column.
func (a *analyzer) entSetter(c *entChain, name string) {
	for _, prefix := range []string{"SetNillable", "Set", "Add", "Clear"} {
		field, ok := strings.CutPrefix(name, prefix)
		if !ok {
			continue
		}
		col, ok := dbapi.EntConst(c.pkg, "Field"+field)
		if !ok {
			return
		}
		q := sqlparse.QuoteIdent(col)
		if c.kind == dbapi.EntCreate || c.kind == dbapi.EntCreateBulk {
			if !slices.Contains(c.set, q) {
				c.set = append(c.set, q)
			}
			return
		}
		switch prefix {
		case "Add":
			c.set = append(c.set, q+" = "+q+" + "+c.param())
		case "Clear":
			c.set = append(c.set, q+" = NULL")
		default:
			c.set = append(c.set, q+" = "+c.param())
		}
		return
	}
}

// entFuncArgPkg is the entity package of the query a With option
// takes (func(*PostQuery)).
func (a *analyzer) entFuncArgPkg(t types.Type) *types.Package {
	if s, ok := t.Underlying().(*types.Slice); ok {
		t = s.Elem()
	}
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || sig.Params().Len() != 1 {
		return nil
	}
	return dbapi.EntEntityPkg(sig.Params().At(0).Type())
}

// entEdge is the condition on the target rows of edge e of entity
// package src, from the source rows srcWhere selects ("" for the one
// row an entity value is: its id). The edge's foreign key is in the
// target's table (O2M: posts.user_posts) or in the source's (M2O);
// a join table's (M2M) columns are not in the constants ent
// generates, and a parameter stands for that condition.
func (a *analyzer) entEdge(c *entChain, src *types.Package, e, srcWhere string) string {
	srcTable, _ := dbapi.EntConst(src, "Table")
	tgtTable := c.table()
	edgeTable, _ := dbapi.EntConst(src, e+"Table")
	col, hasCol := dbapi.EntConst(src, e+"Column")
	srcID := entCol(srcTable, "id")
	one := srcWhere == ""
	if one {
		srcWhere = " WHERE " + srcID + " = " + c.param()
	}
	switch {
	case hasCol && srcTable == tgtTable:
		// An edge of a table to itself: which side holds the key is not
		// in the constants.
	case hasCol && edgeTable == tgtTable:
		if one {
			return entCol(tgtTable, col) + " = " + strings.TrimPrefix(srcWhere, " WHERE "+srcID+" = ")
		}
		return entCol(tgtTable, col) + " IN (SELECT " + srcID + " FROM " + sqlparse.QuoteIdent(srcTable) + srcWhere + ")"
	case hasCol && edgeTable == srcTable:
		return entCol(tgtTable, "id") + " IN (SELECT " + entCol(srcTable, col) + " FROM " + sqlparse.QuoteIdent(srcTable) + srcWhere + ")"
	}
	c.unknown = append(c.unknown, "the join of edge "+e)
	return c.param()
}

// entPred is the SQL of a predicate argument of Where; spread says it
// is a slice spread (Where(preds...)).
func (a *analyzer) entPred(c *entChain, arg ast.Expr, spread bool) string {
	if s, ok := a.entPredOK(c, arg, spread); ok {
		return s
	}
	c.unknown = append(c.unknown, "predicate "+exprName(arg))
	return c.param()
}

// entOps are the operators of ent's field predicates, by the suffix of
// the predicate's name ("" is NameEQ's short form Name), longest first.
var entOps = []struct{ suffix, sql string }{
	{"ContainsFold", "lower(%s) LIKE %s"}, {"EqualFold", "lower(%s) = %s"},
	{"HasPrefix", "%s LIKE %s"}, {"HasSuffix", "%s LIKE %s"}, {"Contains", "%s LIKE %s"},
	{"NotIn", "%s NOT IN (%s)"}, {"NotNil", "%s IS NOT NULL"}, {"IsNil", "%s IS NULL"},
	{"GTE", "%s >= %s"}, {"LTE", "%s <= %s"}, {"NEQ", "%s <> %s"}, {"EQ", "%s = %s"},
	{"GT", "%s > %s"}, {"LT", "%s < %s"}, {"In", "%s IN (%s)"}, {"", "%s = %s"},
}

func (a *analyzer) entPredOK(c *entChain, arg ast.Expr, spread bool) (string, bool) {
	call, ok := ast.Unparen(arg).(*ast.CallExpr)
	if spread || !ok {
		return "", false
	}
	fn, _ := typeutil.Callee(a.pass.TypesInfo, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || fn.Type().(*types.Signature).Recv() != nil {
		return "", false
	}
	p := fn.Pkg()
	table, ok := dbapi.EntConst(p, "Table")
	if res := fn.Type().(*types.Signature).Results(); !ok || res.Len() != 1 || !isEntPredicate(res.At(0).Type()) {
		return "", false
	}
	name := fn.Name()
	args := call.Args
	switch name {
	case "And", "Or":
		if call.Ellipsis.IsValid() || len(args) == 0 {
			return "", false
		}
		var parts []string
		for _, x := range args {
			s, ok := a.entPredOK(c, x, false)
			if !ok {
				return "", false
			}
			parts = append(parts, "("+s+")")
		}
		return strings.Join(parts, " "+strings.ToUpper(name)+" "), true
	case "Not":
		if len(args) != 1 {
			return "", false
		}
		s, ok := a.entPredOK(c, args[0], false)
		return "NOT (" + s + ")", ok
	}
	if e, ok := strings.CutPrefix(name, "Has"); ok {
		with := strings.HasSuffix(e, "With")
		e = strings.TrimSuffix(e, "With")
		if _, isEdge := dbapi.EntConst(p, e+"Table"); isEdge {
			return a.entHas(c, p, table, e, with, call)
		}
	}
	for _, op := range entOps {
		field, ok := strings.CutSuffix(name, op.suffix)
		if !ok || field == "" {
			continue
		}
		col, ok := dbapi.EntConst(p, "Field"+field)
		if !ok {
			continue
		}
		q := entCol(table, col)
		if strings.Count(op.sql, "%s") == 1 {
			return fmt.Sprintf(op.sql, q), true
		}
		return fmt.Sprintf(op.sql, q, c.param()), true
	}
	return "", false
}

// entHas is Has<Edge>() or Has<Edge>With(preds...) of entity package p:
// the source rows having a target row (that the predicates select).
func (a *analyzer) entHas(c *entChain, p *types.Package, table, e string, with bool, call *ast.CallExpr) (string, bool) {
	edgeTable, _ := dbapi.EntConst(p, e+"Table")
	col, hasCol := dbapi.EntConst(p, e+"Column")
	tgt, ok := dbapi.EntConst(p, e+"InverseTable")
	if !ok || !hasCol {
		return "", false // an edge to itself, a join table
	}
	var where []ormCond
	if with {
		for i, x := range call.Args {
			spread := call.Ellipsis.IsValid() && i == len(call.Args)-1
			s, ok := a.entPredOK(c, x, spread)
			if !ok {
				return "", false
			}
			where = append(where, ormCond{"AND", s})
		}
	}
	w := ""
	if len(where) > 0 {
		w = " WHERE " + whereSQL(where)
	}
	switch edgeTable {
	case tgt:
		return entCol(table, "id") + " IN (SELECT " + entCol(tgt, col) + " FROM " + sqlparse.QuoteIdent(tgt) + w + ")", true
	case table:
		if !with {
			return entCol(table, col) + " IS NOT NULL", true
		}
		return entCol(table, col) + " IN (SELECT " + entCol(tgt, "id") + " FROM " + sqlparse.QuoteIdent(tgt) + w + ")", true
	}
	return "", false
}

// isEntPredicate reports whether t is a predicate type ent generates
// (predicate.User): a function of ent's *sql.Selector.
func isEntPredicate(t types.Type) bool {
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || sig.Params().Len() != 1 || sig.Results().Len() != 0 {
		return false
	}
	p, ok := sig.Params().At(0).Type().(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "entgo.io/ent/dialect/sql" && n.Obj().Name() == "Selector"
}

// entWith is an edge loaded eagerly (WithPosts), and the entity
// package of its target.
type entWith struct {
	edge string
	tgt  *types.Package
}

// entOrder is the ORDER BY term of an Order argument: user.ByName(opts...)
// (sql.OrderDesc() among them for DESC), or ent.Asc/ent.Desc of
// constant fields in ent's older API; a parameter stands for any other.
func (a *analyzer) entOrder(c *entChain, arg ast.Expr) string {
	info := a.pass.TypesInfo
	if call, ok := ast.Unparen(arg).(*ast.CallExpr); ok {
		if fn, _ := typeutil.Callee(info, call).(*types.Func); fn != nil && fn.Pkg() != nil {
			if field, ok := strings.CutPrefix(fn.Name(), "By"); ok && fn.Pkg() == c.pkg {
				if col, ok := dbapi.EntConst(c.pkg, "Field"+field); ok {
					dir := ""
					for _, o := range call.Args {
						if oc, ok := ast.Unparen(o).(*ast.CallExpr); ok {
							if f, _ := typeutil.Callee(info, oc).(*types.Func); f != nil && f.Name() == "OrderDesc" && f.Pkg() != nil && f.Pkg().Path() == "entgo.io/ent/dialect/sql" {
								dir = " DESC"
							}
						}
					}
					return c.col(col) + dir
				}
			}
			if (fn.Name() == "Asc" || fn.Name() == "Desc") && dbapi.IsEntPackage(fn.Pkg()) {
				if cols, ok := a.constStrings(call.Args); ok && len(cols) > 0 {
					var terms []string
					for _, col := range cols {
						t := c.col(col)
						if fn.Name() == "Desc" {
							t += " DESC"
						}
						terms = append(terms, t)
					}
					return strings.Join(terms, ", ")
				}
			}
		}
	}
	c.unknown = append(c.unknown, "order "+exprName(arg))
	return c.param()
}

// entFinish writes the statement the finisher sends, with the queries
// eager loading adds after a read of rows.
func (a *analyzer) entFinish(c *entChain, s *Site) (string, string) {
	table := sqlparse.QuoteIdent(c.table())
	id := c.col("id")
	name := strings.TrimSuffix(s.Method.Name, "X")
	if s.Method.Name == "IDsX" {
		name = "IDs"
	}
	if c.byID {
		c.conds = append(c.conds, ormCond{"AND", id + " = " + c.param()})
	}
	var b strings.Builder
	switch c.kind {
	case dbapi.EntCreate, dbapi.EntCreateBulk:
		cols := c.set
		if len(cols) == 0 {
			for _, col := range dbapi.EntColumns(c.pkg) {
				if col != "id" {
					cols = append(cols, sqlparse.QuoteIdent(col))
				}
			}
		}
		vals := make([]string, len(cols))
		for i := range vals {
			vals[i] = c.param()
		}
		b.WriteString("INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES (" + strings.Join(vals, ", ") + ")")
	case dbapi.EntUpdate, dbapi.EntUpdateOne:
		set := c.set
		if len(set) == 0 {
			for _, col := range dbapi.EntColumns(c.pkg) {
				if col != "id" {
					set = append(set, sqlparse.QuoteIdent(col)+" = "+c.param())
				}
			}
		}
		b.WriteString("UPDATE " + table + " SET " + strings.Join(set, ", "))
		if len(c.conds) > 0 {
			b.WriteString(" WHERE " + entWhereOne(c))
		}
		return sqlparse.RenumberParams(b.String()), ""
	case dbapi.EntDelete, dbapi.EntDeleteOne:
		b.WriteString("DELETE FROM " + table)
		if len(c.conds) > 0 {
			b.WriteString(" WHERE " + entWhereOne(c))
		}
	default: // a read: a query, a select, a group-by, a client's Get
		cols := strings.Join(c.cols, ", ")
		if cols == "" {
			var q []string
			for _, col := range dbapi.EntColumns(c.pkg) {
				q = append(q, c.col(col))
			}
			cols = strings.Join(q, ", ")
		}
		if cols == "" {
			cols = table + ".*"
		}
		switch name {
		case "Get":
			c.conds = append(c.conds, ormCond{"AND", id + " = " + c.param()})
			c.limit = "2"
		case "First":
			c.limit = "1"
		case "Only":
			c.limit = "2"
		case "FirstID", "Exist":
			cols, c.limit = id, "1"
		case "OnlyID":
			cols, c.limit = id, "2"
		case "IDs":
			cols = id
		case "Count":
			cols, c.order, c.limit, c.off = "COUNT(*)", nil, "", ""
		case "Paginate":
			// entgql's page of a connection: the rows after the
			// cursor, by id, as many as asked (and a COUNT when the
			// total is asked for, which the call does not say).
			c.conds = append(c.conds, ormCond{"AND", id + " > " + c.param()})
			if len(c.order) == 0 {
				c.order = []string{id}
			}
			c.limit = c.param()
		}
		b.WriteString("SELECT " + cols + " FROM " + table + entWhere(c))
		writeClauses(&b, c.group, nil, c.order, c.limit, c.off)
		b.WriteString(c.lock)
		switch name {
		case "All", "First", "Only", "Get":
			for _, w := range c.with {
				b.WriteString(";\n" + a.entEager(c, w))
			}
		}
	}
	return b.String(), ""
}

// entWhereOne is the conditions of a write: those of the row by its id
// alone are not parenthesized, as ent writes them.
func entWhereOne(c *entChain) string {
	if c.byID && len(c.conds) == 1 {
		return c.conds[0].sql
	}
	return whereSQL(c.conds)
}

// entEager is the query eager loading edge w sends after the rows are
// read: the target rows of all of them at once.
func (a *analyzer) entEager(c *entChain, w entWith) string {
	if w.tgt == nil {
		c.unknown = append(c.unknown, "eager loading of "+w.edge)
		return "SELECT " + c.param()
	}
	tgt := &entChain{pkg: w.tgt, n: c.n}
	var cols []string
	for _, col := range dbapi.EntColumns(w.tgt) {
		cols = append(cols, tgt.col(col))
	}
	srcTable := c.table()
	edgeTable, _ := dbapi.EntConst(c.pkg, w.edge+"Table")
	col, hasCol := dbapi.EntConst(c.pkg, w.edge+"Column")
	key := tgt.col("id") // M2O: the targets the rows point at; M2M through its join table
	if hasCol && edgeTable == tgt.table() && edgeTable != srcTable {
		key = tgt.col(col) // O2M: the targets pointing at the rows
	}
	text := "SELECT " + strings.Join(cols, ", ") + " FROM " + sqlparse.QuoteIdent(tgt.table()) + " WHERE " + key + " IN (" + tgt.param() + ")"
	c.n = tgt.n
	return text
}

// underCondition reports whether call runs on some of the executions of
// at only: on the way up from call to the innermost node holding both,
// it is under an if, a case or a loop of its own.
func (a *analyzer) underCondition(call, at *ast.CallExpr) bool {
	root := config.Inspector(a.pass).Root()
	cc, ok := root.FindNode(call)
	if !ok {
		return false
	}
	for c := range cc.Enclosing() {
		n := c.Node()
		if n.Pos() <= at.Pos() && at.End() <= n.End() {
			return false // holds the finisher too
		}
		switch n.(type) {
		case *ast.IfStmt, *ast.CaseClause, *ast.CommClause, *ast.ForStmt, *ast.RangeStmt:
			return true
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		}
	}
	return false
}
