package queries

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"reflect"
	"sort"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/internal/dbapi"
)

// goqu (github.com/doug-martin/goqu/v9, and v8 read as v9) builds a
// statement from datasets: goqu.From("users"), db.Insert("users"),
// dialect.Update(...), each call returning a copy with a clause added,
// until a finisher sends it (ScanStructs, Count, Executor().Exec()) or
// ToSQL hands its text to a database call. Conditions are expressions
// of goqu's, not SQL fragments: goqu.Ex{"col": v} maps (a list is IN,
// nil IS NULL, goqu.Op{"gt": v} an operator), goqu.C("col").Eq(v) and
// the other comparisons of an identifier, goqu.And/Or, goqu.L(sql,
// args...). They are written back as the SQL goqu generates, with
// parameters for the values (goqu interpolates them by default; the
// checks read columns, not values). What cannot be read leaves the site
// unresolved with the reason, as for squirrel.

// goquSQL rebuilds the statement a goqu finisher sends: the chain's,
// with what the finisher changes (ScanStruct and ScanVal read one row,
// Count and Pluck choose the columns, ScanStructs selects the columns
// of the struct it fills when the chain selects none).
func (a *analyzer) goquSQL(s *Site, sel *ast.SelectorExpr) sqlText {
	name := strings.TrimSuffix(s.Method.Name, "Context")
	if s.Method.Recv == "QueryExecutor" {
		// An executor of a write: the site writes whether or not the
		// statement is read.
		if d := goquDataset(a.pass.TypesInfo, sel.X); d == "InsertDataset" || d == "UpdateDataset" || d == "DeleteDataset" {
			s.Write = true
		}
	}
	var dest ast.Expr // the destination the finisher fills
	if len(s.Call.Args) > 0 {
		dest = s.Call.Args[len(s.Call.Args)-1]
		if name == "Pluck" && len(s.Call.Args) > 1 {
			dest = s.Call.Args[len(s.Call.Args)-2]
		}
	}
	return a.builderSQL("goqu", sel.X, s.Call.Pos(), func(c *ormChain) string {
		if c.cmd != "SELECT" {
			return ""
		}
		switch name {
		case "ScanStruct", "ScanVal":
			if s.Method.Recv == "SelectDataset" {
				c.limit = "1" // goqu adds Limit(1)
			}
		case "Count":
			c.columns, c.distinct = []string{`COUNT(*) AS "count"`}, false
			c.limit = "1"
		case "Pluck":
			col, ok := a.constString(s.Call.Args[len(s.Call.Args)-1])
			if !ok {
				return "plucked column is not constant"
			}
			c.columns = []string{quoteColumn(col)}
		}
		if (name == "ScanStructs" || name == "ScanStruct") && s.Method.Recv == "SelectDataset" && len(c.columns) == 0 && dest != nil {
			cols, why := a.goquStructCols(a.pass.TypesInfo.TypeOf(dest), "")
			if why != "" {
				// A destination of no struct type here (out any): its
				// columns stand as a parameter, the table and filters
				// are still read.
				cols = []string{c.param1()}
				c.partial = append(c.partial, "columns of "+exprName(dest))
			}
			c.columns = cols
		}
		return ""
	})
}

// goquDataset is the name of the goqu dataset type x is of, or of the
// dataset whose Executor x calls; "" for anything else.
func goquDataset(info *types.Info, x ast.Expr) string {
	if call, ok := ast.Unparen(x).(*ast.CallExpr); ok {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Executor" {
			x = sel.X
		}
	}
	p, ok := types.Unalias(info.TypeOf(x)).(*types.Pointer)
	if !ok {
		return ""
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || dbapi.Canonical(n.Obj().Pkg().Path()) != dbapi.Goqu {
		return ""
	}
	return n.Obj().Name()
}

// isGoqu reports whether fn is declared by goqu or its exp package.
func isGoqu(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	p := dbapi.Canonical(fn.Pkg().Path())
	return p == dbapi.Goqu || p == dbapi.GoquExp
}

// goquStep applies one call of a goqu chain.
func (a *analyzer) goquStep(c *ormChain, st ormStep) string {
	args := st.call.Args
	recv := dbapi.RecvName(st.fn)
	start := recv == "" || recv == "DialectWrapper" || recv == "Database" || recv == "TxDatabase"
	switch name := st.name(); name {
	case "From", "Into", "Table":
		if start || c.cmd == "" {
			c.cmd = "SELECT"
		}
		if recv == "UpdateDataset" && name == "From" { // UPDATE ... FROM others
			for _, e := range args {
				t, why := a.goquTable(c, e)
				if why != "" {
					return why
				}
				c.extra = append(c.extra, t)
			}
			break
		}
		var tables []string
		for _, e := range args {
			t, why := a.goquTable(c, e)
			if why != "" {
				return why
			}
			tables = append(tables, t)
		}
		c.table = strings.Join(tables, ", ")
	case "Insert", "Update", "Delete":
		c.cmd = strings.ToUpper(name)
		c.columns = nil // a SELECT's columns are not the write's
		if start {
			if len(args) == 0 {
				return "missing table"
			}
			t, why := a.goquTable(c, args[0])
			if why != "" {
				return why
			}
			c.table = t
		}
	case "Select", "SelectDistinct", "SelectAppend":
		if start || c.cmd == "" {
			c.cmd = "SELECT"
		}
		cols, why := a.goquColumns(c, args, st.call.Ellipsis.IsValid())
		if why != "" {
			return why
		}
		if name == "SelectAppend" {
			c.columns = append(c.columns, cols...)
		} else {
			c.columns = cols
		}
		if name == "SelectDistinct" {
			c.distinct = true
		}
	case "ClearSelect":
		c.columns = nil
	case "Distinct":
		if len(args) > 0 {
			return "DISTINCT ON is not modeled"
		}
		c.distinct = true
	case "Where", "Having":
		for _, e := range args {
			text, why := a.goquCond(c, e)
			if why != "" {
				return why
			}
			if text == "" {
				continue
			}
			if name == "Having" {
				c.having = append(c.having, text)
			} else {
				c.conds = append(c.conds, ormCond{"AND", text})
			}
		}
	case "ClearWhere":
		c.conds = nil
	case "Order", "OrderAppend", "OrderPrepend":
		var order []string
		for _, e := range args {
			if text, ok := a.goquOrder(e); ok {
				order = append(order, text) // an order not seen only hides sort advice
			}
		}
		switch name {
		case "Order":
			c.order = order
		case "OrderAppend":
			c.order = append(c.order, order...)
		default:
			c.order = append(order, c.order...)
		}
	case "ClearOrder":
		c.order = nil
	case "GroupBy", "GroupByAppend":
		cols, why := a.goquColumns(c, args, st.call.Ellipsis.IsValid())
		if why != "" {
			return why
		}
		if name == "GroupBy" {
			c.group = nil
		}
		c.group = append(c.group, cols...)
	case "Limit":
		c.limit = a.limitText(c, args[0])
	case "Offset":
		c.offset = a.limitText(c, args[0])
	case "LimitAll", "ClearLimit":
		c.limit = ""
	case "ClearOffset":
		c.offset = ""
	case "Join", "InnerJoin", "LeftJoin", "RightJoin", "FullJoin", "LeftOuterJoin", "RightOuterJoin", "FullOuterJoin", "CrossJoin":
		kind := "INNER JOIN"
		if name != "Join" && name != "InnerJoin" {
			kind = strings.ToUpper(strings.TrimSuffix(strings.TrimSuffix(name, "Join"), "Outer"))
			if strings.Contains(name, "Outer") {
				kind += " OUTER"
			}
			kind += " JOIN"
		}
		t, why := a.goquTable(c, args[0])
		if why != "" {
			return why
		}
		join := kind + " " + t
		if len(args) > 1 {
			on, why := a.goquJoinCond(c, args[1])
			if why != "" {
				return why
			}
			join += on
		}
		c.joins = append(c.joins, join)
	case "Set":
		if len(args) == 0 {
			return "missing values"
		}
		cols, why := a.goquRecordCols(args[0], "skipupdate")
		if why != "" {
			return why
		}
		c.set = nil
		for _, col := range cols {
			c.set = append(c.set, col+" = "+c.param1())
		}
	case "Cols", "ColsAppend":
		cols, why := a.goquColumns(c, args, st.call.Ellipsis.IsValid())
		if why != "" {
			return why
		}
		if name == "Cols" {
			c.columns = nil
		}
		c.columns = append(c.columns, cols...)
	case "Vals":
		if st.call.Ellipsis.IsValid() {
			c.values = append(c.values, c.params(max(len(c.columns), 1))) // rows chosen at run time: one stands for all
			break
		}
		for _, e := range args {
			n := len(c.columns)
			if lit, ok := ast.Unparen(e).(*ast.CompositeLit); ok {
				n = len(lit.Elts)
			}
			c.values = append(c.values, c.params(max(n, 1)))
		}
	case "Rows":
		if len(args) == 0 {
			return "missing rows"
		}
		cols, why := a.goquRecordCols(args[0], "skipinsert")
		if why != "" && !isMap(a.pass.TypesInfo.TypeOf(args[0])) {
			// Rows of no struct type here (rows of any): the row stands
			// as a parameter; the table is still the one written.
			c.partial = append(c.partial, "inserted columns of "+exprName(args[0]))
			c.columns = nil
			c.values = append(c.values, "("+c.param1()+")")
			break
		}
		if why != "" {
			return why
		}
		c.columns = cols
		rows := len(args)
		if st.call.Ellipsis.IsValid() {
			rows = 1 // Rows(rows...): one stands for all
		}
		for range rows {
			c.values = append(c.values, c.params(len(cols)))
		}
	case "Returning":
		cols, why := a.goquColumns(c, args, st.call.Ellipsis.IsValid())
		if why != "" {
			return why
		}
		c.returning = strings.Join(cols, ", ")
	case "OnConflict":
		text, why := a.goquConflict(c, args[0])
		if why != "" {
			return why
		}
		c.suffix += text
	case "ForUpdate", "ForNoKeyUpdate", "ForShare", "ForKeyShare":
		c.suffix += " FOR " + map[string]string{"ForUpdate": "UPDATE", "ForNoKeyUpdate": "NO KEY UPDATE", "ForShare": "SHARE", "ForKeyShare": "KEY SHARE"}[name]
	case "Union", "UnionAll", "Intersect", "IntersectAll":
		// SELECT ... UNION (SELECT ...): the other dataset's chain,
		// numbered on from this one's placeholders.
		if len(c.order) > 0 || c.limit != "" || c.offset != "" {
			return fmt.Sprintf("%s of an ordered or limited dataset is not modeled", name)
		}
		steps, param, why := a.ormSteps(args[0], c.at, 1)
		if why != "" {
			return why
		}
		other := &ormChain{lib: "goqu", param: param, n: c.n, must: c.must, at: c.at}
		if why := a.builderSteps(other, steps); why != "" {
			return why
		}
		if other.cmd != "SELECT" {
			return fmt.Sprintf("%s of no SELECT", name)
		}
		text, why := other.builderFinish()
		if why != "" {
			return why
		}
		c.n, c.sawOpt = other.n, c.sawOpt || other.sawOpt
		op := strings.ToUpper(strings.TrimSuffix(name, "All"))
		if strings.HasSuffix(name, "All") {
			op += " ALL"
		}
		c.suffix += " " + op + " (" + text + ")"
	case "Executor", "Prepared", "WithDialect", "SetDialect", "As", "ToSQL":
		// How it is sent, not what: the statement is the same.
	default:
		return fmt.Sprintf("%s is not modeled", name)
	}
	return ""
}

// goquIdent is the text of an identifier expression: a constant string
// (a column or table, "t.col" qualified), goqu.C, goqu.I, goqu.T, a
// table's Col, with As's alias. ok is false for anything else.
func (a *analyzer) goquIdent(e ast.Expr) (string, bool) {
	e = ast.Unparen(e)
	if s, ok := a.constString(e); ok && isString(a.pass.TypesInfo.TypeOf(e)) {
		return quoteColumn(s), true
	}
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return "", false
	}
	fn, _ := typeutil.Callee(a.pass.TypesInfo, call).(*types.Func)
	if !isGoqu(fn) || len(call.Args) != 1 {
		return "", false
	}
	s, ok := a.constString(call.Args[0])
	if !ok {
		return "", false
	}
	switch fn.Name() {
	case "C", "I", "T", "S":
		if dbapi.RecvName(fn) == "" {
			return quoteColumn(s), true
		}
	case "Col", "Table":
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return "", false
		}
		base, ok := a.goquIdent(sel.X)
		if !ok {
			return "", false
		}
		if fn.Name() == "Table" { // goqu.C("x").Table("t")
			return quoteColumn(s) + "." + base, true
		}
		return base + "." + quoteColumn(s), true
	case "As":
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return "", false
		}
		base, ok := a.goquIdent(sel.X)
		if !ok {
			return "", false
		}
		return base + " AS " + quoteColumn(s), true
	}
	return "", false
}

// goquTable is the text of a table argument: a name, goqu.T(...) or an
// identifier, with its alias; a dataset (a subquery) or a name only run
// time knows leaves the chain unresolved.
func (a *analyzer) goquTable(c *ormChain, e ast.Expr) (string, string) {
	if t, ok := a.goquIdent(e); ok {
		return t, ""
	}
	if goquDataset(a.pass.TypesInfo, e) != "" {
		return "", "a subquery as table is not modeled"
	}
	return "", fmt.Sprintf("table %s is not constant", exprName(e))
}

// goquColumns is the text of a list of columns (Select, GroupBy, Cols,
// Returning): identifiers, literals (goqu.L), functions of goqu
// (goqu.COUNT("*")), with their aliases. A struct given (Select(&User{}))
// is its columns; a string built at run time stands in as a parameter,
// as for squirrel (builderColumns). A list given whole (cols...) is
// unknown.
func (a *analyzer) goquColumns(c *ormChain, args []ast.Expr, ellipsis bool) ([]string, string) {
	if ellipsis {
		return nil, "columns are not constant"
	}
	var out []string
	for _, e := range args {
		text, why := a.goquColumn(c, e)
		if why != "" {
			return nil, why
		}
		out = append(out, text...)
	}
	return out, ""
}

func (a *analyzer) goquColumn(c *ormChain, e ast.Expr) ([]string, string) {
	info := a.pass.TypesInfo
	if t, ok := a.goquIdent(e); ok {
		return []string{t}, ""
	}
	t := info.TypeOf(e)
	if t != nil && isString(t) {
		if a.r.itemLoop(e, map[*types.Var]bool{}, 0) != nil {
			return nil, "columns are not constant"
		}
		return []string{c.param1()}, ""
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		fn, _ := typeutil.Callee(info, call).(*types.Func)
		if isGoqu(fn) {
			switch name := fn.Name(); name {
			case "L", "Literal":
				return a.goquLiteral(c, call)
			case "Star":
				return []string{"*"}, ""
			case "COUNT", "MIN", "MAX", "AVG", "SUM", "DISTINCT", "FIRST", "LAST", "COALESCE", "Func":
				fname, fargs := name, call.Args
				if name == "Func" {
					s, ok := a.constString(call.Args[0])
					if !ok {
						return nil, "function name is not constant"
					}
					fname, fargs = s, call.Args[1:]
				}
				// COUNT, MIN... take a column (a string names one);
				// COALESCE and Func take values (a string is a string).
				values := name == "COALESCE" || name == "Func"
				var parts []string
				for _, x := range fargs {
					if s, ok := a.constString(x); ok && s == "*" {
						parts = append(parts, "*")
						continue
					}
					if t := info.TypeOf(x); values && t != nil && isString(t) {
						parts = append(parts, c.param1())
						continue
					}
					p, why := a.goquColumn(c, x)
					if why != "" {
						return nil, why
					}
					parts = append(parts, p...)
				}
				return []string{fname + "(" + strings.Join(parts, ", ") + ")"}, ""
			case "As":
				sel, _ := ast.Unparen(call.Fun).(*ast.SelectorExpr)
				alias, ok := a.constString(call.Args[0])
				if sel == nil || !ok {
					break
				}
				base, why := a.goquColumn(c, sel.X)
				if why != "" {
					return nil, why
				}
				if len(base) != 1 {
					return nil, "aliased columns of a struct"
				}
				return []string{base[0] + " AS " + quoteColumn(alias)}, ""
			}
		}
	}
	if cols, why := a.goquStructCols(t, ""); why == "" {
		return cols, "" // Select(&User{}): the struct's columns
	}
	return nil, fmt.Sprintf("column %s is known only at run time", exprName(e))
}

// goquLiteral writes goqu.L(sql, args...): ? placeholders bound to the
// arguments, as goqu does.
func (a *analyzer) goquLiteral(c *ormChain, call *ast.CallExpr) ([]string, string) {
	s, ok := a.constString(call.Args[0])
	if !ok {
		return nil, fmt.Sprintf("literal %s is not constant", exprName(call.Args[0]))
	}
	text, why := a.bind(c, s, call.Args[1:])
	return []string{text}, why
}

// goquStructCols are the columns goqu reads or writes for a struct
// type (through pointers and slices): the db tag's name, else the
// field's name in lower case, "-" skipped, embedded structs flattened;
// skip leaves out the fields tagged goqu:"skipinsert" or "skipupdate".
func (a *analyzer) goquStructCols(t types.Type, skip string) ([]string, string) {
	for t != nil {
		switch u := types.Unalias(t).(type) {
		case *types.Pointer:
			t = u.Elem()
			continue
		case *types.Slice:
			t = u.Elem()
			continue
		}
		break
	}
	if t == nil {
		return nil, "no struct"
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil, fmt.Sprintf("columns of %s are known only at run time", types.TypeString(t, types.RelativeTo(a.pass.Pkg)))
	}
	var cols []string
	var walk func(st *types.Struct, depth int)
	walk = func(st *types.Struct, depth int) {
		for i := 0; i < st.NumFields(); i++ {
			f, tag := st.Field(i), reflect.StructTag(st.Tag(i))
			if !f.Exported() && !f.Embedded() {
				continue
			}
			db := tag.Get("db")
			if db == "-" {
				continue
			}
			if skip != "" && strings.Contains(tag.Get("goqu"), skip) {
				continue
			}
			if f.Embedded() && db == "" && depth < 4 {
				if inner, ok := deref(f.Type()).Underlying().(*types.Struct); ok {
					walk(inner, depth+1)
					continue
				}
			}
			name := strings.Split(db, ",")[0]
			if name == "" {
				name = strings.ToLower(f.Name())
			}
			cols = append(cols, quoteColumn(name))
		}
	}
	walk(st, 0)
	if len(cols) == 0 {
		return nil, "struct without columns"
	}
	return cols, ""
}

func deref(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// goquRecordCols are the columns of what Rows or Set is given: a
// goqu.Record literal's constant keys, sorted as goqu sorts them, or a
// struct's columns.
func (a *analyzer) goquRecordCols(e ast.Expr, skip string) ([]string, string) {
	info := a.pass.TypesInfo
	x := ast.Unparen(e)
	if id, ok := x.(*ast.Ident); ok {
		if v, _ := info.Uses[id].(*types.Var); v != nil && isMap(v.Type()) {
			if rhs := a.soleValue(v, e.Pos()); rhs != nil && !a.escapes(v) && len(a.r.keyed[v]) == 0 {
				x = ast.Unparen(rhs)
			}
		}
	}
	if u, ok := x.(*ast.UnaryExpr); ok {
		x = ast.Unparen(u.X)
	}
	if lit, ok := x.(*ast.CompositeLit); ok && isMap(info.TypeOf(lit)) {
		cols, why := a.mapKeys(lit)
		if why != "" {
			return nil, why
		}
		return cols, ""
	}
	if isMap(info.TypeOf(e)) {
		return nil, fmt.Sprintf("columns of %s are known only at run time", exprName(e))
	}
	return a.goquStructCols(info.TypeOf(e), skip)
}

func isMap(t types.Type) bool {
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Map)
	return ok
}

// goquOrder is the text of an ordered expression: an identifier's Asc
// or Desc, with NullsFirst/NullsLast.
func (a *analyzer) goquOrder(e ast.Expr) (string, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return "", false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return "", false
	}
	switch sel.Sel.Name {
	case "NullsFirst", "NullsLast":
		base, ok := a.goquOrder(sel.X)
		if !ok {
			return "", false
		}
		return base + map[string]string{"NullsFirst": " NULLS FIRST", "NullsLast": " NULLS LAST"}[sel.Sel.Name], true
	case "Asc", "Desc":
		col, ok := a.goquIdent(sel.X)
		if !ok {
			return "", false
		}
		return col + " " + strings.ToUpper(sel.Sel.Name), true
	}
	return "", false
}

// goquJoinCond writes a join's condition: goqu.On(exprs...) or
// goqu.Using(cols...).
func (a *analyzer) goquJoinCond(c *ormChain, e ast.Expr) (string, string) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	fn, _ := typeutil.Callee(a.pass.TypesInfo, call).(*types.Func)
	if !ok || !isGoqu(fn) {
		return "", fmt.Sprintf("join condition %s is known only at run time", exprName(e))
	}
	switch fn.Name() {
	case "On":
		var parts []string
		for _, x := range call.Args {
			text, why := a.goquCond(c, x)
			if why != "" {
				return "", why
			}
			parts = append(parts, "("+text+")")
		}
		return " ON " + strings.Join(parts, " AND "), ""
	case "Using":
		cols, why := a.goquColumns(c, call.Args, call.Ellipsis.IsValid())
		if why != "" {
			return "", why
		}
		return " USING (" + strings.Join(cols, ", ") + ")", ""
	}
	return "", fmt.Sprintf("join condition %s is not modeled", fn.Name())
}

// goquConflict writes OnConflict's argument: goqu.DoNothing(), or
// goqu.DoUpdate(target, record).
func (a *analyzer) goquConflict(c *ormChain, e ast.Expr) (string, string) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	fn, _ := typeutil.Callee(a.pass.TypesInfo, call).(*types.Func)
	if !ok || !isGoqu(fn) {
		return "", fmt.Sprintf("conflict action %s is known only at run time", exprName(e))
	}
	switch fn.Name() {
	case "Where": // goqu.DoUpdate(target, rec).Where(cond)
		sel, _ := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if sel == nil {
			break
		}
		text, why := a.goquConflict(c, sel.X)
		if why != "" {
			return "", why
		}
		var conds []string
		for _, x := range call.Args {
			cond, why := a.goquCond(c, x)
			if why != "" {
				return "", why
			}
			conds = append(conds, "("+cond+")")
		}
		return text + " WHERE " + strings.Join(conds, " AND "), ""
	case "DoNothing":
		return " ON CONFLICT DO NOTHING", ""
	case "DoUpdate":
		target, ok := a.constString(call.Args[0])
		if !ok {
			return "", "conflict target is not constant"
		}
		cols, why := a.goquRecordCols(call.Args[1], "skipupdate")
		if why != "" {
			return "", why
		}
		var set []string
		for _, col := range cols {
			set = append(set, col+" = "+c.param1())
		}
		return " ON CONFLICT (" + target + ") DO UPDATE SET " + strings.Join(set, ", "), ""
	}
	return "", fmt.Sprintf("conflict action %s is not modeled", fn.Name())
}

// goquOps are the comparisons of an identifier's methods and of an Op
// map's keys (lower case, as goqu compares them).
var goquOps = map[string]string{
	"eq": "=", "neq": "<>", "gt": ">", "gte": ">=", "lt": "<", "lte": "<=",
	"like": "LIKE", "notlike": "NOT LIKE", "ilike": "ILIKE", "notilike": "NOT ILIKE",
	"regexplike": "~", "regexpnotlike": "!~", "regexpilike": "~*", "regexpnotilike": "!~*",
	"in": "IN", "notin": "NOT IN", "is": "IS", "isnot": "IS NOT",
	"between": "BETWEEN", "notbetween": "NOT BETWEEN",
}

// goquCond writes a condition: a goqu.Ex or goqu.ExOr map (a literal,
// or a local variable holding one, filled key by key or not), a
// comparison of an identifier, goqu.And/Or, goqu.L; "" for nil.
func (a *analyzer) goquCond(c *ormChain, e ast.Expr) (string, string) {
	info := a.pass.TypesInfo
	e = ast.Unparen(e)
	if isNil(info, e) {
		return "", ""
	}
	switch x := e.(type) {
	case *ast.Ident:
		v, _ := info.Uses[x].(*types.Var)
		if v == nil || v.IsField() || v.Parent() == v.Pkg().Scope() {
			break
		}
		if _, param := a.r.params[v]; param {
			break
		}
		if op, ok := goquMapType(info.TypeOf(x)); ok {
			kvs, why := a.mapVarKVs(c, v)
			if why != "" {
				return "", why
			}
			return a.goquKVs(c, kvs, op)
		}
		if rhs := a.soleValue(v, c.at); rhs != nil {
			return a.goquCond(c, rhs)
		}
	case *ast.CompositeLit:
		if op, ok := goquMapType(info.TypeOf(x)); ok {
			kvs, why := a.mapLit(x)
			if why != "" {
				return "", why
			}
			return a.goquKVs(c, kvs, op)
		}
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(info, x).(*types.Func)
		if !isGoqu(fn) {
			break
		}
		switch name := fn.Name(); name {
		case "And", "Or":
			if dbapi.RecvName(fn) != "" {
				break
			}
			var parts []string
			for _, el := range x.Args {
				text, why := a.goquCond(c, el)
				if why != "" {
					return "", why
				}
				if text != "" {
					parts = append(parts, "("+text+")")
				}
			}
			return strings.Join(parts, " "+strings.ToUpper(name)+" "), ""
		case "L", "Literal":
			texts, why := a.goquLiteral(c, x)
			if why != "" {
				return "", why
			}
			return texts[0], ""
		case "IsNull", "IsNotNull", "IsTrue", "IsNotTrue", "IsFalse", "IsNotFalse":
			sel, _ := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			col, ok := a.goquOperand(c, sel.X)
			if !ok {
				return "", fmt.Sprintf("compared column %s is not constant", exprName(sel.X))
			}
			words := map[string]string{"IsNull": "IS NULL", "IsNotNull": "IS NOT NULL", "IsTrue": "IS TRUE", "IsNotTrue": "IS NOT TRUE", "IsFalse": "IS FALSE", "IsNotFalse": "IS NOT FALSE"}
			return col + " " + words[name], ""
		default:
			op, ok := goquOps[strings.ToLower(name)]
			sel, isSel := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if !ok || !isSel || dbapi.RecvName(fn) == "" {
				break
			}
			col, ok := a.goquOperand(c, sel.X)
			if !ok {
				return "", fmt.Sprintf("compared column %s is not constant", exprName(sel.X))
			}
			if (op == "IN" || op == "NOT IN") && len(x.Args) != 1 && !x.Ellipsis.IsValid() {
				return col + " " + op + " " + c.params(max(len(x.Args), 1)), ""
			}
			if len(x.Args) != 1 {
				return col + " " + op + " (" + c.param1() + ")", ""
			}
			return a.goquCompare(c, col, strings.ToLower(name), x.Args[0]), ""
		}
	}
	return "", fmt.Sprintf("condition %s is known only at run time", exprName(e))
}

// goquMapType reports whether t is goqu's Ex (AND) or ExOr (OR).
func goquMapType(t types.Type) (string, bool) {
	n, _ := types.Unalias(t).(*types.Named)
	if n == nil || n.Obj().Pkg() == nil {
		return "", false
	}
	if p := dbapi.Canonical(n.Obj().Pkg().Path()); p != dbapi.GoquExp && p != dbapi.Goqu {
		return "", false
	}
	switch n.Obj().Name() {
	case "Ex":
		return "AND", true
	case "ExOr":
		return "OR", true
	}
	return "", false
}

// goquKVs writes the comparisons of an Ex map, keys sorted as goqu sorts
// them; a value of goqu.Op compares with each of its operators (ORed,
// as goqu does).
func (a *analyzer) goquKVs(c *ormChain, kvs []kv, join string) (string, string) {
	sort.Slice(kvs, func(i, j int) bool { return kvs[i].col < kvs[j].col })
	var parts []string
	for _, p := range kvs {
		col := quoteColumn(p.col)
		if lit, ok := ast.Unparen(p.val).(*ast.CompositeLit); ok {
			if n, _ := types.Unalias(a.pass.TypesInfo.TypeOf(lit)).(*types.Named); n != nil && n.Obj().Name() == "Op" && n.Obj().Pkg() != nil && strings.HasPrefix(dbapi.Canonical(n.Obj().Pkg().Path()), dbapi.Goqu) {
				ops, why := a.mapLit(lit)
				if why != "" {
					return "", why
				}
				sort.Slice(ops, func(i, j int) bool { return ops[i].col < ops[j].col })
				var ors []string
				for _, o := range ops {
					if _, ok := goquOps[strings.ToLower(o.col)]; !ok {
						return "", fmt.Sprintf("operator %q is not modeled", o.col)
					}
					ors = append(ors, a.goquCompare(c, col, strings.ToLower(o.col), o.val))
				}
				if len(ors) == 1 {
					parts = append(parts, ors[0])
				} else {
					parts = append(parts, "("+strings.Join(ors, " OR ")+")")
				}
				continue
			}
		}
		parts = append(parts, a.goquCompare(c, col, "eq", p.val))
	}
	if join == "OR" && len(parts) > 1 {
		return "(" + strings.Join(parts, " OR ") + ")", ""
	}
	return strings.Join(parts, " "+join+" "), ""
}

// goquCompare writes col compared with val by goqu's operator op, as
// goqu writes it: Eq of nil is IS NULL, of a bool IS TRUE/FALSE, of a
// list IN; a value that is an identifier (goqu.I("t.id"), in a join's
// condition) is that column; other values are parameters.
func (a *analyzer) goquCompare(c *ormChain, col, op string, val ast.Expr) string {
	info := a.pass.TypesInfo
	t := info.TypeOf(val)
	if isNil(info, val) {
		switch op {
		case "eq", "is":
			return col + " IS NULL"
		case "neq", "isnot":
			return col + " IS NOT NULL"
		}
	}
	if tv, ok := info.Types[val]; ok && tv.Value != nil && tv.Value.Kind() == constant.Bool {
		word := "TRUE"
		if !constant.BoolVal(tv.Value) {
			word = "FALSE"
		}
		switch op {
		case "eq", "is":
			return col + " IS " + word
		case "neq", "isnot":
			return col + " IS NOT " + word
		}
	}
	sqlOp := goquOps[op]
	if t != nil && isList(t) {
		switch op {
		case "eq", "in":
			return col + " IN (" + c.param1() + ")"
		case "neq", "notin":
			return col + " NOT IN (" + c.param1() + ")"
		}
	}
	if op == "between" || op == "notbetween" {
		return col + " " + sqlOp + " " + c.param1() + " AND " + c.param1()
	}
	if other, ok := a.goquIdentValue(c, val); ok {
		return col + " " + sqlOp + " " + other
	}
	if op == "in" || op == "notin" {
		return col + " " + sqlOp + " (" + c.param1() + ")"
	}
	return col + " " + sqlOp + " " + c.param1()
}

// goquIdentValue is the column or SQL a compared value names: goqu.I,
// goqu.C, goqu.T(..).Col, goqu.L (a string value is a value, not a
// column).
func (a *analyzer) goquIdentValue(c *ormChain, e ast.Expr) (string, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return "", false
	}
	fn, _ := typeutil.Callee(a.pass.TypesInfo, call).(*types.Func)
	if !isGoqu(fn) {
		return "", false
	}
	return a.goquOperand(c, e)
}

// goquOperand is the text of a compared expression: an identifier, or
// a literal (goqu.L("lower(name)").Eq(v)).
func (a *analyzer) goquOperand(c *ormChain, e ast.Expr) (string, bool) {
	if t, ok := a.goquIdent(e); ok {
		return t, true
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return "", false
	}
	fn, _ := typeutil.Callee(a.pass.TypesInfo, call).(*types.Func)
	if !isGoqu(fn) || fn.Name() != "L" && fn.Name() != "Literal" || dbapi.RecvName(fn) != "" {
		return "", false
	}
	texts, why := a.goquLiteral(c, call)
	if why != "" {
		return "", false
	}
	return texts[0], true
}

// isGoquPkg reports whether path is one of goqu's packages.
func isGoquPkg(path string) bool {
	p := dbapi.Canonical(path)
	return p == dbapi.Goqu || strings.HasPrefix(p, dbapi.Goqu+"/")
}
