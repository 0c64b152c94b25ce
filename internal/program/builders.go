package program

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/internal/httpapi"
	"github.com/sqlheat/sqlheat/passes/routes"
)

// A route table may also be what a module's own route builder makes: a
// registration function ranging over values its callers pass,
//
//	func Attach(router *mux.Router, prefix string, routes ...*Handled) {
//		for _, r := range routes {
//			router.PathPrefix(prefix).Methods(r.Verb).Path(r.Tpl).Handler(instrument(r))
//		}
//	}
//
// called with the slices functions return, whose elements are fluent
// chains of the module's own constructors and methods:
//
//	func Routes(app *App) []*route.Handled {
//		var routes []*route.Handled
//		routes = append(routes,
//			route.Get("/session").SecuredWith(originSecurity).Handle(getSession(app)),
//		)
//		return routes
//	}
//
// (the routes pass says which fields of the element the registration
// reads and which parameter it ranges over: routes.Table's Param). Each
// caller's argument is read as a table (spread from a call, a slice, or
// the values passed one by one); a function returning a local slice
// built by appends returns what is appended. An element is a struct
// literal, or a call of a module function or method whose one return is
// such a literal, read field by field: a field given a parameter is the
// argument of the call (route.Get's tpl), the receiver the call's
// receiver, and an embedded field's fields promoted (the value Handle
// returns embeds the one SecuredWith returns, which embeds Get's). The
// route's method and path are the fields the registration reads, its
// prefix the caller's argument when constant ("…" else). When the element
// is itself the handler (Table.Self: registered as a value serving with
// its own ServeHTTP), its handler is the one field of a handler's type
// that ServeHTTP reads, and the fields of a middleware's type it reads
// (hr.security(hr.handler)) are the route's middlewares. A value never
// passed to such a function is no route; nor is a struct with method- and
// path-like fields that no registration ranges over (a client's request).

// maxBuild bounds the calls and variables an element is followed through.
const maxBuild = 8

// bval is an expression in its package, with what the parameters of the
// builder call it is read in hold.
type bval struct {
	e    ast.Expr
	info *types.Info
	env  map[*types.Var]bval
}

// built is a value a builder makes: its struct type's fields, promoted
// ones included, and the values they are given.
type built struct {
	typ    types.Type // the struct's named type
	fields map[string]bval
	vars   map[string]*types.Var
}

// paramTabled are the rows of the tables r's registration function is
// called with (r.Table.Param), over every call of it the graph has.
func (p *Program) paramTabled(r *routes.Route) ([]*routes.Route, bool) {
	t := r.Table
	f := p.FuncAt(r.Pos)
	if f == nil || f.closure || f.sig == nil || t.Param >= f.sig.Params().Len() {
		return nil, false
	}
	var out []*routes.Route
	all, calls := true, 0
	for _, g := range p.list {
		if g.Synthetic || g.instance {
			continue
		}
		info := p.info(g)
		for _, c := range g.Calls {
			if c.Expr == nil || info == nil || !containsFunc(c.Callees, f) {
				continue
			}
			if r.Through.IsValid() && c.Expr.Lparen != r.Through {
				continue // another call's router: its own table
			}
			calls++
			els, ok := p.argElems(g, info, c.Expr, f.sig, t.Param)
			if !ok {
				all = false
				continue
			}
			tc := *t
			if t.PrefixParam >= 0 {
				prefix := "…"
				if t.PrefixParam < len(c.Expr.Args) {
					if tv, ok := info.Types[c.Expr.Args[t.PrefixParam]]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
						prefix = strings.TrimRight(constant.StringVal(tv.Value), "/")
					}
				}
				tc.Before = prefix + tc.Before
			}
			rc := *r
			rc.Table = &tc
			for _, el := range els {
				row, ok := p.builtRow(g, el, &tc)
				if !ok {
					all = false
					continue
				}
				out = append(out, rc.Row(row.method, row.path, row.pathOK, row.handler, row.mws, row.pos))
				if len(out) > maxTableRows {
					return nil, false
				}
			}
		}
	}
	return out, all && calls > 0
}

// argElems are the elements of the table a call in g passes for
// parameter i: a variadic one's values passed one by one, or spread
// (f(xs...)); a local variable of g's, the tables it is given and the
// values appended to it (routes := []Route{...}; register(r, routes)).
func (p *Program) argElems(g *Func, info *types.Info, call *ast.CallExpr, sig *types.Signature, i int) ([]elem, bool) {
	if sig.Variadic() && i == sig.Params().Len()-1 && !call.Ellipsis.IsValid() {
		var out []elem
		for _, a := range call.Args[min(i, len(call.Args)):] {
			out = append(out, elem{a, info})
		}
		return out, true
	}
	if i >= len(call.Args) {
		return nil, false
	}
	if id, ok := ast.Unparen(call.Args[i]).(*ast.Ident); ok && g.syntax != nil {
		if v, isVar := info.Uses[id].(*types.Var); isVar && p.isLocal(v) {
			return p.varElems(g.syntax, info, v, 0)
		}
	}
	return p.exprElems(info, call.Args[i], 0)
}

// isLocal reports whether v is a variable declared in a function.
func (p *Program) isLocal(v *types.Var) bool {
	return v != nil && !v.IsField() && v.Pkg() != nil && v.Parent() != nil && v.Parent() != v.Pkg().Scope()
}

// varElems are the elements of a local slice a function builds: the
// tables it is given and the values appended to it (xs = append(xs,
// a, b), xs = append(xs, more()...)); false when it is written any other
// way, or its address taken.
func (p *Program) varElems(fn ast.Node, info *types.Info, v *types.Var, depth int) ([]elem, bool) {
	var out []elem
	ok := true
	is := func(e ast.Expr) bool {
		id, isID := ast.Unparen(e).(*ast.Ident)
		return isID && (info.Uses[id] == v || info.Defs[id] == v)
	}
	value := func(e ast.Expr) {
		if call, isCall := ast.Unparen(e).(*ast.CallExpr); isCall && len(call.Args) > 0 && is(call.Args[0]) {
			if id, isID := ast.Unparen(call.Fun).(*ast.Ident); isID {
				if _, builtin := info.Uses[id].(*types.Builtin); builtin && id.Name == "append" {
					for i, arg := range call.Args[1:] {
						if call.Ellipsis.IsValid() && i == len(call.Args)-2 {
							els, elOK := p.exprElems(info, arg, depth+1)
							ok = ok && elOK
							out = append(out, els...)
							continue
						}
						out = append(out, elem{arg, info})
					}
					return
				}
			}
		}
		els, elOK := p.exprElems(info, e, depth+1)
		ok = ok && elOK
		out = append(out, els...)
	}
	ast.Inspect(fn, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.AssignStmt:
			for i, l := range x.Lhs {
				if !is(l) {
					continue
				}
				if len(x.Lhs) != len(x.Rhs) || (x.Tok != token.ASSIGN && x.Tok != token.DEFINE) {
					ok = false
					break
				}
				value(x.Rhs[i])
			}
		case *ast.ValueSpec:
			for i, name := range x.Names {
				if info.Defs[name] != v || len(x.Values) == 0 {
					continue
				}
				if len(x.Values) != len(x.Names) {
					ok = false
					break
				}
				value(x.Values[i])
			}
		case *ast.UnaryExpr:
			if x.Op == token.AND && is(x.X) {
				ok = false
			}
		case *ast.RangeStmt:
			if is(x.Key) || is(x.Value) {
				ok = false
			}
		}
		return ok
	})
	return out, ok
}

// localWrite is the one value a local variable is given, in the function
// declaring it; false when it is given none, or more, or its address is
// taken.
func (p *Program) localWrite(info *types.Info, v *types.Var) (ast.Expr, bool) {
	vals, ok := p.localWrites(info, v)
	if !ok || len(vals) != 1 {
		return nil, false
	}
	return vals[0], true
}

// localWrites are the values a local variable is given, in the function
// declaring it; false when its address is taken, it is ranged into, or
// it is a parameter.
func (p *Program) localWrites(info *types.Info, v *types.Var) ([]ast.Expr, bool) {
	if !p.isLocal(v) {
		return nil, false
	}
	f := p.FuncAt(v.Pos())
	if f == nil || f.syntax == nil {
		return nil, false
	}
	var vals []ast.Expr
	ok := true
	is := func(e ast.Expr) bool {
		id, isID := ast.Unparen(e).(*ast.Ident)
		return isID && (info.Uses[id] == v || info.Defs[id] == v)
	}
	ast.Inspect(f.syntax, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.AssignStmt:
			for i, l := range x.Lhs {
				if is(l) {
					if len(x.Lhs) != len(x.Rhs) {
						ok = false
					} else {
						vals = append(vals, x.Rhs[i])
					}
				}
			}
		case *ast.ValueSpec:
			for i, name := range x.Names {
				if info.Defs[name] == v && len(x.Values) > 0 { // var x T: its zero value, no builder's
					if len(x.Values) != len(x.Names) {
						ok = false
					} else {
						vals = append(vals, x.Values[i])
					}
				}
			}
		case *ast.UnaryExpr:
			if x.Op == token.AND && is(x.X) {
				ok = false
			}
		case *ast.RangeStmt:
			if is(x.Key) || is(x.Value) {
				ok = false
			}
		case *ast.FuncDecl:
			if x.Type.Params != nil {
				for _, fl := range x.Type.Params.List {
					for _, name := range fl.Names {
						if info.Defs[name] == v {
							ok = false // a parameter
						}
					}
				}
			}
		}
		return ok
	})
	return vals, ok
}

// resolve follows v through the parameters of the builder calls it is
// read in and through local variables written once.
func (p *Program) resolve(v bval) bval {
	for range maxBuild {
		id, ok := ast.Unparen(v.e).(*ast.Ident)
		if !ok {
			return v
		}
		obj, _ := v.info.Uses[id].(*types.Var)
		if obj == nil {
			return v
		}
		if a, ok := v.env[obj]; ok {
			v = a
			continue
		}
		w, ok := p.localWrite(v.info, obj)
		if !ok {
			return v
		}
		v = bval{w, v.info, v.env}
	}
	return v
}

// build reads the value an element's expression makes (see above);
// false when it is no struct literal nor a builder's call.
func (p *Program) build(v bval, depth int) (*built, bool) {
	if depth > maxBuild {
		return nil, false
	}
	v = p.resolve(v)
	e := ast.Unparen(v.e)
	if id, ok := e.(*ast.Ident); ok {
		return p.buildAlternatives(v, id, depth)
	}
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		typ := v.info.TypeOf(x)
		if ptr, ok := typ.Underlying().(*types.Pointer); ok {
			typ = ptr.Elem()
		}
		st, ok := typ.Underlying().(*types.Struct)
		if !ok {
			return nil, false
		}
		b := &built{typ: typ, fields: map[string]bval{}, vars: map[string]*types.Var{}}
		var embedded []string
		for i, el := range x.Elts {
			var f *types.Var
			val := el
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				id, isID := kv.Key.(*ast.Ident)
				if !isID {
					return nil, false
				}
				for j := 0; j < st.NumFields(); j++ {
					if st.Field(j).Name() == id.Name {
						f = st.Field(j)
					}
				}
				val = kv.Value
			} else if i < st.NumFields() {
				f = st.Field(i)
			}
			if f == nil {
				return nil, false
			}
			b.fields[f.Name()] = bval{val, v.info, v.env}
			b.vars[f.Name()] = f
			if f.Embedded() {
				embedded = append(embedded, f.Name())
			}
		}
		// An embedded field's fields, where the outer gives none of its own
		// name (an unknown embedded value gives none).
		for _, name := range embedded {
			sub, ok := p.build(b.fields[name], depth+1)
			if !ok {
				continue
			}
			for k, fv := range sub.fields {
				if _, own := b.vars[k]; !own {
					b.fields[k] = fv
					b.vars[k] = sub.vars[k]
				}
			}
		}
		return b, true
	case *ast.CallExpr:
		if tv, ok := v.info.Types[x.Fun]; ok && tv.IsType() {
			return nil, false
		}
		fn, ok := typeutil.Callee(v.info, x).(*types.Func)
		if !ok {
			return nil, false
		}
		sig := fn.Type().(*types.Signature)
		if sig.Variadic() || sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) {
			return nil, false
		}
		g := p.Func(fn)
		if g == nil {
			return nil, false
		}
		decl, ok := g.syntax.(*ast.FuncDecl)
		ginfo := p.info(g)
		if !ok || decl.Body == nil || ginfo == nil {
			return nil, false
		}
		var rets []*ast.ReturnStmt
		ast.Inspect(decl.Body, func(n ast.Node) bool {
			switch r := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				rets = append(rets, r)
			}
			return true
		})
		if len(rets) != 1 || len(rets[0].Results) != 1 {
			return nil, false
		}
		env := map[*types.Var]bval{}
		i := 0
		for _, fl := range decl.Type.Params.List {
			for _, name := range fl.Names {
				if pv, ok := ginfo.Defs[name].(*types.Var); ok && i < len(x.Args) {
					env[pv] = bval{x.Args[i], v.info, v.env}
				}
				i++
			}
			if len(fl.Names) == 0 {
				i++
			}
		}
		if decl.Recv != nil && len(decl.Recv.List) == 1 && len(decl.Recv.List[0].Names) == 1 {
			sel, isSel := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if rv, ok := ginfo.Defs[decl.Recv.List[0].Names[0]].(*types.Var); ok && isSel {
				env[rv] = bval{sel.X, v.info, v.env}
			}
		}
		return p.build(bval{rets[0].Results[0], ginfo, env}, depth+1)
	}
	return nil, false
}

// buildAlternatives reads a local variable given several values, each
// a builder's (if post { rt = route.Post(p) } else { rt = route.Get(p)
// }): the fields all of them give the same text (a constant, or a
// concatenation read as pathText does); the others are not known.
func (p *Program) buildAlternatives(v bval, id *ast.Ident, depth int) (*built, bool) {
	obj, _ := v.info.Uses[id].(*types.Var)
	if obj == nil {
		return nil, false
	}
	vals, ok := p.localWrites(v.info, obj)
	if !ok || len(vals) < 2 {
		return nil, false
	}
	var out *built
	for _, w := range vals {
		b, ok := p.build(bval{w, v.info, v.env}, depth+1)
		if !ok || out != nil && !types.Identical(b.typ, out.typ) {
			return nil, false
		}
		if out == nil {
			out = b
			continue
		}
		for name, fv := range out.fields {
			x, xok := p.pathText(fv, 0)
			y, yok := p.pathText(b.fields[name], 0)
			if _, given := b.fields[name]; !given || !xok || !yok || x != y {
				delete(out.fields, name)
			}
		}
	}
	return out, true
}

// builtRow reads one element a builder makes (see above).
func (p *Program) builtRow(g *Func, el elem, t *routes.Table) (tableRow, bool) {
	b, ok := p.build(bval{el.e, el.info, nil}, 0)
	if !ok {
		return tableRow{}, false
	}
	str := func(name string) (string, bool) {
		fv, ok := b.fields[name]
		if !ok {
			return "", false
		}
		fv = p.resolve(fv)
		tv, ok := fv.info.Types[fv.e]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
			return "", false
		}
		return constant.StringVal(tv.Value), true
	}
	row := tableRow{pos: el.e.Pos()}
	if fv, ok := b.fields[t.Path]; ok {
		row.path, row.pathOK = p.pathText(fv, 0)
	}
	if t.Method != "" {
		row.method = "…"
		if m, ok := str(t.Method); ok {
			row.method = m
		}
	}
	handler := func(name string) (*routes.Handler, []*routes.Handler) {
		fv := p.resolve(b.fields[name])
		return p.rowHandler(g, fv.info, fv.e)
	}
	if !t.Self {
		if _, ok := b.fields[t.Handler]; !ok {
			return tableRow{}, false
		}
		row.handler, row.mws = handler(t.Handler)
		return row, true
	}
	// The element serves: its ServeHTTP's handler field, inside the
	// middleware fields it reads.
	read := p.servedFields(b.typ)
	var hname string
	var mws []string
	for name, f := range b.vars {
		if !read[f] || f.Embedded() {
			continue
		}
		switch {
		case httpapi.IsMiddlewareType(f.Type()):
			mws = append(mws, name)
		case httpapi.IsHandlerType(f.Type()):
			if hname != "" {
				return tableRow{}, false // two: which serves is ServeHTTP's to say
			}
			hname = name
		}
	}
	if hname == "" {
		return tableRow{}, false
	}
	sortStrings(mws)
	for _, m := range mws {
		if _, given := b.fields[m]; !given {
			continue
		}
		h, inner := handler(m)
		row.mws = append(row.mws, h)
		row.mws = append(row.mws, inner...)
	}
	if _, given := b.fields[hname]; !given {
		return tableRow{}, false
	}
	h, inner := handler(hname)
	row.handler = h
	row.mws = append(row.mws, inner...)
	return row, true
}

// pathText is a path field's text: a constant, or a concatenation whose
// parts that are not constant read "…" ("/oauth/"+name reads
// "/oauth/…"); false when no part is constant.
func (p *Program) pathText(v bval, depth int) (string, bool) {
	v = p.resolve(v)
	if tv, ok := v.info.Types[v.e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value), true
	}
	b, ok := ast.Unparen(v.e).(*ast.BinaryExpr)
	if !ok || b.Op != token.ADD || depth > maxBuild {
		return "", false
	}
	x, xok := p.pathText(bval{b.X, v.info, v.env}, depth+1)
	y, yok := p.pathText(bval{b.Y, v.info, v.env}, depth+1)
	if !xok && !yok {
		return "", false
	}
	if !xok {
		x = "…"
	}
	if !yok {
		y = "…"
	}
	if strings.HasSuffix(x, "…") && strings.HasPrefix(y, "…") {
		return x + strings.TrimPrefix(y, "…"), true
	}
	return x + y, true
}

// servedFields are the struct fields the ServeHTTP method of typ (or of
// a pointer to it) reads.
func (p *Program) servedFields(typ types.Type) map[*types.Var]bool {
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(typ), true, nil, "ServeHTTP")
	fn, ok := obj.(*types.Func)
	if !ok {
		return nil
	}
	g := p.Func(fn)
	if g == nil || g.syntax == nil {
		return nil
	}
	info := p.info(g)
	if info == nil {
		return nil
	}
	out := map[*types.Var]bool{}
	ast.Inspect(g.syntax, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if s, ok := info.Selections[sel]; ok && s.Kind() == types.FieldVal {
				if v, ok := s.Obj().(*types.Var); ok {
					out[v] = true
				}
			}
		}
		return true
	})
	return out
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}
