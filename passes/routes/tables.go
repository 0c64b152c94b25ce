package routes

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/sqlheat/sqlheat/internal/httpapi"
	"github.com/sqlheat/sqlheat/internal/httppattern"
)

// A route table is a literal of patterns and handlers that a loop ranges
// over, registering each row with one call:
//
//	for _, rt := range []struct {
//		path string
//		h    http.HandlerFunc
//	}{
//		{"/items", h.list},
//		{"/items/{id}", h.get},
//	} {
//		r.Get(rt.path, rt.h)
//	}
//
// The call in the loop is as many registrations as the table has rows,
// each with the pattern, method and handler of its row, at the row. The
// rows are read from a slice, array or map literal, ranged over in place
// or through a variable assigned it once (and nothing else: a table
// appended to holds more than its literal). A table built anywhere else
// (passed in) leaves the call one route whose pattern and handler say
// they are not known.
//
// A table a call returns (for _, d := range set.GetAll(), directly or in
// a local variable assigned the call once) is read across packages: the
// call's routes, one per router and method as for any registration, say
// which fields of the element the registration reads (Route.Table), and
// the driver, whose call graph resolves the call (through an interface's
// method too), makes one route per row of the literals the functions it
// runs return (see Route.Row).

// maxRows bounds the routes one table makes.
const maxRows = 128

// row is one row of a route table: what the loop's variables hold in it.
type row struct {
	pos        token.Pos // the row, where its route is registered
	key, value *types.Var
	k, v       ast.Expr // the row's key (a map's) and value (the element)
}

// rows are the rows of the table a registration call ranges over, nil
// when its arguments name no variable of a loop over a literal.
func (a *analyzer) rows(call *ast.CallExpr) []row {
	loop := a.loopOf(call)
	if loop == nil {
		return nil
	}
	lit := a.tableLit(loop.X)
	if lit == nil {
		return nil
	}
	var key, value *types.Var
	if id, ok := loop.Key.(*ast.Ident); ok {
		key, _ = a.pass.TypesInfo.Defs[id].(*types.Var)
	}
	if id, ok := loop.Value.(*ast.Ident); ok {
		value, _ = a.pass.TypesInfo.Defs[id].(*types.Var)
	}
	_, isMap := a.pass.TypesInfo.TypeOf(lit).Underlying().(*types.Map)
	var out []row
	for _, el := range lit.Elts[:min(len(lit.Elts), maxRows)] {
		r := row{pos: el.Pos(), key: key, value: value, v: el}
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			r.v = kv.Value
			if isMap {
				r.k = kv.Key
			}
		} else if isMap {
			return nil
		}
		if !isMap {
			r.key = nil // a slice's index: no part of a route
		}
		out = append(out, r)
	}
	return out
}

// loopOf is the one range loop whose variables a registration call's
// arguments name; nil when none, or two.
func (a *analyzer) loopOf(call *ast.CallExpr) *ast.RangeStmt {
	return a.loopIn(call.Args)
}

// loopIn is the one range loop whose variables exprs name; nil when
// none, or two.
func (a *analyzer) loopIn(exprs []ast.Expr) *ast.RangeStmt {
	var loop *ast.RangeStmt
	for _, arg := range exprs {
		ast.Inspect(arg, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			if v, ok := a.pass.TypesInfo.Uses[id].(*types.Var); ok && a.loops[v] != nil {
				if loop != nil && loop != a.loops[v] {
					loop = &ast.RangeStmt{} // two loops: no one table
				} else {
					loop = a.loops[v]
				}
			}
			return true
		})
	}
	if loop == nil || loop.X == nil {
		return nil
	}
	return loop
}

// tableLit is the slice, array or map literal a loop ranges over: written
// in place, or the only value of a local or package variable.
func (a *analyzer) tableLit(x ast.Expr) *ast.CompositeLit {
	x = ast.Unparen(x)
	if id, ok := x.(*ast.Ident); ok {
		v, ok := a.pass.TypesInfo.Uses[id].(*types.Var)
		if !ok || a.isParam(v) || len(a.writes[v]) != 1 {
			return nil
		}
		x = ast.Unparen(a.writes[v][0])
	}
	lit, ok := x.(*ast.CompositeLit)
	if !ok {
		return nil
	}
	switch a.pass.TypesInfo.TypeOf(lit).Underlying().(type) {
	case *types.Slice, *types.Array, *types.Map:
		return lit
	}
	return nil
}

// subst is what e, in the body of the loop over a table, stands for in
// the row being registered: the loop's key or value variable, or a field
// of the value (rt.path); e itself for anything else, and with no row.
func (a *analyzer) subst(e ast.Expr) ast.Expr {
	r := a.row
	if r == nil || e == nil {
		return e
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		switch v := a.pass.TypesInfo.Uses[x]; {
		case v == nil:
		case r.key != nil && v == r.key && r.k != nil:
			return r.k
		case r.value != nil && v == r.value:
			return r.v
		}
	case *ast.SelectorExpr:
		id, ok := ast.Unparen(x.X).(*ast.Ident)
		if !ok || r.value == nil || a.pass.TypesInfo.Uses[id] != r.value {
			return e
		}
		if f := a.field(r.v, x.Sel.Name); f != nil {
			return f
		}
	}
	return e
}

// field is the value a struct literal (or a pointer to one, &T{...}, or
// one of a table's elements, whose type is elided) gives field name; nil
// when it gives none.
func (a *analyzer) field(e ast.Expr, name string) ast.Expr {
	lit := literalOf(e)
	if lit == nil {
		return nil
	}
	st, ok := derefType(a.pass.TypesInfo.TypeOf(lit)).Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	for i, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
				return kv.Value
			}
			continue
		}
		if i < st.NumFields() && st.Field(i).Name() == name {
			return el
		}
	}
	return nil
}

func derefType(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// Table is, on a route registered in a loop over the result of a call
// (see above), what the registration reads of the table's element: the
// struct fields giving the path, the method ("" when the call fixes the
// method) and the handler, and the constant text around the path field
// in the pattern ("…" for text that is not constant: prefix+d.Path).
// Rows are the driver's to read: a route here stands for all of them.
type Table struct {
	Call                  token.Pos // the Lparen of the call ranged over
	Path, Method, Handler string
	Before, After         string
	// Param, when Call is not valid, is the index of the parameter of
	// the declared function registering that the loop ranges over: its
	// callers' arguments are the tables. PrefixParam is the parameter
	// whose argument is the path's prefix (gorilla's PathPrefix(prefix)),
	// -1 when none.
	Param, PrefixParam int
	// Self says the element itself is the handler, a value whose
	// ServeHTTP serves (Handler is "").
	Self bool
	// the route's router, as add joins it
	prefix string
	known  bool
	// inPattern says the API takes the method in the pattern (net/http's
	// "GET /items"): a row's path names its method
	inPattern bool
}

// table is what a registration ranging over a call's result reads of
// its element; nil when it ranges over none, or reads its path or
// handler from elsewhere. The collection may also be a parameter of the
// declared function registering (func Attach(r *mux.Router, prefix
// string, routes ...*Route) { for _, rt := range routes {...} }): the
// driver reads the values each caller passes (Table.Param). Its handler
// may be the element itself, a value serving with its own ServeHTTP
// (Handler(instrument(rt))): Table.Self.
func (a *analyzer) table(call *ast.CallExpr, api *httpapi.API) *Table {
	if a.row != nil || api.HandlerArg < 0 || api.HandlerArg >= len(call.Args) || api.OperationArg >= 0 {
		return nil
	}
	pattern, prefix := a.patternExprs(call, api)
	if pattern == nil {
		return nil
	}
	// The loop's variable in the arguments, or in a gorilla chain's Path
	// matcher (Methods(rt.Method).Path(rt.Pattern).Handler(handler)).
	loop := a.loopIn(append(append([]ast.Expr(nil), call.Args...), pattern))
	if loop == nil {
		return nil
	}
	id, ok := loop.Value.(*ast.Ident)
	if !ok {
		return nil
	}
	value, _ := a.pass.TypesInfo.Defs[id].(*types.Var)
	if value == nil {
		return nil
	}
	t := &Table{Param: -1, PrefixParam: -1}
	x := ast.Unparen(loop.X)
	if id, ok := x.(*ast.Ident); ok {
		v, ok := a.pass.TypesInfo.Uses[id].(*types.Var)
		if !ok {
			return nil
		}
		if p, isParam := a.params[v]; isParam {
			decl, isDecl := p.fn.(*ast.FuncDecl)
			if !isDecl || len(a.writes[v]) != 0 || !decl.Body.Pos().IsValid() || call.Pos() < decl.Body.Pos() || call.Pos() >= decl.Body.End() {
				return nil
			}
			t.Param = p.index
		} else {
			if len(a.writes[v]) != 1 {
				return nil
			}
			x = ast.Unparen(a.writes[v][0])
		}
	}
	if t.Param < 0 {
		src, ok := x.(*ast.CallExpr)
		if !ok {
			return nil
		}
		if tv, ok := a.pass.TypesInfo.Types[src.Fun]; ok && tv.IsType() {
			return nil // a conversion
		}
		t.Call = src.Lparen
	}
	field := a.fieldOf(value)
	t.Handler = a.handlerField(call.Args[api.HandlerArg], value, 0)
	if t.Handler == "" && t.Param >= 0 {
		t.Self = a.servesSelf(call.Args[api.HandlerArg], value)
	}
	fields := 0 // in the pattern: d.Method+" "+d.Path is no one field's
	ast.Inspect(pattern, func(n ast.Node) bool {
		if e, ok := n.(ast.Expr); ok && field(e) != "" {
			fields++
			return false
		}
		return true
	})
	if t.Handler == "" && !t.Self || fields != 1 || !a.pathField(pattern, field, t) {
		return nil
	}
	if prefix != nil {
		// gorilla's PathPrefix(p) before Path(rt.Path): the two joined.
		if s, ok := a.constOf(prefix); ok {
			t.Before = strings.TrimRight(s, "/") + t.Before // gorilla trims the prefix's slash
		} else if v, ok := a.objOf(prefix).(*types.Var); ok && t.Param >= 0 && a.isParam(v) && len(a.writes[v]) == 0 && a.params[v].fn == a.params[a.objOf(loop.X).(*types.Var)].fn {
			t.PrefixParam = a.params[v].index // each caller's argument
		} else {
			t.Before = joinUnknown("…", t.Before)
		}
	}
	var methodArgs []ast.Expr
	if api.Framework == httpapi.GorillaMux {
		for o := a.outer[call]; o != nil; o = a.outer[o] {
			if httpapi.Matcher(a.callee(o)) == "Methods" {
				methodArgs = append(methodArgs, o.Args...)
			}
		}
		if api.PatternArg < 0 {
			a.eachMatcher(recvExpr(call), func(name string, c *ast.CallExpr) {
				if name == "Methods" {
					methodArgs = append(methodArgs, c.Args...)
				}
			})
		}
	} else if api.Method == "" && api.MethodArg >= 0 && api.MethodArg < len(call.Args) {
		methodArgs = append(methodArgs, call.Args[api.MethodArg])
	}
	for _, m := range methodArgs {
		if f := field(m); f != "" {
			t.Method = f
		}
	}
	return t
}

// handlerField is the field of a table's element that a registration's
// handler argument is: the field itself, or a local variable the field
// reaches, through calls wrapping it (OpenAPI Generator's go-server:
// handler = route.HandlerFunc; handler = Logger(handler, route.Name)),
// the one argument of a handler's type the call hands it; "" when none.
// The wrappers are the route's middlewares already (handlerArgs).
func (a *analyzer) handlerField(e ast.Expr, value *types.Var, depth int) string {
	if f := a.fieldOf(value)(e); f != "" || depth > maxRouterDepth {
		return f
	}
	e = ast.Unparen(e)
	if w := a.onlyWrite(e); w != nil {
		return a.handlerField(w, value, depth+1)
	}
	if b := a.sameHandler(e); b != nil {
		// Set from the field, then wrapped in place (handler :=
		// route.Handler; for _, mw := range route.Middlewares {
		// handler = mw(handler) }): the field still.
		return a.handlerField(b, value, depth+1)
	}
	c, ok := e.(*ast.CallExpr)
	if !ok {
		return ""
	}
	if f := a.chainField(c, value, depth); f != "" {
		return f
	}
	found := ""
	for _, arg := range c.Args {
		t := a.pass.TypesInfo.TypeOf(arg)
		if t == nil || !httpapi.IsHandlerType(t) {
			continue
		}
		if f := a.handlerField(arg, value, depth+1); f != "" {
			if found != "" {
				return "" // two: which serves is the call's to say
			}
			found = f
		}
	}
	return found
}

// fieldOf is the function naming the field of value a handler
// expression is (d.Handler, or converted: http.HandlerFunc(d.Handler));
// "" for anything else.
func (a *analyzer) fieldOf(value *types.Var) func(ast.Expr) string {
	return func(e ast.Expr) string {
		e = ast.Unparen(e)
		if c, ok := e.(*ast.CallExpr); ok && len(c.Args) == 1 {
			if tv, ok := a.pass.TypesInfo.Types[c.Fun]; ok && tv.IsType() {
				e = ast.Unparen(c.Args[0]) // http.HandlerFunc(d.Handler)
			}
		}
		sel, ok := e.(*ast.SelectorExpr)
		if !ok {
			return ""
		}
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); !ok || a.pass.TypesInfo.Uses[id] != value {
			return ""
		}
		if s, ok := a.pass.TypesInfo.Selections[sel]; !ok || s.Kind() != types.FieldVal {
			return ""
		}
		return sel.Sel.Name
	}
}

// chainMws are the middlewares of the handlers a function of the
// package builds for a table's row (see chainField), handed on spread:
// what it appends to its list before the handler, a function or a
// constructor's call each; none when e is no such function's call, or
// the list is written otherwise. A list of the row's own (the element's
// field, spread) is the row's, which the driver reads (Route.Row).
func (a *analyzer) chainMws(e ast.Expr) []*Handler {
	if w := a.onlyWrite(e); w != nil {
		e = w
	}
	c, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil
	}
	added := a.chained(c)
	if len(added) < 2 {
		return nil
	}
	params := a.pass.TypesInfo.Uses[identOf(c.Fun)].(*types.Func).Type().(*types.Signature).Params()
	var out []*Handler
	for _, m := range added[:len(added)-1] {
		if sel, isSel := ast.Unparen(m).(*ast.SelectorExpr); isSel {
			if id, isID := ast.Unparen(sel.X).(*ast.Ident); isID && isParamOf(a.pass.TypesInfo.Uses[id], params) {
				continue // a field of the row: the row's to say
			}
		}
		out = append(out, a.mwOf(m, 0))
	}
	return out
}

// isParamOf reports whether obj is one of params.
func isParamOf(obj types.Object, params *types.Tuple) bool {
	for i := range params.Len() {
		if params.At(i) == obj {
			return true
		}
	}
	return false
}

// chainList is, for a call of a function of the package answering a
// list of handlers, the function's body and the variable every return
// of it answers; nil when c is no such call.
func (a *analyzer) chainList(c *ast.CallExpr) (*ast.BlockStmt, *types.Var) {
	fn, ok := a.pass.TypesInfo.Uses[identOf(c.Fun)].(*types.Func)
	if !ok || a.decls[fn] == nil || a.decls[fn].Body == nil || c.Ellipsis.IsValid() {
		return nil, nil
	}
	body := a.decls[fn].Body
	sig := fn.Type().(*types.Signature)
	if sig.Results().Len() != 1 {
		return nil, nil
	}
	list, ok := sig.Results().At(0).Type().Underlying().(*types.Slice)
	if !ok || !httpapi.IsHandlerType(list.Elem()) {
		return nil, nil
	}
	var ret *types.Var
	ok = true
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			var v *types.Var
			if len(n.Results) == 1 {
				if id, isID := ast.Unparen(n.Results[0]).(*ast.Ident); isID {
					v, _ = a.pass.TypesInfo.Uses[id].(*types.Var)
				}
			}
			if v == nil || ret != nil && ret != v {
				ok = false
			}
			ret = v
		}
		return ok
	})
	if !ok || ret == nil {
		return nil, nil
	}
	return body, ret
}

// chained are the handlers a function of the package, called by c,
// appends one by one to the list it returns, in the order of the source
// (auth(def.AdminOnly), def.Handler), the last of them what it ends the
// list with; nil when c is no such call, or the list's last write is
// anything else.
func (a *analyzer) chained(c *ast.CallExpr) []ast.Expr {
	body, ret := a.chainList(c)
	if body == nil {
		return nil
	}
	var added []ast.Expr
	last := false // the last write appends one handler
	ast.Inspect(body, func(n ast.Node) bool {
		as, isAssign := n.(*ast.AssignStmt)
		if !isAssign || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			return true
		}
		if id, isID := ast.Unparen(as.Lhs[0]).(*ast.Ident); !isID || a.pass.TypesInfo.ObjectOf(id) != ret {
			return true
		}
		ap, isCall := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		last = isCall && isBuiltinAppend(a.pass.TypesInfo, ap) && len(ap.Args) == 2 && !ap.Ellipsis.IsValid()
		if last {
			added = append(added, ap.Args[1])
		}
		return true
	})
	if !last {
		return nil
	}
	return added
}

// chainField is the field of a table's element that the handlers a
// function of the package builds from the element end with, when the
// registration is handed that function's result (outpost's
// router.Handle(route.Method, route.Path, buildChain(route)...), with
// buildChain appending auth, the row's middlewares, then def.Handler to
// the list it returns): the handler the list's last append adds, a field
// of the parameter the element is handed as; "" when the call is no such
// function's, or the list ends otherwise.
func (a *analyzer) chainField(c *ast.CallExpr, value *types.Var, depth int) string {
	added := a.chained(c)
	if len(added) == 0 {
		return ""
	}
	fn := a.pass.TypesInfo.Uses[identOf(c.Fun)].(*types.Func)
	sig := fn.Type().(*types.Signature)
	var param *types.Var // the parameter the element is handed as
	for i, arg := range c.Args {
		if id, ok := ast.Unparen(arg).(*ast.Ident); ok && a.pass.TypesInfo.Uses[id] == value && i < sig.Params().Len() {
			if param != nil {
				return "" // handed twice
			}
			param = sig.Params().At(i)
		}
	}
	if param == nil {
		return ""
	}
	last := added[len(added)-1] // the handler the list ends with
	return a.handlerField(last, param, depth+1)
}

// patternExprs are a registration's pattern argument and, for a gorilla
// chain's Handler, the last Path (or PathPrefix) matcher's argument and
// a PathPrefix's before it; nil when there is none.
func (a *analyzer) patternExprs(call *ast.CallExpr, api *httpapi.API) (pattern, prefix ast.Expr) {
	if api.PatternArg >= 0 {
		if api.PatternArg >= len(call.Args) {
			return nil, nil
		}
		return call.Args[api.PatternArg], nil
	}
	if api.Framework != httpapi.GorillaMux {
		return nil, nil
	}
	var paths []*ast.CallExpr // last in the chain first
	a.eachMatcher(recvExpr(call), func(name string, c *ast.CallExpr) {
		if (name == "Path" || name == "PathPrefix") && len(c.Args) == 1 {
			paths = append(paths, c)
		}
	})
	switch {
	case len(paths) == 0:
		return nil, nil
	case len(paths) == 1:
		return paths[0].Args[0], nil
	case len(paths) == 2 && httpapi.Matcher(a.callee(paths[1])) == "PathPrefix":
		return paths[0].Args[0], paths[1].Args[0]
	}
	return nil, nil
}

// eachMatcher calls f with each gorilla Route matcher of the chain e
// ends, last first, up to the router it starts from.
func (a *analyzer) eachMatcher(e ast.Expr, f func(name string, c *ast.CallExpr)) {
	for {
		inner, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return
		}
		fn := a.callee(inner)
		if !httpapi.IsGorilla(fn) || a.lookup(fn) != nil {
			return
		}
		f(httpapi.Matcher(fn), inner)
		e = recvExpr(inner)
		if httpapi.RecvName(fn) == "Router" {
			return
		}
	}
}

// servesSelf reports whether a registration's handler argument is the
// loop's element itself, a value of a type with its own ServeHTTP, as
// it is or handed to one call (instrument(name, rt)).
func (a *analyzer) servesSelf(e ast.Expr, value *types.Var) bool {
	if obj, _, _ := types.LookupFieldOrMethod(value.Type(), true, value.Pkg(), "ServeHTTP"); obj == nil {
		return false
	} else if _, ok := obj.(*types.Func); !ok {
		return false
	}
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && a.pass.TypesInfo.Uses[id] == value
	}
	if is(e) {
		return true
	}
	c, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	n := 0
	for _, arg := range c.Args {
		if is(arg) {
			n++
		}
	}
	return n == 1
}

// pathField reads a pattern argument that is a field of the element, or
// a concatenation of one with other text: the field in t.Path, the text
// around it in t.Before and t.After.
func (a *analyzer) pathField(e ast.Expr, field func(ast.Expr) string, t *Table) bool {
	e = ast.Unparen(e)
	if f := field(e); f != "" {
		t.Path = f
		return true
	}
	b, ok := e.(*ast.BinaryExpr)
	if !ok || b.Op != token.ADD {
		return false
	}
	text := func(e ast.Expr) string {
		if s, ok := a.constOf(e); ok {
			return s
		}
		return "…"
	}
	if a.pathField(b.X, field, t) {
		t.After = joinUnknown(t.After, text(b.Y))
		return true
	}
	if a.pathField(b.Y, field, t) {
		t.Before = joinUnknown(text(b.X), t.Before)
		return true
	}
	return false
}

// Row is the route of one row of the table r ranges over (r.Table): its
// method (r's when the table gives none), its path, at pos, with handler
// h in r's middlewares, then mws. A path that is not constant is "…".
func (r *Route) Row(method, path string, pathOK bool, h *Handler, mws []*Handler, pos token.Pos) *Route {
	t := r.Table
	if !pathOK {
		path = "…"
	}
	path = joinUnknown(joinUnknown(t.Before, path), t.After)
	if t.Method == "" || method == "" {
		method = r.Method
	}
	if t.inPattern && t.Method == "" {
		p := httppattern.Parse(path)
		method = p.Method
		if p.Method != httppattern.AnyMethod {
			path = p.Host + p.Raw
		}
	}
	full := join(t.prefix, path)
	display := full
	if !t.known {
		display = joinUnknown("…", full)
	}
	out := *r
	out.Method = strings.ToUpper(method)
	out.Pattern = display
	out.Key = key(method, full, t.known)
	out.Pos = pos
	out.Handler = h
	out.Middlewares = append(append([]*Handler(nil), r.Middlewares...), mws...)
	out.Request = nil // the pass's steps are the handler's it could not see
	out.Table = nil
	out.path = full
	return &out
}
