package queries

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/sqlheat/sqlheat/internal/sqlparse"
)

// SQL kept in data rather than in code: per-dialect query tables
//
//	var queries = map[string]string{"get": "SELECT ..."}      // queries["get"]
//	var pgQueries = Queries{Get: "SELECT ..."}                 // pgQueries.Get
//	var dialects = map[string]Queries{"postgres": {...}, ...}  // dialects[d].Get
//
// and files embedded with //go:embed. An element chosen by a constant key
// or field is that element's SQL. A map indexed by a key known only at run
// time (the driver's name) can run any of its entries: it resolves when
// every entry is the same statement (dialect variants that differ only in
// bind syntax, which have one fingerprint), and is unresolved otherwise,
// since a site is one statement and picking one would misplace findings.
// Data the program changes at run time (m[k] = v) is not followed.

// data resolves an index or field selection of package-level data; ok is
// false when e is not one.
func (r *resolver) data(e ast.Expr, at token.Pos, depth int) (sqlText, bool) {
	switch e.(type) {
	case *ast.IndexExpr, *ast.SelectorExpr:
	default:
		return sqlText{}, false
	}
	vals, why, ok := r.elements(e, depth)
	if !ok {
		return sqlText{}, false
	}
	if why != "" {
		return unresolved("%s", why), true
	}
	if len(vals) == 0 {
		return sqlText{}, false // a struct literal without the field: its zero value, or set elsewhere
	}
	ts := make([]sqlText, len(vals))
	wheres := make([]string, len(vals))
	for i, v := range vals {
		ts[i] = r.expr(v, at, depth+1)
		p := r.pass.Fset.Position(v.Pos())
		wheres[i] = filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line)
	}
	what := exprName(e)
	if ix, ok := e.(*ast.IndexExpr); ok && len(vals) > 1 {
		what = fmt.Sprintf("%s, indexed by non-constant %s,", exprName(ix.X), exprName(ix.Index))
	}
	return settle(what, ts, wheres), true
}

// elements returns the expressions an index or field selection of data
// may evaluate to; why says why data cannot be resolved (a key it does not
// have, a map changed at run time); ok is false when e selects no data
// this package can see.
func (r *resolver) elements(e ast.Expr, depth int) (vals []ast.Expr, why string, ok bool) {
	if depth > maxDepth {
		return nil, "", false
	}
	info := r.pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.IndexExpr:
		lits, why, ok := r.lits(e.X, depth+1)
		if !ok || why != "" {
			return nil, why, ok
		}
		key := info.Types[e.Index].Value
		for _, lit := range lits {
			vals = append(vals, r.entries(lit, key)...)
		}
		if key != nil && len(vals) == 0 {
			return nil, fmt.Sprintf("%s has no entry %s", exprName(e.X), key.ExactString()), true
		}
		return vals, "", true
	case *ast.SelectorExpr:
		f, _ := info.Uses[e.Sel].(*types.Var)
		if f == nil || !f.IsField() {
			return nil, "", false
		}
		lits, why, ok := r.lits(e.X, depth+1)
		if !ok || why != "" {
			return nil, why, ok
		}
		for _, lit := range lits {
			if v := fieldValue(info, lit, f); v != nil {
				vals = append(vals, v)
			}
		}
		return vals, "", true
	}
	return nil, "", false
}

// lits returns the composite literals e may evaluate to: a literal, a
// package-level variable initialized with one and never reassigned, a
// local variable assigned only such data, or an element of such data.
func (r *resolver) lits(e ast.Expr, depth int) (out []*ast.CompositeLit, why string, ok bool) {
	if depth > maxDepth {
		return nil, "", false
	}
	info := r.pass.TypesInfo
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		return []*ast.CompositeLit{e}, "", true
	case *ast.SelectorExpr:
		if v, ok := info.Uses[e.Sel].(*types.Var); ok && !v.IsField() {
			return r.varLits(v, depth)
		}
		return r.elementLits(e, depth)
	case *ast.IndexExpr:
		return r.elementLits(e, depth)
	case *ast.Ident:
		if v, ok := info.Uses[e].(*types.Var); ok {
			return r.varLits(v, depth)
		}
	}
	return nil, "", false
}

// elementLits is lits for an element of data: the literals its values are.
func (r *resolver) elementLits(e ast.Expr, depth int) (out []*ast.CompositeLit, why string, ok bool) {
	vals, why, ok := r.elements(e, depth+1)
	if !ok || why != "" {
		return nil, why, ok
	}
	for _, v := range vals {
		ls, why, ok := r.lits(v, depth+1)
		if !ok || why != "" {
			return nil, why, ok
		}
		out = append(out, ls...)
	}
	return out, "", true
}

// varLits is lits for a variable.
func (r *resolver) varLits(v *types.Var, depth int) ([]*ast.CompositeLit, string, bool) {
	if v.Pkg() != r.pass.Pkg {
		return nil, "", false // another package's data: its SQLText facts
	}
	if v.Parent() == v.Pkg().Scope() {
		if pos, ok := r.modified[v]; ok {
			p := r.pass.Fset.Position(pos)
			return nil, fmt.Sprintf("%s is changed at run time (%s:%d)", v.Name(), filepath.Base(p.Filename), p.Line), true
		}
		init, ok := r.pkgInit[v]
		if !ok {
			return nil, "", false
		}
		return r.lits(init, depth+1)
	}
	var out []*ast.CompositeLit
	for _, w := range r.writes[v] {
		if w.rhs == nil || w.index >= 0 {
			return nil, "", false
		}
		ls, why, ok := r.lits(w.rhs, depth+1)
		if !ok || why != "" {
			return nil, why, ok
		}
		out = append(out, ls...)
	}
	return out, "", len(out) > 0
}

// entries returns the values of a map, slice or array literal under a
// constant key, or all of them when key is nil.
func (r *resolver) entries(lit *ast.CompositeLit, key constant.Value) []ast.Expr {
	info := r.pass.TypesInfo
	var out []ast.Expr
	_, isMap := under(info.TypeOf(lit)).(*types.Map)
	idx := int64(0)
	for _, el := range lit.Elts {
		val, k := el, constant.Value(nil)
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			val = kv.Value
			k = info.Types[kv.Key].Value
			if !isMap && k != nil {
				idx, _ = constant.Int64Val(constant.ToInt(k))
			}
		}
		if !isMap {
			k = constant.MakeInt64(idx)
			idx++
		}
		if key == nil || k != nil && k.Kind() == key.Kind() && constant.Compare(k, token.EQL, key) {
			out = append(out, val)
		}
	}
	return out
}

// fieldValue is the value a struct literal gives field f, nil when none.
func fieldValue(info *types.Info, lit *ast.CompositeLit, f *types.Var) ast.Expr {
	st, ok := under(info.TypeOf(lit)).(*types.Struct)
	if !ok {
		return nil
	}
	for i, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && info.Uses[id] == f {
				return kv.Value
			}
			continue
		}
		if i < st.NumFields() && st.Field(i) == f {
			return el
		}
	}
	return nil
}

// replace evaluates strings.Replace(s, old, new, n) and ReplaceAll. A
// replacement known only at run time leaves the text as it is when what
// it replaces is a template's hole (%query%, {{.Where}}), which the parser
// fills with a neutral expression (see sqlparse.ParseTemplate), or a
// placeholder list widened to one placeholder per value ("($1)"): the
// statement is the same either way.
func (r *resolver) replace(call *ast.CallExpr, at token.Pos, depth int) sqlText {
	if len(call.Args) < 3 {
		return unresolved("missing argument")
	}
	s := r.expr(call.Args[0], at, depth+1)
	if !s.OK {
		return partial(s)
	}
	old := r.expr(call.Args[1], at, depth+1)
	if !old.OK {
		return unresolved("replaced text is not constant")
	}
	repl := r.expr(call.Args[2], at, depth+1)
	if strings.Contains(s.SQL, paramMark) {
		// A parameter appender tries, its text not known: replacing
		// placeholders keeps the statement; a hole filled at run time
		// stays the template, as in a constant (below). Anything else
		// may change what the text is.
		if sqlparse.IsPlaceholderList(old.SQL) || !repl.OK && sqlparse.IsHole(old.SQL) {
			return s
		}
		return unresolved("text replaced in a parameter")
	}
	if !repl.OK {
		if (sqlparse.IsHole(old.SQL) || sqlparse.IsPlaceholderList(old.SQL)) && strings.Contains(s.SQL, old.SQL) {
			return s // the template, hole and all
		}
		return partial(repl)
	}
	n := -1
	if len(call.Args) == 4 {
		v := r.pass.TypesInfo.Types[call.Args[3]].Value
		if v == nil {
			return unresolved("replacement count is not constant")
		}
		c, _ := constant.Int64Val(v)
		n = int(c)
	}
	out := sqlText{SQL: strings.Replace(s.SQL, old.SQL, repl.SQL, n), OK: true, Param: -1}
	if s.opt || repl.opt {
		out.opt, out.must = true, strings.Replace(s.mustSQL(), old.SQL, repl.mustSQL(), n)
	}
	return out
}

// embed is a package-level variable filled by //go:embed.
type embed struct {
	dir      string // the directory of the file declaring it
	patterns []string
}

// embedded records the //go:embed patterns of a variable declaration.
func (r *resolver) embedded(f *ast.File, d *ast.GenDecl, vs *ast.ValueSpec) {
	if len(vs.Names) != 1 || len(vs.Values) != 0 {
		return
	}
	doc := vs.Doc
	if doc == nil && !d.Lparen.IsValid() {
		doc = d.Doc
	}
	if doc == nil {
		return
	}
	var patterns []string
	for _, c := range doc.List {
		rest, ok := strings.CutPrefix(c.Text, "//go:embed ")
		if !ok {
			continue
		}
		for _, p := range strings.Fields(rest) {
			if uq, err := strconv.Unquote(p); err == nil {
				p = uq
			}
			patterns = append(patterns, strings.TrimPrefix(p, "all:"))
		}
	}
	v, _ := r.pass.TypesInfo.Defs[vs.Names[0]].(*types.Var)
	if v == nil || len(patterns) == 0 {
		return
	}
	r.embeds[v] = embed{dir: filepath.Dir(r.pass.Fset.File(f.Pos()).Name()), patterns: patterns}
}

// maxEmbed bounds an embedded file read as SQL.
const maxEmbed = 1 << 20

// embedFile reads the file an embed variable holds: the one file of a
// string or []byte variable (name ""), or name in an embed.FS.
func (r *resolver) embedFile(v *types.Var, name string) sqlText {
	e := r.embeds[v]
	if name == "" {
		var files []string
		for _, p := range e.patterns {
			m, _ := filepath.Glob(filepath.Join(e.dir, filepath.FromSlash(p)))
			files = append(files, m...)
		}
		if len(files) != 1 {
			return unresolved("//go:embed of %s matches %d files", v.Name(), len(files))
		}
		return readEmbed(files[0])
	}
	name = path.Clean(name)
	for _, p := range e.patterns {
		if ok, _ := path.Match(p, name); ok || strings.HasPrefix(name, strings.TrimSuffix(p, "/")+"/") {
			return readEmbed(filepath.Join(e.dir, filepath.FromSlash(name)))
		}
	}
	return unresolved("%s is not embedded in %s", name, v.Name())
}

func readEmbed(file string) sqlText {
	data, err := os.ReadFile(file)
	switch {
	case err != nil:
		// The error without the machine's path: whys are part of reports.
		return unresolved("embedded file %s cannot be read", filepath.Base(file))
	case len(data) > maxEmbed:
		return unresolved("embedded file %s is larger than %d bytes", filepath.Base(file), maxEmbed)
	}
	return sqlText{SQL: string(data), OK: true, Param: -1}
}

// embedRead resolves fsys.ReadFile(name) and fs.ReadFile(fsys, name) for
// an embed.FS variable and a constant name.
func (r *resolver) embedRead(fsys, name ast.Expr, at token.Pos, depth int) sqlText {
	var v *types.Var
	switch x := ast.Unparen(fsys).(type) {
	case *ast.Ident:
		v, _ = r.pass.TypesInfo.Uses[x].(*types.Var)
	case *ast.SelectorExpr:
		v, _ = r.pass.TypesInfo.Uses[x.Sel].(*types.Var)
	}
	if _, ok := r.embeds[v]; v == nil || !ok {
		return unresolved("SQL is read from %s, not an embedded file system of this package", exprName(fsys))
	}
	n := r.expr(name, at, depth+1)
	if !n.OK {
		return unresolved("embedded file name is not constant")
	}
	if strings.Contains(n.SQL, numberMark) {
		return r.embedMatch(v, n.SQL) // fmt.Sprintf("%04d_%s.up.sql", v, name)
	}
	return r.embedFile(v, n.SQL)
}

// embedMatch resolves the read of an embedded file whose name is known
// only in part (built with fmt.Sprintf from values known at run time):
// any embedded file the name's pattern matches may be the one read. One
// file, or files that are one statement (a query per dialect, in their
// bind syntax), give that statement; files with different statements (a
// migration runner's up and down files) leave it unresolved, with the
// files named: unlike one statement or another chosen in code (see
// oneOf), they are scripts, whose DDL taken together would apply a down
// migration's DROPs to the schema.
func (r *resolver) embedMatch(v *types.Var, pattern string) sqlText {
	e := r.embeds[v]
	var names []string
	seen := map[string]bool{}
	for _, p := range e.patterns {
		ms, _ := filepath.Glob(filepath.Join(e.dir, filepath.FromSlash(p)))
		for _, m := range ms {
			filepath.WalkDir(m, func(file string, d fs.DirEntry, err error) error {
				if err != nil {
					return nil
				}
				if d.IsDir() {
					if file != m && (strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_")) {
						return filepath.SkipDir // as //go:embed leaves them out
					}
					return nil
				}
				rel, err := filepath.Rel(e.dir, file)
				if err == nil && !seen[rel] && holeMatch(pattern, filepath.ToSlash(rel)) {
					seen[rel] = true
					names = append(names, filepath.ToSlash(rel))
				}
				return nil
			})
		}
	}
	slices.Sort(names)
	if len(names) == 0 {
		return unresolved("no file embedded in %s matches %s", v.Name(), shownPattern(pattern))
	}
	ts := make([]sqlText, len(names))
	keys := map[string]bool{}
	for i, n := range names {
		ts[i] = readEmbed(filepath.Join(e.dir, filepath.FromSlash(n)))
		keys[statementKey(ts[i].SQL)] = true
		names[i] = path.Base(n)
	}
	if len(keys) > 1 {
		return unresolved("SQL is one of %d embedded files matching %s (%s)", len(names), shownPattern(pattern), strings.Join(names, ", "))
	}
	return settle("embedded file "+shownPattern(pattern), ts, names)
}

// holeMatch reports whether name matches pattern, whose number marks
// (the parts of a name known only at run time) each stand for one or
// more characters other than a slash.
func holeMatch(pattern, name string) bool {
	before, after, hole := strings.Cut(pattern, numberMark)
	if !hole {
		return pattern == name
	}
	rest, ok := strings.CutPrefix(name, before)
	if !ok {
		return false
	}
	for i := 1; i <= len(rest) && rest[i-1] != '/'; i++ {
		if holeMatch(after, rest[i:]) {
			return true
		}
	}
	return false
}

// shownPattern is a name known only in part, for a message: each part
// known only at run time is an ellipsis (…_….sql).
func shownPattern(s string) string {
	return strings.ReplaceAll(s, numberMark, "…")
}

// rangeElem resolves the value variable of a range over data: every
// element, as eval resolves it, must be one statement (a loop over a list
// of different statements runs a list, not a query); the key of a map
// ranged over is its key.
func (r *resolver) rangeElem(v *types.Var, rs *ast.RangeStmt, depth int, eval func(ast.Expr) sqlText) sqlText {
	name := exprName(rs.X)
	if _, ok := ast.Unparen(rs.X).(*ast.CompositeLit); ok {
		name = "a literal list"
	}
	what := "SQL is each element of " + name
	if id, ok := rs.Value.(*ast.Ident); !ok || r.pass.TypesInfo.Defs[id] != v {
		return unresolved("SQL is each key of %s", name)
	}
	lits, why, ok := r.lits(rs.X, depth+1)
	if !ok || why != "" {
		if why == "" {
			why = what
		}
		t := unresolved("%s", why)
		t.each = rs
		return t
	}
	var ts []sqlText
	var wheres []string
	for _, lit := range lits {
		for _, val := range r.entries(lit, nil) {
			ts = append(ts, eval(val))
			p := r.pass.Fset.Position(val.Pos())
			wheres = append(wheres, filepath.Base(p.Filename)+":"+strconv.Itoa(p.Line))
		}
	}
	t := settle("ranged-over "+name, ts, wheres)
	if !t.OK {
		t.each = rs
	}
	return t
}

// under is t's underlying type; nil for an expression the type checker
// recorded no type for.
func under(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return t.Underlying()
}
