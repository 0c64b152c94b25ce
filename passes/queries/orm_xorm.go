package queries

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/internal/dbapi"
	"github.com/sqlheat/sqlheat/internal/ormmodel"
	"github.com/sqlheat/sqlheat/internal/sqlparse"
)

// xorm. A session's methods add to one statement until a finisher sends
// it: db.Context(ctx).Where("user_id = ?", id).Desc("created_at").Find(&list).
// The table is the model's, from the finisher's bean (Get(&u),
// Find(&list), Insert(&row)) or Table(...); the conditions are the
// Where/And/Or fragments (SQL with `?`, or xorm.io/builder conditions),
// In, ID, and the non-zero fields of a bean Get, Find, Count, Exist and
// Delete are given — xorm's auto condition — as far as the code shows
// them: the fields of a literal, or set on a local bean before the call.
// A bean handed in by the caller may carry fields the pass does not see;
// it is read as the zero bean. xorm writes its statements with the
// model's columns named (never SELECT *), and `x` as "x" on PostgreSQL,
// as its quoter does.

// xormChain is what an xorm chain adds beside the common statement.
type xormChain struct {
	*ormChain
	cols, must []string // Cols/Columns, MustCols: the columns an update sets
	omit       map[string]bool
	incr       []string // Incr, Decr, SetExpr: assignments of their own
	noAuto     bool     // NoAutoCondition
	forUpdate  bool
}

// xormSQL rebuilds the statement an xorm finisher sends.
func (a *analyzer) xormSQL(s *Site, sel *ast.SelectorExpr) sqlText {
	steps, param, why := a.ormSteps(sel.X, s.Call.Pos(), 0)
	many := a.xormMany(s)
	fail := func(format string, args ...any) sqlText {
		t := unresolved(format, args...)
		t.many = many
		return t
	}
	if why != "" {
		return fail("xorm chain: %s", why)
	}
	steps = a.xormReset(steps, sel.X, s.Call.Pos())
	name, args := s.Method.Name, s.Call.Args
	switch name {
	case "Sync", "Sync2", "CreateTables", "CreateIndexes", "CreateUniques":
		text, why := a.xormSync(args, name)
		if why != "" {
			return fail("xorm %s: %s", name, why)
		}
		return sqlText{SQL: text, OK: true, Param: -1}
	}
	c := &xormChain{ormChain: &ormChain{lib: "xorm", param: param}, omit: map[string]bool{}}
	// The model first: the conditions of ID and of beans need its key
	// and columns, and xorm takes it from the finisher's bean.
	for _, st := range steps {
		if st.name() == "Table" && len(st.call.Args) > 0 {
			if why := a.xormTable(c, st.call.Args[0]); why != "" {
				return fail("xorm chain: %s", why)
			}
		}
	}
	if c.model == nil && len(args) > 0 {
		m, why := a.modelOf("xorm", args[0])
		if why != "" {
			return fail("xorm %s: %s", name, why)
		}
		c.model = m
	}
	for _, st := range steps {
		if why := a.xormStep(c, st); why != "" {
			return fail("xorm chain: %s", why)
		}
	}
	text, why := a.xormFinish(c, s)
	if why != "" {
		return fail("xorm %s: %s", name, why)
	}
	t := sqlText{SQL: text, OK: true, Param: -1, many: many}
	if c.model != nil && c.table == "" {
		// The table as Sync makes it of the bean's tags.
		t.modelDDL = strings.Join(append([]string{c.model.CreateTable(true)}, c.model.CreateIndexes()...), ";\n")
	}
	return t
}

// xormReset drops the steps a session variable was given before an
// earlier finisher on it: xorm resets a session's statement after each
// one (session.Where(a); session.Get(&x); session.Find(&y) finds with
// no condition), keeping the session's context and transaction.
func (a *analyzer) xormReset(steps []ormStep, x ast.Expr, at token.Pos) []ormStep {
	info := a.pass.TypesInfo
	root := x
	for {
		call, ok := ast.Unparen(root).(*ast.CallExpr)
		if !ok {
			break
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			break
		}
		root = sel.X
	}
	id, ok := ast.Unparen(root).(*ast.Ident)
	if !ok {
		return steps
	}
	v, _ := info.Uses[id].(*types.Var)
	fn := a.enclosing(at)
	if v == nil || fn == nil {
		return steps
	}
	last := token.NoPos
	ast.Inspect(fn, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || call.Pos() >= at || call.End() > at {
			return true
		}
		callee, _ := typeutil.Callee(info, call).(*types.Func)
		m := dbapi.Lookup(callee)
		if m == nil || m.Role != dbapi.Finisher || m.Library() != "xorm" {
			return true
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && a.rootedAt(sel.X, v) && call.End() > last {
			last = call.End()
		}
		return true
	})
	if last == token.NoPos {
		return steps
	}
	var out []ormStep
	for _, st := range steps {
		if st.call.Pos() >= last || st.name() == "Context" || st.name() == "NewSession" {
			out = append(out, st)
		}
	}
	return out
}

// xormMany reports whether an insert writes a slice of rows in one
// statement (Insert(&rows), InsertMulti).
func (a *analyzer) xormMany(s *Site) bool {
	switch s.Method.Name {
	case "InsertMulti":
		return true
	case "Insert":
		for _, arg := range s.Call.Args {
			t := a.pass.TypesInfo.TypeOf(arg)
			if p, ok := t.(*types.Pointer); ok {
				t = p.Elem()
			}
			if t != nil && isList(t) {
				return true
			}
		}
	}
	return false
}

// xormTable reads Table(name), Table(bean) or Table(T{}.TableName()).
func (a *analyzer) xormTable(c *xormChain, arg ast.Expr) string {
	if t := a.pass.TypesInfo.TypeOf(arg); t != nil && !isString(t) {
		m, why := a.modelOf("xorm", arg)
		if why != "" {
			return why
		}
		if m == nil {
			return fmt.Sprintf("table %s is chosen at run time", exprName(arg))
		}
		c.model = m
		return ""
	}
	if call, ok := ast.Unparen(arg).(*ast.CallExpr); ok {
		// T{}.TableName(): the name T's method gives, in any package.
		if fn, _ := typeutil.Callee(a.pass.TypesInfo, call).(*types.Func); fn != nil && fn.Name() == "TableName" {
			if recv := fn.Type().(*types.Signature).Recv(); recv != nil {
				if named := ormmodel.StructOf(recv.Type()); named != nil {
					if name, ok, err := a.tableName(named); err == nil && ok {
						c.table = xormQuote(name)
						return ""
					}
				}
			}
		}
	}
	s, ok := a.constString(arg)
	if !ok {
		return fmt.Sprintf("table name %s is not constant", exprName(arg))
	}
	c.table = xormQuote(s)
	return ""
}

// xormStep applies one call of a session's chain.
func (a *analyzer) xormStep(c *xormChain, st ormStep) string {
	args := st.call.Args
	switch st.name() {
	case "Where", "And", "Or":
		if len(args) == 0 {
			return ""
		}
		cond, why := a.xormCond(c, args[0], args[1:])
		if why != "" {
			return why
		}
		if cond != "" {
			op := "AND"
			if st.name() == "Or" {
				op = "OR"
			}
			c.conds = append(c.conds, ormCond{op, cond})
		}
	case "ID", "Id": // Id: go-xorm's deprecated spelling
		if c.model == nil || len(c.model.PK) == 0 {
			return "ID of a model without a known primary key"
		}
		var parts []string
		for _, pk := range c.model.PK {
			parts = append(parts, c.xcol(pk)+" = "+c.param1())
		}
		c.conds = append(c.conds, ormCond{"AND", strings.Join(parts, " AND ")})
	case "In", "NotIn":
		cond, why := a.xormIn(c, st.name(), args)
		if why != "" {
			return why
		}
		c.conds = append(c.conds, ormCond{"AND", cond})
	case "Desc", "Asc":
		cols, ok := a.constStrings(args)
		if !ok {
			return "ordered columns are not constant"
		}
		for _, col := range cols {
			col = xormName(col)
			if st.name() == "Desc" {
				col += " DESC"
			}
			c.order = append(c.order, col)
		}
	case "OrderBy":
		if len(args) > 0 {
			s, ok := a.constString(args[0])
			if !ok {
				return fmt.Sprintf("order %s is not constant", exprName(args[0]))
			}
			text, why := a.bind(c.ormChain, xormQuote(s), args[1:])
			if why != "" {
				return why
			}
			c.order = append(c.order, text)
		}
	case "Limit":
		if len(args) > 0 {
			c.limit = a.limitText(c.ormChain, args[0])
		}
		if len(args) > 1 {
			c.offset = a.limitText(c.ormChain, args[1])
		}
	case "Select":
		if len(args) > 0 {
			s, ok := a.constString(args[0])
			if !ok {
				return fmt.Sprintf("selected columns %s are not constant", exprName(args[0]))
			}
			c.columns = []string{xormQuote(s)}
		}
	case "Cols", "Columns", "MustCols", "Distinct", "Omit":
		cols, ok := a.constStrings(args)
		if !ok && st.name() != "Distinct" {
			// Cols(cols...) given by the caller: the columns read or
			// written are known at run time only, and stand for every
			// column, as a bean's non-zero fields do; what the
			// statement filters on is known all the same.
			return ""
		}
		if !ok {
			return fmt.Sprintf("%s columns are not constant", st.name())
		}
		var split []string
		for _, col := range cols {
			for _, part := range strings.Split(col, ",") {
				if part = strings.TrimSpace(part); part != "" {
					split = append(split, xormName(part))
				}
			}
		}
		switch st.name() {
		case "Omit":
			for _, col := range split {
				c.omit[strings.Trim(col, `"`)] = true
			}
		case "MustCols":
			c.must = append(c.must, split...)
		case "Distinct":
			c.distinct = true
			c.columns = append(c.columns, split...)
		default:
			c.cols = append(c.cols, split...)
		}
	case "Join":
		if len(args) < 3 {
			return "join without its table and condition"
		}
		return a.xormJoin(c, args)
	case "GroupBy":
		if len(args) > 0 {
			s, ok := a.constString(args[0])
			if !ok {
				return "grouped columns are not constant"
			}
			c.group = append(c.group, xormQuote(s))
		}
	case "Having":
		if len(args) > 0 {
			s, ok := a.constString(args[0])
			if !ok {
				return "having condition is not constant"
			}
			c.having = append(c.having, xormQuote(s))
		}
	case "Incr", "Decr", "SetExpr":
		if len(args) == 0 {
			return ""
		}
		col, ok := a.constString(args[0])
		if !ok {
			return fmt.Sprintf("%s column is not constant", st.name())
		}
		q := xormColumn(col)
		switch st.name() {
		case "Incr":
			c.incr = append(c.incr, q+" = "+q+" + "+c.param1())
		case "Decr":
			c.incr = append(c.incr, q+" = "+q+" - "+c.param1())
		default:
			value := c.param1()
			if len(args) > 1 {
				if s, ok := a.constString(args[1]); ok {
					value = xormQuote(s)
					c.n--
				}
			}
			c.incr = append(c.incr, q+" = "+value)
		}
	case "Alias":
		if len(args) > 0 {
			s, ok := a.constString(args[0])
			if !ok {
				return "alias is not constant"
			}
			c.alias = s
		}
	case "Unscoped":
		c.unscoped = true
	case "NoAutoCondition":
		c.noAuto = len(args) == 0 || xormFlag(a.pass.TypesInfo, args[0])
	case "ForUpdate":
		c.forUpdate = true
	case "SQL", "Sql":
		return "raw SQL kept in a variable"
	}
	// Context, UseBool, NoAutoTime, Prepare, NoCache, Begin, Commit...
	// change nothing the statement says.
	return ""
}

func xormFlag(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return !ok || tv.Value == nil || constant.BoolVal(tv.Value)
}

// xormIn is In(col, values...) or NotIn, of a session or of
// xorm.io/builder.
func (a *analyzer) xormIn(c *xormChain, name string, args []ast.Expr) (string, string) {
	if len(args) == 0 {
		return "", "In without its column"
	}
	col, ok := a.constString(args[0])
	if !ok {
		return "", fmt.Sprintf("column %s of In is not constant", exprName(args[0]))
	}
	op := " IN "
	if name == "NotIn" {
		op = " NOT IN "
	}
	return xormColumn(col) + op + a.xormList(c, args[1:]), ""
}

// xormList writes the values of In(col, values...): one slice is a
// list, several values as many placeholders, a builder a subquery.
func (a *analyzer) xormList(c *xormChain, args []ast.Expr) string {
	if len(args) == 1 {
		if t := a.pass.TypesInfo.TypeOf(args[0]); t != nil && isList(t) {
			return "(" + c.param1() + ")"
		}
		if xormBuilderCall(a.pass.TypesInfo, args[0]) != "" || typeFrom(a.pass.TypesInfo.TypeOf(args[0]), builderPkg, "Builder") {
			return "(SELECT NULL)"
		}
	}
	var ps []string
	for range args {
		ps = append(ps, c.param1())
	}
	if len(ps) == 0 {
		ps = []string{c.param1()}
	}
	return "(" + strings.Join(ps, ", ") + ")"
}

// xormJoin reads Join(op, table, condition, args...): the table a name,
// a [name, alias] pair, or a bean.
func (a *analyzer) xormJoin(c *xormChain, args []ast.Expr) string {
	op, ok := a.constString(args[0])
	if !ok {
		return "join operator is not constant"
	}
	var table string
	if lit, ok := compositeLit(args[1]); ok && len(lit.Elts) == 2 && isStringSlice(a.pass.TypesInfo.TypeOf(lit)) {
		names, ok := a.constStrings(lit.Elts)
		if !ok {
			return "joined table is not constant"
		}
		table = xormColumn((names[0])) + " " + sqlparse.QuoteIdent(names[1])
	} else if t := a.pass.TypesInfo.TypeOf(args[1]); t != nil && !isString(t) {
		m, why := a.modelOf("xorm", args[1])
		if why != "" {
			return why
		}
		if m == nil {
			return fmt.Sprintf("joined table %s is chosen at run time", exprName(args[1]))
		}
		table = m.QuotedTable()
	} else {
		s, ok := a.constString(args[1])
		if !ok {
			return fmt.Sprintf("joined table %s is not constant", exprName(args[1]))
		}
		table = xormQuote(s)
	}
	cond, ok := a.constString(args[2])
	if !ok {
		return fmt.Sprintf("join condition %s is not constant", exprName(args[2]))
	}
	text, why := a.bind(c.ormChain, xormQuote(cond), args[3:])
	if why != "" {
		return why
	}
	c.joins = append(c.joins, strings.ToUpper(strings.TrimSpace(op))+" JOIN "+table+" ON "+text)
	return ""
}

func isStringSlice(t types.Type) bool {
	if t == nil {
		return false
	}
	s, ok := t.Underlying().(*types.Slice)
	return ok && isString(s.Elem())
}

// builderPkg is xorm's condition builder; a fork's is read as it
// (dbapi.Canonical).
const builderPkg = dbapi.XormBuilder

// fromBuilder reports whether pkg is xorm's condition builder or a
// fork's.
func fromBuilder(pkg *types.Package) bool {
	return pkg != nil && dbapi.Canonical(pkg.Path()) == builderPkg
}

// typeFrom reports whether t (through a pointer) is pkg.name.
func typeFrom(t types.Type, pkg, name string) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && dbapi.Canonical(n.Obj().Pkg().Path()) == pkg && n.Obj().Name() == name
}

// xormBuilderCall is the name of the xorm.io/builder function e calls
// (builder.In, builder.And...), "" when it calls none.
func xormBuilderCall(info *types.Info, e ast.Expr) string {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return ""
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || !fromBuilder(fn.Pkg()) || fn.Type().(*types.Signature).Recv() != nil {
		return ""
	}
	return fn.Name()
}

// xormCond is the SQL of a Where/And/Or argument: a fragment with `?`
// bound to args, or an xorm.io/builder condition.
func (a *analyzer) xormCond(c *xormChain, query ast.Expr, args []ast.Expr) (string, string) {
	info := a.pass.TypesInfo
	t := info.TypeOf(query)
	if t != nil && isString(t) {
		s, ok := a.constString(query)
		if !ok {
			return "", fmt.Sprintf("condition %s is not constant", exprName(query))
		}
		return a.bind(c.ormChain, xormQuote(s), args)
	}
	return a.xormBuilderCond(c, query, 0)
}

// builderOps are xorm.io/builder's comparison maps.
var builderOps = map[string]string{"Eq": "=", "Neq": "<>", "Gt": ">", "Gte": ">=", "Lt": "<", "Lte": "<="}

// xormBuilderCond is the SQL of an xorm.io/builder condition written in
// place: Eq{"col": v} and its kin, Like{"col", v}, Expr, In, NotIn,
// IsNull, NotNull, Between, And and Or of those. One held in a variable,
// or made by a function, is known at run time only.
func (a *analyzer) xormBuilderCond(c *xormChain, e ast.Expr, depth int) (string, string) {
	if depth > maxDepth {
		return "", "condition too deep"
	}
	info := a.pass.TypesInfo
	e = ast.Unparen(e)
	if lit, ok := compositeLit(e); ok {
		t := info.TypeOf(lit)
		n, _ := types.Unalias(t).(*types.Named)
		if n == nil || !fromBuilder(n.Obj().Pkg()) {
			return "", "condition literal of unknown type"
		}
		name := n.Obj().Name()
		var parts []string
		switch {
		case builderOps[name] != "":
			for _, el := range lit.Elts {
				kv, ok := el.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				key, ok := a.constString(kv.Key)
				if !ok {
					return "", "condition map with a key that is not constant"
				}
				col := xormColumn(key)
				if vt := info.TypeOf(kv.Value); name == "Eq" && vt != nil && isList(vt) {
					parts = append(parts, col+" IN ("+c.param1()+")")
					continue
				}
				parts = append(parts, col+" "+builderOps[name]+" "+c.param1())
			}
		case name == "Like" && len(lit.Elts) == 2:
			key, ok := a.constString(lit.Elts[0])
			if !ok {
				return "", "column of Like is not constant"
			}
			parts = append(parts, xormColumn(key)+" LIKE "+c.param1())
		case (name == "IsNull" || name == "NotNull") && len(lit.Elts) == 1:
			key, ok := a.constString(lit.Elts[0])
			if !ok {
				return "", "column is not constant"
			}
			op := " IS NULL"
			if name == "NotNull" {
				op = " IS NOT NULL"
			}
			parts = append(parts, xormColumn(key)+op)
		case name == "Between":
			var col string
			for _, el := range lit.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok && exprName(kv.Key) == "Col" {
					s, ok := a.constString(kv.Value)
					if !ok {
						return "", "column of Between is not constant"
					}
					col = s
				}
			}
			if col == "" {
				return "", "Between without its column"
			}
			parts = append(parts, xormColumn(col)+" BETWEEN "+c.param1()+" AND "+c.param1())
		default:
			return "", fmt.Sprintf("builder.%s condition", name)
		}
		return strings.Join(parts, " AND "), ""
	}
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return "", fmt.Sprintf("conditions in %s are known only at run time", exprName(e))
	}
	// builder.Eq{...}.And(more...): the receiver, then the others.
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && (sel.Sel.Name == "And" || sel.Sel.Name == "Or") {
		if fn, _ := typeutil.Callee(info, call).(*types.Func); fn != nil && fromBuilder(fn.Pkg()) {
			parts := []string{}
			for _, x := range append([]ast.Expr{sel.X}, call.Args...) {
				s, why := a.xormBuilderCond(c, x, depth+1)
				if why != "" {
					return "", why
				}
				if s != "" {
					parts = append(parts, "("+s+")")
				}
			}
			return strings.Join(parts, " "+strings.ToUpper(sel.Sel.Name)+" "), ""
		}
	}
	switch name := xormBuilderCall(info, call); name {
	case "And", "Or":
		var parts []string
		for _, arg := range call.Args {
			s, why := a.xormBuilderCond(c, arg, depth+1)
			if why != "" {
				return "", why
			}
			if s != "" {
				parts = append(parts, "("+s+")")
			}
		}
		return strings.Join(parts, " "+strings.ToUpper(name)+" "), ""
	case "In", "NotIn":
		return a.xormIn(c, name, call.Args)
	case "Expr":
		if len(call.Args) == 0 {
			return "", ""
		}
		s, ok := a.constString(call.Args[0])
		if !ok {
			return "", "expression is not constant"
		}
		return a.bind(c.ormChain, xormQuote(s), call.Args[1:])
	case "":
		return "", fmt.Sprintf("conditions made by %s are known only at run time", exprName(call.Fun))
	default:
		return "", fmt.Sprintf("builder.%s condition", name)
	}
}

// xormColumn quotes a column name written in Go, as xorm's quoter
// does: "`user`.name" is "user"."name".
func xormColumn(s string) string {
	parts := strings.Split(xormQuote(s), ".")
	for i, p := range parts {
		if !strings.HasPrefix(p, `"`) {
			parts[i] = sqlparse.QuoteIdent(p)
		}
	}
	return strings.Join(parts, ".")
}

// xormName is a column name as xorm's quoter writes it where it needs
// quotes (a reserved word: Desc("group") is ORDER BY "group" DESC); what
// is not a plain name (an expression, a star) stays as written.
func xormName(s string) string {
	for _, r := range s {
		if r != '_' && r != '.' && r != '`' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return xormQuote(s)
		}
	}
	return xormColumn(s)
}

// xormQuote turns the backquotes of a fragment into PostgreSQL's double
// quotes, as xorm's quoter does for that dialect; quoted strings keep
// theirs.
func xormQuote(s string) string {
	if !strings.Contains(s, "`") {
		return s
	}
	b := []byte(s)
	inString := false
	for i, ch := range b {
		switch {
		case ch == '\'':
			inString = !inString
		case ch == '`' && !inString:
			b[i] = '"'
		}
	}
	return string(b)
}

// xormBeanConds are the conditions of a bean's non-zero fields (xorm's
// auto condition) as far as the code shows them: the fields a literal
// sets, or those set on a local variable before the call. A bean from
// elsewhere is read as the zero bean.
func (a *analyzer) xormBeanConds(c *xormChain, bean ast.Expr, at token.Pos) ([]string, string) {
	if c.noAuto || c.model == nil || bean == nil {
		return nil, ""
	}
	fields, why := a.beanFields(bean, at)
	if why != "" {
		return nil, why
	}
	var out []string
	for _, f := range fields {
		col := c.model.Column(f)
		if col == nil {
			continue // xorm skips a field that is not a column ("-", a relation)
		}
		out = append(out, c.xcol(col.Name)+" = "+c.param1())
	}
	return out, ""
}

// beanFields are the Go fields a bean expression sets to a value that
// is not a literal zero.
func (a *analyzer) beanFields(bean ast.Expr, at token.Pos) ([]string, string) {
	if lit, ok := compositeLit(bean); ok {
		if _, ok := a.pass.TypesInfo.TypeOf(lit).Underlying().(*types.Struct); !ok {
			return nil, ""
		}
		var out []string
		for _, el := range lit.Elts {
			kv, ok := el.(*ast.KeyValueExpr)
			if !ok {
				return nil, "bean literal without field names"
			}
			if isZeroLit(a.pass.TypesInfo, kv.Value) {
				continue
			}
			out = append(out, exprName(kv.Key))
		}
		return out, ""
	}
	e := ast.Unparen(bean)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return nil, ""
	}
	v, _ := a.pass.TypesInfo.Uses[id].(*types.Var)
	if v == nil || ormmodel.StructOf(v.Type()) == nil || isList(derefType(v.Type())) {
		return nil, ""
	}
	// Fields assigned on the bean before the call, in its function.
	var out []string
	seen := map[string]bool{}
	for _, w := range a.r.writes[v] {
		if w.pos < at && w.rhs != nil {
			if lit, ok := compositeLit(w.rhs); ok {
				fs, _ := a.beanFields(lit, at)
				out, seen = nil, map[string]bool{} // a new bean: what was set before is gone
				for _, f := range fs {
					seen[f] = true
					out = append(out, f)
				}
			}
		}
	}
	if fn := a.enclosing(at); fn != nil {
		ast.Inspect(fn, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || as.Pos() >= at || as.Tok != token.ASSIGN {
				return true
			}
			for i, lhs := range as.Lhs {
				sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
				if !ok {
					continue
				}
				if x, ok := ast.Unparen(sel.X).(*ast.Ident); ok && a.pass.TypesInfo.Uses[x] == v && !seen[sel.Sel.Name] {
					if i < len(as.Rhs) && isZeroLit(a.pass.TypesInfo, as.Rhs[i]) {
						continue
					}
					seen[sel.Sel.Name] = true
					out = append(out, sel.Sel.Name)
				}
			}
			return true
		})
	}
	return out, ""
}

func derefType(t types.Type) types.Type {
	if p, ok := t.(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// isZeroLit reports whether e is a constant zero value ("", 0, false)
// or nil, which xorm's auto condition skips.
func isZeroLit(info *types.Info, e ast.Expr) bool {
	if isNil(info, e) {
		return true
	}
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil {
		return false
	}
	switch tv.Value.Kind() {
	case constant.String:
		return constant.StringVal(tv.Value) == ""
	case constant.Bool:
		return !constant.BoolVal(tv.Value)
	case constant.Int, constant.Float:
		return constant.Sign(tv.Value) == 0
	}
	return false
}

// xormFinish writes the statement of an xorm finisher.
func (a *analyzer) xormFinish(c *xormChain, s *Site) (string, string) {
	name, args := s.Method.Name, s.Call.Args
	if c.model == nil && c.table == "" {
		return "", c.noModel()
	}
	table := c.table
	if table == "" {
		table = c.model.QuotedTable()
	}
	if c.alias != "" {
		table += " AS " + sqlparse.QuoteIdent(c.alias)
	}
	conds := c.conds
	addBean := func(bean ast.Expr) string {
		more, why := a.xormBeanConds(c, bean, s.Call.Pos())
		if why != "" {
			return why
		}
		for _, m := range more {
			conds = append(conds, ormCond{"AND", m})
		}
		return ""
	}
	softDelete := func() {
		if c.model != nil && c.model.SoftDelete != "" && !c.unscoped {
			col := c.xcol(c.model.SoftDelete)
			conds = append(conds, ormCond{"AND", col + " IS NULL OR " + col + " = " + c.param1()})
		}
	}
	switch name {
	case "Insert", "InsertOne", "InsertMulti":
		return c.insert(table, c.omit), ""
	case "Update":
		set, why := a.xormSet(c, args)
		if why != "" {
			return "", why
		}
		for _, bean := range args[min(1, len(args)):] {
			if why := addBean(bean); why != "" {
				return "", why
			}
		}
		softDelete()
		var b strings.Builder
		b.WriteString("UPDATE " + table + " SET " + strings.Join(set, ", "))
		c.tail(&b, conds, false)
		renumber(&b) // the SET's arguments first, as xorm sends them
		return b.String(), ""
	case "Delete":
		for _, bean := range args {
			if why := addBean(bean); why != "" {
				return "", why
			}
		}
		var b strings.Builder
		if c.model != nil && c.model.SoftDelete != "" && !c.unscoped {
			b.WriteString("UPDATE " + table + " SET " + sqlparse.QuoteIdent(c.model.SoftDelete) + " = " + c.param1())
			softDelete()
		} else {
			b.WriteString("DELETE FROM " + table)
		}
		c.tail(&b, conds, false)
		renumber(&b)
		return b.String(), ""
	}
	// Reads. Find's second argument and Count's/Exist's beans are
	// conditions too.
	var beans []ast.Expr
	switch name {
	case "Get", "Count", "Exist", "Iterate", "Rows":
		if len(args) > 0 {
			beans = args[:1]
		}
		if name == "Exist" {
			beans = args
		}
	case "Find", "FindAndCount":
		if len(args) > 1 {
			beans = args[1:]
		}
	case "Sum", "Sums", "SumInt", "SumsInt":
		if len(args) > 0 {
			beans = args[:1]
		}
	}
	for _, bean := range beans {
		if why := addBean(bean); why != "" {
			return "", why
		}
	}
	softDelete()
	cols := c.selectList(table)
	switch name {
	case "Count":
		cols = "count(*)"
	case "Exist":
		cols = "1"
		c.limit = "1"
	case "Get":
		c.limit = "1"
	case "Sum", "Sums", "SumInt", "SumsInt":
		if len(args) < 2 {
			return "", "summed column missing"
		}
		names, ok := a.constStrings(args[1:])
		if !ok {
			return "", "summed column is not constant"
		}
		var sums []string
		for _, n := range names {
			sums = append(sums, "COALESCE(sum("+xormColumn(n)+"),0)")
		}
		cols = strings.Join(sums, ", ")
	}
	var b strings.Builder
	b.WriteString("SELECT ")
	if c.distinct {
		b.WriteString("DISTINCT ")
	}
	b.WriteString(cols + " FROM " + table)
	for _, j := range c.joins {
		b.WriteString(" " + j)
	}
	c.tail(&b, conds, name != "Count")
	if c.forUpdate {
		b.WriteString(" FOR UPDATE")
	}
	if name == "FindAndCount" {
		var cb strings.Builder
		cb.WriteString("SELECT count(*) FROM " + table)
		for _, j := range c.joins {
			cb.WriteString(" " + j)
		}
		c.tail(&cb, conds, false)
		return b.String() + ";\n" + cb.String(), ""
	}
	return b.String(), ""
}

// selectList is what xorm selects: the columns Select or Cols name,
// else the model's, qualified by the table when the chain joins.
func (c *xormChain) selectList(table string) string {
	switch {
	case len(c.columns) > 0:
		return strings.Join(c.columns, ", ")
	case len(c.cols) > 0:
		return strings.Join(c.cols, ", ")
	case c.model == nil:
		return "*"
	}
	var cols []string
	for _, col := range c.model.Columns {
		if col.WriteOnly {
			continue // `->`: xorm never reads it
		}
		q := sqlparse.QuoteIdent(col.Name)
		if len(c.joins) > 0 {
			q = c.qualifier(table) + "." + q
		}
		cols = append(cols, q)
	}
	if len(cols) == 0 {
		return "*"
	}
	return strings.Join(cols, ", ")
}

// xcol is a column of the model as xorm writes it in the conditions it
// makes: qualified when the statement joins other tables.
func (c *xormChain) xcol(name string) string {
	if len(c.joins) == 0 {
		return sqlparse.QuoteIdent(name)
	}
	table := c.table
	if table == "" {
		table = c.model.QuotedTable()
	}
	return c.qualifier(table) + "." + sqlparse.QuoteIdent(name)
}

// qualifier is the name the FROM item goes by: its alias, else the table.
func (c *xormChain) qualifier(table string) string {
	if c.alias != "" {
		return sqlparse.QuoteIdent(c.alias)
	}
	return table
}

// xormSet lists what an Update sets: the columns of Cols and MustCols,
// the keys of a map, the fields a bean literal or local bean sets, else
// every column but the key (a bean's non-zero fields, known at run
// time); Incr, Decr and SetExpr too, and the `updated` column.
func (a *analyzer) xormSet(c *xormChain, args []ast.Expr) ([]string, string) {
	var set []string
	assign := func(col string) {
		name := strings.Trim(col, `"`)
		if c.model != nil {
			if mc := c.model.Column(name); mc != nil && mc.ReadOnly {
				return // `<-`: xorm never writes it, even named in Cols
			}
		}
		if !c.omit[name] {
			set = append(set, col+" = "+c.param1())
		}
	}
	for _, col := range append(append([]string(nil), c.cols...), c.must...) {
		assign(col)
	}
	if len(set) == 0 && len(args) > 0 {
		if lit, ok := compositeLit(args[0]); ok {
			if _, isMap := a.pass.TypesInfo.TypeOf(lit).Underlying().(*types.Map); isMap {
				for _, el := range lit.Elts {
					kv, ok := el.(*ast.KeyValueExpr)
					if !ok {
						continue
					}
					key, ok := a.constString(kv.Key)
					if !ok {
						return nil, "updated column is not constant"
					}
					assign(xormColumn(key))
				}
			}
		}
		if len(set) == 0 && c.model != nil {
			fields, why := a.beanFields(args[0], args[0].Pos())
			if why != "" {
				return nil, why
			}
			for _, f := range fields {
				if col := c.model.Column(f); col != nil {
					assign(sqlparse.QuoteIdent(col.Name))
				}
			}
		}
	}
	if len(set) == 0 && len(c.incr) == 0 && c.model != nil {
		for _, col := range c.model.Columns {
			if !contains(c.model.PK, col.Name) && !col.AutoIncrement {
				assign(sqlparse.QuoteIdent(col.Name))
			}
		}
	}
	set = append(set, c.incr...)
	if len(set) > 0 && c.model != nil && c.model.Updated != "" && !slices.ContainsFunc(set, func(s string) bool {
		return strings.HasPrefix(s, sqlparse.QuoteIdent(c.model.Updated)+" = ")
	}) {
		set = append(set, sqlparse.QuoteIdent(c.model.Updated)+" = "+c.param1())
	}
	if len(set) == 0 {
		return nil, "updated columns are unknown"
	}
	return set, ""
}

// xormSync is the DDL Sync (CreateTables...) sends for its beans: each
// table, then the indexes its tags declare.
func (a *analyzer) xormSync(args []ast.Expr, name string) (string, string) {
	var stmts []string
	for _, arg := range a.spread(args) {
		m, why := a.modelOf("xorm", arg)
		if why != "" {
			return "", why
		}
		if m == nil {
			return "", fmt.Sprintf("bean %s is not a struct", exprName(arg))
		}
		if name != "CreateIndexes" && name != "CreateUniques" {
			stmts = append(stmts, m.CreateTable(true))
		}
		stmts = append(stmts, m.CreateIndexes()...)
	}
	if len(stmts) == 0 {
		return "", "no beans"
	}
	return strings.Join(stmts, ";\n"), ""
}
