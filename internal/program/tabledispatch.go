package program

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/passes/routes"
)

// Some services register one subtree and dispatch inside its handler
// through a table of their own (Gokapi's /api/):
//
//	var routes = []apiRoute{
//		{Url: "/files/list", ApiPerm: permView, execution: apiList},
//		{Url: "/user/delete", ApiPerm: permUsers, execution: apiDeleteUser},
//	}
//
//	func getRouting(url string) (apiRoute, bool) {
//		for _, route := range routes {
//			if url == route.Url || route.HasWildcard && strings.HasPrefix(url, route.Url) {
//				return route, true
//			}
//		}
//		return apiRoute{}, false
//	}
//
//	func Process(w http.ResponseWriter, r *http.Request) {
//		routing, ok := getRouting(strings.Replace(r.URL.String(), "/api", "", 1))
//		...
//		user, ok := isAuthorised(r, routing) // queries
//		routing.Continue(w, parser, user)    // r.execution(w, parser, user)
//	}
//
// Read as one route, the subtree ran every endpoint's queries at once.
// When the functions the route's handler runs, a few calls down
// (maxTableDispatchDepth), look a row up in a package-level table — a
// slice or array literal of structs ranged over, a string field of the
// row compared (==, strings.HasPrefix) with a value taken from the
// request's URL (r.URL, r.RequestURI, through locals, parameters and
// the module's functions returning it), or a map literal of structs
// indexed by such a value — and call a func-typed field of the table's
// struct type (directly, or in a method of it), the route is one route
// per row. The lookup and the call are tied by the row type only, not
// by following the value: a handler that looks a row up and calls the
// func field of another row of the same type is read as dispatching.
//
// Each row's route takes the registration's method; its path is the
// registered pattern's prefix (the pattern without its trailing slash)
// joined with the row's constant path, one slash between: the handler is
// assumed to compare the path below the registered prefix (Gokapi strips
// "/api" from the URL before looking up); a row whose path is not
// constant is "…". Its handler is the row's function, behind the
// dispatcher, and it runs all the dispatcher's code down to the call of
// the func field (the lookup, the authentication, the parsing), but at
// that call, the row's function alone. The subtree's route is not kept:
// every request under it either runs a row's route or fails the lookup,
// which runs the dispatcher's code before the lookup only — nothing the
// rows do not list already. Tables whose rows cannot all be read (an
// element that is no struct literal, a table assigned again) are not
// split, and neither is a table whose row type's func field the handler
// never calls, nor one looked up by something not from the request's URL
// (a setting).

// maxTableDispatchDepth bounds the calls from a route's handler down to
// the functions the lookup and the call of the row's func are in.
const maxTableDispatchDepth = 3

// maxTableDispatchFuncs bounds the functions read for a handler's table.
const maxTableDispatchFuncs = 256

// tableSplit is a handler's dispatch through a table of its own.
type tableSplit struct {
	chain []*Func // the handler's function down to the one calling the row's func
	dyn   token.Pos
	rows  []tableRow
}

// tableDerived is a route split off a tableSplit: which row.
type tableDerived struct {
	split *tableSplit
	row   int
}

// tableLookup is a lookup of a row of a package-level table by a value
// from the request's URL.
type tableLookup struct {
	table *types.Var
	elem  types.Type // the rows' struct type
	field string     // the row's field compared; "" for a map's key
	f     *Func      // where
	at    *ast.Ident // the table's name there
}

// tableOfRoute is the split of r's handler through a table, nil when it
// has none (or r is a route split off one).
func (p *Program) tableOfRoute(r *routes.Route) *tableSplit {
	if r == nil || r.Handler == nil || r.Framework == "" || !r.Registered {
		return nil
	}
	if _, ok := p.derivedOf[r]; ok {
		return nil
	}
	if _, ok := p.tableOf[r]; ok {
		return nil
	}
	if !strings.HasSuffix(r.Pattern, "/") {
		return nil // a subtree's handler only
	}
	hs := p.handlerFuncs(r.Handler)
	if len(hs) != 1 {
		return nil
	}
	if s, ok := p.tableSplits[hs[0]]; ok {
		return s
	}
	s := p.findTableSplit(hs[0])
	if p.tableSplits == nil {
		p.tableSplits = map[*Func]*tableSplit{}
	}
	p.tableSplits[hs[0]] = s
	return s
}

// findTableSplit reads the functions f runs, a few calls down, for a
// lookup in a table and a call of its row's func field (see above).
func (p *Program) findTableSplit(f0 *Func) *tableSplit {
	type step struct {
		f     *Func
		depth int
	}
	parent := map[*Func]*Func{f0: nil}
	work := []step{{f0, 0}}
	var order []*Func
	for len(work) > 0 && len(order) < maxTableDispatchFuncs {
		s := work[0]
		work = work[1:]
		order = append(order, s.f)
		if s.depth >= maxTableDispatchDepth {
			continue
		}
		for _, c := range s.f.Calls {
			for _, g := range c.Callees {
				if _, seen := parent[g]; seen {
					continue
				}
				parent[g] = s.f
				work = append(work, step{g, s.depth + 1})
			}
		}
	}
	tr := &tableReader{p: p, parent: parent}
	var lookups []tableLookup
	for _, f := range order {
		lookups = append(lookups, tr.lookups(f)...)
	}
	if len(lookups) == 0 {
		return nil
	}
	for _, f := range order {
		for _, call := range tr.funcFieldCalls(f) {
			for _, l := range lookups {
				if !types.Identical(call.row, l.elem) {
					continue
				}
				rows, ok := p.lookupRows(l, call.field)
				if !ok || len(rows) == 0 || len(rows) > maxTableRows {
					continue
				}
				var chain []*Func
				for g := f; g != nil; g = parent[g] {
					chain = append([]*Func{g}, chain...)
				}
				return &tableSplit{chain: chain, dyn: call.pos, rows: rows}
			}
		}
	}
	return nil
}

// lookupRows are the rows of l's table, each with its path (the field
// l compares, or the map's key) and its handler (field fn).
func (p *Program) lookupRows(l tableLookup, fn string) ([]tableRow, bool) {
	rd := &dispatchReader{p: p, f: l.f, info: p.info(l.f)}
	init, info := rd.varInit(l.at)
	if init == nil {
		return nil, false
	}
	if l.field == "" {
		lit, ok := init.(*ast.CompositeLit)
		if !ok {
			return nil, false
		}
		if _, isMap := info.TypeOf(lit).Underlying().(*types.Map); !isMap {
			return nil, false
		}
		var out []tableRow
		for _, el := range lit.Elts {
			kv, ok := el.(*ast.KeyValueExpr)
			if !ok {
				return nil, false
			}
			// The row's own path is its key: read its handler alone.
			row, ok := p.tableRow(l.f, info, kv.Value, &routes.Table{Path: fn, Handler: fn})
			if !ok {
				return nil, false
			}
			tv := info.Types[kv.Key]
			row.path, row.pathOK = "", false
			if tv.Value != nil && tv.Value.Kind() == constant.String {
				row.path, row.pathOK = constant.StringVal(tv.Value), true
			}
			out = append(out, row)
		}
		return out, true
	}
	els, ok := p.exprElems(info, init, 0)
	if !ok {
		return nil, false
	}
	var out []tableRow
	for _, el := range els {
		row, ok := p.tableRow(l.f, el.info, el.e, &routes.Table{Path: l.field, Handler: fn})
		if !ok {
			return nil, false
		}
		out = append(out, row)
	}
	return out, true
}

type tableReader struct {
	p      *Program
	parent map[*Func]*Func // the function that calls each, from the handler
}

// tableVar is the package-level variable e names, and the struct type
// of its rows, when it is a slice, array or (keyed by strings) map of
// structs or pointers to structs.
func tableVar(info *types.Info, e ast.Expr) (*types.Var, *ast.Ident, types.Type, bool) {
	var id *ast.Ident
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr: // pkg.routes
		if _, isSel := info.Selections[x]; !isSel {
			id = x.Sel
		}
	}
	if id == nil {
		return nil, nil, nil, false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
		return nil, nil, nil, false
	}
	var el types.Type
	isMap := false
	switch t := v.Type().Underlying().(type) {
	case *types.Slice:
		el = t.Elem()
	case *types.Array:
		el = t.Elem()
	case *types.Map:
		if b, ok := t.Key().Underlying().(*types.Basic); !ok || b.Kind() != types.String {
			return nil, nil, nil, false
		}
		el, isMap = t.Elem(), true
	default:
		return nil, nil, nil, false
	}
	if ptr, ok := el.Underlying().(*types.Pointer); ok {
		el = ptr.Elem()
	}
	if _, ok := el.Underlying().(*types.Struct); !ok {
		return nil, nil, nil, false
	}
	return v, id, el, isMap
}

// lookups are f's lookups of a row of a package-level table by a value
// from the request's URL.
func (tr *tableReader) lookups(f *Func) []tableLookup {
	info := tr.p.info(f)
	body := funcBody(f)
	if info == nil || body == nil {
		return nil
	}
	var out []tableLookup
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IndexExpr:
			if v, at, el, isMap := tableVar(info, x.X); v != nil && isMap && tr.fromURL(f, x.Index, 0, nil) {
				out = append(out, tableLookup{table: v, elem: el, f: f, at: at})
			}
		case *ast.RangeStmt:
			v, at, el, isMap := tableVar(info, x.X)
			id, _ := x.Value.(*ast.Ident)
			if v == nil || isMap || id == nil {
				return true
			}
			row := info.Defs[id]
			if row == nil {
				row = info.Uses[id]
			}
			if field := tr.compared(f, info, x.Body, row); field != "" {
				out = append(out, tableLookup{table: v, elem: el, field: field, f: f, at: at})
			}
		}
		return true
	})
	return out
}

// compared is the string field of row that body compares with a value
// from the request's URL, "" when none.
func (tr *tableReader) compared(f *Func, info *types.Info, body *ast.BlockStmt, row types.Object) string {
	field := func(e ast.Expr) string {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			return ""
		}
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); !ok || info.Uses[id] != row {
			return ""
		}
		if b, ok := info.TypeOf(sel).Underlying().(*types.Basic); !ok || b.Kind() != types.String {
			return ""
		}
		return sel.Sel.Name
	}
	found := ""
	ast.Inspect(body, func(n ast.Node) bool {
		if found != "" {
			return false
		}
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BinaryExpr:
			if x.Op != token.EQL {
				return true
			}
			if name := field(x.X); name != "" && tr.fromURL(f, x.Y, 0, nil) {
				found = name
			} else if name := field(x.Y); name != "" && tr.fromURL(f, x.X, 0, nil) {
				found = name
			}
		case *ast.CallExpr:
			fn, _ := typeutil.Callee(info, x).(*types.Func)
			if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "strings" || fn.Name() != "HasPrefix" || len(x.Args) != 2 {
				return true
			}
			if name := field(x.Args[1]); name != "" && tr.fromURL(f, x.Args[0], 0, nil) {
				found = name
			}
		}
		return true
	})
	return found
}

// rowFuncCall is a call of a func-typed field of a struct.
type rowFuncCall struct {
	row   types.Type // the struct
	field string
	pos   token.Pos // the call's Lparen
}

// funcFieldCalls are f's calls of a func-typed field of a struct value.
func (tr *tableReader) funcFieldCalls(f *Func) []rowFuncCall {
	info := tr.p.info(f)
	body := funcBody(f)
	if info == nil || body == nil {
		return nil
	}
	var out []rowFuncCall
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if !ok {
				return true
			}
			s, ok := info.Selections[sel]
			if !ok || s.Kind() != types.FieldVal {
				return true
			}
			if _, isFunc := s.Obj().Type().Underlying().(*types.Signature); !isFunc {
				return true
			}
			recv := s.Recv()
			if ptr, ok := recv.Underlying().(*types.Pointer); ok {
				recv = ptr.Elem()
			}
			out = append(out, rowFuncCall{row: recv, field: s.Obj().Name(), pos: x.Lparen})
		}
		return true
	})
	return out
}

func funcBody(f *Func) *ast.BlockStmt {
	switch s := f.syntax.(type) {
	case *ast.FuncDecl:
		return s.Body
	case *ast.FuncLit:
		return s.Body
	}
	return nil
}

// maxURLDepth bounds the locals, parameters and calls a value is
// followed through to the request's URL.
const maxURLDepth = 4

// fromURL reports whether e, in f, is taken from the request's URL: it
// reads r.URL or r.RequestURI of an *http.Request, or a local set from
// such a value, or a parameter f's caller (from the handler) passes one,
// or the result of a call of the module's function returning one. arg,
// when set, says whether f's i-th parameter is (f's body being read for
// one call of it).
func (tr *tableReader) fromURL(f *Func, e ast.Expr, depth int, arg func(i int) bool) bool {
	info := tr.p.info(f)
	if info == nil || depth > maxURLDepth {
		return false
	}
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.SelectorExpr:
			if (x.Sel.Name == "URL" || x.Sel.Name == "RequestURI") && isRequest(info.TypeOf(x.X)) {
				found = true
			}
		case *ast.Ident:
			v, ok := info.Uses[x].(*types.Var)
			if !ok || v.IsField() {
				return true
			}
			if i := paramOf(f, info, v); i >= 0 {
				found = arg != nil && arg(i) || arg == nil && tr.callerPasses(f, i, depth)
				return false
			}
			found = tr.localFromURL(f, info, v, depth, arg)
		case *ast.CallExpr:
			fn, _ := typeutil.Callee(info, x).(*types.Func)
			if fn == nil {
				return true
			}
			g := tr.p.Func(fn)
			if g == nil || funcBody(g) == nil {
				return true
			}
			found = tr.returnsURL(g, depth+1, func(i int) bool {
				return i < len(x.Args) && tr.fromURL(f, x.Args[i], depth+1, arg)
			})
		}
		return !found
	})
	return found
}

// paramOf is the index of v among f's parameters, -1 when it is none.
func paramOf(f *Func, info *types.Info, v *types.Var) int {
	var ft *ast.FuncType
	switch s := f.syntax.(type) {
	case *ast.FuncDecl:
		ft = s.Type
	case *ast.FuncLit:
		ft = s.Type
	default:
		return -1
	}
	i := 0
	for _, field := range ft.Params.List {
		if len(field.Names) == 0 {
			i++
			continue
		}
		for _, name := range field.Names {
			if info.Defs[name] == v {
				return i
			}
			i++
		}
	}
	return -1
}

// callerPasses reports whether f's caller, on the way from the handler,
// passes its i-th parameter a value from the request's URL.
func (tr *tableReader) callerPasses(f *Func, i, depth int) bool {
	caller := tr.parent[f]
	if caller == nil {
		return false
	}
	for _, c := range caller.Calls {
		if c.Expr == nil || i >= len(c.Expr.Args) || !containsFunc(c.Callees, f) {
			continue
		}
		if tr.fromURL(caller, c.Expr.Args[i], depth+1, nil) {
			return true
		}
	}
	return false
}

// localFromURL reports whether a local v of f is set from the request's
// URL somewhere in f.
func (tr *tableReader) localFromURL(f *Func, info *types.Info, v *types.Var, depth int, arg func(int) bool) bool {
	body := funcBody(f)
	if body == nil || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	found := false
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && (info.Defs[id] == v || info.Uses[id] == v)
	}
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch x := n.(type) {
		case *ast.AssignStmt:
			for i, l := range x.Lhs {
				if !is(l) {
					continue
				}
				rhs := x.Rhs[0]
				if len(x.Lhs) == len(x.Rhs) {
					rhs = x.Rhs[i]
				}
				if tr.fromURL(f, rhs, depth+1, arg) {
					found = true
				}
			}
		case *ast.ValueSpec:
			for i, name := range x.Names {
				if info.Defs[name] != v || len(x.Values) == 0 {
					continue
				}
				rhs := x.Values[0]
				if len(x.Names) == len(x.Values) {
					rhs = x.Values[i]
				}
				if tr.fromURL(f, rhs, depth+1, arg) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// returnsURL reports whether a return of g returns a value from the
// request's URL, arg saying which of g's parameters are.
func (tr *tableReader) returnsURL(g *Func, depth int, arg func(int) bool) bool {
	body := funcBody(g)
	if body == nil || depth > maxURLDepth {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			for _, res := range x.Results {
				if tr.fromURL(g, res, depth, arg) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// tableDispatched are the routes of the rows of the table r's handler
// dispatches through (see above), none when it has none.
func (p *Program) tableDispatched(r *routes.Route) []*routes.Route {
	s := p.tableOfRoute(r)
	if s == nil {
		return nil
	}
	prefix := r.Pattern
	if i := strings.IndexByte(prefix, ' '); i >= 0 {
		prefix = prefix[i+1:]
	}
	prefix = strings.TrimSuffix(prefix, "/")
	var out []*routes.Route
	for i, row := range s.rows {
		path := "…"
		if row.pathOK {
			path = row.path
		}
		if !strings.HasPrefix(path, "/") {
			path = "/" + path
		}
		path = prefix + path
		dr := *r
		dr.Pattern, dr.Key, dr.Pos = path, r.Method+" "+path, row.pos
		dr.Request = nil // the pass's steps are every row's
		h := *r.Handler  // what RouteEntry starts from: the dispatcher's
		h.Name = row.handler.Name
		dr.Handler = &h
		mws := append([]*routes.Handler(nil), r.Middlewares...)
		mws = append(mws, &routes.Handler{Name: r.Handler.Name})
		for _, m := range row.mws {
			mws = append(mws, &routes.Handler{Name: m.Name}) // named: the row's function is the part
		}
		dr.Middlewares = mws
		if p.tableOf == nil {
			p.tableOf = map[*routes.Route]tableDerived{}
		}
		p.tableOf[&dr] = tableDerived{s, i}
		out = append(out, &dr)
	}
	return out
}

// TableReplaced reports whether r's routes split off the table its
// handler dispatches through stand for it whole (see above): r is no
// route of its own.
func (p *Program) TableReplaced(r *routes.Route) bool {
	return p.dispatchOf(r) == nil && p.tableOfRoute(r) != nil
}

// Dispatchers names the functions from r's handler down to the call of
// its table's row's func (see above), nil when r dispatches through no
// table: a handler-shaped one of them no registration names (Gokapi's
// api.Process, which the registered processApi calls) is r's code, not
// a route of its own.
func (p *Program) Dispatchers(r *routes.Route) []string {
	s := p.tableOfRoute(r)
	if s == nil {
		return nil
	}
	var out []string
	for _, f := range s.chain {
		out = append(out, f.Name)
	}
	return out
}

// tableParts are the parts of a route split off a table (or of the
// route dispatching through it), in place of the handler's part: the
// functions from the handler down to the call of the row's func, each
// without its call of the next (a part of its own) and the last without
// that call; then the row's function. nil when r is neither.
func (p *Program) tableParts(r *routes.Route, parts []Part) []Part {
	d, own := p.tableOf[r]
	split := d.split
	if split == nil {
		split = p.tableOfRoute(r)
	}
	if split == nil {
		return nil
	}
	var last []Part
	if own {
		h := split.rows[d.row].handler
		var g *Func
		switch {
		case h.Func != nil:
			g = p.Func(h.Func)
		case h.Lit != nil:
			g = p.Closure(h.Lit)
		}
		if g != nil {
			last = []Part{{From: "handler", Func: g}}
		}
	}
	return splitParts(parts, split.chain, func(i int, f *Func) (map[*Call]bool, []Part) {
		skip := map[*Call]bool{}
		for _, c := range f.Calls {
			if i+1 < len(split.chain) && containsFunc(c.Callees, split.chain[i+1]) || i+1 == len(split.chain) && c.Pos == split.dyn {
				skip[c] = true
			}
		}
		return skip, nil
	}, last)
}
