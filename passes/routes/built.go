package routes

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// A route helper may build the pattern it registers in a local variable,
// from several of its string parameters, before the router call:
//
//	func (a *App) HandlerFunc(method, group, path string, h HandlerFunc, mw ...MidFunc) {
//		h = wrapMiddleware(mw, h)
//		finalPath := path
//		if group != "" {
//			finalPath = "/" + group + path
//		}
//		finalPath = fmt.Sprintf("%s %s", method, finalPath)
//		a.mux.HandleFunc(finalPath, func(w http.ResponseWriter, r *http.Request) { ... h(ctx, r) ... })
//	}
//
// The variable's value at the call is read from the statements of the
// helper's body before it, in order: assignments of constants, string
// parameters, + and fmt.Sprintf with %s or %v verbs only (the same
// concatenation written another way), and an `if p != ""` (or == "")
// with no else whose body assigns the variable once, which makes two
// values, one for each side of the test. Any other write of the variable
// (in a loop, a switch, a closure, through a call) leaves the pattern
// unread. The values must then have one of the shapes a helper's call can
// fill in: method+" "+pattern, the method a parameter; the pattern
// parameter between constant texts; and at most one more string
// parameter (the group) with its own texts before the pattern, joined
// always, or only when the parameter is set. So
// HandlerFunc(http.MethodGet, "v1", "/users", api.query) registers
// "GET /v1/users", and with the group "", "GET /users".
//
// The middlewares a helper takes in a parameter of its own handler type's
// middleware shape, func(H) H or a slice of them, and applies to the
// handler before registering it (h = wrapMiddleware(mw, h)), are the
// call's middlewares for the route, as those of a chain(h, mws...) are.

// patPart is constant text, or a string parameter of the helper (param
// >= 0).
type patPart struct {
	text  string
	param int
}

// patAlt is one value a built pattern may have: its parts, when the
// guard parameter is set (non-empty) or not; guard -1: always.
type patAlt struct {
	parts []patPart
	guard int
	set   bool
}

// maxPatAlts bounds the values a built pattern is followed with.
const maxPatAlts = 4

// maxPatDepth bounds the variables a built pattern is followed through.
const maxPatDepth = 4

// builtPat is the shape of a pattern a helper builds (see above).
type builtPat struct {
	method   int // the method's parameter, -1 when none
	prefix   string
	group    int // the group's parameter, -1 when none
	groupPre string
	groupSuf string
	groupIf  bool // the group and its texts are left out when it is ""
	pattern  int
	suffix   string
}

// builtPattern reads the pattern argument e of a router call in d's body
// as one d builds from its parameters (see above).
func (a *analyzer) builtPattern(d *ast.FuncDecl, e ast.Expr) (builtPat, bool) {
	alts, ok := a.patAlts(d, e, nil, 0)
	if !ok || len(alts) == 0 {
		return builtPat{}, false
	}
	b := builtPat{method: -1, group: -1}
	// The method: a parameter first, then a space.
	for i, alt := range alts {
		parts := mergeParts(alt.parts)
		m := -1
		if len(parts) >= 2 && parts[0].param >= 0 && parts[1].param < 0 && strings.HasPrefix(parts[1].text, " ") {
			m = parts[0].param
			parts[1].text = parts[1].text[1:]
			parts = mergeParts(parts[1:])
		}
		if i > 0 && m != b.method {
			return builtPat{}, false
		}
		b.method = m
		alts[i].parts = parts
	}
	texts := func(parts []patPart) ([]string, []int) {
		ts, ps := []string{""}, []int(nil)
		for _, p := range parts {
			if p.param >= 0 {
				ps = append(ps, p.param)
				ts = append(ts, "")
			} else {
				ts[len(ts)-1] += p.text
			}
		}
		return ts, ps
	}
	switch len(alts) {
	case 1:
		if alts[0].guard >= 0 {
			return builtPat{}, false
		}
		ts, ps := texts(alts[0].parts)
		switch len(ps) {
		case 1:
			b.prefix, b.pattern, b.suffix = ts[0], ps[0], ts[1]
		case 2:
			b.prefix, b.group, b.groupSuf, b.pattern, b.suffix = ts[0], ps[0], ts[1], ps[1], ts[2]
		default:
			return builtPat{}, false
		}
	case 2:
		unset, set := alts[0], alts[1]
		if unset.set {
			unset, set = set, unset
		}
		if unset.guard < 0 || unset.guard != set.guard || unset.set || !set.set {
			return builtPat{}, false
		}
		ut, up := texts(unset.parts)
		st, sp := texts(set.parts)
		if len(up) != 1 || len(sp) != 2 || sp[0] != set.guard || sp[1] != up[0] || st[2] != ut[1] || !strings.HasPrefix(st[0], ut[0]) {
			return builtPat{}, false
		}
		b.prefix, b.groupPre, b.group, b.groupSuf, b.groupIf = ut[0], st[0][len(ut[0]):], sp[0], st[1], true
		b.pattern, b.suffix = up[0], ut[1]
	default:
		return builtPat{}, false
	}
	if b.pattern == b.method || b.pattern == b.group || b.group >= 0 && b.group == b.method {
		return builtPat{}, false
	}
	return b, true
}

// mergeParts joins adjacent texts and drops empty ones.
func mergeParts(parts []patPart) []patPart {
	var out []patPart
	for _, p := range parts {
		switch {
		case p.param < 0 && p.text == "":
		case p.param < 0 && len(out) > 0 && out[len(out)-1].param < 0:
			out[len(out)-1].text += p.text
		default:
			out = append(out, p)
		}
	}
	return out
}

// patAlts are the values e, in d's body, may have as parts; env gives a
// variable's value where the statement being read assigns it.
func (a *analyzer) patAlts(d *ast.FuncDecl, e ast.Expr, env map[*types.Var][]patAlt, depth int) ([]patAlt, bool) {
	if depth > maxPatDepth {
		return nil, false
	}
	text := func(s string) []patAlt { return []patAlt{{parts: []patPart{{text: s, param: -1}}, guard: -1}} }
	e = ast.Unparen(e)
	if s, ok := a.constOf(e); ok {
		return text(s), true
	}
	if !isString(a.pass.TypesInfo.TypeOf(e)) {
		return nil, false
	}
	switch x := e.(type) {
	case *ast.Ident:
		if i, ok := a.paramIndex(d, x); ok {
			return []patAlt{{parts: []patPart{{param: i}}, guard: -1}}, true
		}
		v, ok := a.pass.TypesInfo.Uses[x].(*types.Var)
		if !ok || v.IsField() || a.isParam(v) || v.Pos() < d.Pos() || v.Pos() >= d.End() {
			return nil, false
		}
		if alts, ok := env[v]; ok {
			return alts, true
		}
		return a.localPattern(d, v, x.Pos(), depth+1)
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return nil, false
		}
		l, ok := a.patAlts(d, x.X, env, depth)
		if !ok {
			return nil, false
		}
		r, ok := a.patAlts(d, x.Y, env, depth)
		if !ok {
			return nil, false
		}
		return concatAlts(l, r)
	case *ast.CallExpr:
		fn := a.callee(x)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "fmt" || fn.Name() != "Sprintf" || x.Ellipsis.IsValid() || len(x.Args) == 0 {
			return nil, false
		}
		format, ok := a.constOf(x.Args[0])
		if !ok {
			return nil, false
		}
		texts, ok := stringVerbs(format)
		if !ok || len(texts) != len(x.Args) {
			return nil, false
		}
		out := text(texts[0])
		for i, arg := range x.Args[1:] {
			if !isString(a.pass.TypesInfo.TypeOf(arg)) {
				return nil, false // %v of a number: not text the pattern's parts say
			}
			v, ok := a.patAlts(d, arg, env, depth)
			if !ok {
				return nil, false
			}
			if out, ok = concatAlts(out, v); !ok {
				return nil, false
			}
			if out, ok = concatAlts(out, text(texts[i+1])); !ok {
				return nil, false
			}
		}
		return out, true
	}
	return nil, false
}

// stringVerbs splits a format whose verbs are all %s or %v (%% aside)
// into the texts around them: one more than its verbs.
func stringVerbs(format string) ([]string, bool) {
	out := []string{""}
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			out[len(out)-1] += string(c)
			continue
		}
		if i+1 >= len(format) {
			return nil, false
		}
		i++
		switch format[i] {
		case '%':
			out[len(out)-1] += "%"
		case 's', 'v':
			out = append(out, "")
		default:
			return nil, false
		}
	}
	return out, true
}

// concatAlts is every value of l followed by every value of r that can
// hold with it.
func concatAlts(l, r []patAlt) ([]patAlt, bool) {
	var out []patAlt
	for _, x := range l {
		for _, y := range r {
			alt := patAlt{parts: append(append([]patPart(nil), x.parts...), y.parts...), guard: x.guard, set: x.set}
			switch {
			case y.guard < 0:
			case x.guard < 0:
				alt.guard, alt.set = y.guard, y.set
			case x.guard != y.guard:
				return nil, false // two parameters tested: not followed
			case x.set != y.set:
				continue // cannot hold together
			}
			out = append(out, alt)
		}
	}
	return out, len(out) <= maxPatAlts
}

// guarded is alts when parameter g is set (or not), those that cannot
// hold then left out; false when they test another parameter.
func guarded(alts []patAlt, g int, set bool) ([]patAlt, bool) {
	var out []patAlt
	for _, alt := range alts {
		switch {
		case alt.guard < 0:
			alt.guard, alt.set = g, set
		case alt.guard != g:
			return nil, false
		case alt.set != set:
			continue
		}
		out = append(out, alt)
	}
	return out, true
}

// localPattern is the value the local variable v of d holds at pos: read
// from the statements of d's body before the one holding pos (see above).
func (a *analyzer) localPattern(d *ast.FuncDecl, v *types.Var, pos token.Pos, depth int) ([]patAlt, bool) {
	writes := func(n ast.Node) bool {
		for _, w := range a.writes[v] {
			if w.Pos() >= n.Pos() && w.End() <= n.End() {
				return true
			}
		}
		// v += x records x; v = x too: an assignment whose left side is v.
		found := false
		ast.Inspect(n, func(x ast.Node) bool {
			if as, ok := x.(*ast.AssignStmt); ok {
				for _, lhs := range as.Lhs {
					if a.lhsVar(lhs) == v {
						found = true
					}
				}
			}
			return !found
		})
		return found
	}
	// assigned is v's value after as, a statement assigning it alone,
	// given its value before.
	assigned := func(as *ast.AssignStmt, before []patAlt) ([]patAlt, bool) {
		if len(as.Lhs) != 1 || len(as.Rhs) != 1 || a.lhsVar(as.Lhs[0]) != v {
			return nil, false
		}
		env := map[*types.Var][]patAlt{}
		if before != nil {
			env[v] = before
		}
		switch as.Tok {
		case token.DEFINE, token.ASSIGN:
			return a.patAlts(d, as.Rhs[0], env, depth)
		case token.ADD_ASSIGN:
			r, ok := a.patAlts(d, as.Rhs[0], env, depth)
			if !ok || before == nil {
				return nil, false
			}
			return concatAlts(before, r)
		}
		return nil, false
	}
	var val []patAlt // nil: not assigned yet
	for _, st := range d.Body.List {
		if st.Pos() <= pos && pos < st.End() {
			if _, isAssign := st.(*ast.AssignStmt); !isAssign && writes(st) {
				return nil, false // written around the use
			}
			return val, val != nil
		}
		if !writes(st) {
			continue
		}
		var ok bool
		switch st := st.(type) {
		case *ast.AssignStmt:
			if val, ok = assigned(st, val); !ok {
				return nil, false
			}
		case *ast.DeclStmt:
			gd, isGen := st.Decl.(*ast.GenDecl)
			if !isGen || len(gd.Specs) != 1 {
				return nil, false
			}
			vs, isValue := gd.Specs[0].(*ast.ValueSpec)
			if !isValue || len(vs.Names) != 1 || len(vs.Values) > 1 {
				return nil, false
			}
			if len(vs.Values) == 0 {
				val = []patAlt{{guard: -1}} // var p string: ""
				continue
			}
			if val, ok = a.patAlts(d, vs.Values[0], nil, depth); !ok {
				return nil, false
			}
		case *ast.IfStmt:
			g, set, isTest := a.emptyTest(d, st.Cond)
			if !isTest || st.Init != nil || st.Else != nil || val == nil {
				return nil, false
			}
			var then []patAlt
			for _, s := range st.Body.List {
				if !writes(s) {
					continue
				}
				as, isAssign := s.(*ast.AssignStmt)
				if !isAssign || then != nil {
					return nil, false // assigned twice, or not by an assignment
				}
				if then, ok = assigned(as, val); !ok {
					return nil, false
				}
			}
			if then, ok = guarded(then, g, set); !ok {
				return nil, false
			}
			other, ok := guarded(val, g, !set)
			if !ok {
				return nil, false
			}
			val = append(other, then...)
			if len(val) > maxPatAlts {
				return nil, false
			}
		default:
			return nil, false
		}
	}
	return nil, false
}

// emptyTest reads cond as p != "" (set true) or p == "" (set false), p a
// string parameter of d.
func (a *analyzer) emptyTest(d *ast.FuncDecl, cond ast.Expr) (param int, set, ok bool) {
	b, isBin := ast.Unparen(cond).(*ast.BinaryExpr)
	if !isBin || b.Op != token.NEQ && b.Op != token.EQL {
		return 0, false, false
	}
	x, y := b.X, b.Y
	if s, isConst := a.constOf(x); isConst && s == "" {
		x, y = y, x
	}
	if s, isConst := a.constOf(y); !isConst || s != "" {
		return 0, false, false
	}
	i, isParam := a.paramIndex(d, x)
	if !isParam || !isString(a.pass.TypesInfo.TypeOf(x)) {
		return 0, false, false
	}
	// if p != "" { v = ... }: the body runs when p is set.
	return i, b.Op == token.NEQ, true
}

// groupText is what a helper's call puts for its group g (see above).
func groupText(h *helper, g string) string {
	if g == "" && h.groupIf {
		return ""
	}
	return h.groupPre + g + h.groupSuf
}

// wrapMwParam finds the parameter of d holding middlewares that d
// applies to its handler parameter hp before registering it
// (h = wrapMiddleware(mw, h)): a call in d's body (not in its closures)
// given the handler, or a variable of d holding it, and a parameter of
// d whose type, or its elements', is a function from the handler's type
// to itself (or a middleware of the table). One such parameter only.
func (a *analyzer) wrapMwParam(d *ast.FuncDecl, hp int) (int, bool) {
	index, n := 0, 0
	ast.Inspect(d.Body, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			var ht types.Type
			for _, arg := range x.Args {
				i, ok := a.paramIndex(d, arg)
				if !ok {
					i, ok = a.wrapped(d, arg)
				}
				if ok && i == hp {
					ht = a.pass.TypesInfo.TypeOf(arg)
				}
			}
			if ht == nil {
				return true
			}
			for _, arg := range x.Args {
				i, ok := a.paramIndex(d, arg)
				if !ok || i == hp || !wrapsType(a.pass.TypesInfo.TypeOf(arg), ht) {
					continue
				}
				if n == 0 || i != index {
					n++
				}
				index = i
			}
		}
		return true
	})
	return index, n == 1
}

// wrapsType reports whether t, or the elements of a slice t, are
// functions from h to h.
func wrapsType(t, h types.Type) bool {
	if s, ok := t.(*types.Slice); ok {
		t = s.Elem()
	}
	sig, ok := t.Underlying().(*types.Signature)
	// A variable declared with a closure has its signature, not the
	// handler type named: the two are the same function type.
	same := func(x types.Type) bool { return types.Identical(x.Underlying(), h.Underlying()) }
	return ok && sig.Params().Len() == 1 && sig.Results().Len() == 1 && same(sig.Params().At(0).Type()) && same(sig.Results().At(0).Type())
}

// passGroup puts what the call in d's body registers (s) around the
// pattern h reads from d's parameters: s's texts, and s's group, a
// parameter of d passed on or a constant joined in; false when the two
// do not fit one shape (two groups).
func (a *analyzer) passGroup(d *ast.FuncDecl, call *ast.CallExpr, s spec, h *helper) bool {
	if s.group < 0 {
		h.prefix, h.suffix = s.prefix+h.prefix, h.suffix+s.suffix
		return true
	}
	if h.group >= 0 {
		return false
	}
	arg := call.Args[s.group]
	if i, ok := a.paramIndex(d, arg); ok && isString(a.pass.TypesInfo.TypeOf(arg)) {
		if s.groupIf && h.prefix != "" {
			return false // text left out with the group when it is ""
		}
		h.group, h.groupPre, h.groupSuf, h.groupIf = i, s.groupPre, s.groupSuf+h.prefix, s.groupIf
		h.prefix, h.suffix = s.prefix, h.suffix+s.suffix
		return true
	}
	if c, ok := a.constOf(arg); ok {
		h.prefix, h.suffix = s.prefix+groupText(s.helper, c)+h.prefix, h.suffix+s.suffix
		return true
	}
	return false
}
