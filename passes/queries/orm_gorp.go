package queries

import (
	"go/ast"
	"go/types"
	"reflect"
	"strconv"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/internal/dbapi"
	"github.com/sqlheat/sqlheat/internal/ormmodel"
	"github.com/sqlheat/sqlheat/internal/sqlparse"
)

// gorp writes rows through the table each Go type is mapped to:
//
//	dbmap.AddTableWithName(User{}, "users").SetKeys(true, "id")
//	...
//	dbmap.Insert(&u) // INSERT INTO users (name, email) VALUES ($1, $2)
//
// Insert, Update, Delete and Get of a value of a type mapped in this
// package send one statement on its table, with the columns gorp takes
// from the struct's fields; a type mapped elsewhere, or with no keys
// for a statement that needs them, leaves the site's SQL to gorp
// (counted as the ORM's, never guessed).

// gorpTable is a type's mapping: its table and its key columns (or
// fields: SetKeys takes either).
type gorpTable struct {
	name     string
	keys     []string
	autoIncr bool
}

// gorpMappings finds the AddTable calls of the package, once.
func (a *analyzer) gorpMappings() map[*types.TypeName]*gorpTable {
	if a.gorpTables != nil {
		return a.gorpTables
	}
	a.gorpTables = map[*types.TypeName]*gorpTable{}
	info := a.pass.TypesInfo
	gorpFn := func(call *ast.CallExpr) *types.Func {
		fn, _ := typeutil.Callee(info, call).(*types.Func)
		if fn == nil || fn.Pkg() == nil || !dbapi.IsGorp(fn.Pkg().Path()) {
			return nil
		}
		return fn
	}
	// table records the mapping an AddTable call makes, and returns it.
	table := func(call *ast.CallExpr) *gorpTable {
		fn := gorpFn(call)
		if fn == nil || len(call.Args) == 0 {
			return nil
		}
		t := ormmodel.StructOf(info.TypeOf(call.Args[0]))
		if t == nil {
			return nil
		}
		var name string
		switch fn.Name() {
		case "AddTable":
			name = t.Obj().Name() // gorp names the table after the type
		case "AddTableWithName", "AddTableWithNameAndSchema":
			v, ok := a.constString(call.Args[len(call.Args)-1])
			if !ok {
				return nil
			}
			name = v
		default:
			return nil
		}
		m := &gorpTable{name: name}
		if old, ok := a.gorpTables[t.Obj()]; ok && old.name != name {
			m.name = "" // mapped to two tables: which one runs is not known
		}
		a.gorpTables[t.Obj()] = m
		return m
	}
	for _, f := range a.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			// AddTableWithName(T{}, "t").SetKeys(autoIncr, "id"): the keys.
			if fn := gorpFn(call); fn != nil && fn.Name() == "SetKeys" && len(call.Args) > 1 {
				if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
					if inner, ok := ast.Unparen(sel.X).(*ast.CallExpr); ok {
						if m := table(inner); m != nil {
							keys, ok := a.constStrings(call.Args[1:])
							auto, isConst := a.constBool(call.Args[0])
							if ok && isConst {
								m.keys, m.autoIncr = keys, auto
							}
						}
						return false // the mapping's own call is read
					}
				}
			}
			table(call)
			return true
		})
	}
	return a.gorpTables
}

// constBool is the value of a constant boolean expression.
func (a *analyzer) constBool(e ast.Expr) (bool, bool) {
	tv, ok := a.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil {
		return false, false
	}
	return tv.Value.String() == "true", true
}

// gorpColumn is one column gorp maps a field to.
type gorpColumn struct{ name, field string }

// gorpColumns lists the columns of a struct as gorp maps them: the name
// in the db tag, else the field's name; "-" is no column; embedded
// structs add theirs.
func gorpColumns(st *types.Struct, depth int) []gorpColumn {
	var out []gorpColumn
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		tag, _ := reflect.StructTag(st.Tag(i)).Lookup("db")
		name, _, _ := strings.Cut(tag, ",")
		if f.Embedded() && name == "" && depth < 4 {
			if et := ormmodel.StructOf(f.Type()); et != nil {
				out = append(out, gorpColumns(et.Underlying().(*types.Struct), depth+1)...)
				continue
			}
		}
		if !f.Exported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name()
		}
		out = append(out, gorpColumn{name: name, field: f.Name()})
	}
	return out
}

// gorpSQL is the statement a gorp Insert, Update, Delete or Get sends.
func (a *analyzer) gorpSQL(s *Site) sqlText {
	args := s.Call.Args
	if len(args) > 0 && isContext(a.pass.TypesInfo.TypeOf(args[0])) {
		args = args[1:] // borp's, Insert(ctx, &u)
	}
	if len(args) == 0 {
		return unresolved(whyORM)
	}
	t := ormmodel.StructOf(a.pass.TypesInfo.TypeOf(args[0]))
	if t == nil {
		return unresolved(whyORM) // an interface{} handed in: its type is known at run time
	}
	m := a.gorpMappings()[t.Obj()]
	if m == nil || m.name == "" {
		return unresolved("gorp %s: no table of this package is mapped to %s", s.Method.Name, t.Obj().Name())
	}
	cols := gorpColumns(t.Underlying().(*types.Struct), 0)
	isKey := func(c gorpColumn) bool {
		for _, k := range m.keys {
			if k == c.name || k == c.field {
				return true
			}
		}
		return false
	}
	var all, keys, rest []string
	for _, c := range cols {
		q := sqlparse.QuoteIdent(c.name)
		all = append(all, q)
		if isKey(c) {
			keys = append(keys, q)
		} else {
			rest = append(rest, q)
		}
	}
	table := sqlparse.QuoteIdent(m.name)
	n := 0
	param := func() string { n++; return "$" + strconv.Itoa(n) }
	where := func() string {
		conds := make([]string, len(keys))
		for i, k := range keys {
			conds[i] = k + " = " + param()
		}
		return " WHERE " + strings.Join(conds, " AND ")
	}
	var text string
	switch s.Method.Name {
	case "Insert":
		ins := all
		if m.autoIncr {
			ins = rest // the database numbers the key
		}
		if len(ins) == 0 {
			text = "INSERT INTO " + table + " DEFAULT VALUES"
			break
		}
		vals := make([]string, len(ins))
		for i := range vals {
			vals[i] = param()
		}
		text = "INSERT INTO " + table + " (" + strings.Join(ins, ", ") + ") VALUES (" + strings.Join(vals, ", ") + ")"
	case "Update", "Delete", "Get":
		if len(keys) == 0 {
			return unresolved("gorp %s: the keys of %s are not set (SetKeys)", s.Method.Name, m.name)
		}
		switch s.Method.Name {
		case "Update":
			if len(rest) == 0 {
				return unresolved(whyORM)
			}
			set := make([]string, len(rest))
			for i, c := range rest {
				set[i] = c + " = " + param()
			}
			text = "UPDATE " + table + " SET " + strings.Join(set, ", ") + where()
		case "Delete":
			text = "DELETE FROM " + table + where()
		default:
			text = "SELECT " + strings.Join(all, ", ") + " FROM " + table + where()
		}
	default:
		return unresolved(whyORM) // UpdateColumns: the columns are a filter's
	}
	return sqlText{SQL: text, OK: true, Param: -1}
}
