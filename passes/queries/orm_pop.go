package queries

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/internal/ormmodel"
	"github.com/sqlheat/sqlheat/internal/sqlparse"
)

// pop (gobuffalo/pop v5 and v6, ory/pop v6) builds a statement on a
// *Query that a chain on the *Connection starts, and its finishers take
// the model the statement reads or writes:
//
//	c.Where("email = ? AND nid = ?", e, nid).Order("created_at DESC").First(&u)
//	// SELECT "users"."id", ... FROM "users" AS "users"
//	//   WHERE (email = $1 AND nid = $2) ORDER BY created_at DESC LIMIT 1
//	c.Find(&u, id)     // ... WHERE "users"."id" = $1 LIMIT 1
//	c.Count(&User{})   // SELECT COUNT(*) AS row_count FROM (SELECT ...) a
//	c.Update(&u)       // UPDATE "users" AS "users" SET ... WHERE "users"."id" = $n
//
// The table is the model's (its TableName method, with or without a
// context, else pop's pluralized snake case), aliased by its own name
// as pop writes it; the columns those of its db tags. Raw SQL
// (RawQuery) is read by ormRaw as gorm's Raw is.

// popStep applies one call of a pop chain to the statement.
func (a *analyzer) popStep(c *ormChain, st ormStep) string {
	args := st.call.Args
	switch st.name() {
	case "Q", "WithContext", "Clone":
		// The connection's statement, unchanged.
	case "Eager", "EagerPreload":
		// Associations are loaded by queries of their own, after the
		// statement (see popEager); the statement itself is unchanged.
		c.eager = true
		c.eagerPreload = c.eagerPreload || st.name() == "EagerPreload"
		fields, ok := a.constStrings(args)
		if !ok {
			c.eagerAny = true // Eager(opts.Fields()...): known at run time
		}
		c.eagerFields = append(c.eagerFields, fields...)
	case "Where":
		text, why := a.fragment(c, st, 0)
		if why != "" {
			return why
		}
		if strings.TrimSpace(text) != "" {
			c.conds = append(c.conds, ormCond{"AND", text})
		}
	case "Order":
		text, why := a.fragment(c, st, 0)
		if why != "" {
			return why
		}
		c.order = append(c.order, text)
	case "Limit":
		c.limit = a.limitText(c, args[0])
	case "Paginate":
		c.limit = a.limitText(c, args[1])
		c.offset = c.param1() // (page-1)*per_page, computed by pop
	case "PaginateFromParams":
		c.limit, c.offset = c.param1(), c.param1()
	case "Select":
		cols, ok := a.constStrings(args)
		if !ok {
			return "selected columns are not constant"
		}
		c.columns = append(c.columns, cols...)
	case "GroupBy":
		cols, ok := a.constStrings(args)
		if !ok {
			return "grouped columns are not constant"
		}
		c.group = append(c.group, cols...)
	case "Having":
		text, why := a.fragment(c, st, 0)
		if why != "" {
			return why
		}
		c.having = append(c.having, text)
	case "Join", "LeftJoin", "RightJoin", "LeftOuterJoin", "RightOuterJoin", "InnerJoin":
		table, ok := a.constString(args[0])
		if !ok {
			return fmt.Sprintf("joined table %s is not constant", exprName(args[0]))
		}
		on, why := a.fragment(c, st, 1)
		if why != "" {
			return why
		}
		kind := map[string]string{"Join": "JOIN", "LeftJoin": "LEFT JOIN", "RightJoin": "RIGHT JOIN",
			"LeftOuterJoin": "LEFT OUTER JOIN", "RightOuterJoin": "RIGHT OUTER JOIN", "InnerJoin": "INNER JOIN"}[st.name()]
		c.joins = append(c.joins, kind+" "+table+" ON "+on)
	case "Scope":
		if a.foreignScope(args[0]) {
			// A scope made in another package (a paginator's
			// Paginate[T](p)) adds conditions only run time knows: one
			// parameter stands for them, as for a name built at run time,
			// so the rest of the statement is still checked. What order
			// or limit it adds is not known.
			c.conds = append(c.conds, ormCond{"AND", c.param1()})
			break
		}
		steps, why := a.scopeSteps(args, st.call.Pos(), 1)
		if why != "" {
			return why
		}
		for _, inner := range steps {
			if why := a.popStep(c, inner); why != "" {
				return why
			}
		}
	case "RawQuery":
		return "raw SQL kept in a variable"
	default:
		return fmt.Sprintf("%s is not read", st.name()) // BelongsTo...: conditions from a model's values
	}
	return ""
}

// foreignScope reports whether a scope argument is a function of another
// package, or one that such a function returns: code the pass cannot
// read.
func (a *analyzer) foreignScope(arg ast.Expr) bool {
	var fn *types.Func
	switch x := ast.Unparen(arg).(type) {
	case *ast.Ident, *ast.SelectorExpr:
		fn, _ = a.pass.TypesInfo.Uses[identOf(x)].(*types.Func)
	case *ast.CallExpr:
		fn, _ = typeutil.Callee(a.pass.TypesInfo, x).(*types.Func)
	}
	return fn != nil && fn.Pkg() != nil && fn.Pkg() != a.pass.Pkg
}

// popFinish writes the statement a pop finisher sends.
func (a *analyzer) popFinish(c *ormChain, s *Site) (string, string) {
	name := s.Method.Name
	args := s.Call.Args
	if name == "Exec" || name == "ExecWithCount" {
		return "", "Exec of a query that RawQuery did not start"
	}
	if len(args) == 0 {
		return "", "no model"
	}
	m, why := a.modelOf("pop", args[0])
	if why != "" {
		return "", why
	}
	if m == nil {
		return "", fmt.Sprintf("model %s is chosen at run time", exprName(args[0]))
	}
	c.model, c.alias = m, m.Alias
	if _, ok := a.constStrings(args[1:]); !ok && name != "Find" {
		return "", "column names are not constant"
	}
	if name == "Save" || name == "ValidateAndSave" {
		// pop's Save creates a model whose key is zero and updates one
		// whose key is set.
		switch keyOf(a.pass.TypesInfo, args[0], m) {
		case keyZero:
			name = "Create"
		case keyUnknown:
			insert, _ := a.popFinishAs(c, s, "Create")
			c.orElse = sqlparse.RenumberParams(insert)
		}
	}
	return a.popFinishAs(c, s, name)
}

// popFinishAs writes the statement of finisher name, once the model is
// known.
func (a *analyzer) popFinishAs(c *ormChain, s *Site, name string) (string, string) {
	m, args := c.model, s.Call.Args
	table := m.QuotedTable() + " AS " + sqlparse.QuoteIdent(m.Alias)
	pk := c.column(m.PK[0])
	// named are the columns a write is told to leave out (Create's and
	// Update's excludeColumns), or the only ones it sets
	// (UpdateColumns, UpdateQuery).
	named, _ := a.constStrings(args[1:])
	conds := c.conds
	var b strings.Builder
	switch name {
	case "Find", "Reload":
		conds = append(conds, ormCond{"AND", pk + " = " + c.param1()})
		c.limit = "1"
		b.WriteString(a.popSelect(c, table))
		c.tail(&b, conds, true)
	case "First", "Last", "All":
		if name == "Last" {
			c.order = append(c.order, "created_at DESC", "id DESC")
		}
		if name != "All" {
			c.limit = "1"
		}
		b.WriteString(a.popSelect(c, table))
		c.tail(&b, conds, true)
	case "Count", "CountByField", "Exists":
		var inner strings.Builder
		inner.WriteString(a.popSelect(c, table))
		c.tail(&inner, conds, false) // pop drops the order and limit
		if name == "Exists" {
			b.WriteString("SELECT EXISTS (" + inner.String() + ")")
		} else {
			b.WriteString("SELECT COUNT(*) AS row_count FROM (" + inner.String() + ") a")
		}
	case "Create", "ValidateAndCreate":
		var cols, vals []string
		for _, col := range m.Columns {
			if !contains(named, col.Name) {
				cols = append(cols, sqlparse.QuoteIdent(col.Name))
				vals = append(vals, c.param1())
			}
		}
		if len(cols) == 0 {
			return "", "a model without columns"
		}
		b.WriteString("INSERT INTO " + m.QuotedTable() + " (" + strings.Join(cols, ", ") + ") VALUES (" + strings.Join(vals, ", ") + ")")
	case "Update", "ValidateAndUpdate", "Save", "ValidateAndSave", "UpdateColumns", "UpdateQuery":
		only := name == "UpdateColumns" || name == "UpdateQuery"
		var set []string
		for _, col := range m.Columns {
			switch {
			case col.Name == m.PK[0] || col.Name == "created_at":
				continue // pop never updates these
			case only && !contains(named, col.Name) && col.Name != "updated_at":
				continue
			case !only && contains(named, col.Name):
				continue
			}
			set = append(set, sqlparse.QuoteIdent(col.Name)+" = "+c.param1())
		}
		if len(set) == 0 {
			return "", "no column to update"
		}
		b.WriteString("UPDATE " + table + " SET " + strings.Join(set, ", "))
		if name != "UpdateQuery" {
			conds = []ormCond{{"AND", pk + " = " + c.param1()}}
		}
		c.tail(&b, conds, false)
		renumber(&b) // the SET's arguments first, then the conditions'
	case "Destroy":
		b.WriteString("DELETE FROM " + table + " WHERE " + pk + " = " + c.param1())
		renumber(&b)
	case "Delete":
		b.WriteString("DELETE FROM " + table)
		c.tail(&b, conds, false)
	default:
		return "", "unknown finisher"
	}
	stmts := []string{b.String()}
	switch name {
	case "Find", "Reload", "First", "Last", "All":
		if c.eager {
			stmts = append(stmts, a.popEager(c, m, name == "All")...)
		}
	}
	return strings.Join(stmts, ";\n"), ""
}

// popEager are the queries pop sends after a finisher with Eager in its
// chain (Query.eagerAssociations): for each association asked (all
// tagged ones when none is named), EagerPreload sends one query for all
// the rows read (`fk IN (...)`); Eager sends one per row, with the
// association's own condition for that row (`identity_id = $1`,
// `id = $1` for a belongs_to). After All, that is one query per row
// and association: c.perRow says what, for queryinloop. An
// association whose model is unknown is named but not rebuilt.
func (a *analyzer) popEager(c *ormChain, m *ormmodel.Model, many bool) []string {
	var assocs []ormmodel.PopAssociation
	if !c.eagerAny {
		assocs, _ = ormmodel.PopAssociations(m, c.eagerFields)
	}
	var names, out []string
	for _, as := range assocs {
		names = append(names, as.Field)
		if as.Target == nil {
			continue
		}
		tm, err := a.ormModel("pop", as.Target)
		if err != nil || tm == nil {
			continue
		}
		match := as.Match
		if c.eagerPreload {
			// preload_associations.go: fk IN (the keys of every row).
			match = strings.Replace(match, "= ?", "IN (?)", 1)
		}
		tc := &ormChain{lib: "pop", model: tm, alias: tm.Alias, n: c.n}
		match = strings.Replace(match, "?", tc.param1(), 1)
		c.n = tc.n
		text := "SELECT " + tc.qualified(tm.ColumnNames()) + " FROM " + tm.QuotedTable() + " AS " + sqlparse.QuoteIdent(tm.Alias) + " WHERE " + match
		if as.OrderBy != "" {
			text += " ORDER BY " + as.OrderBy
		}
		out = append(out, text)
	}
	if many && !c.eagerPreload {
		switch {
		case c.eagerAny:
			c.perRow = "the associations asked at run time"
		case len(names) > 0:
			c.perRow = strings.Join(names, ", ")
		} // else no field asked is an association: nothing per row
	}
	return out
}

// popSelect is SELECT ... FROM ... with the joins: the columns chosen
// (Select), else every column of the model, qualified by its alias.
func (a *analyzer) popSelect(c *ormChain, table string) string {
	cols := strings.Join(c.columns, ", ")
	if len(c.columns) == 0 {
		cols = c.qualified(c.model.ColumnNames())
	}
	if cols == "" {
		cols = sqlparse.QuoteIdent(c.model.Alias) + ".*"
	}
	s := "SELECT " + cols + " FROM " + table
	for _, j := range c.joins {
		s += " " + j
	}
	return s
}

// popTableName is pop's TableNameAble (and its context-taking twin):
// the constant a model's TableName method returns.
func (a *analyzer) popTableName(t *types.Named) (string, bool, error) {
	return a.tableNameOf(t, ormmodel.PopTableNameMethod(t))
}

// popModel is a struct type's model as pop maps it.
func (a *analyzer) popModel(t *types.Named) (*ormmodel.Model, error) {
	return ormmodel.PopModel(t, a.popTableName)
}
