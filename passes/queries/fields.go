package queries

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/sqlheat/sqlheat/internal/codekind"
	"github.com/sqlheat/sqlheat/internal/dbapi"
	"github.com/sqlheat/sqlheat/internal/sqlfiles"
	"github.com/sqlheat/sqlheat/internal/sqlparse"
)

// Services that prepare their statements once keep them in struct fields:
//
//	s.byID, err = db.Prepare(byIDSQL)            // in a constructor
//	return StatementList{{&s.byID, byIDSQL}}.Prepare(db)
//	s.byID.QueryRowContext(ctx, id)              // anywhere, any package
//	tx.StmtContext(ctx, s.byID).ExecContext(...)
//
// The call that runs the statement holds no SQL; the SQL was given where
// the field was written. So every write to a statement field (and to a
// string field, for SQL kept in data) is collected, the values written are
// resolved, and the field carries the result: in this package through
// fields, to others as a FieldSQL fact. Writes are taken without regard
// to control flow, since a constructor runs before the methods that use
// its fields; a field given two different statements is ambiguous and
// resolves to nothing, with the places, rather than to a guess.

// fieldWrite is one value written to a field or package-level statement
// variable.
type fieldWrite struct {
	pos   token.Pos
	rhs   ast.Expr
	index int // result index when rhs is a multi-value call; -1 otherwise
	// sql says rhs is the statement's SQL text (a statement table entry)
	// rather than the statement.
	sql bool
	// why, when set, is why the write cannot be followed (s.q += ...).
	why string
}

// fieldInfo is what the package writes to one field, and what that
// resolves to (computed on first use).
type fieldInfo struct {
	writes []fieldWrite
	state  int // 0 not resolved, 1 being resolved, 2 resolved
	t      sqlText
}

// holdsSQL reports whether a field or variable of type t can hold a
// statement or SQL text.
func holdsSQL(t types.Type) bool { return dbapi.IsStmt(t) || isString(t) }

// isStmtPtr reports whether t is a pointer to a statement variable
// (**sql.Stmt): what statement tables store, to fill the field.
func isStmtPtr(t types.Type) bool {
	p, ok := t.Underlying().(*types.Pointer)
	return ok && dbapi.IsStmt(p.Elem())
}

// learnTables finds the helpers that prepare statement tables, and
// records the tables' types: a struct whose statement-pointer field P is
// filled from its string field Q (*e.P, err = db.Prepare(e.Q)), or a map
// from statement pointers to SQL filled while ranging over it
// (for p, q := range m { *p, err = db.Prepare(q) }).
func (a *analyzer) learnTables() {
	info := a.pass.TypesInfo
	// Range statements over maps of statement pointers: key var -> value var.
	ranged := map[*types.Var]*ast.RangeStmt{}
	for _, f := range a.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.RangeStmt:
				if m, ok := under(info.TypeOf(n.X)).(*types.Map); ok && isStmtPtr(m.Key()) && isString(m.Elem()) {
					if k, ok := n.Key.(*ast.Ident); ok {
						if v := identVar(info, k); v != nil {
							ranged[v] = n
						}
					}
				}
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					star, ok := ast.Unparen(lhs).(*ast.StarExpr)
					if !ok {
						continue
					}
					rhs, index := n.Rhs[0], i
					if len(n.Rhs) == len(n.Lhs) {
						rhs, index = n.Rhs[i], -1
					}
					arg := a.prepareArg(rhs, index, n.Pos())
					if arg == nil {
						continue
					}
					a.learnTable(ast.Unparen(star.X), ast.Unparen(arg), ranged)
				}
			}
			return true
		})
	}
}

// learnTable records the table of one assignment *dst = prepare(sql).
func (a *analyzer) learnTable(dst, sql ast.Expr, ranged map[*types.Var]*ast.RangeStmt) {
	info := a.pass.TypesInfo
	switch dst := dst.(type) {
	case *ast.SelectorExpr: // *e.P = prepare(e.Q)
		q, ok := sql.(*ast.SelectorExpr)
		if !ok {
			return
		}
		p, _ := info.Uses[dst.Sel].(*types.Var)
		qf, _ := info.Uses[q.Sel].(*types.Var)
		if p == nil || qf == nil || !p.IsField() || !qf.IsField() || !isStmtPtr(p.Type()) || !isString(qf.Type()) {
			return
		}
		x, ok1 := ast.Unparen(dst.X).(*ast.Ident)
		y, ok2 := ast.Unparen(q.X).(*ast.Ident)
		if !ok1 || !ok2 || identVar(info, x) == nil || identVar(info, x) != identVar(info, y) {
			return // two entries: not one table entry's own SQL
		}
		if st := structOf(identVar(info, x).Type()); st == nil || !hasField(st, p) || !hasField(st, qf) {
			return
		}
		a.tables[p.Origin()] = &StmtTable{SQLField: qf.Name()}
	case *ast.Ident: // for p, q := range m { *p = prepare(q) }
		k := identVar(info, dst)
		rs := ranged[k]
		if rs == nil {
			return
		}
		vid, ok := rs.Value.(*ast.Ident)
		q, ok2 := sql.(*ast.Ident)
		if !ok || !ok2 || identVar(info, q) == nil || identVar(info, q) != identVar(info, vid) {
			return
		}
		t := info.TypeOf(rs.X)
		if n, ok := types.Unalias(t).(*types.Named); ok {
			a.mapTables[n.Obj()] = true
		} else {
			a.anonMaps = append(a.anonMaps, t)
		}
	}
}

// structOf is the struct type of t, *t, or nil.
func structOf(t types.Type) *types.Struct {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, _ := t.Underlying().(*types.Struct)
	return st
}

func hasField(st *types.Struct, f *types.Var) bool {
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i) == f {
			return true
		}
	}
	return false
}

// tableOf returns the statement-table entry that field p (a statement
// pointer) belongs to, learned here or imported; nil when p is none.
func (a *analyzer) tableOf(p *types.Var) *StmtTable {
	p = p.Origin()
	if t := a.tables[p]; t != nil {
		return t
	}
	if p.Pkg() != nil && p.Pkg() != a.pass.Pkg {
		var t StmtTable
		if a.pass.ImportObjectFact(p, &t) {
			return &t
		}
	}
	return nil
}

// isMapTable reports whether t is the type of a statement table map.
func (a *analyzer) isMapTable(t types.Type) bool {
	if n, ok := types.Unalias(t).(*types.Named); ok {
		if a.mapTables[n.Obj()] {
			return true
		}
		var f StmtTable
		return n.Obj().Pkg() != nil && n.Obj().Pkg() != a.pass.Pkg && a.pass.ImportObjectFact(n.Obj(), &f)
	}
	for _, m := range a.anonMaps {
		if types.Identical(m, t) {
			return true
		}
	}
	return false
}

// prepareArg returns the SQL argument of the Prepare call (of a database
// API or a learned wrapper) whose statement e is, directly or through one
// local variable; nil when e is none.
func (a *analyzer) prepareArg(e ast.Expr, index int, at token.Pos) ast.Expr {
	info := a.pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if index > 0 {
			return nil // the error of (stmt, err)
		}
		fn := a.r.callee(e)
		if fn == nil {
			return nil
		}
		if m := a.lookup(fn, e); m != nil && m.Role == dbapi.Prepare && !isNamedAPI(m) && m.SQLArg < len(e.Args) {
			return e.Args[m.SQLArg]
		}
		if w := a.wrapperOf(fn); w != nil && w.Role == dbapi.Prepare.String() && !w.Stmt && w.Index < len(e.Args) {
			return e.Args[w.Index]
		}
	case *ast.Ident:
		v, _ := info.Uses[e].(*types.Var)
		for _, w := range a.r.writes[v] {
			if w.rhs != nil && w.pos < at {
				if arg := a.prepareArg(w.rhs, w.index, w.pos); arg != nil {
					return arg
				}
			}
		}
	}
	return nil
}

// collectFields records every write to a field (or package-level
// variable) that can hold a statement or SQL text: assignments, struct
// literals, and the entries of statement tables.
func (a *analyzer) collectFields() {
	info := a.pass.TypesInfo
	for _, f := range a.pass.Files {
		test := codekind.TestFile(a.pass.Fset.File(f.Pos()).Name())
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					v := a.target(lhs)
					if v == nil {
						continue
					}
					w := fieldWrite{pos: n.Pos(), index: -1}
					switch {
					case n.Tok != token.ASSIGN && n.Tok != token.DEFINE:
						w.why = fmt.Sprintf("it is changed with %s", n.Tok)
					case len(n.Rhs) == len(n.Lhs):
						w.rhs = n.Rhs[i]
					default:
						w.rhs, w.index = n.Rhs[0], i
					}
					a.addWrite(v, w, test)
				}
			case *ast.ValueSpec:
				for i, id := range n.Names {
					v, _ := info.Defs[id].(*types.Var)
					if v == nil || v.Parent() != v.Pkg().Scope() || !dbapi.IsStmt(v.Type()) {
						continue // local variables are the resolver's
					}
					switch {
					case len(n.Values) == len(n.Names):
						a.addWrite(v, fieldWrite{pos: n.Pos(), rhs: n.Values[i], index: -1}, test)
					case len(n.Values) == 1:
						a.addWrite(v, fieldWrite{pos: n.Pos(), rhs: n.Values[0], index: i}, test)
					}
				}
			case *ast.CompositeLit:
				a.literal(n, test)
			}
			return true
		})
	}
}

// target is the field or package-level statement variable an assignment
// writes, when it can hold SQL; nil otherwise.
func (a *analyzer) target(lhs ast.Expr) *types.Var {
	info := a.pass.TypesInfo
	var v *types.Var
	switch lhs := ast.Unparen(lhs).(type) {
	case *ast.SelectorExpr:
		v, _ = info.Uses[lhs.Sel].(*types.Var)
		if v != nil && !v.IsField() && v.Parent() != v.Pkg().Scope() {
			v = nil
		}
	case *ast.Ident:
		v, _ = info.Uses[lhs].(*types.Var)
	}
	if v == nil || v.Pkg() == nil {
		return nil
	}
	if v.IsField() {
		if !holdsSQL(v.Type()) {
			return nil
		}
		return v.Origin()
	}
	if v.Parent() == v.Pkg().Scope() && dbapi.IsStmt(v.Type()) {
		return v
	}
	return nil
}

// literal records the fields a composite literal writes: the fields of a
// struct literal, and the statements of a statement table's entries.
func (a *analyzer) literal(lit *ast.CompositeLit, test bool) {
	info := a.pass.TypesInfo
	t := info.TypeOf(lit)
	if t == nil {
		return
	}
	if a.isMapTable(t) {
		for _, el := range lit.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if v := a.pointee(kv.Key); v != nil {
					a.addWrite(v, fieldWrite{pos: kv.Pos(), rhs: kv.Value, index: -1, sql: true}, test)
				}
			}
		}
		return
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return
	}
	vals := map[*types.Var]ast.Expr{}
	for i, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				if f, ok := info.Uses[id].(*types.Var); ok && f.IsField() {
					vals[f] = kv.Value
				}
			}
		} else if i < st.NumFields() {
			vals[st.Field(i)] = el
		}
	}
	for f, val := range vals {
		if tab := a.tableOf(f); tab != nil {
			// {&s.byID, byIDSQL}: the entry's SQL is byID's.
			if v := a.pointee(val); v != nil {
				for g, q := range vals {
					if g.Name() == tab.SQLField {
						a.addWrite(v, fieldWrite{pos: val.Pos(), rhs: q, index: -1, sql: true}, test)
					}
				}
			}
			continue
		}
		if holdsSQL(f.Type()) {
			a.addWrite(f.Origin(), fieldWrite{pos: val.Pos(), rhs: val, index: -1}, test)
		}
	}
}

// pointee is the statement field or variable &x.f or &v points to.
func (a *analyzer) pointee(e ast.Expr) *types.Var {
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	if !ok || u.Op != token.AND {
		return nil
	}
	v := a.target(u.X)
	if v == nil || !dbapi.IsStmt(v.Type()) {
		return nil
	}
	return v
}

// addWrite records a write. Writes in test files are left out for the
// fields of non-test code: a test's fake statement is not what the
// service runs.
func (a *analyzer) addWrite(v *types.Var, w fieldWrite, test bool) {
	if w.rhs != nil {
		if id, ok := ast.Unparen(w.rhs).(*ast.Ident); ok && id.Name == "nil" && a.pass.TypesInfo.Uses[id] == types.Universe.Lookup("nil") {
			return // s.byID = nil after Close: not a statement
		}
	}
	if test && !codekind.TestFile(a.pass.Fset.Position(v.Pos()).Filename) {
		return
	}
	fi := a.fields[v]
	if fi == nil {
		fi = &fieldInfo{}
		a.fields[v] = fi
	}
	fi.writes = append(fi.writes, w)
}

// where is "file.go:line" of pos, how messages place a write.
func (a *analyzer) where(pos token.Pos) string {
	p := a.pass.Fset.Position(pos)
	return filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line)
}

// fieldSQL is the SQL a field or package-level statement variable holds:
// from its writes in this package, and from its fact when it is declared
// in another.
func (a *analyzer) fieldSQL(v *types.Var, depth int) sqlText {
	v = v.Origin()
	what := "field " + v.Name()
	if !v.IsField() {
		what = "variable " + v.Name()
	}
	var fact *FieldSQL
	if v.Pkg() != nil && v.Pkg() != a.pass.Pkg {
		var f FieldSQL
		if a.pass.ImportObjectFact(v, &f) {
			fact = &f
		}
	}
	fi := a.fields[v]
	if fi == nil {
		switch {
		case fact != nil:
			return a.fromFact(fact)
		case a.isTableSQL(v):
			return unresolved("SQL is each entry of a statement table")
		case v.Pkg() != a.pass.Pkg:
			return unresolved("SQL comes from %s of package %s, which assigns it no SQL", what, v.Pkg().Name())
		}
		return unresolved("SQL comes from %s, which is assigned no SQL", what)
	}
	switch fi.state {
	case 1:
		return unresolved("%s is assigned from itself", what)
	case 2:
		return fi.t
	}
	fi.state = 1
	var vals []sqlText
	var wheres []string
	for _, w := range fi.writes {
		var t sqlText
		switch {
		case w.why != "":
			t = unresolved("%s", w.why)
		case w.sql || !dbapi.IsStmt(v.Type()):
			if w.index >= 0 {
				if call, ok := ast.Unparen(w.rhs).(*ast.CallExpr); ok {
					t = a.r.call(call, w.index, w.pos, depth+1)
					break
				}
			}
			t = a.r.expr(w.rhs, w.pos, depth+1)
		default:
			t = a.stmtSQL(w.rhs, w.index, w.pos, depth+1)
		}
		if t.Param >= 0 {
			t = unresolved("%s", t.Why) // a constructor's parameter: not this field's SQL
		}
		vals = append(vals, t)
		wheres = append(wheres, a.where(w.pos))
	}
	if fact != nil {
		vals = append(vals, a.fromFact(fact))
		wheres = append(wheres, "package "+v.Pkg().Name())
	}
	t := numbered(settle(what, vals, wheres))
	if a.r.sym != nil {
		// Read while appender tries a parameter, which it holds as
		// paramMark: not what it holds for a query site.
		fi.state = 0
		return t
	}
	fi.t, fi.state = t, 2
	return fi.t
}

// isTableSQL reports whether v is the SQL field of a statement table's
// entry: the helper that prepares the table runs each entry's SQL.
func (a *analyzer) isTableSQL(v *types.Var) bool {
	if !v.IsField() {
		return false
	}
	for p, t := range a.tables {
		if t.SQLField == v.Name() && p.Pkg() == v.Pkg() {
			return true
		}
	}
	return false
}

func (a *analyzer) fromFact(f *FieldSQL) sqlText {
	if f.SQL == "" {
		return unresolved("%s", f.Why)
	}
	t := sqlText{SQL: f.SQL, OK: true, Param: -1}
	if f.Name != "" {
		t.Block, _ = a.r.set().Named(f.Name)
	}
	return t
}

// settle decides what a field holds from the values written to it: one
// statement, possibly written several times or in several bind syntaxes
// (a per-dialect table whose texts differ only in placeholders), or
// nothing when the writes disagree or one cannot be followed.
func settle(what string, vals []sqlText, wheres []string) sqlText {
	if len(vals) > 0 && !slices.ContainsFunc(vals, func(t sqlText) bool { return !t.copy }) {
		t := unresolved("%s is assigned at %s where %s", what, wheres[0], strings.TrimSuffix(vals[0].Why, "."))
		t.copy = true // a bulk copy, wherever it is prepared
		return t
	}
	var distinct []int
	seen := map[string]bool{}
	for i, t := range vals {
		if !t.OK {
			return unresolved("%s is assigned at %s where %s", what, wheres[i], strings.TrimSuffix(t.Why, "."))
		}
		if k := statementKey(t.SQL); !seen[k] {
			seen[k] = true
			distinct = append(distinct, i)
		}
	}
	switch len(distinct) {
	case 0:
		return unresolved("%s is never assigned", what)
	case 1:
		// Of the variants, PostgreSQL's own text, which the parser and
		// the report show unchanged; else the first written.
		t := vals[0]
		for _, u := range vals {
			if sqlparse.Normalize(u.SQL) == u.SQL {
				t = u
				break
			}
		}
		for _, u := range vals {
			if u.Lit != t.Lit {
				t.Lit = token.NoPos // several literals: no one place to report at
			}
			if u.Block != t.Block {
				t.Block = nil
			}
		}
		return t
	}
	var places []string
	for _, i := range distinct {
		places = append(places, wheres[i])
	}
	return unresolved("%s holds %d different statements (%s)", what, len(distinct), strings.Join(places, ", "))
}

// statementKey is equal for texts that are one statement: the text with
// PostgreSQL's bind syntax and quoting and its blanks folded, so that the
// variants of a per-dialect query table ("... = ?" for SQLite, "... = $1"
// for PostgreSQL) are one. Constants must match: "SELECT 1" and
// "SELECT 2" have one fingerprint but are two statements.
func statementKey(s string) string {
	return strings.Join(strings.Fields(sqlparse.Normalize(s)), " ")
}

// stmtSQL resolves the SQL a prepared statement expression runs: a
// Prepare call (of the API or a learned wrapper), a transaction's
// Tx.Stmt of another statement, a function that hands back the statement
// it is given, a local variable, or a field or package-level variable
// holding one. index is the result index when e is a multi-value call.
func (a *analyzer) stmtSQL(e ast.Expr, index int, at token.Pos, depth int) sqlText {
	if depth > maxDepth {
		return unresolved("too deep")
	}
	info := a.pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := a.r.callee(e)
		if fn == nil {
			return unresolved("statement comes from a dynamic call")
		}
		if index > 0 {
			return unresolved("statement comes from result %d of %s", index, fn.Name())
		}
		if m := a.lookup(fn, e); m != nil && m.SQLArg >= 0 && m.SQLArg < len(e.Args) {
			switch m.Role {
			case dbapi.Prepare:
				if isNamedAPI(m) {
					return a.r.named(e.Args[m.SQLArg], e.Pos(), depth)
				}
				return a.r.expr(e.Args[m.SQLArg], e.Pos(), depth+1)
			case dbapi.TxStmt:
				return a.stmtSQL(e.Args[m.SQLArg], -1, at, depth+1)
			}
		}
		if w := a.wrapperOf(fn); w != nil && w.Role == dbapi.Prepare.String() && !w.Stmt && w.Index < len(e.Args) {
			return a.r.expr(e.Args[w.Index], e.Pos(), depth+1) // prep.P(sql): a learned Prepare wrapper
		}
		if p := a.stmtFromOf(fn); p >= 0 && p < len(e.Args) {
			return a.stmtSQL(e.Args[p], -1, at, depth+1)
		}
		return unresolved("statement comes from a call to %s", fn.Name())
	case *ast.Ident:
		v, _ := info.Uses[e].(*types.Var)
		if v == nil {
			return unresolved("statement %s is not a variable", e.Name)
		}
		if v.Parent() == v.Pkg().Scope() {
			return a.fieldSQL(v, depth)
		}
		return a.localStmt(v, at, depth)
	case *ast.SelectorExpr:
		if t, ok := a.r.namedQuery(e, at, depth); ok {
			return t // q.GetUser.Get(...), GetUser *sqlx.Stmt `query:"get-user"`
		}
		if v, ok := info.Uses[e.Sel].(*types.Var); ok {
			return a.fieldSQL(v, depth)
		}
	}
	return unresolved("statement comes from %s", exprName(e))
}

// localStmt resolves a local statement variable (or parameter) at a
// position: every value written to it before, and the parameter's own
// value, must agree.
func (a *analyzer) localStmt(v *types.Var, at token.Pos, depth int) sqlText {
	var vals []sqlText
	var wheres []string
	if idx, ok := a.r.params[v]; ok {
		vals = append(vals, sqlText{Why: "statement is parameter " + v.Name(), Param: idx, pvar: v})
		wheres = append(wheres, "")
	}
	for _, w := range a.r.writes[v] {
		if w.rhs == nil || at.IsValid() && w.pos >= at {
			continue
		}
		vals = append(vals, a.stmtSQL(w.rhs, w.index, w.pos, depth+1))
		wheres = append(wheres, a.where(w.pos))
	}
	switch {
	case len(vals) == 0 && a.r.ranged[v] != nil:
		// for _, stmt := range []*sql.Stmt{s.a, s.b}: each element.
		return a.r.rangeElem(v, a.r.ranged[v], depth, func(e ast.Expr) sqlText { return a.stmtSQL(e, -1, e.Pos(), depth+1) })
	case len(vals) == 0:
		return unresolved("statement %s has no visible value", v.Name())
	case vals[0].Param >= 0:
		// A parameter, perhaps bound to a transaction on the way
		// (stmt = tx.Stmt(stmt)): a wrapper's statement.
		for _, t := range vals[1:] {
			if t.Param != vals[0].Param {
				return unresolved("statement %s is parameter %s or another statement", v.Name(), v.Name())
			}
		}
		return vals[0]
	}
	return settle("statement "+v.Name(), vals, wheres)
}

// stmtFromOf is the parameter whose statement fn returns, or -1.
func (a *analyzer) stmtFromOf(fn *types.Func) int {
	if p, ok := a.stmtFrom[fn.Origin()]; ok {
		return p
	}
	if fn.Pkg() != nil && fn.Pkg() != a.pass.Pkg {
		var f StmtFrom
		if a.pass.ImportObjectFact(fn.Origin(), &f) {
			return f.Param
		}
	}
	return -1
}

// learnStmtFrom finds the functions that return the statement they are
// given (sqlutil.TxStmt(tx, stmt), which binds it to tx when there is
// one): every return gives back the same statement parameter.
func (a *analyzer) learnStmtFrom() {
	for _, n := range a.funcs {
		if !isDecl(n) {
			continue
		}
		res := n.sig.Results()
		k := -1
		for i := 0; i < res.Len(); i++ {
			if dbapi.IsStmt(res.At(i).Type()) {
				k = i
				break
			}
		}
		if k < 0 {
			continue
		}
		param, ok := -1, true
		ast.Inspect(n.body, func(x ast.Node) bool {
			switch x := x.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				if len(x.Results) != res.Len() {
					ok = false
					return false
				}
				t := a.stmtSQL(x.Results[k], -1, x.Pos(), 0)
				if !t.paramOf(n.sig) || param >= 0 && t.Param != param {
					ok = false
				}
				param = t.Param
			}
			return ok
		})
		if ok && param >= 0 && dbapi.IsStmt(n.sig.Params().At(param).Type()) {
			a.stmtFrom[n.fn] = param
		}
	}
}

// exportFields publishes what the package's fields and statement
// variables hold. Statement fields always get a fact (an unresolved one
// says why to the packages that run them); string fields only when what
// they hold is SQL, so that every string field of a package is not one.
func (a *analyzer) exportFields() {
	gdb := a.gdbImported() // a gdb dao's table and columns, which its users' chains name
	for v, fi := range a.fields {
		if v.Pkg() != a.pass.Pkg || len(fi.writes) == 0 {
			continue
		}
		t := a.fieldSQL(v, 0)
		f := &FieldSQL{SQL: t.SQL, Why: t.Why}
		if t.Block != nil && t.Block.File.Kind == sqlfiles.Named {
			f.Name = t.Block.Name
		}
		if !t.OK {
			f.SQL = ""
		}
		if !dbapi.IsStmt(v.Type()) && !a.stringFieldSQL(v, t) && !(t.OK && isIdent(t.SQL) && gdb) {
			continue
		}
		a.pass.ExportObjectFact(v, f)
		a.res.Fields[v] = f
	}
	for p, t := range a.tables {
		if p.Pkg() == a.pass.Pkg {
			a.pass.ExportObjectFact(p, t)
			a.res.Tables[p] = t
		}
	}
	for tn := range a.mapTables {
		if tn.Pkg() == a.pass.Pkg {
			t := &StmtTable{}
			a.pass.ExportObjectFact(tn, t)
			a.res.Tables[tn] = t
		}
	}
	for fn, p := range a.stmtFrom {
		a.pass.ExportObjectFact(fn, &StmtFrom{Param: p})
		a.res.StmtFrom[fn] = p
	}
}

// stringFieldSQL reports whether a string field holds SQL: its value
// parses, or, when it has none, one of the texts written to it does.
func (a *analyzer) stringFieldSQL(v *types.Var, t sqlText) bool {
	if t.OK {
		return looksLikeSQL(t.SQL)
	}
	for _, w := range a.fields[v].writes {
		if w.rhs == nil {
			continue
		}
		if u := a.r.expr(w.rhs, w.pos, 0); u.OK && looksLikeSQL(u.SQL) {
			return true
		}
	}
	return false
}
