package queries

import (
	"go/ast"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/internal/dbapi"
	"github.com/sqlheat/sqlheat/internal/ormmodel"
	"github.com/sqlheat/sqlheat/internal/sqlparse"
)

// beego's ORM builds a statement on a QuerySeter:
//
//	o.QueryTable("orders").Filter("user_id", uid).Filter("status__in", 1, 2).
//		OrderBy("-created").Limit(20).All(&orders)
//
// sends SELECT * FROM orders WHERE user_id = ? AND status IN (?, ?)
// ORDER BY created DESC LIMIT 20. The chain is read when it is written
// in one expression from QueryTable to the finisher: the table is the
// constant handed to QueryTable, or the model's (its TableName method's
// constant, else its type's name in snake case); Filter and Exclude add
// conditions, field "__" operator (exact, iexact, contains, icontains,
// startswith, endswith, in, gt, gte, lt, lte, isnull) with the field's
// column in snake case; OrderBy, Limit and Offset shape the reading.
// All, One, Values, ValuesList and ValuesFlat read the rows, Count and
// Exist count them, Update(orm.Params{...}) and Delete write them. What
// beego adds at run time (a prefix RegisterModelWithPrefix gives every
// table, a relation's join through "profile__age") is not known here: a
// chain held in variables, a table chosen at run time, a related
// field's filter, or an Ormer's Read, Insert, Update or Delete of a
// model (whose columns beego maps) leaves the SQL to beego. A Raw
// chain's SQL is the one given to Raw (see ormRaw).

// beegoSQL is the statement a beego finisher sends, when the chain
// shows it.
func (a *analyzer) beegoSQL(s *Site, sel *ast.SelectorExpr) sqlText {
	if s.Method.Recv != "QuerySeter" {
		return unresolved("beego %s: the model's columns are mapped by beego at run time", s.Method.Name)
	}
	info := a.pass.TypesInfo
	var steps []*ast.CallExpr // outermost first
	x := sel.X
	for {
		call, ok := ast.Unparen(x).(*ast.CallExpr)
		if !ok {
			return unresolved("beego chain: the QuerySeter is held in a variable")
		}
		fn, _ := typeutil.Callee(info, call).(*types.Func)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != dbapi.BeegoORM && fn.Pkg().Path() != dbapi.BeegoORMV1 {
			return unresolved("beego chain: made by a function of the module")
		}
		steps = append(steps, call)
		if strings.HasPrefix(fn.Name(), "QueryTable") {
			break
		}
		fsel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return unresolved(whyORM)
		}
		x = fsel.X
	}
	n := 0
	param := func() string { n++; return "$" + strconv.Itoa(n) }
	// Update's SET comes first in the statement, and so do its values.
	var sets []string
	if strings.TrimSuffix(s.Method.Name, "WithCtx") == "Update" {
		var why string
		if sets, why = a.beegoParams(s.Call, param); why != "" {
			return unresolved("beego Update: %s", why)
		}
	}
	var table string
	var where, order []string
	var limit, offset string
	for i := len(steps) - 1; i >= 0; i-- {
		call := steps[i]
		fn := typeutil.Callee(info, call).(*types.Func)
		args := call.Args
		if strings.HasSuffix(fn.Name(), "WithCtx") && len(args) > 0 {
			args = args[1:]
		}
		switch strings.TrimSuffix(fn.Name(), "WithCtx") {
		case "QueryTable":
			if len(args) != 1 {
				return unresolved(whyORM)
			}
			t, why := a.beegoTable(args[0])
			if why != "" {
				return unresolved("beego QueryTable: %s", why)
			}
			table = t
		case "Filter", "Exclude":
			if len(args) == 0 {
				return unresolved(whyORM)
			}
			expr, _ := a.constString(args[0])
			cond, why := beegoCond(expr, len(args)-1, param)
			if why != "" {
				return unresolved("beego %s: %s", fn.Name(), why)
			}
			if fn.Name() == "Exclude" {
				cond = "NOT (" + cond + ")"
			}
			where = append(where, cond)
		case "OrderBy":
			for _, arg := range args {
				f, ok := a.constString(arg)
				if !ok || f == "" {
					return unresolved("beego OrderBy: a field chosen at run time")
				}
				dir := ""
				if strings.HasPrefix(f, "-") {
					f, dir = f[1:], " DESC"
				}
				if strings.Contains(f, "__") {
					return unresolved("beego OrderBy: a related model's field")
				}
				order = append(order, beegoColumn(f)+dir)
			}
		case "Limit":
			if len(args) == 0 {
				return unresolved(whyORM)
			}
			limit = param()
			if len(args) > 1 {
				offset = param()
			}
		case "Offset":
			offset = param()
		case "Distinct", "ForUpdate":
			// The same rows, read alike.
		default:
			return unresolved("beego %s: not read here", fn.Name())
		}
	}
	q := sqlparse.QuoteIdent(table)
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	tail := ""
	if len(order) > 0 {
		tail += " ORDER BY " + strings.Join(order, ", ")
	}
	switch name := strings.TrimSuffix(s.Method.Name, "WithCtx"); name {
	case "All", "Values", "ValuesList", "ValuesFlat", "RowsToMap", "RowsToStruct":
		if limit != "" {
			tail += " LIMIT " + limit
		}
		if offset != "" {
			tail += " OFFSET " + offset
		}
		return sqlText{SQL: "SELECT * FROM " + q + cond + tail, OK: true, Param: -1}
	case "One":
		return sqlText{SQL: "SELECT * FROM " + q + cond + tail + " LIMIT 1", OK: true, Param: -1}
	case "Count":
		return sqlText{SQL: "SELECT count(*) FROM " + q + cond, OK: true, Param: -1}
	case "Exist":
		return sqlText{SQL: "SELECT 1 FROM " + q + cond + " LIMIT 1", OK: true, Param: -1}
	case "Delete":
		return sqlText{SQL: "DELETE FROM " + q + cond, OK: true, Param: -1}
	case "Update":
		return sqlText{SQL: "UPDATE " + q + " SET " + strings.Join(sets, ", ") + cond, OK: true, Param: -1}
	}
	return unresolved(whyORM)
}

// beegoTable is the table QueryTable(e) reads: a constant name, or a
// model value's.
func (a *analyzer) beegoTable(e ast.Expr) (string, string) {
	if name, ok := a.constString(e); ok {
		return name, ""
	}
	t := ormmodel.StructOf(a.pass.TypesInfo.TypeOf(e))
	if t == nil {
		return "", "the table is chosen at run time"
	}
	name, ok, err := a.tableName(t)
	if err != nil {
		return "", err.Error()
	}
	if ok {
		return name, ""
	}
	return beegoColumn(t.Obj().Name()), ""
}

// beegoOps are the SQL a filter's operator compares with.
var beegoOps = map[string]string{
	"exact": "=", "iexact": "ILIKE", "contains": "LIKE", "icontains": "ILIKE",
	"startswith": "LIKE", "istartswith": "ILIKE", "endswith": "LIKE", "iendswith": "ILIKE",
	"gt": ">", "gte": ">=", "lt": "<", "lte": "<=",
}

// beegoCond is the condition of a filter expression given nvals values.
func beegoCond(expr string, nvals int, param func() string) (string, string) {
	if expr == "" {
		return "", "a field chosen at run time"
	}
	parts := strings.Split(expr, "__")
	op := "exact"
	if len(parts) > 1 {
		last := parts[len(parts)-1]
		if _, ok := beegoOps[last]; ok || last == "in" || last == "isnull" {
			op, parts = last, parts[:len(parts)-1]
		}
	}
	if len(parts) != 1 {
		return "", "a related model's field"
	}
	col := beegoColumn(parts[0])
	switch op {
	case "in":
		if nvals == 0 {
			return "", "no values"
		}
		ps := make([]string, nvals)
		for i := range ps {
			ps[i] = param()
		}
		return col + " IN (" + strings.Join(ps, ", ") + ")", ""
	case "isnull":
		return col + " IS NULL", "" // or IS NOT NULL: the value says
	}
	return col + " " + beegoOps[op] + " " + param(), ""
}

// beegoParams lists the SET of an Update(orm.Params{"col": v}) call.
func (a *analyzer) beegoParams(call *ast.CallExpr, param func() string) ([]string, string) {
	args := call.Args
	if len(args) > 0 {
		if t := a.pass.TypesInfo.TypeOf(args[0]); t != nil && types.TypeString(t, nil) == "context.Context" {
			args = args[1:]
		}
	}
	if len(args) != 1 {
		return nil, whyORM
	}
	lit, ok := ast.Unparen(args[0]).(*ast.CompositeLit)
	if !ok || len(lit.Elts) == 0 {
		return nil, "the columns are chosen at run time"
	}
	var sets []string
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			return nil, whyORM
		}
		k, ok := a.constString(kv.Key)
		if !ok {
			return nil, "a column chosen at run time"
		}
		sets = append(sets, sqlparse.QuoteIdent(beegoColumn(k))+" = "+param())
	}
	return sets, ""
}

// beegoColumn is the column beego maps a field name to: an underscore
// before every capital but a leading one, all in lower case ("BookId" is
// "book_id", "UserID" "user_i_d"); a name in snake case stays.
func beegoColumn(name string) string { return ormmodel.XormName(name) }
