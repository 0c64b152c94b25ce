package catalog

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/internal/sqlparse"
)

// entSchema is the package of the tables ent's generated migrate
// package declares, and creates with client.Schema.Create.
const entSchema = "entgo.io/ent/dialect/sql/schema"

// entSchemaDDL is the DDL of the tables a package ent generated
// (ent/migrate/schema.go) declares as schema.Table values: their
// columns, primary key, unique columns and indexes, as ent's migration
// creates them. Foreign keys add no index in PostgreSQL and are left
// out. A table whose parts are not literals is skipped.
//
//	UsersColumns = []*schema.Column{{Name: "id", Type: field.TypeInt, Increment: true}, ...}
//	UsersTable = &schema.Table{Name: "users", Columns: UsersColumns,
//		PrimaryKey: []*schema.Column{UsersColumns[0]},
//		Indexes: []*schema.Index{{Name: "user_name", Unique: true, Columns: []*schema.Column{UsersColumns[1]}}}}
func entSchemaDDL(pass *analysis.Pass, root string) []DDLText {
	info := pass.TypesInfo
	var out []DDLText
	for _, f := range pass.Files {
		if !ast.IsGenerated(f) || isTest(pass, f.Pos()) {
			continue
		}
		cols := map[types.Object][]entColumn{}
		var tables []*ast.CompositeLit
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok {
				continue
			}
			for _, spec := range gd.Specs {
				vs, ok := spec.(*ast.ValueSpec)
				if !ok || len(vs.Names) != len(vs.Values) {
					continue
				}
				for i, v := range vs.Values {
					v = ast.Unparen(v)
					if u, ok := v.(*ast.UnaryExpr); ok {
						v = ast.Unparen(u.X)
					}
					lit, ok := v.(*ast.CompositeLit)
					if !ok {
						continue
					}
					switch entType(info.TypeOf(lit)) {
					case "[]Column":
						cols[info.Defs[vs.Names[i]]] = entColumns(info, lit)
					case "Table":
						tables = append(tables, lit)
					}
				}
			}
		}
		for _, t := range tables {
			if ddl := entTableDDL(info, t, cols); ddl != "" {
				p := pass.Fset.Position(t.Pos())
				out = append(out, DDLText{File: relFile(root, p.Filename), Line: p.Line, SQL: ddl})
			}
		}
	}
	return out
}

// entType is "Table" or "[]Column" for ent's schema.Table and
// []*schema.Column, "" otherwise.
func entType(t types.Type) string {
	prefix := ""
	if s, ok := types.Unalias(t).(*types.Slice); ok {
		prefix, t = "[]", s.Elem()
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != entSchema {
		return ""
	}
	return prefix + n.Obj().Name()
}

// entColumn is one column of a table ent declares.
type entColumn struct {
	name, typ string
	unique    bool
}

func entColumns(info *types.Info, lit *ast.CompositeLit) []entColumn {
	var out []entColumn
	for _, e := range lit.Elts {
		el, ok := ast.Unparen(e).(*ast.CompositeLit)
		if !ok {
			return nil
		}
		c := entColumn{typ: "text"}
		for kv := range entFields(el) {
			switch kv.Key.(*ast.Ident).Name {
			case "Name":
				c.name = stringConst(info, kv.Value)
			case "Unique":
				c.unique = boolConst(info, kv.Value)
			case "Type":
				if sel, ok := ast.Unparen(kv.Value).(*ast.SelectorExpr); ok {
					c.typ = entColumnType(sel.Sel.Name)
				}
			}
		}
		if c.name == "" {
			return nil
		}
		out = append(out, c)
	}
	return out
}

// entColumnType is the PostgreSQL type of an ent field type.
func entColumnType(name string) string {
	switch t := strings.TrimPrefix(name, "Type"); {
	case strings.HasPrefix(t, "Int"), strings.HasPrefix(t, "Uint"):
		return "bigint"
	case strings.HasPrefix(t, "Float"):
		return "double precision"
	case t == "Bool":
		return "boolean"
	case t == "Time":
		return "timestamptz"
	case t == "JSON":
		return "jsonb"
	case t == "UUID":
		return "uuid"
	case t == "Bytes":
		return "bytea"
	}
	return "text"
}

// entFields are the keyed fields of a composite literal.
func entFields(lit *ast.CompositeLit) func(func(*ast.KeyValueExpr) bool) {
	return func(yield func(*ast.KeyValueExpr) bool) {
		for _, e := range lit.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				if _, ok := kv.Key.(*ast.Ident); ok && !yield(kv) {
					return
				}
			}
		}
	}
}

// entTableDDL writes the CREATE TABLE and CREATE INDEX statements of a
// schema.Table literal.
func entTableDDL(info *types.Info, lit *ast.CompositeLit, cols map[types.Object][]entColumn) string {
	var name string
	var columns []entColumn
	var pk []string
	var indexes []string
	ok := true
	// ref is the column UsersColumns[2] names.
	ref := func(e ast.Expr) string {
		ix, isIndex := ast.Unparen(e).(*ast.IndexExpr)
		if !isIndex {
			ok = false
			return ""
		}
		id, isIdent := ast.Unparen(ix.X).(*ast.Ident)
		tv := info.Types[ix.Index]
		if !isIdent || tv.Value == nil || tv.Value.Kind() != constant.Int { // a map's key: not ent's
			ok = false
			return ""
		}
		cs := cols[info.Uses[id]]
		i, exact := constant.Int64Val(tv.Value)
		if !exact || i < 0 || int(i) >= len(cs) {
			ok = false
			return ""
		}
		return sqlparse.QuoteIdent(cs[i].name)
	}
	refs := func(e ast.Expr) []string {
		l, isLit := ast.Unparen(e).(*ast.CompositeLit)
		if !isLit {
			ok = false
			return nil
		}
		var out []string
		for _, x := range l.Elts {
			out = append(out, ref(x))
		}
		return out
	}
	for kv := range entFields(lit) {
		switch kv.Key.(*ast.Ident).Name {
		case "Name":
			name = stringConst(info, kv.Value)
		case "Columns":
			if id, isIdent := ast.Unparen(kv.Value).(*ast.Ident); isIdent {
				columns = cols[info.Uses[id]]
			}
		case "PrimaryKey":
			pk = refs(kv.Value)
		case "Indexes":
			l, isLit := ast.Unparen(kv.Value).(*ast.CompositeLit)
			if !isLit {
				ok = false
				break
			}
			for _, x := range l.Elts {
				il, isLit := ast.Unparen(x).(*ast.CompositeLit)
				if !isLit {
					ok = false
					break
				}
				var iname string
				var unique bool
				var icols []string
				for ikv := range entFields(il) {
					switch ikv.Key.(*ast.Ident).Name {
					case "Name":
						iname = stringConst(info, ikv.Value)
					case "Unique":
						unique = boolConst(info, ikv.Value)
					case "Columns":
						icols = refs(ikv.Value)
					}
				}
				if iname == "" || len(icols) == 0 {
					ok = false
					break
				}
				kw := "CREATE INDEX "
				if unique {
					kw = "CREATE UNIQUE INDEX "
				}
				indexes = append(indexes, kw+sqlparse.QuoteIdent(iname)+" ON "+sqlparse.QuoteIdent(name)+" ("+strings.Join(icols, ", ")+")")
			}
		}
	}
	if !ok || name == "" || len(columns) == 0 {
		return ""
	}
	var defs []string
	for _, c := range columns {
		d := sqlparse.QuoteIdent(c.name) + " " + c.typ
		if c.unique {
			d += " UNIQUE"
		}
		defs = append(defs, d)
	}
	if len(pk) > 0 {
		defs = append(defs, "PRIMARY KEY ("+strings.Join(pk, ", ")+")")
	}
	stmts := append([]string{"CREATE TABLE " + sqlparse.QuoteIdent(name) + " (" + strings.Join(defs, ", ") + ")"}, indexes...)
	return strings.Join(stmts, ";\n") + ";"
}

func stringConst(info *types.Info, e ast.Expr) string {
	if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value)
	}
	return ""
}

func boolConst(info *types.Info, e ast.Expr) bool {
	if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.Bool {
		return constant.BoolVal(tv.Value)
	}
	return false
}
