package queries

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"reflect"
	"strings"
	"unicode"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/internal/dbapi"
	"github.com/sqlheat/sqlheat/internal/ormmodel"
)

// GoFrame's gdb builds a statement on a Model:
//
//	dao.User.Ctx(ctx).Where(dao.User.Columns().DeptId, id).
//		Fields("id, name").Order("id desc").Page(p, 20).Scan(&users)
//
// sends SELECT id, name FROM sys_user WHERE dept_id = ? ORDER BY id
// desc LIMIT 20 OFFSET ?. The table is the constant handed to Model
// (db.Model("users"), g.Model(...), tx.Model(...)), or that of a
// generated dao: `gf gen dao` writes, per table, a struct whose table
// field its constructor sets to the table's name, a Ctx method starting
// a Model on it, and a Columns struct naming each column (both read
// through facts, see GdbModel and exportFields). Where takes a
// condition with its values (`"age > ?", 18`), a column and a value
// (`"status", 1`: status = ?, a slice making an IN list), a column
// ending in an operator (`"age >", 18`), or a map or do struct literal
// of columns; WherePri, WhereIn, WhereLike and friends name the column;
// Fields, Order, Group, Limit, Page and the joins shape the reading. All,
// Scan, One, Value, Count... read; Insert, Save, Update, Delete write,
// with the columns of Data (or the finisher's own argument) when they
// are a map or struct literal. What gdb adds from the table's schema at
// run time (its soft-delete column, WherePri's key, the columns of a
// struct handed to Fields or Data) leaves the SQL to gdb, with why: the
// site stays a round trip, its statement unknown.

// GdbModel is attached to a function answering a gdb Model of one
// table and nothing else (a generated dao's Ctx: `return
// dao.DB().Model(dao.table).Safe().Ctx(ctx)`): the table, which the
// chains that other packages start on it query.
type GdbModel struct{ Table string }

func (*GdbModel) AFact() {}

func (f *GdbModel) String() string { return fmt.Sprintf("gdbModel(%q)", f.Table) }

// gdbModelOf is the table of a function's GdbModel fact, "" when it has
// none.
func (a *analyzer) gdbModelOf(fn *types.Func) string {
	if fn == nil || fn.Pkg() == nil || fn.Pkg() == a.pass.Pkg {
		return ""
	}
	var f GdbModel
	if a.pass.ImportObjectFact(fn.Origin(), &f) {
		return f.Table
	}
	return ""
}

// exportGdbModels exports the GdbModel facts of the package's functions
// answering a Model of one table, with nothing added to it.
func (a *analyzer) exportGdbModels() {
	for fn, decl := range a.r.funcs {
		sig := fn.Type().(*types.Signature)
		if decl.Body == nil || len(decl.Body.List) != 1 || sig.Results().Len() != 1 || dbapi.ORMType(sig.Results().At(0).Type()) != "gdb" {
			continue
		}
		ret, ok := decl.Body.List[0].(*ast.ReturnStmt)
		if !ok || len(ret.Results) != 1 {
			continue
		}
		steps, param, why := a.ormSteps(ret.Results[0], ret.Pos(), 0)
		if why != "" || param != "" || len(steps) == 0 {
			continue
		}
		c := &ormChain{lib: "gdb"}
		plain := true
		for _, st := range steps {
			if why := a.gdbStep(c, st); why != "" {
				plain = false
				break
			}
		}
		if plain && c.table != "" && len(c.conds) == 0 && len(c.joins) == 0 && len(c.columns) == 0 && len(c.order) == 0 && c.limit == "" && len(c.set) == 0 {
			a.pass.ExportObjectFact(fn, &GdbModel{Table: c.table})
		}
	}
}

// gdbImported reports whether the package imports gdb itself: its
// string fields holding an identifier (a dao's table, its Columns) are
// published for the chains of other packages (see exportFields).
func (a *analyzer) gdbImported() bool {
	for _, p := range a.pass.Pkg.Imports() {
		if p.Path() == dbapi.GdbV2 || p.Path() == dbapi.GdbV1 {
			return true
		}
	}
	return false
}

// isIdent reports whether s is a column or table name as gdb's dao
// writes them: letters, digits and underscores, not starting with a
// digit, and at most one dot.
func isIdent(s string) bool {
	if s == "" || strings.Count(s, ".") > 1 {
		return false
	}
	for i, r := range s {
		if r == '.' && i > 0 && i < len(s)-1 {
			continue
		}
		if r != '_' && !unicode.IsLetter(r) && (i == 0 || !unicode.IsDigit(r)) {
			return false
		}
	}
	return true
}

// gdbSQL rebuilds the statement a gdb finisher sends. Whether it
// writes a list in one statement is known from the calls even when the
// statement is not (Data(rows) of rows built at run time).
func (a *analyzer) gdbSQL(s *Site, sel *ast.SelectorExpr) sqlText {
	var steps []ormStep
	var param, why string
	if s.Method.Recv == "Model" {
		steps, param, why = a.ormSteps(sel.X, s.Call.Pos(), 0)
	}
	many := a.gdbMany(s, steps)
	fail := func(format string, args ...any) sqlText {
		t := unresolved(format, args...)
		t.many = many
		return t
	}
	if s.Method.Recv != "Model" {
		// db.Insert(ctx, "users", data): the table by name, the columns
		// gdb reads from data at run time.
		return fail("gdb %s: the columns of the data are mapped by gdb at run time", s.Method.Name)
	}
	if why != "" {
		return fail("gdb chain: %s", why)
	}
	c := &ormChain{lib: "gdb", param: param}
	for _, st := range steps {
		if why := a.gdbStep(c, st); why != "" {
			return fail("gdb chain: %s", why)
		}
	}
	if c.table == "" && c.param == "" {
		if fn := a.gdbRoot(sel.X); fn != nil {
			return fail("gdb %s: the Model comes from %s, whose table is not known here", s.Method.Name, fn.Name())
		}
	}
	text, why := a.gdbFinish(c, s)
	if why != "" {
		return fail("gdb %s: %s", s.Method.Name, why)
	}
	return sqlText{SQL: text, OK: true, Param: -1, many: many}
}

// gdbRoot is the function of the program a chain written in one
// expression starts from (dao.User.Active(ctx).Count()), nil when it
// starts elsewhere.
func (a *analyzer) gdbRoot(x ast.Expr) *types.Func {
	for {
		call, ok := ast.Unparen(x).(*ast.CallExpr)
		if !ok {
			return nil
		}
		fn, _ := typeutil.Callee(a.pass.TypesInfo, call).(*types.Func)
		sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if fn == nil || dbapi.ORMChain(fn) != "gdb" || !isSel {
			return fn
		}
		x = sel.X
	}
}

// gdbCached reports whether call, a gdb finisher, reads through the
// cache its chain's Cache(gdb.CacheOption{Duration: d}) turns on: gdb
// keeps each statement's rows (by SQL and arguments, or the option's
// Name) in the database's cache, which the process keeps, and sends the
// statement again only once d has passed (0: never). That is a
// long-lived cache (see cache.go): a loop around the read misses on its
// first pass alone. An option whose Duration is negative clears the
// entry instead, and one not written in place is not known: neither
// counts.
func (a *analyzer) gdbCached(call *ast.CallExpr, m *dbapi.Method) bool {
	if m == nil || m.Library() != "gdb" || m.Recv != "Model" || m.Write {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	steps, _, why := a.ormSteps(sel.X, call.Pos(), 0)
	if why != "" {
		return false
	}
	for _, st := range steps {
		if st.name() != "Cache" || st.opt || len(st.call.Args) != 1 || !dbapi.IsGdb(st.fn.Pkg().Path()) {
			continue
		}
		lit, ok := compositeLit(st.call.Args[0])
		if !ok {
			return false
		}
		for _, e := range lit.Elts {
			kv, ok := e.(*ast.KeyValueExpr)
			if !ok {
				return false
			}
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Duration" {
				if tv := a.pass.TypesInfo.Types[kv.Value]; tv.Value != nil && constant.Sign(tv.Value) < 0 {
					return false // clears the entry (a computed duration is a setting)
				}
			}
		}
		return true
	}
	return false
}

// gdbMany reports whether a gdb write covers many rows in one statement:
// an Insert, Replace or Save of a slice (given to it or to Data), which
// gdb sends as one multi-row statement per batch.
func (a *analyzer) gdbMany(s *Site, steps []ormStep) bool {
	switch s.Method.Name {
	case "Insert", "InsertIgnore", "Replace", "Save", "BatchInsert", "BatchReplace", "BatchSave":
	default:
		return false
	}
	slice := func(args []ast.Expr) bool {
		for _, arg := range args {
			t := a.pass.TypesInfo.TypeOf(arg)
			if p, ok := t.(*types.Pointer); ok {
				t = p.Elem()
			}
			if t != nil && isList(t) {
				return true // a slice of rows, g.List, gdb.List
			}
		}
		return false
	}
	if slice(s.Call.Args) {
		return true
	}
	for _, st := range steps {
		if st.name() == "Data" && slice(st.call.Args) {
			return true
		}
	}
	return false
}

// gdbStep applies one call of a gdb chain.
func (a *analyzer) gdbStep(c *ormChain, st ormStep) string {
	if st.fn.Pkg() == nil || !dbapi.IsGdb(st.fn.Pkg().Path()) {
		if t := a.gdbModelOf(st.fn); t != "" {
			c.table = t // dao.User.Ctx(ctx)
			return ""
		}
		return fmt.Sprintf("%s is not read", st.fn.Name())
	}
	args := st.call.Args
	name := st.name()
	or := strings.HasPrefix(name, "WhereOr")
	if or {
		name = "Where" + strings.TrimPrefix(name, "WhereOr")
	}
	name = strings.Replace(name, "WherePrefix", "Where", 1)
	add := func(cond string) {
		op := "AND"
		if or {
			op = "OR"
		}
		c.conds = append(c.conds, ormCond{op, cond})
	}
	col := func(i int) (string, string) {
		if i >= len(args) {
			return "", "missing argument"
		}
		s, ok := a.constString(args[i])
		if !ok {
			return "", fmt.Sprintf("column %s is not constant", exprName(args[i]))
		}
		return s, ""
	}
	switch name {
	case "Model":
		if len(args) == 0 {
			return "no table"
		}
		t, ok := a.constString(args[0])
		if !ok {
			if isString(a.pass.TypesInfo.TypeOf(args[0])) {
				return fmt.Sprintf("table %s is not constant", exprName(args[0]))
			}
			return "the table of a struct model is gdb's at run time"
		}
		c.table = t
		if len(args) == 2 && isString(a.pass.TypesInfo.TypeOf(args[1])) {
			if alias, ok := a.constString(args[1]); ok {
				c.table += " " + alias // Model("user", "u")
			}
		}
	case "Raw":
		return "raw SQL kept in a variable"
	case "Ctx", "Safe", "TX", "DB", "Master", "Slave", "Schema", "Handler", "Hook", "Clone", "Cache", "Args",
		"OmitEmpty", "OmitEmptyData", "OmitEmptyWhere", "OmitNil", "OmitNilData", "OmitNilWhere", "Filter", "Batch",
		"Unscoped", "OnDuplicate", "OnDuplicateEx", "Partition":
		// How the statement is sent, not what it is (Unscoped: without
		// the soft-delete column gdb adds from the schema, which is not
		// written anyway).
	case "As":
		if s, ok := a.constString(args[0]); ok && c.table != "" {
			c.table += " " + s
		}
	case "Distinct":
		c.distinct = true
	case "Fields":
		if len(args) == 0 {
			break
		}
		if cols := gdbStructColumns(a.pass.TypesInfo.TypeOf(args[0])); len(args) == 1 && cols != nil {
			c.columns = append(c.columns, cols...) // Fields(&UserRes{}): the struct's columns
			break
		}
		cols, ok := a.constStrings(args)
		if !ok {
			return "fields chosen at run time"
		}
		c.columns = append(c.columns, cols...)
	case "FieldsEx", "FieldsPrefix", "FieldsExPrefix":
		return "fields taken from the table's schema at run time"
	case "FieldCount", "FieldSum", "FieldMin", "FieldMax", "FieldAvg":
		cl, why := col(0)
		if why != "" {
			return why
		}
		fn := strings.ToUpper(strings.TrimPrefix(st.name(), "Field"))
		expr := fn + "(" + cl + ")"
		if len(args) > 1 {
			if as, ok := a.constString(args[1]); ok {
				expr += " AS " + as
			}
		}
		c.columns = append(c.columns, expr)
	case "Where", "Having":
		if len(args) == 0 {
			return "missing condition"
		}
		cond, why := a.gdbCond(c, args[0], args[1:])
		if why != "" {
			return why
		}
		if cond == "" {
			break
		}
		if name == "Having" {
			c.having = append(c.having, cond)
			break
		}
		add(cond)
	case "Wheref":
		return "a condition formatted at run time"
	case "WherePri":
		return "WherePri's key column is gdb's, from the schema at run time"
	case "WhereIn", "WhereNotIn", "WhereBetween", "WhereNotBetween":
		cl, why := col(0)
		if why != "" {
			return why
		}
		op := "IN"
		if strings.HasSuffix(name, "Between") {
			op = "BETWEEN"
		}
		if strings.Contains(name, "Not") {
			op = "NOT " + op
		}
		if op == "IN" || op == "NOT IN" {
			add(cl + " " + op + " (" + c.param1() + ")")
		} else {
			add(cl + " " + op + " " + c.param1() + " AND " + c.param1())
		}
	case "WhereLike", "WhereNotLike", "WhereLT", "WhereLTE", "WhereGT", "WhereGTE", "WhereNot":
		cl, why := col(0)
		if why != "" {
			return why
		}
		op := map[string]string{"WhereLike": "LIKE", "WhereNotLike": "NOT LIKE", "WhereLT": "<", "WhereLTE": "<=",
			"WhereGT": ">", "WhereGTE": ">=", "WhereNot": "!="}[name]
		add(cl + " " + op + " " + c.param1())
	case "WhereNull", "WhereNotNull":
		cols, ok := a.constStrings(args)
		if !ok {
			return "column not constant"
		}
		for _, cl := range cols {
			if name == "WhereNull" {
				add(cl + " IS NULL")
			} else {
				add(cl + " IS NOT NULL")
			}
		}
	case "Order", "OrderAsc", "OrderDesc":
		cols, ok := a.constStrings(args)
		if !ok {
			return "order chosen at run time"
		}
		dir := map[string]string{"OrderAsc": " ASC", "OrderDesc": " DESC"}[name]
		for _, cl := range cols {
			c.order = append(c.order, cl+dir)
		}
	case "OrderRandom":
		c.order = append(c.order, "random()")
	case "Group":
		cols, ok := a.constStrings(args)
		if !ok {
			return "group chosen at run time"
		}
		c.group = append(c.group, cols...)
	case "Limit":
		switch len(args) {
		case 1:
			c.limit = a.limitText(c, args[0])
		case 2:
			c.offset = a.limitText(c, args[0])
			c.limit = a.limitText(c, args[1])
		}
	case "Offset":
		c.offset = a.limitText(c, args[0])
	case "Page":
		if len(args) == 2 {
			c.offset = c.param1() // (page-1)*size, computed by gdb
			c.limit = a.limitText(c, args[1])
		}
	case "LeftJoin", "RightJoin", "InnerJoin":
		if st.call.Ellipsis.IsValid() {
			return "a join built at run time"
		}
		if len(args) < 2 {
			return "a join without its condition"
		}
		t, ok1 := a.constString(args[0])
		on, ok2 := a.constString(args[len(args)-1])
		if !ok1 || !ok2 {
			return "join not constant"
		}
		if len(args) == 3 {
			alias, ok := a.constString(args[1])
			if !ok {
				return "join not constant"
			}
			t += " AS " + alias // LeftJoin("user_detail", "ud", "ud.uid = u.uid")
		}
		kind := strings.ToUpper(strings.TrimSuffix(name, "Join"))
		c.joins = append(c.joins, kind+" JOIN "+t+" ON ("+on+")")
	case "LockUpdate":
		c.suffix = "FOR UPDATE"
	case "LockShared":
		c.suffix = "FOR SHARE"
	case "Data":
		set, why := a.gdbData(c, args)
		if why != "" {
			return why
		}
		c.set = set
	case "With", "WithAll":
		return "With loads the relations with queries of their own"
	default:
		return fmt.Sprintf("%s is not read", st.name())
	}
	return ""
}

// gdbCond is a condition of Where (and of a finisher's where
// arguments): a fragment with its values, a column with its value, a
// column ending in an operator, a map or a do struct literal.
func (a *analyzer) gdbCond(c *ormChain, where ast.Expr, args []ast.Expr) (string, string) {
	info := a.pass.TypesInfo
	if isString(info.TypeOf(where)) {
		s, ok := a.constString(where)
		if !ok {
			return "", fmt.Sprintf("condition %s is not constant", exprName(where))
		}
		if len(args) == 0 {
			return s, ""
		}
		if len(args) == 1 && !strings.Contains(s, "?") {
			return a.gdbKeyValue(c, s, args[0]), ""
		}
		return a.bind(c, s, args)
	}
	if len(args) > 0 {
		return "", "a condition of another form than gdb's Where takes"
	}
	lit, ok := compositeLit(where)
	if !ok {
		return "", fmt.Sprintf("conditions from %s, a value", exprName(where))
	}
	pairs, why := a.gdbPairs(lit)
	if why != "" {
		return "", why
	}
	var conds []string
	for _, p := range pairs {
		conds = append(conds, a.gdbKeyValue(c, p.col, p.val))
	}
	return strings.Join(conds, " AND "), ""
}

// gdbKeyValue is the condition gdb writes for a key and its value: key
// = ?, key IN (?) for a list, or the key's own operator (`"age >="`).
func (a *analyzer) gdbKeyValue(c *ormChain, key string, value ast.Expr) string {
	key = strings.TrimSpace(key)
	if isIdent(key) {
		if t := a.pass.TypesInfo.TypeOf(value); t != nil && isList(t) && !isValuer(t) {
			return key + " IN (" + c.param1() + ")"
		}
		if id, ok := ast.Unparen(value).(*ast.Ident); ok && id.Name == "nil" {
			return key + " IS NULL"
		}
		return key + " = " + c.param1()
	}
	if t := a.pass.TypesInfo.TypeOf(value); t != nil && isList(t) && !isValuer(t) {
		return key + " (" + c.param1() + ")" // "id in", "id not in"
	}
	return key + " " + c.param1()
}

// gdbPairs are the columns and values of a map literal with constant
// keys (g.Map{"status": 1}) or of a struct literal (do.User{Status: 1},
// each field its column in snake case, as gdb matches them).
func (a *analyzer) gdbPairs(lit *ast.CompositeLit) ([]kv, string) {
	switch a.pass.TypesInfo.TypeOf(lit).Underlying().(type) {
	case *types.Map:
		return a.mapLit(lit)
	case *types.Struct:
		var out []kv
		for _, e := range lit.Elts {
			p, ok := e.(*ast.KeyValueExpr)
			if !ok {
				return nil, "a struct literal without field names"
			}
			id, ok := p.Key.(*ast.Ident)
			if !ok {
				return nil, "a struct literal's entry"
			}
			out = append(out, kv{ormmodel.GormName(id.Name), p.Value})
		}
		return out, ""
	}
	return nil, "conditions of a literal that is no map or struct"
}

// gdbData lists the assignments of Data's (or a write finisher's)
// argument: `col = $n`, one per key of a map or field of a struct
// literal.
func (a *analyzer) gdbData(c *ormChain, args []ast.Expr) ([]string, string) {
	if len(args) != 1 {
		if len(args) == 2 {
			if k, ok := a.constString(args[0]); ok { // Data("status", 1)
				return []string{quoteColumn(k) + " = " + c.param1()}, ""
			}
		}
		return nil, "data of another form than one map or struct"
	}
	lit, ok := compositeLit(args[0])
	if !ok {
		t := a.pass.TypesInfo.TypeOf(args[0])
		if cols := gdbStructColumns(t); cols != nil && !gdbDo(t) {
			// An entity's value: gdb writes each of its fields.
			var set []string
			for _, col := range cols {
				set = append(set, quoteColumn(col)+" = "+c.param1())
			}
			return set, ""
		}
		return nil, fmt.Sprintf("the columns of %s are mapped by gdb at run time", exprName(args[0]))
	}
	if _, ok := a.pass.TypesInfo.TypeOf(lit).Underlying().(*types.Slice); ok {
		if len(lit.Elts) == 0 {
			return nil, "an empty list"
		}
		inner, ok := lit.Elts[0].(*ast.CompositeLit)
		if !ok {
			return nil, "a list of values made elsewhere"
		}
		lit = inner // the first row's columns: gdb writes every row's
	}
	pairs, why := a.gdbPairs(lit)
	if why != "" {
		return nil, why
	}
	var set []string
	for _, p := range pairs {
		k := strings.TrimSpace(p.col)
		if !isIdent(k) {
			return nil, fmt.Sprintf("column %q", k)
		}
		set = append(set, quoteColumn(k)+" = "+c.param1())
	}
	if len(set) == 0 {
		return nil, "no column written"
	}
	return set, ""
}

// gdbFinish writes the statement of the finisher s, given its chain.
func (a *analyzer) gdbFinish(c *ormChain, s *Site) (string, string) {
	if c.table == "" {
		return "", c.noModel()
	}
	name := s.Method.Name
	args := s.Call.Args
	conds := c.conds
	// where adds the finisher's own conditions (All(where...),
	// Count(where...), Delete(where...)).
	where := func(args []ast.Expr) string {
		if len(args) == 0 {
			return ""
		}
		cond, why := a.gdbCond(c, args[0], args[1:])
		if why != "" {
			return why
		}
		if cond != "" {
			conds = append(conds, ormCond{"AND", cond})
		}
		return ""
	}
	var b strings.Builder
	sel := func(cols string) {
		b.WriteString("SELECT ")
		if c.distinct {
			b.WriteString("DISTINCT ")
		}
		b.WriteString(cols + " FROM " + c.table)
		for _, j := range c.joins {
			b.WriteString(" " + j)
		}
	}
	cols := "*"
	if len(c.columns) > 0 {
		cols = strings.Join(c.columns, ", ")
	}
	switch name {
	case "All", "One", "Scan", "ScanList", "ScanAndCount", "AllAndCount", "Exist", "Chunk", "Struct", "Structs",
		"FindAll", "FindOne", "FindScan":
		switch name {
		case "All", "One", "FindAll", "FindOne", "Exist":
			if why := where(args); why != "" {
				return "", why
			}
		case "Scan", "Struct", "Structs", "FindScan":
			if len(args) > 1 {
				if why := where(args[1:]); why != "" {
					return "", why
				}
			}
		}
		switch name {
		case "One", "FindOne", "Exist":
			c.limit = "1"
		case "Chunk":
			c.limit = a.limitText(c, args[0])
		}
		if name == "Exist" {
			cols = "1"
		}
		sel(cols)
		c.tail(&b, conds, true)
	case "Value", "Array", "FindValue", "FindArray":
		if len(args) > 0 {
			if f, ok := a.constString(args[0]); ok && isString(a.pass.TypesInfo.TypeOf(args[0])) {
				cols = f
				if why := where(args[1:]); why != "" {
					return "", why
				}
			}
		}
		if name == "Value" || name == "FindValue" {
			c.limit = "1"
		}
		sel(cols)
		c.tail(&b, conds, true)
	case "Count", "FindCount", "CountColumn":
		if name == "CountColumn" {
			cl, ok := a.constString(args[0])
			if !ok {
				return "", "counted column not constant"
			}
			cols = "COUNT(" + cl + ")"
		} else {
			if why := where(args); why != "" {
				return "", why
			}
			cols = "COUNT(1)"
		}
		sel(cols)
		c.tail(&b, conds, false)
	case "Min", "Max", "Avg", "Sum":
		cl, ok := a.constString(args[0])
		if !ok {
			return "", "aggregated column not constant"
		}
		sel(strings.ToUpper(name) + "(" + cl + ")")
		c.tail(&b, conds, false)
	case "Insert", "InsertAndGetId", "InsertIgnore", "Replace", "Save":
		set := c.set
		if len(args) > 0 {
			var why string
			if set, why = a.gdbData(c, args); why != "" {
				return "", why
			}
		}
		if len(set) == 0 {
			return "", "no Data"
		}
		var cols, vals []string
		for _, kv := range set {
			k, v, _ := strings.Cut(kv, " = ")
			cols, vals = append(cols, k), append(vals, v)
		}
		b.WriteString("INSERT INTO " + c.table + " (" + strings.Join(cols, ", ") + ") VALUES (" + strings.Join(vals, ", ") + ")")
		switch name {
		case "InsertIgnore":
			b.WriteString(" ON CONFLICT DO NOTHING")
		case "Save", "Replace":
			b.WriteString(" ON CONFLICT DO UPDATE SET " + strings.Join(set, ", "))
		}
	case "Update", "UpdateAndGetAffected", "Increment", "Decrement":
		set := c.set
		switch {
		case name == "Increment" || name == "Decrement":
			cl, ok := a.constString(args[0])
			if !ok {
				return "", "column not constant"
			}
			op := map[string]string{"Increment": " + ", "Decrement": " - "}[name]
			set = []string{quoteColumn(cl) + " = " + quoteColumn(cl) + op + c.param1()}
		case len(args) > 0:
			var why string
			if set, why = a.gdbData(c, args[:1]); why != "" {
				return "", why
			}
			if why := where(args[1:]); why != "" {
				return "", why
			}
		}
		if len(set) == 0 {
			return "", "no Data"
		}
		b.WriteString("UPDATE " + c.table + " SET " + strings.Join(set, ", "))
		c.tail(&b, conds, false)
		renumber(&b)
	case "Delete":
		if why := where(args); why != "" {
			return "", why
		}
		b.WriteString("DELETE FROM " + c.table)
		c.tail(&b, conds, false)
	default:
		return "", "unknown finisher"
	}
	if c.suffix != "" {
		b.WriteString(" " + c.suffix)
	}
	return b.String(), ""
}

// gdbStructColumns are the columns gdb maps a struct's fields to (t a
// struct or a pointer to one): a field's orm tag, else its name in
// snake case, embedded structs' fields in place; nil when t is no
// struct.
func gdbStructColumns(t types.Type) []string {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	cols := []string{}
	for i := range st.NumFields() {
		f := st.Field(i)
		if isGfMeta(f.Type()) || !f.Exported() {
			continue
		}
		tag := reflect.StructTag(st.Tag(i)).Get("orm")
		name, _, _ := strings.Cut(tag, ",")
		if name == "-" {
			continue
		}
		if f.Embedded() && name == "" {
			if inner := gdbStructColumns(f.Type()); inner != nil {
				cols = append(cols, inner...)
				continue
			}
		}
		if name == "" {
			name = ormmodel.GormName(f.Name())
		}
		cols = append(cols, strings.TrimSpace(name))
	}
	return cols
}

// gdbDo reports whether struct t is a do object of `gf gen dao` (its
// g.Meta tagged do:true): gdb writes only the fields that are not nil.
func gdbDo(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range st.NumFields() {
		if isGfMeta(st.Field(i).Type()) && strings.Contains(strings.ReplaceAll(reflect.StructTag(st.Tag(i)).Get("orm"), " ", ""), "do:true") {
			return true
		}
	}
	return false
}

// isGfMeta reports whether t is GoFrame's g.Meta (gmeta.Meta).
func isGfMeta(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Name() == "Meta" && n.Obj().Pkg() != nil && strings.HasPrefix(n.Obj().Pkg().Path(), "github.com/gogf/gf/")
}
