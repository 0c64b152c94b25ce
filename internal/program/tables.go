package program

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/passes/queries"
	"github.com/sqlheat/sqlheat/passes/routes"
)

// A route table returned by a function: the routes pass sees a
// registration in a loop over a call's result read its pattern, method
// and handler from fields of the element,
//
//	for _, d := range set.GetAll() {
//		r.HandleFunc(prefix+d.Path, d.Handler).Methods(d.Method)
//	}
//
// and leaves one route standing for every row (routes.Route.Table). The
// rows are those of the slice or array literals that the functions the
// graph resolves the call to (every implementation of an interface's
// method it may run) return:
//
//	func (h *handlers) GetAll() []*api.Description {
//		return []*api.Description{
//			{"/cards", "POST", h.createCard},
//			{"/cards/{id}", "GET", h.getCard},
//		}
//	}
//
// — returned in place, through a call of another module function, or
// from an unexported field its package writes only such tables, or
// appends them to (h.handlers = append(h.handlers, h.more()...)); nil is
// no rows. Each row is one route, registered at the row: its path and method
// where they are constant strings ("…" for a path that is not), its
// handler the function value the row gives (a method value, a declared
// function, a closure; a conversion to a handler type is looked
// through; in a constructor's call, req.Handle(h.get), the one function
// handed is the handler and the constructor its wrapper). A function
// that returns anything else (a table built in a loop, a variable, a
// call through an interface) leaves its rows unread: the one route
// stays beside the rows read, as it says nothing it does not know.

// maxTableRows bounds the routes one table makes, whatever the number of
// functions that return it.
const maxTableRows = 512

// Tabled are the routes of the rows of the table route r ranges over
// (r.Table), each with its row's method, path and handler, of the
// functions the graph resolves the call to that return literals of rows;
// all says every one of them does: else r stands for the rest.
func (p *Program) Tabled(r *routes.Route) (rows []*routes.Route, all bool) {
	t := r.Table
	if t == nil {
		return nil, false
	}
	if !t.Call.IsValid() {
		return p.paramTabled(r)
	}
	f := p.FuncAt(t.Call)
	if f == nil {
		return nil, false
	}
	var callees []*Func
	for _, c := range f.Calls {
		if c.Pos != t.Call {
			continue
		}
		for _, g := range c.Callees {
			if g.Decl != nil && !g.Synthetic && !g.instance && g.syntax != nil && !containsFunc(callees, g) {
				callees = append(callees, g)
			}
		}
	}
	if len(callees) == 0 {
		return nil, false
	}
	var out []*routes.Route
	all = true
	for _, g := range callees {
		rows, ok := p.tableRows(g, t, 0)
		if !ok {
			all = false
			continue
		}
		for _, row := range rows {
			out = append(out, r.Row(row.method, row.path, row.pathOK, row.handler, row.mws, row.pos))
		}
		if len(out) > maxTableRows {
			return nil, false
		}
	}
	return out, all
}

func containsFunc(fs []*Func, f *Func) bool {
	for _, g := range fs {
		if g == f {
			return true
		}
	}
	return false
}

type tableRow struct {
	pos     token.Pos
	method  string
	path    string
	pathOK  bool
	handler *routes.Handler
	mws     []*routes.Handler // the wrappers the row's handler is made in
	// text is the constant string a field of the row's literal gives.
	text func(field string) (string, bool)
}

// tableRows are the rows of the literals g returns, or of the tables
// of another router g returns again (see derivedRows); false when a
// return of g's is not a literal of struct rows having the table's
// fields.
func (p *Program) tableRows(g *Func, t *routes.Table, depth int) ([]tableRow, bool) {
	els, ok := p.returnElems(g, 0)
	if !ok {
		return p.derivedRows(g, t, depth)
	}
	var out []tableRow
	for _, el := range els {
		row, ok := p.tableRow(g, el.info, el.e, t)
		if !ok {
			return nil, false
		}
		out = append(out, row)
	}
	return out, true
}

// elem is an element of a table, with its package's type information.
type elem struct {
	e    ast.Expr
	info *types.Info
}

// maxTableDepth bounds the calls and fields a table is followed through.
const maxTableDepth = 3

// returnElems are the elements of the tables g's return statements
// return (see exprElems); false when one returns anything else.
func (p *Program) returnElems(g *Func, depth int) ([]elem, bool) {
	decl, ok := g.syntax.(*ast.FuncDecl)
	info := p.info(g)
	if !ok || decl.Body == nil || info == nil || depth > maxTableDepth {
		return nil, false
	}
	var rets []*ast.ReturnStmt
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			rets = append(rets, x)
		}
		return true
	})
	if len(rets) == 0 {
		return nil, false
	}
	var out []elem
	for _, ret := range rets {
		if len(ret.Results) != 1 {
			return nil, false
		}
		if id, isID := ast.Unparen(ret.Results[0]).(*ast.Ident); isID {
			if v, isVar := info.Uses[id].(*types.Var); isVar && p.isLocal(v) {
				els, ok := p.varElems(decl, info, v, depth)
				if !ok {
					return nil, false
				}
				out = append(out, els...)
				continue
			}
		}
		els, ok := p.exprElems(info, ret.Results[0], depth)
		if !ok {
			return nil, false
		}
		out = append(out, els...)
	}
	return out, true
}

// exprElems are the elements a table expression holds: a slice or array
// literal's; nil's, none; a call's of a module function, those of the tables it
// returns; an unexported field's, those of every value its package
// writes to it — a table as above, or appended to it (h.handlers =
// append(h.handlers, h.more()...)) — and gives it in a literal of its
// struct. False for anything else: a table built in a loop, a
// parameter, a field written through a pointer.
func (p *Program) exprElems(info *types.Info, e ast.Expr, depth int) ([]elem, bool) {
	if depth > maxTableDepth {
		return nil, false
	}
	if tv, ok := info.Types[ast.Unparen(e)]; ok && tv.IsNil() {
		return nil, true // no rows
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		switch info.TypeOf(x).Underlying().(type) {
		case *types.Slice, *types.Array, *types.Map:
		default:
			return nil, false
		}
		var out []elem
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value // an array's index, a map's key (a row's name)
			}
			out = append(out, elem{el, info})
		}
		return out, true
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(info, x).(*types.Func)
		if !ok {
			return nil, false
		}
		if sig := fn.Type().(*types.Signature); sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) {
			return nil, false
		}
		g := p.Func(fn)
		if g == nil {
			return nil, false
		}
		return p.returnElems(g, depth+1)
	case *ast.SelectorExpr:
		s, ok := info.Selections[x]
		if !ok || s.Kind() != types.FieldVal {
			return nil, false
		}
		field, _ := s.Obj().(*types.Var)
		if field == nil || field.Pkg() == nil {
			return nil, false
		}
		return p.fieldElems(field, depth+1)
	}
	return nil, false
}

// fieldElems are the elements of the tables a field is written (see
// exprElems): in its package, or, exported, in every package of the
// module (a configuration struct whose Routes field main fills:
// server.Config{Routes: server.APIRoutes(h)}).
func (p *Program) fieldElems(field *types.Var, depth int) ([]elem, bool) {
	pkgs := []string{field.Pkg().Path()}
	if field.Exported() {
		pkgs = p.sortedPaths()
	}
	var out []elem
	ok := true
	for _, path := range pkgs {
		m := p.pkgs[path]
		if m == nil || m.TypesInfo == nil {
			if path == field.Pkg().Path() {
				return nil, false
			}
			continue
		}
		out = append(out, p.fieldElemsIn(m.TypesInfo, m.Syntax, field, depth, &ok)...)
		if !ok {
			return nil, false
		}
	}
	if len(out) == 0 {
		return nil, false
	}
	return out, true
}

// fieldElemsIn are the elements of the tables the files of one package
// write field; ok is cleared where a write cannot be read.
func (p *Program) fieldElemsIn(finfo *types.Info, files []*ast.File, field *types.Var, depth int, ok *bool) []elem {
	isField := func(x ast.Expr) bool {
		sel, isSel := ast.Unparen(x).(*ast.SelectorExpr)
		if !isSel {
			return false
		}
		s, found := finfo.Selections[sel]
		return found && s.Obj() == field
	}
	var out []elem
	value := func(v ast.Expr) {
		if call, isCall := ast.Unparen(v).(*ast.CallExpr); isCall && len(call.Args) > 0 && isField(call.Args[0]) {
			if id, isID := ast.Unparen(call.Fun).(*ast.Ident); isID {
				if _, builtin := finfo.Uses[id].(*types.Builtin); builtin && id.Name == "append" {
					for i, arg := range call.Args[1:] {
						if call.Ellipsis.IsValid() && i == len(call.Args)-2 {
							els, elOK := p.exprElems(finfo, arg, depth)
							*ok = *ok && elOK
							out = append(out, els...)
							continue
						}
						out = append(out, elem{arg, finfo})
					}
					return
				}
			}
		}
		els, elOK := p.exprElems(finfo, v, depth)
		*ok = *ok && elOK
		out = append(out, els...)
	}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.AssignStmt:
				for i, l := range x.Lhs {
					if !isField(l) {
						continue
					}
					if len(x.Lhs) != len(x.Rhs) || x.Tok != token.ASSIGN {
						*ok = false
						break
					}
					value(x.Rhs[i])
				}
			case *ast.UnaryExpr:
				if x.Op == token.AND && isField(x.X) {
					*ok = false // written through a pointer
				}
			case *ast.CompositeLit:
				t := finfo.TypeOf(x)
				if t == nil {
					return *ok
				}
				st, isStruct := t.Underlying().(*types.Struct)
				if !isStruct {
					return *ok
				}
				for i, el := range x.Elts {
					v := el
					if kv, isKV := el.(*ast.KeyValueExpr); isKV {
						if id, isID := kv.Key.(*ast.Ident); !isID || finfo.Uses[id] != field {
							continue
						}
						v = kv.Value
					} else if i >= st.NumFields() || st.Field(i) != field {
						continue
					}
					value(v)
				}
			}
			return *ok
		})
	}
	return out
}

// tableRow reads one element: a struct literal, or a pointer to one.
func (p *Program) tableRow(g *Func, info *types.Info, el ast.Expr, t *routes.Table) (tableRow, bool) {
	e := ast.Unparen(el)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	// A row a helper makes from its arguments (route("/info", info(conf),
	// mws...), returning Route{Path: path, Handler: handler, ...}): its
	// literal, each field that is a parameter read as the call's argument.
	var made *ast.CallExpr
	var params map[types.Object]int
	litInfo := info
	if c, ok := e.(*ast.CallExpr); ok {
		lit, pinfo, ps, ok := p.rowMaker(info, c)
		if !ok {
			return tableRow{}, false
		}
		e, made, params, litInfo = lit, c, ps, pinfo
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return tableRow{}, false
	}
	typ := litInfo.TypeOf(lit)
	if ptr, ok := typ.Underlying().(*types.Pointer); ok {
		typ = ptr.Elem()
	}
	st, ok := typ.Underlying().(*types.Struct)
	if !ok {
		return tableRow{}, false
	}
	inLit := func(name string) (ast.Expr, bool) {
		for i, el := range lit.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
					return kv.Value, true
				}
				continue
			}
			if i < st.NumFields() && st.Field(i).Name() == name {
				return el, true
			}
		}
		return nil, false
	}
	// field is the row's expression for a field, in the caller's terms:
	// a maker's parameter is the argument the row's call passes; what
	// else a maker writes is not the row's.
	field := func(name string) (ast.Expr, bool) {
		x, ok := inLit(name)
		if !ok || made == nil {
			return x, ok
		}
		id, isID := ast.Unparen(x).(*ast.Ident)
		if !isID {
			return nil, false
		}
		i, isParam := params[litInfo.Uses[id]]
		if !isParam || i >= len(made.Args) || made.Ellipsis.IsValid() && i == len(made.Args)-1 {
			return nil, false
		}
		return made.Args[i], true
	}
	str := func(e ast.Expr) (string, bool) {
		tv, ok := info.Types[e]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
			return "", false
		}
		return constant.StringVal(tv.Value), true
	}
	// A method is a constant, or strings.ToUpper or ToLower of one
	// (OpenAPI Generator's go-server: strings.ToUpper("Post")).
	method := func(e ast.Expr) (string, bool) {
		if m, ok := str(e); ok {
			return m, true
		}
		c, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok || len(c.Args) != 1 {
			return "", false
		}
		fn, ok := typeutil.Callee(info, c).(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "strings" || fn.Name() != "ToUpper" && fn.Name() != "ToLower" {
			return "", false
		}
		return str(c.Args[0])
	}
	row := tableRow{pos: lit.Pos()}
	if made != nil {
		row.pos = made.Pos() // the row is the call, where it is written
	}
	row.text = func(name string) (string, bool) {
		if e, ok := field(name); ok {
			return str(e)
		}
		return "", false
	}
	pe, ok := field(t.Path)
	he, hok := field(t.Handler)
	if !ok || !hok {
		return tableRow{}, false
	}
	row.path, row.pathOK = str(pe)
	if t.Method != "" {
		// A method that is not constant leaves the row the registration's
		// (any, when it says none of its own).
		if me, ok := field(t.Method); ok {
			if m, ok := method(me); ok {
				row.method = m
			}
		}
	}
	row.handler, row.mws = p.rowHandler(g, info, he)
	return row, true
}

// rowMaker is the struct literal a row's call returns, when its callee
// is a function of the module whose body is that one return, with its
// package's type information and the callee's parameters by index.
func (p *Program) rowMaker(info *types.Info, c *ast.CallExpr) (*ast.CompositeLit, *types.Info, map[types.Object]int, bool) {
	fn, ok := typeutil.Callee(info, c).(*types.Func)
	if !ok {
		return nil, nil, nil, false
	}
	g := p.Func(fn)
	if g == nil {
		return nil, nil, nil, false
	}
	decl, ok := g.syntax.(*ast.FuncDecl)
	ginfo := p.info(g)
	if !ok || decl.Body == nil || ginfo == nil || len(decl.Body.List) != 1 {
		return nil, nil, nil, false
	}
	ret, ok := decl.Body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return nil, nil, nil, false
	}
	e := ast.Unparen(ret.Results[0])
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return nil, nil, nil, false
	}
	params := map[types.Object]int{}
	i := 0
	for _, f := range decl.Type.Params.List {
		for _, n := range f.Names {
			params[ginfo.Defs[n]] = i
			i++
		}
		if len(f.Names) == 0 {
			i++
		}
	}
	return lit, ginfo, params, true
}

// rowHandler is the handler a row's field gives: a method value or
// declared function, a closure, through conversions to a handler type;
// for anything else, a handler named as written, which the graph does
// not follow.
func (p *Program) rowHandler(g *Func, info *types.Info, e ast.Expr) (*routes.Handler, []*routes.Handler) {
	e = ast.Unparen(e)
	for {
		c, ok := e.(*ast.CallExpr)
		if !ok || len(c.Args) != 1 {
			break
		}
		if tv, ok := info.Types[c.Fun]; !ok || !tv.IsType() {
			break
		}
		e = ast.Unparen(c.Args[0]) // http.HandlerFunc(h.list)
	}
	switch x := e.(type) {
	case *ast.CallExpr:
		// A constructor's (req.Handle(h.getEvent)): what it returns
		// serves, around the one function this call hands it, which is
		// the row's own code; the constructor is named as the wrapper
		// it is (its implementations' closures are the graph's to
		// follow, see RouteEntry).
		fn, ok := typeutil.Callee(info, x).(*types.Func)
		if !ok {
			break
		}
		made := &routes.Handler{Name: queries.FuncName(fn.Origin()), Func: fn.Origin(), Made: x.Lparen}
		var inner *routes.Handler
		for _, arg := range x.Args {
			if _, isFunc := info.TypeOf(arg).Underlying().(*types.Signature); !isFunc {
				continue
			}
			if h, _ := p.rowHandler(g, info, arg); h.Func != nil || h.Lit != nil {
				if inner != nil {
					return made, nil // two: which serves is the constructor's to say
				}
				inner = h
			}
		}
		if inner == nil {
			return made, nil
		}
		return inner, []*routes.Handler{made}
	case *ast.FuncLit:
		name := "func literal"
		if f := p.Closure(x); f != nil {
			name += " in " + f.Name // where it is written: the constructor setting a field's table too
		}
		return &routes.Handler{Name: name, Lit: x}, nil
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[x]; ok {
			if fn, ok := sel.Obj().(*types.Func); ok && sel.Kind() == types.MethodVal {
				return &routes.Handler{Name: queries.FuncName(fn.Origin()), Func: fn.Origin()}, nil
			}
		} else if fn, ok := info.Uses[x.Sel].(*types.Func); ok { // pkg.Handler
			return &routes.Handler{Name: queries.FuncName(fn.Origin()), Func: fn.Origin()}, nil
		}
	case *ast.Ident:
		if fn, ok := info.Uses[x].(*types.Func); ok {
			return &routes.Handler{Name: queries.FuncName(fn.Origin()), Func: fn.Origin()}, nil
		}
	}
	return &routes.Handler{Name: types.ExprString(e)}, nil
}

// derivedRows are the rows of a function returning the table of another
// router's method of its own name, changed — a router mounting another
// under a prefix (tracetest's PrefixedRouter), or wrapping its handlers:
//
//	func (r PrefixedRouter) Routes() openapi.Routes {
//		routes := r.router.Routes()
//		for _, route := range routes {
//			p := route
//			p.Pattern = fmt.Sprintf("%s%s", r.prefix, route.Pattern)
//			prefixed = append(prefixed, p)
//		}
//		return prefixed
//	}
//
// The rows are those of the functions the graph resolves that call to,
// the path under a prefix not known ("…") when the function writes the
// path field of an element, the method the registration's when it
// writes the method field. A handler the function writes is not read:
// the row's own stays the route's, but for one it sets by the row's name
// (see byName). False when g makes no such call, or a function it may
// call returns rows not read.
func (p *Program) derivedRows(g *Func, t *routes.Table, depth int) ([]tableRow, bool) {
	decl, ok := g.syntax.(*ast.FuncDecl)
	info := p.info(g)
	if !ok || decl.Body == nil || info == nil || g.Decl == nil || depth >= maxTableDepth || g.sig.Results().Len() != 1 {
		return nil, false
	}
	res := g.sig.Results().At(0).Type()
	var elemT types.Type
	switch u := res.Underlying().(type) {
	case *types.Slice:
		elemT = u.Elem()
	case *types.Array:
		elemT = u.Elem()
	case *types.Map:
		elemT = u.Elem()
	default:
		return nil, false
	}
	var inner []*Call
	for _, c := range g.Calls {
		if c.Expr == nil {
			continue
		}
		fn, ok := typeutil.Callee(info, c.Expr).(*types.Func)
		if !ok || fn.Name() != g.Decl.Name() {
			continue
		}
		if r := fn.Type().(*types.Signature).Results(); r.Len() != 1 || !types.Identical(r.At(0).Type(), res) {
			continue
		}
		inner = append(inner, c)
	}
	if len(inner) == 0 {
		return nil, false
	}
	var prefixed, methodSet bool
	type named struct {
		field, name string
		h           ast.Expr
	}
	var set []named // handlers set by a row's name
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok {
			return true
		}
		for i, l := range as.Lhs {
			if len(as.Lhs) == len(as.Rhs) {
				if field, name, ok := p.byName(info, l, elemT, t.Handler); ok {
					set = append(set, named{field, name, as.Rhs[i]})
					continue
				}
			}
			sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
			if !ok {
				continue
			}
			s, ok := info.Selections[sel]
			if !ok || s.Kind() != types.FieldVal || !types.Identical(derefType(s.Recv()), derefType(elemT)) {
				continue
			}
			switch sel.Sel.Name {
			case t.Path:
				prefixed = true
			case t.Method:
				methodSet = true
			}
		}
		return true
	})
	var out []tableRow
	for _, c := range inner {
		for _, h := range c.Callees {
			if h == g || h.Decl == nil || h.Synthetic || h.instance || h.syntax == nil {
				continue
			}
			rows, ok := p.tableRows(h, t, depth+1)
			if !ok {
				return nil, false
			}
			for _, r := range rows {
				if prefixed && r.pathOK {
					r.path = "…" + r.path
				}
				if methodSet {
					r.method = ""
				}
				for _, s := range set {
					if v, ok := r.text(s.field); ok && v == s.name {
						r.handler, r.mws = p.rowHandler(g, info, s.h)
					}
				}
				out = append(out, r)
			}
		}
	}
	return out, true
}

// byName reads an assignment's left side that sets the handler field of
// the row a function finds by its name — tracetest's customController:
//
//	routes[c.getRouteIndex("GetTestRuns")].HandlerFunc = c.GetTestRuns
//
//	func (c *customController) getRouteIndex(key string) int {
//		for i, r := range routes {
//			if r.Name == key {
//				return i
//			}
//		}
//		...
//	}
//
// the index a call of a module function with one constant string, whose
// body compares that parameter with a field of an element. It gives the
// field and the constant; false for anything else.
func (p *Program) byName(info *types.Info, l ast.Expr, elemT types.Type, handler string) (field, name string, ok bool) {
	sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != handler {
		return "", "", false
	}
	ix, ok := ast.Unparen(sel.X).(*ast.IndexExpr)
	if !ok {
		return "", "", false
	}
	call, ok := ast.Unparen(ix.Index).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return "", "", false
	}
	tv, ok := info.Types[call.Args[0]]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", "", false
	}
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok {
		return "", "", false
	}
	g := p.Func(fn)
	if g == nil {
		return "", "", false
	}
	decl, ok := g.syntax.(*ast.FuncDecl)
	ginfo := p.info(g)
	if !ok || decl.Body == nil || ginfo == nil || g.sig.Params().Len() != 1 {
		return "", "", false
	}
	param := g.sig.Params().At(0)
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		b, isBin := n.(*ast.BinaryExpr)
		if !isBin || b.Op != token.EQL || field != "" {
			return field == ""
		}
		for _, pair := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
			id, isID := ast.Unparen(pair[1]).(*ast.Ident)
			fs, isSel := ast.Unparen(pair[0]).(*ast.SelectorExpr)
			if !isID || !isSel || ginfo.Uses[id] != param {
				continue
			}
			if s, ok := ginfo.Selections[fs]; ok && s.Kind() == types.FieldVal && types.Identical(derefType(s.Recv()), derefType(elemT)) {
				field = fs.Sel.Name
			}
		}
		return field == ""
	})
	if field == "" {
		return "", "", false
	}
	return field, constant.StringVal(tv.Value), true
}
