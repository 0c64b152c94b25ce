package routes

import (
	"go/ast"
	"go/token"
	"go/types"
	"path"
	"slices"
	"strings"

	"github.com/sqlheat/sqlheat/internal/httppattern"
)

// A router type of the application's own may keep a prefix in a field and
// join it before every route its helper registers,
//
//	type router struct { mux *http.ServeMux; prefix string }
//	type Admin struct{ router }
//
//	func NewAdmin() *Admin {
//		r := &Admin{router: router{mux: http.NewServeMux()}}
//		r.prefix = "/admin"
//		return r
//	}
//
//	func (r *router) handle(method, route string, h http.Handler) {
//		route = path.Join(r.prefix, route)
//		r.mux.Handle(method+" "+route, h)
//	}
//
// so that admin.GET("/users", h) serves /admin/users. What the field
// holds is the constructor's to say: the helper's package reads, for each
// function that returns a value of a type holding the field (a maker),
// the constant the value's field is set to (Maker). A call of the helper
// on a value of one of these types gets the prefix its makers agree on;
// where they do not (a type made with and without the prefix), the
// route's prefix is unknown ("…/users") and the route keeps the makers,
// so that the standalone driver, which sees which of them the program
// calls, can say (Route.Makers, Route.Joined). A pattern parameter
// rewritten any other way makes the prefix unknown too: never a pattern
// the program does not serve.

// Maker is a function of a helper's package that returns a value of Type
// whose prefix field it sets to Prefix (Known false: to something else
// than a constant, or on some paths only).
type Maker struct {
	Type   string // the named type made, types.TypeString of it
	Func   string // the maker's full name, types.Func.FullName
	Prefix string
	Known  bool
	// Concat says the helper puts the prefix before the pattern with +:
	// the router gets the two as written (a ServeMux keeps the pattern's
	// trailing slash, a subtree), where path.Join would clean them.
	Concat bool
}

// helperJoin is the pattern a helper registers for p under prefix v:
// as path.Join writes it, or as written when the helper concatenates.
func helperJoin(v, p string, concat bool) string {
	if concat {
		return v + p
	}
	return path.Join(v, p)
}

// maxMakerDepth bounds the calls a maker's result is followed through.
const maxMakerDepth = 4

// joinedField is what d joins before its pattern parameter v: a string
// field of d's receiver (route = path.Join(r.prefix, route), or
// r.prefix + route), or a constant (route = path.Join("/api", route), ok
// with field nil); rewritten says something else is put before v.
// Rewrites that put nothing before it (strings.TrimSuffix(route, "/"))
// leave the pattern as the callers pass it. concat says the join is +.
func (a *analyzer) joinedField(d *ast.FuncDecl, v *types.Var) (field *types.Var, prefix string, ok, rewritten, concat bool) {
	var before [][]ast.Expr // the operands of writes that put text before v
	for _, w := range a.writes[v] {
		plus := false
		var parts []ast.Expr
		switch x := ast.Unparen(w).(type) {
		case *ast.CallExpr:
			if fn := a.callee(x); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "path" && fn.Name() == "Join" && !x.Ellipsis.IsValid() {
				parts = x.Args
			}
		case *ast.BinaryExpr:
			if x.Op == token.ADD {
				parts, plus = []ast.Expr{x.X, x.Y}, true
			}
		}
		if len(parts) == 0 {
			// Only a call that takes the pattern first (TrimSuffix(route,
			// "/")) leaves what callers pass in front; any other write
			// (Sprintf, a field, a constant) makes the prefix unknown.
			if call, isCall := ast.Unparen(w).(*ast.CallExpr); !isCall || len(call.Args) == 0 || a.objOf(call.Args[0]) != v {
				return nil, "", false, true, false
			}
			continue
		}
		if a.objOf(parts[0]) != v {
			before = append(before, parts)
			concat = plus
		}
	}
	switch {
	case len(before) == 0:
		return nil, "", false, false, false
	case len(before) > 1 || len(before[0]) != 2 || a.objOf(before[0][1]) != v:
		return nil, "", false, true, false
	}
	if c, isConst := a.constOf(before[0][0]); isConst {
		return nil, c, true, false, concat
	}
	if d.Recv == nil || len(d.Recv.List) != 1 || len(d.Recv.List[0].Names) != 1 {
		return nil, "", false, true, false
	}
	recv := a.pass.TypesInfo.Defs[d.Recv.List[0].Names[0]]
	sel, isSel := ast.Unparen(before[0][0]).(*ast.SelectorExpr)
	if !isSel || recv == nil || a.objOf(sel.X) != recv {
		return nil, "", false, true, false
	}
	f, isVar := a.objOf(sel).(*types.Var)
	if !isVar || !f.IsField() || !isString(f.Type()) {
		return nil, "", false, true, false
	}
	return f, "", true, false, concat
}

// makers are the functions of the package that return a value of a
// named type holding field f, with what each sets it to.
func (a *analyzer) makers(f *types.Var) []Maker {
	var out []Maker
	for _, fn := range a.funcs() {
		d := a.decls[fn]
		sig := fn.Type().(*types.Signature)
		if d == nil || d.Body == nil || sig.Results().Len() != 1 || isTestFile(a.pass.Fset, fn.Pos()) {
			continue
		}
		named := namedOf(sig.Results().At(0).Type())
		if named == nil || !holdsField(named, f) {
			continue
		}
		prefix, known := a.madeWith(d, f, 0)
		out = append(out, Maker{Type: types.TypeString(named, nil), Func: fn.FullName(), Prefix: prefix, Known: known})
	}
	slices.SortFunc(out, func(x, y Maker) int { return strings.Compare(x.Type+" "+x.Func, y.Type+" "+y.Func) })
	if len(out) == 0 && !f.Exported() && !a.written(f) {
		// Set nowhere (no other package can): always the zero value.
		out = []Maker{{Known: true}}
	}
	return out
}

// written reports whether the package sets field f anywhere: assigns it,
// or makes a value with a composite literal that names it or lists every
// field in order.
func (a *analyzer) written(f *types.Var) bool {
	found := false
	for _, file := range a.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.AssignStmt:
				for _, lhs := range x.Lhs {
					if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && a.objOf(sel) == f {
						found = true
					}
				}
			case *ast.KeyValueExpr:
				if id, ok := x.Key.(*ast.Ident); ok && a.pass.TypesInfo.Uses[id] == f {
					found = true
				}
			case *ast.CompositeLit:
				if len(x.Elts) > 0 {
					if _, keyed := x.Elts[0].(*ast.KeyValueExpr); !keyed {
						if st, ok := a.pass.TypesInfo.TypeOf(x).Underlying().(*types.Struct); ok && hasField(st, f) {
							found = true
						}
					}
				}
			}
			return !found
		})
	}
	return found
}

func hasField(st *types.Struct, f *types.Var) bool {
	for i := range st.NumFields() {
		if st.Field(i) == f {
			return true
		}
	}
	return false
}

// namedOf is the named type t is, or points to.
func namedOf(t types.Type) *types.Named {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// holdsField reports whether f is a field of t, directly or embedded.
func holdsField(t *types.Named, f *types.Var) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, f.Pkg(), f.Name())
	return obj == f
}

// madeWith is the constant every return of d sets f to in the value it
// returns.
func (a *analyzer) madeWith(d *ast.FuncDecl, f *types.Var, depth int) (string, bool) {
	rets := a.returns[d]
	if len(rets) == 0 || depth > maxMakerDepth {
		return "", false
	}
	var prefix string
	for i, ret := range rets {
		if len(ret.Results) != 1 {
			return "", false
		}
		p, ok := a.fieldIn(d, ret.Results[0], f, depth)
		if !ok || i > 0 && p != prefix {
			return "", false
		}
		prefix = p
	}
	return prefix, true
}

// fieldIn is the constant f holds in the value e, returned by d: set by
// a statement of d's body (r.prefix = "/admin", not in a branch), by the
// composite literal that makes it, or by the function of the package that
// made it; "" when the literal leaves it out.
func (a *analyzer) fieldIn(d *ast.FuncDecl, e ast.Expr, f *types.Var, depth int) (string, bool) {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := a.objOf(x).(*types.Var)
		if !ok || v.IsField() {
			return "", false
		}
		set, inBranch := a.setIn(d.Body, v, f)
		switch {
		case inBranch:
			return "", false
		case set != nil:
			return a.constOf(set)
		case len(a.writes[v]) == 1:
			return a.fieldIn(d, a.writes[v][0], f, depth)
		}
		return "", false
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return a.fieldIn(d, x.X, f, depth)
		}
	case *ast.StarExpr:
		return a.fieldIn(d, x.X, f, depth)
	case *ast.CompositeLit:
		for _, el := range x.Elts {
			kv, ok := el.(*ast.KeyValueExpr)
			if !ok {
				return "", false // positional: not followed
			}
			id, ok := kv.Key.(*ast.Ident)
			if !ok {
				return "", false
			}
			k, _ := a.pass.TypesInfo.Uses[id].(*types.Var)
			switch {
			case k == f:
				return a.constOf(kv.Value)
			case k != nil && k.Embedded():
				if n := namedOf(k.Type()); n != nil && holdsField(n, f) {
					return a.fieldIn(d, kv.Value, f, depth)
				}
			}
		}
		return "", true // left out: the zero value
	case *ast.CallExpr:
		fn := a.callee(x)
		if fn == nil || fn.Pkg() != a.pass.Pkg {
			return "", false
		}
		if cd := a.decls[fn.Origin()]; cd != nil {
			return a.madeWith(cd, f, depth+1)
		}
	}
	return "", false
}

// setIn is the value of the last statement of body that sets v.f
// (v.f = value); inBranch says one does so in a nested statement, where
// it may or may not run.
func (a *analyzer) setIn(body *ast.BlockStmt, v, f *types.Var) (set ast.Expr, inBranch bool) {
	sets := func(n ast.Node) ast.Expr {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != len(as.Rhs) {
			return nil
		}
		for i, lhs := range as.Lhs {
			sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
			if ok && a.objOf(sel) == f && a.objOf(sel.X) == v {
				return as.Rhs[i]
			}
		}
		return nil
	}
	for _, st := range body.List {
		if x := sets(st); x != nil {
			set = x
			continue
		}
		ast.Inspect(st, func(n ast.Node) bool {
			if sets(n) != nil {
				inBranch = true
			}
			return !inBranch
		})
	}
	return set, inBranch
}

// joinPrefix is what a call of a helper that joins its receiver's field
// before the pattern (h.joins) puts before path: the prefix the makers of
// the receiver's type agree on; else unknown, with those makers.
func joinPrefix(h *helper, recv types.Type, p string) (string, bool, []Maker) {
	ms := makersOf(h.makers, recv)
	if v, ok := agreed(ms); ok {
		// "GET "+route on a ServeMux: the prefix goes before the path.
		concat := ms[0].Concat // the makers of one helper's field
		if pp := httppattern.Parse(p); pp.Method != httppattern.AnyMethod {
			return pp.Method + " " + pp.Host + helperJoin(v, pp.Raw, concat), true, nil
		}
		return helperJoin(v, p, concat), true, nil
	}
	return p, false, ms
}

// makersOf are the makers of ms for a receiver of type recv (nil: a
// function's call), and those that hold for any.
func makersOf(ms []Maker, recv types.Type) []Maker {
	name := ""
	if recv != nil {
		if n := namedOf(recv); n != nil {
			name = types.TypeString(n, nil)
		}
	}
	var out []Maker
	for _, m := range ms {
		if m.Type == "" || m.Type == name && name != "" {
			out = append(out, m)
		}
	}
	return out
}

// agreed is the prefix every maker of ms sets; false when none is known
// or two differ.
func agreed(ms []Maker) (string, bool) {
	if len(ms) == 0 {
		return "", false
	}
	for _, m := range ms {
		if !m.Known || m.Prefix != ms[0].Prefix {
			return "", false
		}
	}
	return ms[0].Prefix, true
}

// Joined is the route with the prefix its makers set, when the driver
// knows which of them made its router (the makers called): nil when
// they do not agree.
func (r *Route) Joined(called []Maker) *Route {
	v, ok := agreed(called)
	if !ok || len(r.Makers) == 0 || r.Open != nil {
		return nil
	}
	n := *r
	n.path = helperJoin(v, r.path, called[0].Concat)
	n.Pattern = n.path
	method := r.Method
	if method == httppattern.AnyMethod {
		method = ""
	}
	n.Key = key(method, n.path, true)
	n.Makers = nil
	return &n
}

// paramVar is the parameter i of d.
func (a *analyzer) paramVar(d *ast.FuncDecl, i int) *types.Var {
	params := a.pass.TypesInfo.Defs[d.Name].(*types.Func).Type().(*types.Signature).Params()
	if i < 0 || i >= params.Len() {
		return nil
	}
	return params.At(i)
}

// joins fills in h, a helper d's call registers, whether d joins its
// receiver's field before the pattern, itself or through the helper it
// calls (s, on its own receiver).
func (a *analyzer) joins(d *ast.FuncDecl, call *ast.CallExpr, s spec, h *helper) {
	f, prefix, ok, rewritten, concat := a.joinedField(d, a.paramVar(d, h.pattern))
	switch {
	case rewritten || ok && s.joins:
		h.joins = true // text not followed, or joined twice: unknown
	case ok && f == nil:
		h.joins, h.makers = true, []Maker{{Prefix: prefix, Known: true, Concat: concat}} // path.Join("/api", route)
	case f != nil:
		h.joins, h.makers = true, a.makers(f)
		for i := range h.makers {
			h.makers[i].Concat = concat
		}
	case s.joins:
		recv := recvExpr(call)
		if recv != nil && d.Recv != nil && len(d.Recv.List) == 1 && len(d.Recv.List[0].Names) == 1 &&
			a.objOf(recv) == a.pass.TypesInfo.Defs[d.Recv.List[0].Names[0]] {
			h.joins, h.makers = true, s.makers // r.handle(...): the same receiver's field
			break
		}
		// s.router.GET(path, h): the field of that value, whoever
		// calls this helper.
		h.joins = true
		var t types.Type
		if recv != nil {
			t = a.pass.TypesInfo.TypeOf(recv)
		}
		for _, m := range makersOf(s.makers, t) {
			m.Type = ""
			h.makers = append(h.makers, m)
		}
	}
}

// joined are the routers a call of helper h registers on, with the
// prefix its receiver's field holds joined before *p; unknown where the
// makers do not agree.
func (a *analyzer) joined(call *ast.CallExpr, h *helper, routers []router, p *string) []router {
	var t types.Type
	if recv := recvExpr(call); recv != nil && a.pass.TypesInfo.Types[recv].IsValue() {
		t = a.pass.TypesInfo.TypeOf(recv)
	}
	joined, ok, ms := joinPrefix(h, t, *p)
	if ok {
		*p = joined
		return routers
	}
	return unknownPrefix(routers, ms)
}

// unknownPrefix are routers with an unknown prefix before their own,
// waiting on makers where they were known.
func unknownPrefix(routers []router, ms []Maker) []router {
	out := make([]router, len(routers))
	for i, rt := range routers {
		if rt.known && rt.open == nil && rt.prefix == "" {
			rt.makers = ms
		}
		// Placed under a caller's prefix, the route would read known
		// again: the field's part stays unknown whatever the caller says.
		rt.known, rt.open = false, nil
		out[i] = rt
	}
	return out
}

// inlineJoin reports whether e is path.Join(before, pattern), the join
// written in the registering call itself (m.c.Router.Handle(path.Join(
// m.c.IssuerPath, p), h)) rather than assigned to the parameter first.
func (a *analyzer) inlineJoin(e ast.Expr) (before ast.Expr, ok bool) {
	call, isCall := ast.Unparen(e).(*ast.CallExpr)
	if !isCall || len(call.Args) != 2 || call.Ellipsis.IsValid() {
		return nil, false
	}
	fn := a.callee(call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "path" || fn.Name() != "Join" {
		return nil, false
	}
	return call.Args[0], true
}

// joinsInline fills in h, a helper d's call registers, for a join written
// in the call (see inlineJoin): a constant before the pattern, the string
// field of d's receiver its makers set, or else (a field of a field, a
// variable; or a pattern joined twice) an unknown prefix.
func (a *analyzer) joinsInline(d *ast.FuncDecl, before ast.Expr, h *helper) {
	if h.joins {
		h.makers = nil // joined twice: unknown
		return
	}
	h.joins = true
	if c, ok := a.constOf(before); ok {
		h.makers = []Maker{{Prefix: c, Known: true}}
		return
	}
	if d.Recv == nil || len(d.Recv.List) != 1 || len(d.Recv.List[0].Names) != 1 {
		return
	}
	recv := a.pass.TypesInfo.Defs[d.Recv.List[0].Names[0]]
	sel, isSel := ast.Unparen(before).(*ast.SelectorExpr)
	if !isSel || recv == nil || a.objOf(sel.X) != recv {
		return
	}
	if f, isVar := a.objOf(sel).(*types.Var); isVar && f.IsField() && isString(f.Type()) {
		h.makers = a.makers(f)
	}
}
