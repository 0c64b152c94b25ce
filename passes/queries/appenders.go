package queries

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/sqlheat/sqlheat/internal/sqlparse"
)

// paramMark stands, while appender reads a function, for the text of
// the string parameter it tries: what the function returns is then that
// text with the function's own around it.
const paramMark = "\x02"

// appender returns what fn appends to its string parameter when its
// string result (the first; others, the arguments to go with the text,
// may follow) is that parameter with text appended on some paths or
// none — a tenant's scoping condition, a search filter, an ORDER BY of a
// column chosen at run time:
//
//	func Search(sql, condition, query string, params []any) (string, []any) {
//		if query == "" {
//			return sql, params
//		}
//		sql += condition
//		return sql, append(params, query)
//	}
//
// — or nil. A function of another package is one when its Appends fact
// says so. Of this package: every return that does not fail starts with
// the parameter's text, once, whatever follows it (appended with +, +=,
// fmt.Sprintf("%s ...", sql, ...), by another appender; see appends). A
// function that returns another string on some path (a constant, a new
// statement built around the parameter) or something made from the
// text (a hash) is none. Of several string parameters, the one appended
// to must be the only one that qualifies.
func (r *resolver) appender(fn *types.Func) *Appends {
	fn = fn.Origin()
	if a, ok := r.appenders[fn]; ok {
		return a
	}
	r.appenders[fn] = nil
	if fn.Pkg() != r.pass.Pkg {
		var f Appends
		if fn.Pkg() != nil && r.pass.ImportObjectFact(fn, &f) {
			r.appenders[fn] = &f
		}
		return r.appenders[fn]
	}
	decl := r.funcs[fn]
	sig := fn.Type().(*types.Signature)
	if decl == nil || decl.Body == nil || sig.Results().Len() == 0 || !isString(sig.Results().At(0).Type()) {
		return nil
	}
	rets := successReturns(fn, decl.Body)
	if len(rets) == 0 {
		return nil
	}
	var found *Appends
	for i := 0; i < sig.Params().Len(); i++ {
		v := sig.Params().At(i)
		if !isString(v.Type()) || r.addressed[v] {
			continue
		}
		a := r.appends(decl.Body, v, rets)
		if a == nil {
			continue
		}
		if found != nil {
			return nil // two strings that qualify: which one is the SQL is not known
		}
		a.Param = i
		found = a
	}
	r.appenders[fn] = found
	return found
}

// appends reads the returns rets of a function with body, its parameter
// v standing for a text not known (paramMark): whether each starts with
// it, and what follows. What every return appends is kept when it is
// one constant text (numbers formatted into it stay values, as anywhere
// else), and so is the constant text every return appends before what
// varies when that is a whole text an appender was given (testdata's
// listQuery: its base and a join, then a filter and a tenant's scope).
// Text appended on some paths only, or formatted from strings not known
// (a column looked up at run time, "WHERE" or "AND" as the text given
// holds a WHERE already), varies: it is dropped, since the statement,
// its kind and its tables are the text given.
func (r *resolver) appends(body *ast.BlockStmt, v *types.Var, rets []*ast.ReturnStmt) *Appends {
	sym, symBody := r.sym, r.symBody
	r.sym, r.symBody = v, body
	defer func() { r.sym, r.symBody = sym, symBody }()
	var out *Appends
	for _, ret := range rets {
		t := r.expr(ret.Results[0], ret.Pos(), 1)
		text := t.head
		if t.OK {
			text = t.SQL
		}
		rest, ok := strings.CutPrefix(text, paramMark)
		if !ok || strings.Contains(rest, paramMark) {
			return nil
		}
		a := &Appends{Varies: true}
		must, mustOK := strings.CutPrefix(t.mustSQL(), paramMark)
		switch {
		case strings.Contains(rest, itemMark):
		case t.OK && mustOK && len(t.alts) == 0 && t.each == nil && !t.many && t.Block == nil:
			a = &Appends{Suffix: rest, Must: must}
		case !t.OK && t.whole:
			a = &Appends{Suffix: rest, Must: rest, Varies: true}
		}
		switch {
		case out == nil:
			out = a
		case a.Suffix != out.Suffix || a.Must != out.Must:
			out = &Appends{Varies: true} // different text on different paths
		default:
			out.Varies = out.Varies || a.Varies
		}
	}
	return out
}

// appended is the text a call of appender fn gives, t being the text it
// appends to (see Appends).
func (r *resolver) appended(fn *types.Func, a *Appends, t sqlText) sqlText {
	if !t.OK {
		if a.Suffix == "" {
			return t // a parameter of a wrapper; or, in a function appender reads, what varies already
		}
		return partial(t)
	}
	if a.Suffix != "" {
		suffix := sqlText{SQL: a.Suffix, OK: true, Param: -1}
		if a.Must != a.Suffix {
			suffix.opt, suffix.must = true, a.Must
		}
		t = cat(t, suffix)
	}
	if !a.Varies {
		return t
	}
	if strings.Contains(t.SQL, paramMark) {
		// In a function appender reads: what varies is appended to t.
		u := unresolved("SQL comes from a call to %s, which appends to it", fn.Name())
		u.head, u.whole = t.mustSQL(), true
		return u
	}
	// What varies is dropped: what comes before must be a statement
	// then, not a part of one.
	if !wholeStatement(t) {
		return unresolved("SQL comes from a call to %s, which appends text to what is no whole statement", fn.Name())
	}
	return t
}

// wholeStatement reports whether t's text parses (a template's holes
// filled): a statement, not a piece of one ("DELETE FROM ").
func wholeStatement(t sqlText) bool {
	if strings.Contains(t.SQL, itemMark) {
		return true // a loop's item may stand in a name: not known here
	}
	stmts, _, err := sqlparse.ParseTemplate(numberParams(t.SQL))
	return err == nil && len(stmts) > 0
}

// mentionsSym reports whether e reads the parameter appender tries.
func (r *resolver) mentionsSym(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && r.pass.TypesInfo.Uses[id] == r.sym {
			found = true
		}
		return !found
	})
	return found
}
