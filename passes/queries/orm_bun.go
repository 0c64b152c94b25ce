package queries

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"github.com/sqlheat/sqlheat/internal/dbapi"
	"github.com/sqlheat/sqlheat/internal/ormmodel"
	"github.com/sqlheat/sqlheat/internal/sqlparse"
)

// bunStep applies one call of a bun chain to the statement.
func (a *analyzer) bunStep(c *ormChain, st ormStep) string {
	args := st.call.Args
	recv := dbapi.RecvName(st.fn)
	frag := func(i int) (string, string) { return a.fragment(c, st, i) }
	switch st.name() {
	case "Model":
		m, why := a.modelOf("bun", args[0])
		if why != "" {
			return why
		}
		if m == nil {
			c.dynamic = exprName(args[0])
			break
		}
		c.model, c.alias = m, m.Alias
	case "Table":
		names, ok := a.constStrings(args)
		if !ok {
			return "table name is not constant"
		}
		for _, n := range names {
			c.extra = append(c.extra, quoteColumn(n))
		}
	case "TableExpr", "ModelTableExpr":
		text, why := frag(0)
		if why != "" {
			return why
		}
		if st.name() == "TableExpr" {
			// Beside a model, a table of its own: FROM m, t (a
			// select), UPDATE m ... FROM t, DELETE FROM m USING t.
			c.extra = append(c.extra, text)
			break
		}
		c.table = text
		c.alias = "" // the expression names the table and its alias
	case "Column":
		names, ok := a.constStrings(args)
		if !ok {
			return "column name is not constant"
		}
		if recv == "CreateIndexQuery" {
			for _, n := range names {
				c.index = append(c.index, sqlparse.QuoteIdent(n))
			}
			break
		}
		for _, n := range names {
			if c.model != nil && recv == "SelectQuery" {
				c.columns = append(c.columns, c.column(n))
			} else {
				c.columns = append(c.columns, sqlparse.QuoteIdent(n))
			}
		}
	case "ColumnExpr":
		text, why := frag(0)
		if why != "" {
			return why
		}
		if recv == "CreateIndexQuery" {
			c.index = append(c.index, text)
		} else {
			c.columns = append(c.columns, text)
		}
	case "Where", "WhereOr":
		text, why := frag(0)
		if why != "" {
			return why
		}
		if recv == "CreateIndexQuery" {
			c.where = append(c.where, text)
			break
		}
		op := "AND"
		if st.name() == "WhereOr" {
			op = "OR"
		}
		c.conds = append(c.conds, ormCond{op, text})
	case "WhereGroup":
		return a.bunGroup(c, args)
	case "WherePK":
		if c.model == nil || len(c.model.PK) == 0 {
			return "WherePK of an unknown model"
		}
		pks := c.model.PK
		if cols, ok := a.constStrings(args); ok && len(cols) > 0 {
			pks = cols
		}
		var parts []string
		for _, pk := range pks {
			parts = append(parts, c.column(pk)+" = "+c.param1())
		}
		c.conds = append(c.conds, ormCond{"AND", strings.Join(parts, " AND ")})
	case "WhereDeleted":
		c.deleted = true
	case "WhereAllWithDeleted":
		c.unscoped = true
	case "Join":
		text, why := frag(0)
		if why != "" {
			return why
		}
		c.joins = append(c.joins, text)
	case "JoinOn", "JoinOnOr":
		text, why := frag(0)
		if why != "" {
			return why
		}
		if len(c.joins) == 0 {
			return "JoinOn without Join"
		}
		last := &c.joins[len(c.joins)-1]
		switch {
		case !strings.Contains(strings.ToUpper(*last), " ON "):
			*last += " ON " + text
		case st.name() == "JoinOnOr":
			*last += " OR " + text
		default:
			*last += " AND " + text
		}
	case "Relation":
		name, ok := a.constString(args[0])
		if !ok {
			return "relation name is not constant"
		}
		return a.bunRelation(c, name)
	case "Order":
		names, ok := a.constStrings(args)
		if !ok {
			return "" // an order we cannot see only hides sort advice
		}
		c.order = append(c.order, names...)
	case "OrderExpr":
		if text, why := frag(0); why == "" {
			c.order = append(c.order, text)
		}
	case "Limit":
		c.limit = a.limitText(c, args[0])
	case "Offset":
		c.offset = a.limitText(c, args[0])
	case "Group":
		if names, ok := a.constStrings(args); ok {
			c.group = append(c.group, names...)
		}
	case "GroupExpr":
		if text, why := frag(0); why == "" {
			c.group = append(c.group, text)
		}
	case "Having":
		text, why := frag(0)
		if why != "" {
			return why
		}
		c.having = append(c.having, text)
	case "Distinct":
		c.distinct = true
	case "For":
		if text, why := frag(0); why == "" {
			c.suffix += " FOR " + text
		}
	case "Set":
		text, why := frag(0)
		if why != "" {
			return why
		}
		c.set = append(c.set, text)
	case "SetColumn":
		col, ok := a.constString(args[0])
		if !ok {
			return "column name is not constant"
		}
		text, why := frag(1)
		if why != "" {
			return why
		}
		c.set = append(c.set, sqlparse.QuoteIdent(col)+" = "+text)
	case "On":
		if text, why := frag(0); why == "" {
			c.suffix += " ON " + text
		}
	case "Returning":
		if text, why := frag(0); why == "" {
			c.returning = text
		}
	case "Apply":
		steps, why := a.scopeSteps(args, st.call.Pos(), 1)
		if why != "" {
			return why
		}
		for _, inner := range steps {
			if why := a.bunStep(c, inner); why != "" {
				return why
			}
		}
	case "ForceDelete":
		c.force = true
	case "Index":
		name, ok := a.constString(args[0])
		if !ok {
			return "index name is not constant"
		}
		c.indexName = name
	case "Unique":
		c.unique = true
	case "IfNotExists":
		c.ifNotExists = true
	case "Using":
		if text, why := frag(0); why == "" {
			c.using = text
		}
	}
	return ""
}

// bunGroup inlines WhereGroup(" OR ", func(q *bun.SelectQuery) *bun.SelectQuery {
// return q.Where(...).WhereOr(...) }): the conditions the closure adds,
// in parentheses.
func (a *analyzer) bunGroup(c *ormChain, args []ast.Expr) string {
	sep, ok := a.constString(args[0])
	if !ok {
		return "WhereGroup separator is not constant"
	}
	lit, ok := ast.Unparen(args[1]).(*ast.FuncLit)
	if !ok || len(lit.Body.List) == 0 {
		return "conditions added by a WhereGroup function"
	}
	ret, ok := lit.Body.List[len(lit.Body.List)-1].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return "conditions added by a WhereGroup function"
	}
	steps, _, why := a.ormSteps(ret.Results[0], ret.Pos(), 1)
	if why != "" {
		return why
	}
	inner := &ormChain{lib: "bun", model: c.model, alias: c.alias, n: c.n}
	for _, st := range steps {
		if why := a.bunStep(inner, st); why != "" {
			return why
		}
	}
	c.n = inner.n
	if len(inner.conds) == 0 {
		return ""
	}
	op := "AND"
	if strings.TrimSpace(strings.ToUpper(sep)) == "OR" {
		op = "OR"
	}
	c.conds = append(c.conds, ormCond{op, whereSQL(inner.conds)})
	return ""
}

// bunRelation joins a to-one relation into the query, as bun does
// (LEFT JOIN users AS author ON author.id = book.author_id), and keeps
// a to-many one for a query of its own.
func (a *analyzer) bunRelation(c *ormChain, name string) string {
	if c.model == nil {
		return fmt.Sprintf("relation %s of an unknown model", name)
	}
	if strings.Contains(name, ".") {
		c.preloads = append(c.preloads, ormPreload{path: name})
		return ""
	}
	rel, tm, err := c.model.Relation(name, func(t *types.Named) (*ormmodel.Model, error) { return a.ormModel("bun", t) })
	if err != nil {
		return err.Error()
	}
	if rel.Many || rel.JoinTable != "" {
		c.preloads = append(c.preloads, ormPreload{path: name})
		return ""
	}
	alias := sqlparse.QuoteIdent(ormmodel.BunName(name))
	var on []string
	for i := range rel.BaseColumns {
		on = append(on, fmt.Sprintf("%s.%s = %s", alias, sqlparse.QuoteIdent(rel.TargetColumns[i]), c.column(rel.BaseColumns[i])))
	}
	c.joins = append(c.joins, fmt.Sprintf("LEFT JOIN %s AS %s ON %s", tm.QuotedTable(), alias, strings.Join(on, " AND ")))
	c.columns = append(c.columns, qualifiedCols(alias, tm.ColumnNames()))
	return ""
}

// bunFinish writes the statement a bun finisher sends.
func (a *analyzer) bunFinish(c *ormChain, s *Site) (string, string) {
	if c.model == nil && c.table == "" && len(c.extra) == 0 {
		return "", c.noModel()
	}
	from := c.table
	if from == "" && c.model != nil {
		from = c.model.QuotedTable()
		if c.alias != "" {
			from += " AS " + sqlparse.QuoteIdent(c.alias)
		}
	}
	extra := strings.Join(c.extra, ", ")
	if from == "" {
		from, extra = extra, ""
	}
	conds := c.conds
	if c.model != nil && c.model.SoftDelete != "" && !c.unscoped && s.Method.Recv != "InsertQuery" && !(s.Method.Recv == "DeleteQuery" && c.force) {
		test := " IS NULL"
		if c.deleted {
			test = " IS NOT NULL"
		}
		conds = append(conds, ormCond{"AND", c.column(c.model.SoftDelete) + test})
	}
	var b strings.Builder
	switch s.Method.Recv {
	case "SelectQuery":
		cols := c.columns
		if len(cols) == 0 || len(c.joins) > 0 && len(c.columns) == len(c.joinColumns()) {
			if c.model != nil {
				cols = append([]string{c.qualified(c.model.ColumnNames())}, cols...)
			} else {
				cols = append([]string{"*"}, cols...)
			}
		}
		if s.Method.Name == "Count" {
			cols = []string{"count(*)"}
		}
		if s.Method.Name == "Exists" {
			b.WriteString("SELECT EXISTS (")
		}
		b.WriteString("SELECT ")
		if c.distinct {
			b.WriteString("DISTINCT ")
		}
		b.WriteString(strings.Join(cols, ", ") + " FROM " + from)
		if extra != "" {
			b.WriteString(", " + extra)
		}
		for _, j := range c.joins {
			b.WriteString(" " + j)
		}
		c.tail(&b, conds, s.Method.Name != "Count")
		b.WriteString(c.suffix)
		if s.Method.Name == "Exists" {
			b.WriteString(")")
		}
	case "InsertQuery":
		table := from
		b.WriteString(c.insert(table, nil))
		b.WriteString(c.suffix)
		if len(c.set) > 0 {
			b.WriteString(" SET " + strings.Join(c.set, ", ")) // ON CONFLICT ... DO UPDATE SET
		}
		if c.returning != "" {
			b.WriteString(" RETURNING " + c.returning)
		}
	case "UpdateQuery":
		set := c.set
		if len(set) == 0 && c.model != nil {
			cols := c.columns
			if len(cols) == 0 {
				for _, col := range c.model.Columns {
					if !contains(c.model.PK, col.Name) {
						cols = append(cols, sqlparse.QuoteIdent(col.Name))
					}
				}
			}
			for _, col := range cols {
				set = append(set, col+" = "+c.param1())
			}
		}
		if len(set) == 0 {
			return "", "updated columns are unknown"
		}
		b.WriteString("UPDATE " + from + " SET " + strings.Join(set, ", "))
		if extra != "" {
			b.WriteString(" FROM " + extra)
		}
		c.tail(&b, conds, false)
		if c.returning != "" {
			b.WriteString(" RETURNING " + c.returning)
		}
	case "DeleteQuery":
		if c.model != nil && c.model.SoftDelete != "" && !c.force {
			b.WriteString("UPDATE " + from + " SET " + sqlparse.QuoteIdent(c.model.SoftDelete) + " = " + c.param1())
		} else {
			b.WriteString("DELETE FROM " + from)
		}
		if extra != "" {
			b.WriteString(" USING " + extra)
		}
		c.tail(&b, conds, false)
	case "CreateTableQuery":
		if c.model == nil {
			return "", "CREATE TABLE without a model"
		}
		return c.model.CreateTable(c.ifNotExists), ""
	case "CreateIndexQuery":
		if c.indexName == "" || len(c.index) == 0 {
			return "", "CREATE INDEX without a name or columns"
		}
		table := c.table
		switch {
		case table != "":
		case len(c.extra) == 1: // .Table("organizations")
			table = c.extra[0]
		case c.model != nil && len(c.extra) == 0:
			table = c.model.QuotedTable()
		default:
			return "", "CREATE INDEX without a table or a model"
		}
		b.WriteString("CREATE ")
		if c.unique {
			b.WriteString("UNIQUE ")
		}
		b.WriteString("INDEX ")
		if c.ifNotExists {
			b.WriteString("IF NOT EXISTS ")
		}
		b.WriteString(sqlparse.QuoteIdent(c.indexName) + " ON " + table)
		if c.using != "" {
			b.WriteString(" USING " + c.using)
		}
		b.WriteString(" (" + strings.Join(c.index, ", ") + ")")
		if len(c.where) > 0 {
			b.WriteString(" WHERE " + strings.Join(c.where, " AND "))
		}
		return b.String(), ""
	default:
		return "", fmt.Sprintf("%s is not modeled", s.Method.Recv)
	}
	stmts := []string{b.String()}
	for _, p := range c.preloads {
		more, why := a.preloadSQL(c, c.model, p)
		if why != "" {
			return "", why
		}
		stmts = append(stmts, more...)
	}
	return strings.Join(stmts, ";\n"), ""
}

// joinColumns are the columns Relation added for its joins.
func (c *ormChain) joinColumns() []string {
	var out []string
	for _, col := range c.columns {
		if strings.Contains(col, ".") && !strings.HasPrefix(col, sqlparse.QuoteIdent(c.aliasName())+".") {
			out = append(out, col)
		}
	}
	return out
}
