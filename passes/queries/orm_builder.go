package queries

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/internal/dbapi"
)

// Query builders (squirrel, dbx, goqu: see orm_goqu.go) write SQL from the strings a program
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

// toSQL is the SQL of the squirrel chain whose ToSql call is call: the
// chain rebuilt, or, when the receiver is a builder parameter, the
// caller's (a wrapper, see builderParam).
func (a *analyzer) toSQL(call *ast.CallExpr, at token.Pos) sqlText {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return unresolved("built by squirrel at run time: ToSql of %s", exprName(call.Fun))
	}
	if t, ok := a.builderParam(sel.X, at); ok {
		return t
	}
	fn, _ := typeutil.Callee(a.pass.TypesInfo, call).(*types.Func)
	if dbapi.ORMChain(fn) == "goqu" {
		return a.builderSQL("goqu", sel.X, at) // ds.ToSQL(), ds.Executor().ToSQL()
	}
	if dbapi.ORMChain(fn) != "squirrel" && !isSqlizer(a.pass.TypesInfo.TypeOf(sel.X)) {
		return unresolved("SQL comes from a call to ToSql")
	}
	return a.builderSQL("squirrel", sel.X, at)
}

// Repositories often run every statement through one method of a shared
// base that takes the builder, not its text:
//
//	func (r repo) queryOne(sq squirrel.Sqlizer, out any) error {
//		query, args, err := sq.ToSql()
//		...
//		return r.db.NewQuery(query).Bind(params(args)).One(out)
//	}
//
// The statement is the caller's chain, which the wrapper cannot see.
// Its builder parameter is learned as a string wrapper's parameter is
// (SQLParam.Builder, a fact for other packages), its own call is not a
// site, and each call of it is one, with the SQL of the chain the caller
// passes (builtSQL).

// isSqlizer reports whether t is a query builder a wrapper may take and
// turn into SQL: a squirrel statement builder, or an interface whose
// ToSql returns (string, []any, error) — squirrel's Sqlizer, or the
// program's own interface of that shape.
func isSqlizer(t types.Type) bool {
	if t == nil {
		return false
	}
	if lib := dbapi.ORMType(t); lib == "squirrel" || lib == "goqu" {
		return true // a goqu dataset or executor: its ToSQL is the statement
	}
	iface, ok := t.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	for i := 0; i < iface.NumMethods(); i++ {
		m := iface.Method(i)
		if m.Name() != "ToSql" {
			continue
		}
		sig := m.Type().(*types.Signature)
		res := sig.Results()
		if sig.Params().Len() != 0 || res.Len() != 3 || !isString(res.At(0).Type()) {
			return false
		}
		_, slice := res.At(1).Type().Underlying().(*types.Slice)
		return slice && types.Identical(res.At(2).Type(), types.Universe.Lookup("error").Type())
	}
	return false
}

// builderParam is the SQL of builder x at position at when x is a
// builder parameter of the function around it: the text is the caller's
// (Param), and the function a wrapper if x reaches a database call.
// Additions the function makes on some paths only (if deep { sq =
// paginate(sq) }) leave the caller's statement the one run on the
// others; a parameter replaced on every path before at is no
// pass-through. ok is false when x is no builder parameter.
func (a *analyzer) builderParam(x ast.Expr, at token.Pos) (t sqlText, ok bool) {
	id, isID := ast.Unparen(x).(*ast.Ident)
	if !isID {
		return sqlText{}, false
	}
	v, isVar := a.pass.TypesInfo.Uses[id].(*types.Var)
	if !isVar {
		return sqlText{}, false
	}
	idx, isParam := a.r.params[v]
	if !isParam || !isSqlizer(v.Type()) {
		return sqlText{}, false
	}
	var body ast.Node
	switch fn := a.enclosing(v.Pos()).(type) {
	case *ast.FuncDecl:
		body = fn.Body
	case *ast.FuncLit:
		body = fn.Body
	}
	for _, w := range a.r.writes[v] {
		if at.IsValid() && w.pos >= at {
			break
		}
		if w.block == body {
			return unresolved("builder parameter %s is changed before it runs", v.Name()), true
		}
	}
	return sqlText{Why: fmt.Sprintf("SQL is built by parameter %s", v.Name()), Param: idx, pvar: v}, true
}

// builtSQL is the SQL of builder x, an argument given to a wrapper's
// builder parameter: the chain rebuilt, or a parameter passed on.
func (a *analyzer) builtSQL(x ast.Expr, at token.Pos) sqlText {
	if t, ok := a.builderParam(x, at); ok {
		return t
	}
	if call := a.rawExpr(x, at); call != nil {
		// sq.Expr("INSERT ... ON CONFLICT ...", args...): a statement
		// written whole, its ? placeholders bound as a chain's are.
		t := a.r.resolve(call.Args[0], call.Pos())
		if !t.OK {
			return partial(t)
		}
		args := call.Args[1:]
		if call.Ellipsis.IsValid() {
			args = nil // Expr(q, args...): each placeholder a value
		}
		text, why := a.bind(&ormChain{lib: "squirrel"}, t.SQL, args)
		if why != "" {
			return unresolved("built by squirrel at run time: %s", why)
		}
		return sqlText{SQL: text, OK: true, Param: -1, Lit: t.Lit}
	}
	if dbapi.ORMType(a.pass.TypesInfo.TypeOf(x)) == "goqu" {
		return a.builderSQL("goqu", x, at)
	}
	return a.builderSQL("squirrel", x, at)
}

// rawExpr is the call of squirrel's Expr that x is, directly or as the
// one value of a local variable; nil otherwise.
func (a *analyzer) rawExpr(x ast.Expr, at token.Pos) *ast.CallExpr {
	if id, ok := ast.Unparen(x).(*ast.Ident); ok {
		v, _ := a.pass.TypesInfo.Uses[id].(*types.Var)
		if x = a.soleValue(v, at); x == nil {
			return nil
		}
	}
	call, ok := ast.Unparen(x).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return nil
	}
	fn, _ := typeutil.Callee(a.pass.TypesInfo, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != squirrelPkg || fn.Name() != "Expr" {
		return nil
	}
	return call
}

// soleValue is the one value local variable v holds at at, assigned
// once before it; nil when it has none or several, or may be written
// through a pointer.
func (a *analyzer) soleValue(v *types.Var, at token.Pos) ast.Expr {
	var ws []assignment
	for _, w := range a.r.writes[v] {
		if w.pos < at {
			ws = append(ws, w)
		}
	}
	if len(ws) != 1 || ws[0].index >= 0 || ws[0].rhs == nil || a.r.addressed[v] {
		return nil
	}
	return ws[0].rhs
}

// builderSQL rebuilds the statement of the builder chain x of lib: the
// fullest, every optional step taken, as lists of clauses are (see
// lists.go), and what every execution sends (sqlText.must) when some
// steps or conditions are optional.
// last, when given, changes the chain as its finisher does before it
// is sent (goqu's ScanStruct adds LIMIT 1).
func (a *analyzer) builderSQL(lib string, x ast.Expr, at token.Pos, last ...func(*ormChain) string) sqlText {
	fail := func(why string) sqlText { return unresolved("built by %s at run time: %s", lib, why) }
	steps, param, why := a.ormSteps(x, at, 0)
	if why != "" {
		return fail(why)
	}
	finish := func(c *ormChain) (string, string) {
		for _, f := range last {
			if why := f(c); why != "" {
				return "", why
			}
		}
		return c.builderFinish()
	}
	c := &ormChain{lib: lib, param: param}
	if why := a.builderSteps(c, steps); why != "" {
		return fail(why)
	}
	text, why := finish(c)
	if why != "" {
		return fail(why)
	}
	t := sqlText{SQL: text, OK: true, Param: -1, partial: c.partial}
	if c.sawOpt {
		must := &ormChain{lib: lib, param: param, must: true}
		if why := a.builderSteps(must, steps); why == "" {
			t.must, _ = finish(must) // "" when it has no statement: every filter optional
		}
		t.opt = true
	}
	return t
}

// builderSteps applies the steps of a chain in order.
func (a *analyzer) builderSteps(c *ormChain, steps []ormStep) string {
	for _, st := range steps {
		if why := a.builderStep(c, st); why != "" {
			return why
		}
	}
	return ""
}

// builderStep applies one call of a squirrel or dbx chain.
func (a *analyzer) builderStep(c *ormChain, st ormStep) string {
	if st.opt {
		c.sawOpt = true
		if c.must {
			return "" // not sent by every execution
		}
	}
	c.at = st.call.Pos()
	if st.adds != nil {
		return a.applyAdds(c, st)
	}
	if c.lib == "goqu" {
		return a.goquStep(c, st) // see orm_goqu.go
	}
	args := st.call.Args
	frag := func(i int) (string, string) { return a.fragment(c, st, i) }
	table := func(i int) string {
		if i >= len(args) {
			return "missing table"
		}
		name, ok := a.constString(args[i])
		if !ok {
			if p := c.helperParam(a, args[i]); p >= 0 {
				c.tableParam = p // the table each call names
				return ""
			}
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
		cols, why := a.builderColumns(c, st)
		if why != "" {
			return why
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
			if len(args) == 1 && c.helperParam(a, args[0]) >= 0 {
				return table(0)
			}
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
	case *ast.Ident:
		// A condition held in a local variable: its one value, or a
		// condition map filled key by key (see mapVar).
		v, _ := info.Uses[x].(*types.Var)
		if v == nil || v.IsField() || v.Parent() == v.Pkg().Scope() {
			break
		}
		if _, param := a.r.params[v]; param {
			break
		}
		if ops, ok := builderMapOps(info.TypeOf(x)); ok {
			return a.mapVar(c, v, ops)
		}
		if rhs := a.soleValue(v, c.at); rhs != nil {
			return a.builderCond(c, rhs, args)
		}
	case *ast.CompositeLit:
		if ops, ok := builderMapOps(info.TypeOf(x)); ok {
			return a.mapCond(c, x, ops)
		}
		n, _ := types.Unalias(info.TypeOf(x)).(*types.Named)
		if n == nil || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != squirrelPkg && n.Obj().Pkg().Path() != dbxPkg {
			break
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

// builderMapOps are the comparisons of a map condition type of squirrel
// or dbx (Eq, HashExp, Lt...); ok is false for other types.
func builderMapOps(t types.Type) ([3]string, bool) {
	n, _ := types.Unalias(t).(*types.Named)
	if n == nil || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != squirrelPkg && n.Obj().Pkg().Path() != dbxPkg {
		return [3]string{}, false
	}
	ops, ok := mapOps[n.Obj().Name()]
	return ops, ok
}

// kv is a column of a map condition and the value compared with it.
type kv struct {
	col string
	val ast.Expr
}

// mapCond writes a map condition, keys sorted as both libraries sort
// them; a list value becomes IN, nil IS NULL.
func (a *analyzer) mapCond(c *ormChain, lit *ast.CompositeLit, ops [3]string) (string, string) {
	kvs, why := a.mapLit(lit)
	if why != "" {
		return "", why
	}
	return a.mapKVs(c, kvs, ops), ""
}

// mapLit reads the constant keys of a map literal and their values.
func (a *analyzer) mapLit(lit *ast.CompositeLit) ([]kv, string) {
	var kvs []kv
	for _, el := range lit.Elts {
		p, ok := el.(*ast.KeyValueExpr)
		if !ok {
			return nil, "map condition without keys"
		}
		col, ok := a.constString(p.Key)
		if !ok {
			return nil, fmt.Sprintf("column %s is not constant", exprName(p.Key))
		}
		kvs = append(kvs, kv{col, p.Value})
	}
	return kvs, ""
}

// mapVar writes a condition map held in local variable v and filled key
// by key before the chain's call (eq := sq.Eq{}; if f.Kind != "" {
// eq["kind"] = f.Kind }): a key set on some executions only is
// optional, left out of what every execution sends (ormChain.must); a
// key set twice compares with its last value. A map whose keys are not
// constant, or that leaves the function (another may fill it), is
// known only at run time.
func (a *analyzer) mapVar(c *ormChain, v *types.Var, ops [3]string) (string, string) {
	kvs, why := a.mapVarKVs(c, v)
	if why != "" {
		return "", why
	}
	return a.mapKVs(c, kvs, ops), ""
}

// mapVarKVs are the keys and values of the condition map held in v at
// the chain's call (see mapVar).
func (a *analyzer) mapVarKVs(c *ormChain, v *types.Var) ([]kv, string) {
	init := a.soleValue(v, c.at)
	if init == nil {
		return nil, fmt.Sprintf("condition %s holds different maps", v.Name())
	}
	var kvs []kv
	switch x := ast.Unparen(init).(type) {
	case *ast.CompositeLit:
		var why string
		if kvs, why = a.mapLit(x); why != "" {
			return nil, why
		}
	case *ast.CallExpr: // make(sq.Eq)
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); !ok || id.Name != "make" {
			return nil, fmt.Sprintf("condition %s is known only at run time", v.Name())
		}
	default:
		return nil, fmt.Sprintf("condition %s is known only at run time", v.Name())
	}
	if a.escapes(v) {
		return nil, fmt.Sprintf("condition %s is filled elsewhere", v.Name())
	}
	opt := map[string]bool{}
	for _, w := range a.r.keyed[v] {
		if w.pos >= c.at {
			break
		}
		col, ok := a.constString(w.key)
		if !ok {
			return nil, fmt.Sprintf("column %s is not constant", exprName(w.key))
		}
		cond := w.block != a.r.decl[v] || w.loops > a.r.declLoops[v]
		i := slices.IndexFunc(kvs, func(p kv) bool { return p.col == col })
		if i < 0 {
			kvs = append(kvs, kv{col, w.val})
			opt[col] = cond
			continue
		}
		kvs[i].val = w.val
		opt[col] = opt[col] && cond // set on every execution once is enough
	}
	if len(opt) > 0 {
		var must []kv
		for _, p := range kvs {
			if opt[p.col] {
				c.sawOpt = true
				continue
			}
			must = append(must, p)
		}
		if c.must {
			kvs = must
		}
	}
	return kvs, ""
}

// escapes reports whether local variable v is handed on in its
// function: passed to a call other than squirrel's, dbx's or a builtin,
// assigned, returned, or its address taken.
func (a *analyzer) escapes(v *types.Var) bool {
	if a.r.addressed[v] {
		return true
	}
	info := a.pass.TypesInfo
	fn := a.enclosing(v.Pos())
	if fn == nil {
		return true
	}
	uses := func(x ast.Expr) bool {
		id, ok := ast.Unparen(x).(*ast.Ident)
		return ok && info.Uses[id] == v
	}
	out := false
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			callee := typeutil.Callee(info, n)
			if _, builtin := callee.(*types.Builtin); builtin || callee != nil && callee.Pkg() != nil && (callee.Pkg().Path() == squirrelPkg || callee.Pkg().Path() == dbxPkg || isGoquPkg(callee.Pkg().Path())) {
				return true
			}
			out = out || slices.ContainsFunc(n.Args, uses)
		case *ast.AssignStmt:
			out = out || slices.ContainsFunc(n.Rhs, uses)
		case *ast.ReturnStmt:
			out = out || slices.ContainsFunc(n.Results, uses)
		case *ast.CompositeLit:
			for _, el := range n.Elts {
				if p, ok := el.(*ast.KeyValueExpr); ok {
					el = p.Value
				}
				if uses(el) {
					if _, cond := builderMapOps(info.TypeOf(n)); !cond && !isSqlizerList(info.TypeOf(n)) {
						out = true
					}
				}
			}
		}
		return !out
	})
	return out
}

// isSqlizerList reports whether t is squirrel's And or Or.
func isSqlizerList(t types.Type) bool {
	n, _ := types.Unalias(t).(*types.Named)
	return n != nil && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == squirrelPkg && (n.Obj().Name() == "And" || n.Obj().Name() == "Or")
}

// mapKVs writes the comparisons of a map condition, keys sorted as
// both libraries sort them; a list value becomes IN, nil IS NULL.
func (a *analyzer) mapKVs(c *ormChain, kvs []kv, ops [3]string) string {
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
	return strings.Join(parts, " AND ")
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
		if c.cmd != "SELECT" || c.lib != "squirrel" || len(c.columns) == 0 || len(c.joins) > 0 {
			return "", "no table"
		}
		// squirrel's Select("EXISTS (SELECT 1 FROM t WHERE ...)") with
		// no From: a SELECT of expressions, as squirrel writes it.
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
		b.WriteString(strings.Join(cols, ", "))
		if c.table != "" {
			b.WriteString(" FROM " + c.table)
		}
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
	if c.returning != "" {
		b.WriteString(" RETURNING " + c.returning) // goqu's Returning
	}
	return b.String(), ""
}

// builderColumns is the column list of a Select or Columns call. A string
// built at run time (the columns of a struct's tags, joined) stands in as
// a parameter, as fmt.Sprintf's %s does: the statement's table, joins and
// filters are what the checks read, and its columns cannot be `*` we
// would have seen. A list (cols...) is read item by item when the
// resolver knows its items (a literal of constants, in a variable nothing
// else writes); another list, or a piece that varies with a loop's item
// (another statement per item), stays unknown.
func (a *analyzer) builderColumns(c *ormChain, st ormStep) ([]string, string) {
	var out []string
	if st.call.Ellipsis.IsValid() && len(st.call.Args) == 1 {
		// Select(runColumns...): a list the resolver knows item by item
		// (a literal of constants in a variable nothing else writes).
		items, f := a.r.list(st.call.Args[0], st.call.Pos(), 0)
		if f != nil || len(items) == 0 {
			return nil, "columns are not constant"
		}
		for _, it := range items {
			if it.opt || !it.OK {
				return nil, "columns are not constant"
			}
			s, why := a.bind(c, it.SQL, nil)
			if why != "" {
				return nil, why
			}
			out = append(out, s)
		}
		return out, ""
	}
	for _, e := range st.call.Args {
		if s, ok := a.constString(e); ok {
			// squirrel numbers the ? of a column expression with the
			// statement's (GREATEST(started, ?) AS start).
			s, why := a.bind(c, s, nil)
			if why != "" {
				return nil, why
			}
			out = append(out, s)
			continue
		}
		t, _ := a.pass.TypesInfo.TypeOf(e).Underlying().(*types.Basic)
		if st.call.Ellipsis.IsValid() || t == nil || t.Info()&types.IsString == 0 || a.r.itemLoop(e, map[*types.Var]bool{}, 0) != nil {
			return nil, "columns are not constant"
		}
		out = append(out, c.param1())
	}
	return out, ""
}
