package queries

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/internal/dbapi"
)

// Query builders (squirrel, dbx) write SQL from the strings a program
// hands them — a table, columns, condition fragments, maps of column to
// value — rather than from models. Their chains are followed as an
// ORM's are (ormSteps: through variables and helpers returning a
// builder), each call adds its clause to an ormChain, and builderFinish
// writes the statement. A squirrel chain is also SQL text when its ToSql
// result is what a database call runs (see resolver.built). A chain that
// cannot be followed leaves its site unresolved, saying why: a condition
// not seen may be the one an index serves.

const (
	squirrelPkg = "github.com/Masterminds/squirrel"
	dbxPkg      = "github.com/pocketbase/dbx"
)

// toSQL is the SQL of the squirrel chain whose ToSql call is call.
func (a *analyzer) toSQL(call *ast.CallExpr, at token.Pos) sqlText {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return unresolved("built by squirrel at run time: ToSql of %s", exprName(call.Fun))
	}
	return a.builderSQL("squirrel", sel.X, at)
}

// builderSQL rebuilds the statement of the builder chain x of lib.
func (a *analyzer) builderSQL(lib string, x ast.Expr, at token.Pos) sqlText {
	fail := func(why string) sqlText { return unresolved("built by %s at run time: %s", lib, why) }
	steps, param, why := a.ormSteps(x, at, 0)
	if why != "" {
		return fail(why)
	}
	c := &ormChain{lib: lib, param: param}
	for _, st := range steps {
		if why := a.builderStep(c, st); why != "" {
			return fail(why)
		}
	}
	text, why := c.builderFinish()
	if why != "" {
		return fail(why)
	}
	return sqlText{SQL: text, OK: true, Param: -1}
}

// builderStep applies one call of a squirrel or dbx chain.
func (a *analyzer) builderStep(c *ormChain, st ormStep) string {
	args := st.call.Args
	frag := func(i int) (string, string) { return a.fragment(c, st, i) }
	table := func(i int) string {
		if i >= len(args) {
			return "missing table"
		}
		name, ok := a.constString(args[i])
		if !ok {
			return fmt.Sprintf("table %s is not constant", exprName(args[i]))
		}
		c.table = name
		return ""
	}
	recv := dbapi.RecvName(st.fn)
	switch name := st.name(); name {
	case "NewQuery":
		t := a.r.resolve(args[0], st.call.Pos())
		if !t.OK {
			return t.Why
		}
		c.cmd = "RAW"
		c.table, _ = a.bind(c, t.SQL, nil) // {:name} parameters, {{table}} names
	case "Select", "Columns", "AndSelect":
		if name == "Select" && recv == "InsertBuilder" {
			return "INSERT ... SELECT of another builder"
		}
		if name == "Select" {
			c.cmd = "SELECT"
		}
		cols, ok := a.constStrings(args)
		if !ok {
			return "columns are not constant"
		}
		c.columns = append(c.columns, cols...)
	case "Column":
		text, why := frag(0)
		if why != "" {
			return why
		}
		c.columns = append(c.columns, text)
	case "Insert", "Replace", "Upsert", "Into":
		if name != "Into" {
			c.cmd = "INSERT"
		}
		if why := table(0); why != "" {
			return why
		}
		if recv == "Builder" && len(args) > 1 { // dbx: Insert(table, dbx.Params{...})
			cols, why := a.mapKeys(args[1])
			if why != "" {
				return why
			}
			c.columns = append(c.columns, cols...)
			c.values = append(c.values, c.params(len(cols)))
		}
	case "Update", "Table":
		if name == "Update" {
			c.cmd = "UPDATE"
		}
		if why := table(0); why != "" {
			return why
		}
		if recv == "Builder" && len(args) > 2 { // dbx: Update(table, dbx.Params{...}, where)
			cols, why := a.mapKeys(args[1])
			if why != "" {
				return why
			}
			for _, col := range cols {
				c.set = append(c.set, col+" = "+c.param1())
			}
			return a.addCond(c, "AND", args[2], nil)
		}
	case "Delete":
		c.cmd = "DELETE"
		if len(args) > 0 {
			if why := table(0); why != "" {
				return why
			}
		}
		if recv == "Builder" && len(args) > 1 { // dbx: Delete(table, where)
			return a.addCond(c, "AND", args[1], nil)
		}
	case "From":
		if recv == "UpdateBuilder" {
			names, ok := a.constStrings(args)
			if !ok {
				return "table is not constant"
			}
			c.extra = append(c.extra, names...)
			break
		}
		names, ok := a.constStrings(args)
		if !ok {
			return "table is not constant"
		}
		c.table = strings.Join(names, ", ")
	case "Where", "AndWhere", "OrWhere":
		op := "AND"
		if name == "OrWhere" {
			op = "OR"
		}
		if len(args) == 0 {
			return "missing condition"
		}
		return a.addCond(c, op, args[0], args[1:])
	case "Having", "AndHaving":
		text, why := a.builderCond(c, args[0], args[1:])
		if why != "" {
			return why
		}
		if text != "" {
			c.having = append(c.having, text)
		}
	case "Join", "LeftJoin", "RightJoin", "InnerJoin", "CrossJoin":
		kind := strings.ToUpper(strings.TrimSuffix(name, "Join"))
		if kind != "" {
			kind += " "
		}
		if recv == "SelectBuilder" { // squirrel: Join("t ON t.a = b.c", args...)
			text, why := frag(0)
			if why != "" {
				return why
			}
			c.joins = append(c.joins, kind+"JOIN "+text)
			break
		}
		if name == "Join" { // dbx: Join("LEFT JOIN", table, on)
			typ, ok := a.constString(args[0])
			if !ok {
				return "join type is not constant"
			}
			kind, args = typ+" ", args[1:]
		} else {
			kind += "JOIN "
		}
		t, ok := a.constString(args[0])
		if !ok {
			return "joined table is not constant"
		}
		on, why := a.builderCond(c, args[1], nil)
		if why != "" {
			return why
		}
		join := kind + t
		if on != "" {
			join += " ON " + on
		}
		c.joins = append(c.joins, join)
	case "OrderBy", "AndOrderBy":
		if names, ok := a.constStrings(args); ok {
			c.order = append(c.order, names...) // an order not seen only hides sort advice
		}
	case "GroupBy", "AndGroupBy":
		if names, ok := a.constStrings(args); ok {
			c.group = append(c.group, names...)
		}
	case "Limit":
		c.limit = a.limitText(c, args[0])
	case "Offset":
		c.offset = a.limitText(c, args[0])
	case "Distinct":
		if tv, ok := a.pass.TypesInfo.Types[firstArg(args)]; len(args) == 0 || !ok || tv.Value == nil || tv.Value.ExactString() != "false" {
			c.distinct = true
		}
	case "Set":
		col, ok := a.constString(args[0])
		if !ok {
			return "updated column is not constant"
		}
		c.set = append(c.set, col+" = "+a.builderValue(c, args[1]))
	case "SetMap":
		cols, why := a.mapKeys(args[0])
		if why != "" {
			return why
		}
		if recv == "InsertBuilder" {
			c.columns = append(c.columns, cols...)
			c.values = append(c.values, c.params(len(cols)))
			break
		}
		for _, col := range cols {
			c.set = append(c.set, col+" = "+c.param1())
		}
	case "Values":
		c.values = append(c.values, c.params(len(args)))
	case "Suffix", "Prefix":
		text, why := frag(0)
		if why != "" {
			return why
		}
		if name == "Prefix" {
			c.prefix += text + " "
		} else {
			c.suffix += " " + text
		}
	case "Bind", "AndBind", "WithContext", "PlaceholderFormat", "RunWith", "Options", "Build", "Prepare", "SelectOption":
		// Values, a context, bind syntax or a connection: the SQL is the same.
	default:
		return fmt.Sprintf("%s is not modeled", name)
	}
	return ""
}

func firstArg(args []ast.Expr) ast.Expr {
	if len(args) == 0 {
		return nil
	}
	return args[0]
}

// params writes a row of n placeholders.
func (c *ormChain) params(n int) string {
	ps := make([]string, n)
	for i := range ps {
		ps[i] = c.param1()
	}
	return "(" + strings.Join(ps, ", ") + ")"
}

// addCond adds a condition joined by op; a nil one adds nothing.
func (a *analyzer) addCond(c *ormChain, op string, e ast.Expr, args []ast.Expr) string {
	text, why := a.builderCond(c, e, args)
	if why != "" {
		return why
	}
	if text != "" {
		c.conds = append(c.conds, ormCond{op, text})
	}
	return ""
}

// mapOps are the comparisons of squirrel's and dbx's map conditions:
// the operator for a value, for a list, and for nil.
var mapOps = map[string][3]string{
	"Eq":      {"=", "IN", "IS NULL"},
	"HashExp": {"=", "IN", "IS NULL"},
	"NotEq":   {"<>", "NOT IN", "IS NOT NULL"},
	"Lt":      {"<", "", ""},
	"LtOrEq":  {"<=", "", ""},
	"Gt":      {">", "", ""},
	"GtOrEq":  {">=", "", ""},
	"Like":    {"LIKE", "", ""},
	"NotLike": {"NOT LIKE", "", ""},
	"ILike":   {"ILIKE", "", ""},
}

// builderCond writes a condition: a SQL fragment with its arguments,
// sq.Expr, dbx.NewExp, a map of column to value (sq.Eq, dbx.HashExp),
// or And/Or of those; "" for nil.
func (a *analyzer) builderCond(c *ormChain, e ast.Expr, args []ast.Expr) (string, string) {
	info := a.pass.TypesInfo
	e = ast.Unparen(e)
	if isNil(info, e) {
		return "", ""
	}
	if t := info.TypeOf(e); t != nil && isString(t) {
		s, ok := a.constString(e)
		if !ok {
			return "", fmt.Sprintf("condition %s is not constant", exprName(e))
		}
		return a.bind(c, s, args)
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		n, _ := types.Unalias(info.TypeOf(x)).(*types.Named)
		if n == nil || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != squirrelPkg && n.Obj().Pkg().Path() != dbxPkg {
			break
		}
		if ops, ok := mapOps[n.Obj().Name()]; ok {
			return a.mapCond(c, x, ops)
		}
		if name := n.Obj().Name(); name == "And" || name == "Or" { // squirrel's []Sqlizer
			return a.condList(c, name, x.Elts)
		}
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(info, x).(*types.Func)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != squirrelPkg && fn.Pkg().Path() != dbxPkg || len(x.Args) == 0 {
			break
		}
		switch fn.Name() {
		case "Expr", "NewExp":
			s, ok := a.constString(x.Args[0])
			if !ok {
				return "", fmt.Sprintf("condition %s is not constant", exprName(x.Args[0]))
			}
			if fn.Name() == "NewExp" {
				return a.bind(c, s, nil) // {:name} from dbx.Params
			}
			return a.bind(c, s, x.Args[1:])
		case "And", "Or":
			return a.condList(c, fn.Name(), x.Args)
		case "In", "NotIn":
			col, ok := a.constString(x.Args[0])
			if !ok {
				return "", "IN column is not constant"
			}
			op := " IN "
			if fn.Name() == "NotIn" {
				op = " NOT IN "
			}
			return quoteColumn(col) + op + c.params(max(len(x.Args)-1, 1)), ""
		}
	}
	return "", fmt.Sprintf("condition %s is known only at run time", exprName(e))
}

// condList joins conditions with AND or OR.
func (a *analyzer) condList(c *ormChain, op string, elts []ast.Expr) (string, string) {
	var parts []string
	for _, el := range elts {
		text, why := a.builderCond(c, el, nil)
		if why != "" {
			return "", why
		}
		if text != "" {
			parts = append(parts, "("+text+")")
		}
	}
	return strings.Join(parts, " "+strings.ToUpper(op)+" "), ""
}

// mapCond writes a map condition, keys sorted as both libraries sort
// them; a list value becomes IN, nil IS NULL.
func (a *analyzer) mapCond(c *ormChain, lit *ast.CompositeLit, ops [3]string) (string, string) {
	type kv struct {
		col string
		val ast.Expr
	}
	var kvs []kv
	for _, el := range lit.Elts {
		p, ok := el.(*ast.KeyValueExpr)
		if !ok {
			return "", "map condition without keys"
		}
		col, ok := a.constString(p.Key)
		if !ok {
			return "", fmt.Sprintf("column %s is not constant", exprName(p.Key))
		}
		kvs = append(kvs, kv{col, p.Value})
	}
	sort.Slice(kvs, func(i, j int) bool { return kvs[i].col < kvs[j].col })
	var parts []string
	for _, p := range kvs {
		col := quoteColumn(p.col)
		t := a.pass.TypesInfo.TypeOf(p.val)
		switch {
		case isNil(a.pass.TypesInfo, p.val) && ops[2] != "":
			parts = append(parts, col+" "+ops[2])
		case t != nil && isList(t) && ops[1] != "":
			parts = append(parts, col+" "+ops[1]+" ("+c.param1()+")")
		default:
			parts = append(parts, col+" "+ops[0]+" "+a.builderValue(c, p.val))
		}
	}
	return strings.Join(parts, " AND "), ""
}

// builderValue is the text of a value: sq.Expr's SQL, else a parameter.
func (a *analyzer) builderValue(c *ormChain, e ast.Expr) string {
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		if fn, _ := typeutil.Callee(a.pass.TypesInfo, call).(*types.Func); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == squirrelPkg && fn.Name() == "Expr" {
			if text, why := a.builderCond(c, call, nil); why == "" {
				return text
			}
		}
	}
	return c.param1()
}

// mapKeys returns the constant keys of a map literal (dbx.Params,
// squirrel's SetMap), sorted as both libraries sort them.
func (a *analyzer) mapKeys(e ast.Expr) ([]string, string) {
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok {
		return nil, fmt.Sprintf("columns of %s are known only at run time", exprName(e))
	}
	var cols []string
	for _, el := range lit.Elts {
		p, ok := el.(*ast.KeyValueExpr)
		if !ok {
			return nil, "map without keys"
		}
		col, ok := a.constString(p.Key)
		if !ok {
			return nil, fmt.Sprintf("column %s is not constant", exprName(p.Key))
		}
		cols = append(cols, quoteColumn(col))
	}
	sort.Strings(cols)
	return cols, ""
}

// builderFinish writes the statement of a builder chain.
func (c *ormChain) builderFinish() (string, string) {
	if c.cmd == "RAW" {
		return c.table, ""
	}
	if c.table == "" {
		if c.param != "" {
			return "", fmt.Sprintf("chain starts at parameter %s: the statement is the caller's", c.param)
		}
		if c.cmd == "" {
			return "", "no statement started in the chain"
		}
		return "", "no table"
	}
	var b strings.Builder
	b.WriteString(c.prefix)
	switch c.cmd {
	case "SELECT":
		cols := c.columns
		if len(cols) == 0 {
			cols = []string{"*"} // dbx's Select() with no columns
		}
		b.WriteString("SELECT ")
		if c.distinct {
			b.WriteString("DISTINCT ")
		}
		b.WriteString(strings.Join(cols, ", ") + " FROM " + c.table)
		for _, j := range c.joins {
			b.WriteString(" " + j)
		}
		c.tail(&b, c.conds, true)
	case "INSERT":
		b.WriteString("INSERT INTO " + c.table)
		if len(c.columns) > 0 {
			b.WriteString(" (" + strings.Join(c.columns, ", ") + ")")
		}
		if len(c.values) == 0 {
			return "", "inserted values are unknown"
		}
		b.WriteString(" VALUES " + strings.Join(c.values, ", "))
	case "UPDATE":
		if len(c.set) == 0 {
			return "", "updated columns are unknown"
		}
		b.WriteString("UPDATE " + c.table + " SET " + strings.Join(c.set, ", "))
		if len(c.extra) > 0 {
			b.WriteString(" FROM " + strings.Join(c.extra, ", "))
		}
		c.tail(&b, c.conds, false) // MySQL's ORDER BY and LIMIT: no PostgreSQL
	case "DELETE":
		b.WriteString("DELETE FROM " + c.table)
		c.tail(&b, c.conds, false)
	default:
		return "", "no statement started in the chain"
	}
	b.WriteString(c.suffix)
	return b.String(), ""
}
