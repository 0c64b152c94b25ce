package queries

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
	"unicode"
)

// A wrapper often tidies the SQL it is given before sending it, for a log
// line or a cache key:
//
//	var formatter = strings.NewReplacer("\t", "", "\n", " ")
//
//	func (trx *Trx) Execute(command string, args ...any) (int64, error) {
//		if log.IsEnabled(log.DEBUG) {
//			command = formatter.Replace(command)
//		}
//		return trx.tx.ExecContext(trx.ctx, command, args...)
//	}
//
// The parameter is reassigned, but only its layout changes: the statement
// is the caller's, and the function is a wrapper whose callers are the
// query sites. Left unresolved, every call of such a wrapper was one
// unresolved site inside it, with no SQL (a forum service's whole store).
// What keeps the statement, read here, is a transform that only changes
// whitespace: a strings.Replacer whose pairs all turn whitespace into
// whitespace or nothing, trimming whitespace (strings.TrimSpace,
// strings.Trim with a cutset of whitespace, TrimFunc with
// unicode.IsSpace), and strings.Join(strings.Fields(s), " "). A replacer
// that changes anything else, a trim of other characters, or a join with
// another separator may change the statement: the parameter is then
// reassigned to something else, and the wrapper stays unresolved.

// reformats resolves a call of a whitespace-only transform to the text it
// transforms (see above); ok is false when call is not one.
func (r *resolver) reformats(fn *types.Func, call *ast.CallExpr) (ast.Expr, bool) {
	info := r.pass.TypesInfo
	switch fn.FullName() {
	case "(*strings.Replacer).Replace":
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if ok && len(call.Args) == 1 && r.spaceReplacer(sel.X, 0) {
			return call.Args[0], true
		}
	case "strings.Trim", "strings.TrimLeft", "strings.TrimRight":
		if len(call.Args) == 2 {
			if cut, ok := constString(info, call.Args[1]); ok && allSpace(cut) {
				return call.Args[0], true
			}
		}
	case "strings.TrimFunc", "strings.TrimLeftFunc", "strings.TrimRightFunc":
		if len(call.Args) == 2 {
			if sel, ok := ast.Unparen(call.Args[1]).(*ast.SelectorExpr); ok {
				if f, ok := info.Uses[sel.Sel].(*types.Func); ok && f.FullName() == "unicode.IsSpace" {
					return call.Args[0], true
				}
			}
		}
	case "strings.Join":
		// strings.Join(strings.Fields(s), " "): the words of s, one
		// whitespace between each.
		if len(call.Args) != 2 {
			break
		}
		sep, ok := constString(info, call.Args[1])
		inner, isCall := ast.Unparen(call.Args[0]).(*ast.CallExpr)
		if !ok || !isCall || sep == "" || !allSpace(sep) || len(inner.Args) != 1 {
			break
		}
		if g := r.callee(inner); g != nil && g.FullName() == "strings.Fields" {
			return inner.Args[0], true
		}
	}
	return nil, false
}

// maxReplacer bounds the variables spaceReplacer follows.
const maxReplacer = 4

// spaceReplacer reports whether e is a strings.Replacer that only turns
// whitespace into whitespace or nothing: made by strings.NewReplacer with
// constant pairs, in place or in a variable assigned it once (a package's
// never reassigned, a local's defined once).
func (r *resolver) spaceReplacer(e ast.Expr, depth int) bool {
	if depth > maxReplacer {
		return false
	}
	info := r.pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := r.callee(e)
		if fn == nil || fn.FullName() != "strings.NewReplacer" || e.Ellipsis.IsValid() || len(e.Args)%2 != 0 || len(e.Args) == 0 {
			return false
		}
		for i, a := range e.Args {
			s, ok := constString(info, a)
			if !ok || !allSpace(s) || i%2 == 0 && s == "" {
				return false // a pair that changes more than whitespace
			}
		}
		return true
	case *ast.Ident:
		v := identVar(info, e)
		if v == nil || v.Pkg() != r.pass.Pkg {
			return false
		}
		if v.Parent() == v.Pkg().Scope() {
			init, ok := r.pkgInit[v] // never reassigned
			return ok && r.spaceReplacer(init, depth+1)
		}
		ws := r.writes[v]
		if r.addressed[v] || len(ws) != 1 || ws[0].index >= 0 || ws[0].rhs == nil || ws[0].tok != token.DEFINE && ws[0].tok != token.VAR {
			return false
		}
		return r.spaceReplacer(ws[0].rhs, depth+1)
	}
	return false
}

// constString is the value of a constant string expression.
func constString(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// allSpace reports whether s is whitespace only (true for "").
func allSpace(s string) bool {
	return strings.IndexFunc(s, func(c rune) bool { return !unicode.IsSpace(c) }) < 0
}
