package queries

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/sqlheat/sqlheat/internal/dbapi"
	"github.com/sqlheat/sqlheat/internal/ormmodel"
	"github.com/sqlheat/sqlheat/internal/sqlparse"
)

// gormFinishers take the destination (or the value written) first; it
// stands for the model when the chain names none.
var gormFinishers = map[string]bool{
	"Find": true, "First": true, "Take": true, "Last": true, "Scan": true, "FindInBatches": true,
	"FirstOrInit": true, "FirstOrCreate": true, "Create": true, "CreateInBatches": true, "Save": true, "Delete": true,
}

// gormLoads are the finishers that load the preloaded associations of
// what they find.
var gormLoads = map[string]bool{"Find": true, "First": true, "Take": true, "Last": true, "FindInBatches": true, "FirstOrInit": true, "FirstOrCreate": true}

// ormStep applies one call of a chain to the statement.
func (a *analyzer) ormStep(c *ormChain, st ormStep) string {
	switch c.lib {
	case "bun":
		return a.bunStep(c, st)
	case "pop":
		return a.popStep(c, st)
	}
	args := st.call.Args
	switch st.name() {
	case "G":
		// gorm.G[T](db): the chain's model is T.
		c.generic = true
		t := typeArg(a.pass.TypesInfo, st.call.Fun)
		if t == nil {
			return "model of gorm.G not known"
		}
		n := ormmodel.StructOf(t)
		if n == nil {
			return fmt.Sprintf("model %s of gorm.G is no struct", t)
		}
		m, err := a.ormModel(c.gormLib(), n)
		if err != nil {
			return err.Error()
		}
		c.model = m
	case "Set":
		if c.generic {
			return "columns assigned by Set are not read"
		}
	case "Model":
		m, why := a.modelOf(c.gormLib(), args[0])
		if why != "" {
			return why
		}
		if m == nil {
			c.dynamic = exprName(args[0])
			break
		}
		c.model = m
		c.pkVar = c.pkVar || hasKey(a.pass.TypesInfo, args[0], m)
	case "Table":
		s, ok := a.constString(args[0])
		if !ok {
			return fmt.Sprintf("table name %s is not constant", exprName(args[0]))
		}
		text, why := a.bind(c, s, args[1:])
		if why != "" {
			return why
		}
		c.table = text
	case "Where", "Or", "Not":
		cond, why := a.gormCond(c, args[0], args[1:])
		if why != "" {
			return why
		}
		if cond != "" {
			op := map[string]string{"Where": "AND", "Or": "OR", "Not": "AND NOT"}[st.name()]
			c.conds = append(c.conds, ormCond{op, cond})
		}
	case "Joins", "InnerJoins":
		s, ok := a.constString(args[0])
		if !ok {
			return fmt.Sprintf("join %s is not constant", exprName(args[0]))
		}
		if !strings.Contains(strings.TrimSpace(s), " ") {
			return a.gormJoinRelation(c, s, st.name() == "InnerJoins")
		}
		text, why := a.bind(c, s, args[1:])
		if why != "" {
			return why
		}
		c.joins = append(c.joins, text)
	case "Order":
		if s, ok := a.constString(args[0]); ok {
			c.order = append(c.order, s)
		}
	case "Limit":
		c.limit = a.limitText(c, args[0])
	case "Offset":
		c.offset = a.limitText(c, args[0])
	case "Select", "Distinct":
		c.distinct = c.distinct || st.name() == "Distinct"
		if len(args) == 0 {
			break
		}
		if cols, ok := a.constStrings(args[:1]); ok && len(args) == 1 || ok && !strings.Contains(cols[0], "?") {
			if all, ok := a.constStrings(args); ok {
				c.columns = all
				break
			}
		}
		if s, ok := a.constString(args[0]); ok {
			text, why := a.bind(c, s, args[1:])
			if why != "" {
				return why
			}
			c.columns = []string{text}
		} else if lit, ok := ast.Unparen(args[0]).(*ast.CompositeLit); ok {
			cols, ok := a.constStrings(lit.Elts)
			if !ok {
				return "selected columns are not constant"
			}
			c.columns = cols
		}
	case "Group":
		if s, ok := a.constString(args[0]); ok {
			c.group = append(c.group, s)
		}
	case "Having":
		cond, why := a.gormCond(c, args[0], args[1:])
		if why != "" {
			return why
		}
		c.having = append(c.having, cond)
	case "Preload":
		path, ok := a.constString(args[0])
		if !ok {
			return fmt.Sprintf("preloaded relation %s is not constant", exprName(args[0]))
		}
		if path == "clause.Associations" || path == "~~~as~~~" {
			return "Preload of every association"
		}
		p := ormPreload{path: path}
		if len(args) > 1 && isString(a.pass.TypesInfo.TypeOf(args[1])) {
			cond, why := a.gormCond(c, args[1], args[2:])
			if why != "" {
				return why
			}
			p.conds = []ormCond{{"AND", cond}}
		}
		c.preloads = append(c.preloads, p)
	case "Unscoped":
		c.unscoped = true
	case "Scopes":
		steps, why := a.scopeSteps(args, st.call.Pos(), 1)
		if why != "" {
			return why
		}
		for _, inner := range steps {
			if why := a.ormStep(c, inner); why != "" {
				return why
			}
		}
	case "Raw":
		return "raw SQL kept in a variable"
	default:
		if gormFinishers[st.name()] && c.model == nil && len(args) > 0 {
			// db.Find(&users).Count(&n): an earlier finisher's
			// destination is the model of what follows.
			if m, _ := a.modelOf(c.gormLib(), args[0]); m != nil {
				c.model = m
			}
		}
	}
	return ""
}

// hasKey reports whether a model argument may carry its primary key, as
// gorm reads it to add `pk = ?` to an update or delete: any value but a
// literal without the key (&User{}, new(User), (*User)(nil)).
func hasKey(info *types.Info, e ast.Expr, m *ormmodel.Model) bool {
	return keyOf(info, e, m) != keyZero
}

// keyState is what the code says of a model value's primary key.
type keyState int

const (
	keyUnknown keyState = iota // a value made elsewhere: set or zero
	keySet                     // a literal that sets the key, or a slice of values
	keyZero                    // a literal without the key, new(T), (*T)(nil)
)

// keyOf is what e, a model argument, says of its primary key: Save
// inserts a value whose key is zero and updates one whose key is set
// (gorm v1 and v2, pop), and only a value built right there tells
// which.
func keyOf(info *types.Info, e ast.Expr, m *ormmodel.Model) keyState {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		if _, ok := x.Type.(*ast.ArrayType); ok {
			return keySet // a slice of values, each with its key
		}
		for _, el := range x.Elts {
			kv, ok := el.(*ast.KeyValueExpr)
			if !ok {
				return keySet // every field, by position
			}
			id, ok := kv.Key.(*ast.Ident)
			if !ok {
				return keyUnknown
			}
			if v, ok := info.Uses[id].(*types.Var); ok && v.Embedded() {
				return keyUnknown // an embedded struct (gorm.Model) may hold the key
			}
			if col := m.Column(id.Name); col != nil && len(m.PK) > 0 && col.Name == m.PK[0] {
				return keySet
			}
		}
		return keyZero
	case *ast.CallExpr:
		if id, ok := x.Fun.(*ast.Ident); ok && id.Name == "new" {
			if _, builtin := info.Uses[id].(*types.Builtin); builtin {
				return keyZero
			}
		}
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() {
			return keyZero // (*User)(nil)
		}
	}
	return keyUnknown
}

// gormCond is the SQL of one gorm condition (Where, Or, Not, and the
// inline conditions of Find/First/Delete), as Statement.BuildCondition
// reads it: a string with its arguments, a primary key value, a struct
// or map literal.
func (a *analyzer) gormCond(c *ormChain, query ast.Expr, args []ast.Expr) (string, string) {
	info := a.pass.TypesInfo
	t := info.TypeOf(query)
	if t != nil && isString(t) {
		s, ok := a.constString(query)
		if !ok {
			return "", fmt.Sprintf("condition %s is not constant", exprName(query))
		}
		if _, err := strconv.Atoi(s); err == nil {
			return c.pkCond(s)
		}
		switch {
		case s == "" && len(args) == 0:
			return "", ""
		case len(args) == 0 || strings.Contains(s, "?") || strings.Contains(s, "@") || strings.Contains(strings.TrimSpace(s), " "):
			return a.bind(c, s, args)
		case len(args) == 1:
			return a.bind(c, quoteColumn(s)+" = ?", args)
		}
		return a.bind(c, s, args)
	}
	e := ast.Unparen(query)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	if lit, ok := e.(*ast.CompositeLit); ok {
		return a.literalCond(c, lit)
	}
	if t == nil {
		return "", "condition of unknown type"
	}
	if dbapi.ORMType(t) != "" {
		return "", "conditions grouped in another chain"
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		if u.Info()&types.IsNumeric != 0 {
			return c.pkCond(c.param1())
		}
	case *types.Slice:
		if b, ok := u.Elem().Underlying().(*types.Basic); ok && b.Info()&types.IsNumeric != 0 {
			if c.model == nil || len(c.model.PK) == 0 {
				return "", "primary key of an unknown model"
			}
			return c.column(c.model.PK[0]) + " IN (" + c.param1() + ")", ""
		}
	}
	return "", fmt.Sprintf("conditions in %s are known only at run time", exprName(query))
}

// pkCond compares the model's primary key.
func (c *ormChain) pkCond(value string) (string, string) {
	if c.model == nil || len(c.model.PK) == 0 {
		return "", "primary key of an unknown model"
	}
	return c.column(c.model.PK[0]) + " = " + value, ""
}

// column is a column of the chain's table, qualified as the ORM writes
// it in conditions it makes itself.
func (c *ormChain) column(name string) string {
	if c.lib == "bun" {
		return sqlparse.QuoteIdent(c.aliasName()) + "." + sqlparse.QuoteIdent(name)
	}
	if c.table == "" && c.model != nil {
		return c.model.QuotedTable() + "." + sqlparse.QuoteIdent(name)
	}
	return sqlparse.QuoteIdent(name)
}

// quoteColumn quotes a column name written in Go ("users.name" too).
func quoteColumn(s string) string {
	parts := strings.Split(s, ".")
	for i, p := range parts {
		parts[i] = sqlparse.QuoteIdent(p)
	}
	return strings.Join(parts, ".")
}

// literalCond reads a struct or map literal condition: each key given
// is compared (gorm compares the non-zero fields of a struct; a field
// written in the literal is the one the code means to set).
func (a *analyzer) literalCond(c *ormChain, lit *ast.CompositeLit) (string, string) {
	t := a.pass.TypesInfo.TypeOf(lit)
	var conds []string
	if named := ormmodel.StructOf(t); named != nil {
		m, err := a.ormModel(c.gormLib(), named)
		if err != nil {
			return "", err.Error()
		}
		if c.model == nil {
			c.model = m
		}
		for _, el := range lit.Elts {
			kv, ok := el.(*ast.KeyValueExpr)
			if !ok {
				return "", "struct condition without field names"
			}
			id, _ := kv.Key.(*ast.Ident)
			col := m.Column(id.Name)
			if col == nil {
				return "", fmt.Sprintf("field %s is not a column", id.Name)
			}
			conds = append(conds, c.column(col.Name)+" = "+c.param1())
		}
	} else if _, ok := t.Underlying().(*types.Map); ok {
		for _, el := range lit.Elts {
			kv, ok := el.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			key, ok := a.constString(kv.Key)
			if !ok {
				return "", "map condition with a key that is not constant"
			}
			value := c.param1()
			if vt := a.pass.TypesInfo.TypeOf(kv.Value); vt != nil && isList(vt) {
				conds = append(conds, quoteColumn(key)+" IN ("+value+")")
				continue
			}
			conds = append(conds, quoteColumn(key)+" = "+value)
		}
	} else {
		return "", "condition literal of unknown type"
	}
	return strings.Join(conds, " AND "), ""
}

// gormJoinRelation joins a relation by name, as Joins("Company") does:
// LEFT JOIN companies "Company" ON users.company_id = "Company".id.
func (a *analyzer) gormJoinRelation(c *ormChain, name string, inner bool) string {
	if c.model == nil {
		return fmt.Sprintf("join of relation %s of an unknown model", name)
	}
	rel, tm, err := c.model.Relation(name, func(t *types.Named) (*ormmodel.Model, error) { return a.ormModel(c.gormLib(), t) })
	if err != nil {
		return err.Error()
	}
	if rel.Many || rel.JoinTable != "" {
		return fmt.Sprintf("join of to-many relation %s", name)
	}
	kind := "LEFT JOIN"
	if inner {
		kind = "INNER JOIN"
	}
	alias := sqlparse.QuoteIdent(name)
	c.joins = append(c.joins, fmt.Sprintf("%s %s %s ON %s.%s = %s.%s", kind, tm.QuotedTable(), alias,
		c.model.QuotedTable(), sqlparse.QuoteIdent(rel.BaseColumns[0]), alias, sqlparse.QuoteIdent(rel.TargetColumns[0])))
	return ""
}

// gormFinish writes the statement a gorm finisher sends.
func (a *analyzer) gormFinish(c *ormChain, s *Site) (string, string) {
	name := s.Method.Name
	args := s.Call.Args
	if c.generic && len(args) > 0 && isContext(a.pass.TypesInfo.TypeOf(args[0])) {
		// gorm's generic API: the context first; then what is written
		// or scanned into (Create(ctx, &row), Updates(ctx, row)), or
		// Update's column and value, FindInBatches' batch size. The
		// model is G's, whatever the destination.
		args = args[1:]
	}
	switch name {
	case "AutoMigrate", "CreateTable":
		return a.gormMigrate(c, args, name == "AutoMigrate")
	case "CreateIndex":
		return a.gormCreateIndex(args)
	case "Related":
		return a.gormRelated(c, args)
	case "AddIndex", "AddUniqueIndex":
		return a.gormAddIndex(c, args, name == "AddUniqueIndex")
	}
	var dest ast.Expr
	if gormFinishers[name] && len(args) > 0 && !c.generic {
		dest = args[0]
		if c.model == nil {
			m, why := a.modelOf(c.gormLib(), dest)
			if why != "" {
				return "", why
			}
			c.model = m
		}
	}
	if c.model == nil && c.table == "" {
		return "", c.noModel()
	}
	table := c.table
	if table == "" {
		table = c.model.QuotedTable()
	}
	conds := c.conds
	if gormFinishers[name] && len(args) > 1 && name != "FindInBatches" && name != "CreateInBatches" && !c.generic {
		cond, why := a.gormCond(c, args[1], args[2:])
		if why != "" {
			return "", why
		}
		if cond != "" {
			conds = append(conds, ormCond{"AND", cond})
		}
	}
	if name == "Save" && dest != nil && c.model != nil && !isList(a.pass.TypesInfo.TypeOf(dest)) {
		switch keyOf(a.pass.TypesInfo, dest, c.model) {
		case keyZero:
			return c.insert(table, nil), "" // a new row: gorm creates it
		case keyUnknown:
			// An update when the key is set, an insert when it is zero:
			// the code does not say which.
			c.orElse = sqlparse.RenumberParams(c.insert(table, nil))
		}
	}
	write := name == "Update" || name == "Updates" || name == "UpdateColumn" || name == "UpdateColumns" || name == "Delete" || name == "Save"
	if write && (c.pkVar || (name == "Delete" || name == "Save") && dest != nil && c.model != nil && hasKey(a.pass.TypesInfo, dest, c.model)) {
		cond, why := c.pkCond(c.param1())
		if why != "" {
			return "", why
		}
		conds = append(conds, ormCond{"AND", cond})
	}
	if c.model != nil && c.model.SoftDelete != "" && !c.unscoped && name != "Create" && name != "CreateInBatches" {
		conds = append(conds, ormCond{"AND", c.column(c.model.SoftDelete) + " IS NULL"})
	}
	var b strings.Builder
	switch name {
	case "Create", "CreateInBatches", "FirstOrCreate":
		if name != "FirstOrCreate" {
			return c.insert(table, nil), ""
		}
		fallthrough
	case "Find", "First", "Take", "Last", "Scan", "FindInBatches", "FirstOrInit", "Row", "Rows", "Pluck", "Count":
		cols := "*"
		if len(c.joins) > 0 {
			cols = table + ".*"
		}
		switch {
		case name == "Count":
			cols = "count(*)"
		case name == "Pluck" && len(args) > 0:
			col, ok := a.constString(args[0])
			if !ok {
				return "", "plucked column is not constant"
			}
			cols = col
		case len(c.columns) > 0:
			cols = strings.Join(c.columns, ", ")
		}
		b.WriteString("SELECT ")
		if c.distinct {
			b.WriteString("DISTINCT ")
		}
		b.WriteString(cols + " FROM " + table)
		for _, j := range c.joins {
			b.WriteString(" " + j)
		}
		if c.model != nil && len(c.model.PK) > 0 {
			pk := c.column(c.model.PK[0])
			switch name {
			case "First", "FindInBatches":
				c.order = append(c.order, pk)
			case "Last":
				c.order = append(c.order, pk+" DESC")
			}
		}
		switch name {
		case "First", "Last", "Take", "FirstOrInit", "FirstOrCreate":
			c.limit = "1"
		case "FindInBatches":
			if c.generic {
				c.limit = a.limitText(c, args[0])
			} else {
				c.limit = a.limitText(c, args[1])
			}
		}
		c.tail(&b, conds, name != "Count")
	case "Update", "UpdateColumn", "Updates", "UpdateColumns", "Save":
		set, why := a.gormSet(c, name, args)
		if why != "" {
			return "", why
		}
		if name == "Save" && dest != nil && isList(a.pass.TypesInfo.TypeOf(dest)) {
			return c.insert(table, nil) + " ON CONFLICT DO NOTHING", "" // a slice: one upsert
		}
		b.WriteString("UPDATE " + table + " SET " + strings.Join(set, ", "))
		c.tail(&b, conds, false)
		renumber(&b) // the SET's arguments first, as gorm writes them
	case "Delete":
		if c.model != nil && c.model.SoftDelete != "" && !c.unscoped {
			b.WriteString("UPDATE " + table + " SET " + sqlparse.QuoteIdent(c.model.SoftDelete) + " = " + c.param1())
		} else {
			b.WriteString("DELETE FROM " + table)
		}
		c.tail(&b, conds, false)
		renumber(&b)
	default:
		return "", "unknown finisher"
	}
	stmts := []string{b.String()}
	if !gormLoads[name] {
		c.preloads = nil // Count, Pluck, Scan, Row(s), writes: no association is loaded
	}
	for _, p := range c.preloads {
		more, why := a.preloadSQL(c, c.model, p)
		if why != "" {
			return "", why
		}
		stmts = append(stmts, more...)
	}
	return strings.Join(stmts, ";\n"), ""
}

// typeArg is the first type argument of the generic function fun
// instantiates (gorm.G[User]), nil when none.
func typeArg(info *types.Info, fun ast.Expr) types.Type {
	var id *ast.Ident
	switch x := ast.Unparen(fun).(type) {
	case *ast.IndexExpr:
		fun = x.X
	case *ast.IndexListExpr:
		fun = x.X
	}
	switch x := ast.Unparen(fun).(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	}
	if id == nil {
		return nil
	}
	inst, ok := info.Instances[id]
	if !ok || inst.TypeArgs.Len() == 0 {
		return nil
	}
	return inst.TypeArgs.At(0)
}

// renumber numbers the placeholders of the statement in b in the order
// they are written: the ORM sends its arguments so, whatever order the
// chain gathered them in (a Where before the SET, the key's condition).
func renumber(b *strings.Builder) {
	text := sqlparse.RenumberParams(b.String())
	b.Reset()
	b.WriteString(text)
}

// gormLib is the library whose rules read the chain's models: "gorm1"
// for gorm v1, whose soft delete and tags differ from v2's.
func (c *ormChain) gormLib() string {
	if c.v1 {
		return "gorm1"
	}
	return "gorm"
}

// gormRelated is gorm v1's Model(&x).Related(&y, keys...): it tries the
// keys given, then y's type name + "Id", then x's, and sends the SELECT
// the first one found says: a column of x holds y's key (y belongs to
// x: y by its primary key, First), or a column of y holds x's key (x
// has y: y's rows by that column, Find). The chain's conditions and y's
// soft delete apply.
func (a *analyzer) gormRelated(c *ormChain, args []ast.Expr) (string, string) {
	from := c.model
	if from == nil {
		return "", c.noModel()
	}
	if len(args) == 0 {
		return "", "no destination"
	}
	to, why := a.modelOf(c.gormLib(), args[0])
	if why != "" {
		return "", why
	}
	if to == nil {
		return "", fmt.Sprintf("destination %s is not a struct", exprName(args[0]))
	}
	keys, ok := a.constStrings(args[1:])
	if !ok {
		return "", "foreign key names are not constant"
	}
	keys = append(keys, to.Type.Obj().Name()+"Id", from.Type.Obj().Name()+"Id")
	c.model, c.table = to, ""
	conds := c.conds
	for _, k := range keys {
		var cond string
		switch {
		case from.Column(k) != nil:
			if len(to.PK) == 0 {
				return "", fmt.Sprintf("%s has no primary key", to.Table)
			}
			cond = c.column(to.PK[0]) + " = " + c.param1()
			c.order = append(c.order, c.column(to.PK[0]))
			c.limit = "1"
		case from.HasField(k):
			return "", fmt.Sprintf("Related through relation field %s", k)
		case to.Column(k) != nil:
			cond = c.column(to.Column(k).Name) + " = " + c.param1()
		default:
			continue
		}
		conds = append(conds, ormCond{"AND", cond})
		if to.SoftDelete != "" && !c.unscoped {
			conds = append(conds, ormCond{"AND", c.column(to.SoftDelete) + " IS NULL"})
		}
		var b strings.Builder
		b.WriteString("SELECT * FROM " + to.QuotedTable())
		c.tail(&b, conds, true)
		return b.String(), ""
	}
	return "", fmt.Sprintf("no foreign key between %s and %s (tried %s)", from.Table, to.Table, strings.Join(keys, ", "))
}

// gormAddIndex is gorm v1's Model(&x).AddIndex(name, columns...): the
// index on x's table (or the chain's Table).
func (a *analyzer) gormAddIndex(c *ormChain, args []ast.Expr, unique bool) (string, string) {
	table := c.table
	if table == "" && c.model != nil {
		table = c.model.QuotedTable()
	}
	if table == "" {
		return "", c.noModel()
	}
	names, ok := a.constStrings(args)
	if !ok || len(names) < 2 {
		return "", "index name or columns are not constant"
	}
	kind := "INDEX"
	if unique {
		kind = "UNIQUE INDEX"
	}
	return "CREATE " + kind + " " + sqlparse.QuoteIdent(names[0]) + " ON " + table + " (" + strings.Join(names[1:], ", ") + ")", ""
}

// insert is an INSERT of the model's columns, the serial key and those
// omitted left out.
func (c *ormChain) insert(table string, omit map[string]bool) string {
	var cols, vals []string
	if c.model != nil {
		for _, col := range c.model.Columns {
			if col.AutoIncrement || col.ReadOnly || omit[col.Name] {
				continue
			}
			cols = append(cols, sqlparse.QuoteIdent(col.Name))
			vals = append(vals, c.param1())
		}
	}
	if len(cols) == 0 {
		return "INSERT INTO " + table + " DEFAULT VALUES"
	}
	return "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES (" + strings.Join(vals, ", ") + ")"
}

// gormSet lists the assignments of an update.
func (a *analyzer) gormSet(c *ormChain, name string, args []ast.Expr) ([]string, string) {
	var set []string
	switch name {
	case "Update", "UpdateColumn":
		col, ok := a.constString(args[0])
		if !ok {
			return nil, "updated column is not constant"
		}
		set = append(set, quoteColumn(col)+" = "+c.param1())
	case "Updates", "UpdateColumns":
		if lit, ok := compositeLit(args[0]); ok {
			cond, why := a.literalCond(&ormChain{lib: "gorm", v1: c.v1, model: c.model, n: c.n}, lit)
			if why != "" {
				return nil, why
			}
			for _, part := range strings.Split(cond, " AND ") {
				if part != "" {
					set = append(set, part)
					c.n++
				}
			}
		}
	}
	if len(set) == 0 && c.model != nil {
		// A struct variable: its non-zero fields, known at run time;
		// every column but the key stands for them.
		for _, col := range c.model.Columns {
			if !contains(c.model.PK, col.Name) {
				set = append(set, sqlparse.QuoteIdent(col.Name)+" = "+c.param1())
			}
		}
	}
	if len(set) == 0 {
		return nil, "updated columns are unknown"
	}
	if (name == "Update" || name == "Updates") && c.model != nil {
		if col := c.model.Column("UpdatedAt"); col != nil {
			set = append(set, sqlparse.QuoteIdent(col.Name)+" = "+c.param1())
		}
	}
	return set, ""
}

func compositeLit(e ast.Expr) (*ast.CompositeLit, bool) {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	lit, ok := e.(*ast.CompositeLit)
	return lit, ok
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// gormMigrate is the DDL AutoMigrate (or Migrator().CreateTable) sends
// for its models: each table, then the indexes its tags declare.
func (a *analyzer) gormMigrate(c *ormChain, args []ast.Expr, ifNotExists bool) (string, string) {
	var stmts []string
	for _, arg := range a.spread(args) {
		m, why := a.modelOf(c.gormLib(), arg)
		if why != "" {
			return "", why
		}
		if m == nil {
			return "", fmt.Sprintf("model %s is not a struct", exprName(arg))
		}
		stmts = append(stmts, m.CreateTable(ifNotExists))
		stmts = append(stmts, m.CreateIndexes()...)
	}
	if len(stmts) == 0 {
		return "", "no models"
	}
	return strings.Join(stmts, ";\n"), ""
}

// gormCreateIndex is Migrator().CreateIndex(&Model{}, "name"): the index
// of that name, or of that field.
func (a *analyzer) gormCreateIndex(args []ast.Expr) (string, string) {
	if len(args) != 2 {
		return "", "no model"
	}
	m, why := a.modelOf("gorm", args[0])
	if m == nil {
		return "", why
	}
	name, ok := a.constString(args[1])
	if !ok {
		return "", "index name is not constant"
	}
	all := m.CreateIndexes()
	j := 0
	for _, ix := range m.Indexes {
		if ix.Constraint {
			continue
		}
		if ix.Name == name || ix.Name == "idx_"+m.Table+"_"+ormmodel.GormName(name) {
			return all[j], ""
		}
		j++
	}
	return "", fmt.Sprintf("no index %s on %s", name, m.Table)
}

// spread expands AutoMigrate(models...) when models is a slice literal,
// local or package-level.
func (a *analyzer) spread(args []ast.Expr) []ast.Expr {
	if len(args) != 1 {
		return args
	}
	id, ok := ast.Unparen(args[0]).(*ast.Ident)
	if !ok {
		return args
	}
	if _, ok := a.pass.TypesInfo.TypeOf(id).Underlying().(*types.Slice); !ok {
		return args
	}
	v, _ := a.pass.TypesInfo.Uses[id].(*types.Var)
	if init, ok := a.r.pkgInit[v]; ok {
		if lit, ok := ast.Unparen(init).(*ast.CompositeLit); ok {
			return lit.Elts // a package-level list of models, never reassigned
		}
	}
	for _, w := range a.r.writes[v] {
		if lit, ok := ast.Unparen(w.rhs).(*ast.CompositeLit); ok && (w.tok == token.DEFINE || w.tok == token.VAR) {
			return lit.Elts
		}
	}
	return args
}
