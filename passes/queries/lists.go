package queries

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/sqlheat/sqlheat/internal/sqlparse"
)

// Lists of clauses. Services built on database/sql often write a query
// whose filters depend on the request as a list of clauses, joined:
//
//	where, args := []string{"1 = 1"}, []any{}
//	if v := find.ID; v != nil {
//		where, args = append(where, "id = "+placeholder(len(args)+1)), append(args, *v)
//	}
//	query := "SELECT id FROM memo WHERE " + strings.Join(where, " AND ")
//
// strings.Join over a local []string resolves when the list is a literal
// (or empty) followed by appends of texts that resolve, in the same
// function: the statement is the one with every item, the fullest the
// function can send, as the SQL of a site and of every report. The items
// appended under a condition — in a block other than the list's own, or
// in a loop, which may run no time — are optional, and the text keeps
// what every execution sends without them (sqlText.must): the site parses
// both, and the filters only the full statement has are marked Optional
// (see optionalClauses), as those under an OR are. So missingindex never
// asks for an index because of a filter that only some requests send,
// though an index on one of them still counts as serving the query, as
// it does for an arm of an OR: silence rather than a guess; and it sorts
// by the ORDER BY every execution has. selectstar and the kind of the
// statement (a read, a write) are the same in every variant. An item
// appended in a loop is taken once: a list of placeholders
// ("$1, $2, ...") stands as one, as a driver's slice expansion does.
//
// A list the function does not build itself stays unresolved, with the
// reason: a parameter (the caller chooses its items), a field, a call's
// result, or a list whose address is taken (another function appends to
// it out of sight).

// number stands for the decimal text of an integer the resolver cannot
// know (strconv.Itoa(n), fmt.Sprint(n)): in SQL text it is a value, a
// parameter's number after "$" ("$" + strconv.Itoa(i) in a placeholder
// helper) or a parameter itself (`LIMIT ` + strconv.Itoa(n)), as
// Sprintf's %d is. numbered gives each its number once the outermost
// text is known, after the numbers the text already uses.
var number = sqlText{SQL: numberMark, OK: true, Param: -1}

const numberMark = "\x00"

// numbered replaces the number marks of t by parameters.
func numbered(t sqlText) sqlText {
	if !t.OK {
		return t
	}
	t.SQL = numberParams(t.SQL)
	if t.opt {
		t.must = numberParams(t.must)
	}
	return t
}

func numberParams(s string) string {
	s = plainItems(s, -1, "") // a loop's item is a parameter too
	if !strings.Contains(s, numberMark) {
		return s
	}
	n := maxPlaceholder(s)
	// Text written with MySQL's and SQLite's `?` gets a `?`: a $n
	// beside them would make them operators (see sqlparse.Normalize).
	question := false
	if n == 0 {
		sqlparse.Bind(s, func(p sqlparse.Placeholder) string {
			question = question || p.Name == "" && !p.Quoted
			return ""
		})
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != numberMark[0] {
			b.WriteByte(s[i])
			continue
		}
		switch {
		case i > 0 && s[i-1] == '$':
			n++
			b.WriteString(strconv.Itoa(n)) // "$" + strconv.Itoa(i)
		case question:
			b.WriteByte('?')
		default:
			n++
			b.WriteString("$" + strconv.Itoa(n))
		}
	}
	return b.String()
}

func isInteger(t types.Type) bool {
	b, ok := types.Unalias(t).(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// item is one element of a list of clauses.
type item struct {
	sqlText
	opt bool // appended on some paths only
}

// join resolves strings.Join(list, sep).
func (r *resolver) join(list, sep ast.Expr, at token.Pos, depth int) sqlText {
	s := r.expr(sep, at, depth+1)
	if !s.OK {
		return unresolved("the separator of strings.Join is not constant")
	}
	items, fail := r.list(list, at, depth+1)
	if fail != nil {
		return *fail
	}
	var all, must []string
	opt := false
	for _, it := range items {
		all = append(all, it.SQL)
		if !it.opt {
			must = append(must, it.mustSQL())
		}
		opt = opt || it.opt || it.sqlText.opt
	}
	out := sqlText{SQL: strings.Join(all, s.SQL), OK: true, Param: -1}
	if opt {
		out.opt, out.must = true, strings.Join(must, s.SQL)
		if len(must) == 0 && len(items) > 0 {
			// No item every execution sends: see fillEmpty.
			open := emptySame
			for _, it := range items[1:] {
				if it.SQL != items[0].SQL {
					open = emptyOpen
				}
			}
			out.must = open + items[0].mustSQL() + emptyClose
		}
	}
	return out
}

// Marks around the first item of a list that every execution may send
// empty, in a text every execution sends; emptySame opens a list whose
// items are all the same text (a list of placeholders built in a loop).
const emptyOpen, emptySame, emptyClose = "\x01", "\x03", "\x02"

// fillEmpty gives the lists that may be empty in a text every execution
// sends (between emptyOpen and emptyClose) a content: nothing (a list
// of joins); where that does not parse, an execution that succeeds has
// an item, so the list's item when all are the same text (`IN (` +
// strings.Join(holders, ", ") + `)`), else TRUE (where a condition or a
// sort key stands: `WHERE ` + strings.Join(where, " AND ")); where
// neither parses, the list's first item — a SET assignment or a column
// name, which compares nothing.
func fillEmpty(s string, how int) string {
	var b strings.Builder
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case emptyOpen[0], emptySame[0]:
			if depth == 0 {
				switch {
				case how == 1 && s[i] == emptyOpen[0]:
					b.WriteString("TRUE")
				case how >= 1:
					j := i + 1 // the first item, its own marks filled alike
					for d := 1; j < len(s); j++ {
						if s[j] == emptyOpen[0] || s[j] == emptySame[0] {
							d++
						} else if s[j] == emptyClose[0] {
							if d--; d == 0 {
								break
							}
						}
					}
					b.WriteString(fillEmpty(s[i+1:j], how))
				}
			}
			depth++
		case emptyClose[0]:
			depth--
		default:
			if depth == 0 {
				b.WriteByte(s[i])
			}
		}
	}
	return b.String()
}

// list resolves a []string expression to its items, or says why not.
func (r *resolver) list(e ast.Expr, at token.Pos, depth int) ([]item, *sqlText) {
	fail := func(t sqlText) ([]item, *sqlText) { return nil, &t }
	if depth > maxDepth {
		return fail(unresolved("too deep"))
	}
	info := r.pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		var items []item
		for _, el := range e.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			t := r.expr(el, at, depth+1)
			if !t.OK {
				return fail(partial(t))
			}
			items = append(items, item{sqlText: t})
		}
		return items, nil
	case *ast.Ident:
		switch obj := info.Uses[e].(type) {
		case *types.Nil:
			return nil, nil
		case *types.Var:
			return r.listVar(obj, at, depth)
		}
	case *ast.CallExpr:
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok {
			if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "make" {
				if len(e.Args) > 1 {
					if tv := info.Types[e.Args[1]]; tv.Value == nil || tv.Value.ExactString() != "0" {
						return fail(unresolved("SQL joins a list made with a length: its items are written by index or copied"))
					}
				}
				return nil, nil // make([]string, 0, n)
			}
		}
		if fn := r.callee(e); fn != nil {
			if fn.Pkg() != nil {
				switch fn.Pkg().Path() + "." + fn.Name() {
				case goZeroBuilder + ".RawFieldNames":
					return r.rawFieldNames(e)
				case goZeroStringx + ".Remove":
					return r.removed(e, at, depth)
				}
			}
			return fail(unresolved("SQL joins the result of a call to %s", fn.Name()))
		}
	case *ast.SelectorExpr:
		if v, ok := info.Uses[e.Sel].(*types.Var); ok && !v.IsField() {
			return r.listVar(v, at, depth) // pkg.Var
		}
		return fail(unresolved("SQL joins field %s", exprName(e)))
	}
	return fail(unresolved("SQL joins a list from %T", e))
}

// listVar resolves the items variable v holds at position at: its last
// unconditional value, then the items appended to it, those appended on
// some paths only marked optional.
func (r *resolver) listVar(v *types.Var, at token.Pos, depth int) ([]item, *sqlText) {
	fail := func(t sqlText) ([]item, *sqlText) { return nil, &t }
	if _, ok := r.params[v]; ok {
		return fail(unresolved("SQL joins parameter %s, whose items the caller chooses", v.Name()))
	}
	if v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
		if init, ok := r.pkgInit[v]; ok && v.Pkg() == r.pass.Pkg {
			return r.list(init, token.NoPos, depth+1)
		}
		return fail(unresolved("SQL joins package variable %s", v.Name()))
	}
	if r.addressed[v] {
		return fail(unresolved("list %s is written through a pointer", v.Name()))
	}
	if r.indexed[v] {
		return fail(unresolved("list %s is written by index", v.Name()))
	}
	writes := r.writes[v]
	base := -1
	for i, w := range writes {
		if at.IsValid() && w.pos >= at {
			break
		}
		if r.appendTo(v, w) != nil {
			continue
		}
		if w.tok == token.DEFINE || w.tok == token.VAR || (w.tok == token.ASSIGN && w.block == r.decl[v]) {
			base = i
		}
	}
	if base < 0 {
		return fail(unresolved("list %s has no visible value", v.Name()))
	}
	var items []item
	switch w := writes[base]; {
	case w.rhs == nil:
		// var where []string
	case w.index >= 0:
		return fail(unresolved("list %s comes from a multi-value assignment", v.Name()))
	default:
		var f *sqlText
		if items, f = r.list(w.rhs, w.pos, depth+1); f != nil {
			return nil, f
		}
	}
	for _, w := range writes[base+1:] {
		if at.IsValid() && w.pos >= at {
			break
		}
		app := r.appendTo(v, w)
		if app == nil {
			return fail(unresolved("list %s holds different items on different paths", v.Name()))
		}
		// Appended in a block of its own (under an if, a case, a
		// loop that may run no time): not every execution has it.
		opt := w.block != r.decl[v] || w.loops > r.declLoops[v]
		if app.Ellipsis.IsValid() {
			more, f := r.list(app.Args[1], w.pos, depth+1)
			if f != nil {
				return nil, f
			}
			for _, it := range more {
				items = append(items, item{it.sqlText, it.opt || opt})
			}
			continue
		}
		for _, a := range app.Args[1:] {
			t := r.expr(a, w.pos, depth+1)
			if !t.OK {
				return fail(partial(t))
			}
			items = append(items, item{t, opt})
		}
	}
	return items, nil
}

// appendTo is the append call of a write v = append(v, ...), or nil.
func (r *resolver) appendTo(v *types.Var, w assignment) *ast.CallExpr {
	info := r.pass.TypesInfo
	call, ok := ast.Unparen(w.rhs).(*ast.CallExpr)
	if !ok || w.index >= 0 || w.tok != token.ASSIGN || len(call.Args) < 2 {
		return nil
	}
	fun, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if b, isB := info.Uses[fun].(*types.Builtin); !ok || !isB || b.Name() != "append" {
		return nil
	}
	if id, ok := ast.Unparen(call.Args[0]).(*ast.Ident); !ok || info.Uses[id] != v {
		return nil
	}
	return call
}

// optionalClauses marks, in copies of the statements of a site's full
// text, the filters that the text every execution sends (must) lacks:
// only some executions filter on them. The ORDER BY and LIMIT are those
// of must. When must does not parse, every filter is optional and there
// is no ORDER BY.
func optionalClauses(stmts []*sqlparse.Statement, must string) []*sqlparse.Statement {
	var base []*sqlparse.Statement
	for how := range 3 {
		b, _, err := sqlparse.ParseTemplate(fillEmpty(must, how))
		if err == nil && len(b) == len(stmts) {
			base = b
			break
		}
		if !strings.ContainsAny(must, emptyOpen+emptySame) {
			break
		}
	}
	out := make([]*sqlparse.Statement, len(stmts))
	for i, st := range stmts {
		c := *st // stmts are shared by the parser's cache
		c.Filters = slices.Clone(st.Filters)
		seen := map[string]int{}
		if base != nil {
			for _, f := range base[i].Filters {
				seen[filterKey(f)]++
			}
			c.OrderBy, c.Limit, c.LimitCount = base[i].OrderBy, base[i].Limit, base[i].LimitCount
		} else {
			c.OrderBy, c.Limit, c.LimitCount = nil, false, 0
		}
		for j := range c.Filters {
			if k := filterKey(c.Filters[j]); seen[k] > 0 {
				seen[k]--
				continue
			}
			c.Filters[j].Optional = true
		}
		out[i] = &c
	}
	return out
}

// filterKey tells filters apart by what they compare, wherever they
// stand in the text and whatever their parameters' numbers.
func filterKey(f sqlparse.Filter) string {
	f.Column.Location, f.Peer.Location, f.Params = 0, 0, nil
	return fmt.Sprintf("%+v", f)
}

// go-zero's helpers that goctl's models build their column lists with:
//
//	userFieldNames          = builder.RawFieldNames(&User{})
//	userRows                = strings.Join(userFieldNames, ",")
//	userRowsExpectAutoSet   = strings.Join(stringx.Remove(userFieldNames, "`id`", "`create_time`"), ",")
const (
	goZeroBuilder = "github.com/zeromicro/go-zero/core/stores/builder"
	goZeroStringx = "github.com/zeromicro/go-zero/core/stringx"
)

// rawFieldNames resolves builder.RawFieldNames(&T{}) (or T{}): a column
// per field of T, named by its db tag (up to a comma) or else the field,
// one tagged "-" left out, quoted with backticks, or bare when the
// second argument is a constant true (PostgreSQL), as go-zero does.
func (r *resolver) rawFieldNames(call *ast.CallExpr) ([]item, *sqlText) {
	fail := func(t sqlText) ([]item, *sqlText) { return nil, &t }
	if len(call.Args) == 0 {
		return fail(unresolved("SQL joins RawFieldNames of nothing"))
	}
	info := r.pass.TypesInfo
	t := info.TypeOf(call.Args[0])
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if t == nil {
		return fail(unresolved("SQL joins RawFieldNames of a value of no known type"))
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return fail(unresolved("SQL joins RawFieldNames of a %s, not a struct", t))
	}
	pg := false
	if len(call.Args) > 1 {
		v := info.Types[call.Args[1]].Value
		if v == nil || v.Kind() != constant.Bool {
			return fail(unresolved("SQL joins RawFieldNames quoted as a flag says"))
		}
		pg = constant.BoolVal(v)
	}
	var items []item
	for i := range st.NumFields() {
		f := st.Field(i)
		name, _, _ := strings.Cut(reflect.StructTag(st.Tag(i)).Get("db"), ",")
		name = strings.TrimSpace(name)
		switch {
		case name == "-":
			continue
		case name == "":
			name = f.Name()
		}
		if !pg {
			name = "`" + name + "`"
		}
		items = append(items, item{sqlText: sqlText{SQL: name, OK: true, Param: -1}})
	}
	return items, nil
}

// removed resolves stringx.Remove(list, a, b...): the list's items less
// those equal to a constant removed.
func (r *resolver) removed(call *ast.CallExpr, at token.Pos, depth int) ([]item, *sqlText) {
	fail := func(t sqlText) ([]item, *sqlText) { return nil, &t }
	if len(call.Args) == 0 || call.Ellipsis.IsValid() {
		return fail(unresolved("SQL joins a list less items spread from another"))
	}
	items, bad := r.list(call.Args[0], at, depth+1)
	if bad != nil {
		return items, bad
	}
	for _, a := range call.Args[1:] {
		t := r.expr(a, at, depth+1)
		if !constantText(t) {
			return fail(unresolved("SQL joins a list less an item not known"))
		}
		items = slices.DeleteFunc(items, func(it item) bool { return it.SQL == t.SQL })
	}
	return items, nil
}
