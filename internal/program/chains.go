package program

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/sqlheat/sqlheat/internal/httpapi"
	"github.com/sqlheat/sqlheat/passes/queries"
)

// A middleware chain builder registers a handler as the result of a
// method call on a chain value, built by calls on values of its own type:
//
//	std := NewChain(mw.Log)                     // alice.New(m1, m2)
//	authed := std.Append(mw.Auth(true))         // chain.Append(m3)
//	router.Handle("/items", authed.Then(list))  // chain.ThenFunc(f)
//	router.Handle("/item", authed.AppendChain(NewChain(mw.Item)).Then(get))
//
// The builder stores the handler and the middlewares in its values (a
// field, a parent link, a slice) and a ServeHTTP of its own builds the
// chain per request: the graph, following that field's call, reaches
// every handler any route hands over, and no route's own. Whatever the
// builder does with them, the route runs what its registration's call
// hands over — its func-typed (or handler-typed) arguments that are the
// module's functions, its handler — and, around it, the middlewares
// handed along the receiver's construction: the receiver followed back
// through locals assigned once (or by statements of one block: the last
// before the call) and calls on values of its type (X =
// Y.Append(ms...), X = NewChain(ms...), X = Y.AppendChain(Z): Y's, then
// Z's) or into the one value a function making it returns (stdChain(),
// app.dynamic()), each call's arguments in order, outermost first; a
// middleware is an argument of a wrapper's type (see wrapper); a
// constructor called with arguments (mw.Auth(true)) stands for the
// middleware closure it returns (see served). A receiver whose
// construction is not seen (a parameter, a field) hands over no known
// middlewares: the route still runs its own handler. A call handing over
// a whole router (alice's standard.Then(mux)) gives each of its routes
// the chain's middlewares, around their own.

// chainLink is a middleware a chain's construction hands over: its
// name (the route's part's From) and the functions that serve it.
type chainLink struct {
	name  string
	funcs []*Func
}

// maxChainDepth bounds how far chainOf follows a receiver back.
const maxChainDepth = 16

// chainOf is what the method call at pos, on a value of a chain type,
// hands over: the middlewares of its receiver's construction, outermost
// first, and the module functions its own arguments are (the handler).
// ok is false when the call is no method call of a non-interface type
// handing over a function or a handler (a router: alice's
// standard.Then(mux)).
func (p *Program) chainOf(pos token.Pos) (mws []chainLink, handed []chainLink, serves, ok bool) {
	f := p.FuncAt(pos)
	if f == nil || f.syntax == nil {
		return nil, nil, false, false
	}
	info := p.info(f)
	if info == nil {
		return nil, nil, false, false
	}
	var call *ast.CallExpr
	ast.Inspect(f.syntax, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok && c.Lparen == pos {
			call = c
		}
		return call == nil
	})
	if call == nil {
		return nil, nil, false, false
	}
	t := chainRecv(info, call)
	if t == nil {
		return nil, nil, false, false
	}
	cw := &chainWalk{p: p, info: info, t: t, file: p.fileOf(f)}
	own, isMW := cw.argMiddlewares(call)
	hands := false
	for i, arg := range call.Args {
		if call.Ellipsis.IsValid() && i == len(call.Args)-1 {
			break
		}
		if isMW[i] {
			continue // wraps the handler: one of own
		}
		if t := info.TypeOf(arg); !cw.same(t) && (funcValued(t) || hasServeHTTP(t)) {
			hands = true // a router, a function of another module's, too
			if l, ok := cw.link(arg, 0); ok {
				handed = append(handed, l)
			}
		}
	}
	if !hands {
		return nil, nil, false, false // a constructor method (h.list()): no chain
	}
	sel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return append(cw.links(sel.X, 0), own...), handed, isMW != nil, true
}

// An adapter's call may hand over, besides the handler, the middlewares
// that wrap it at registration, the handler's own, inside the chain's:
//
//	r.Get("/users/self", chain.ToHandlerFunc(ctrl.HandleSelf(), userMW...))
//	userMW := []errchain.Middleware{a.mwAuthToken, a.mwRoles("user")}
//
// A middleware here is an argument after the handler whose type is a
// function taking and returning one type that the handler's parameter
// is assignable to (errchain's func(Handler) Handler, given a
// HandlerFunc): the types say it wraps that handler, whatever the
// adapter's names. Handed one by one, or spread from a slice literal (a
// local assigned once): each, by name, runs on the route around its
// handler, what it returns serving (see wrapped). A slice not seen (a
// parameter, appended to) hands over none known. A func of another
// shape (a logger, net/http's middleware given an adapter of another
// handler type) is no middleware of the handler's: it stays as it was,
// a function the call hands over.

// argMiddlewares are the middlewares call hands over after its handler,
// in order (see above), and the indexes of the arguments that are of a
// middleware's type (true) and of the handler they wrap (false): nil when
// the callee's parameters take no handler and middlewares of its type.
func (cw *chainWalk) argMiddlewares(call *ast.CallExpr) ([]chainLink, map[int]bool) {
	sig, _ := cw.info.TypeOf(call.Fun).(*types.Signature)
	if sig == nil {
		return nil, nil
	}
	n := sig.Params().Len()
	// param is the type of the argument at i, for a variadic's an
	// element's (spread or not).
	param := func(i int) types.Type {
		if sig.Variadic() && i >= n-1 {
			return sig.Params().At(n - 1).Type().(*types.Slice).Elem()
		}
		if i < n {
			return sig.Params().At(i).Type()
		}
		return nil
	}
	handler := -1
	for i := 0; i < n && handler < 0; i++ {
		if funcValued(param(i)) {
			for j := i + 1; j < n; j++ {
				if wraps(param(j), param(i)) {
					handler = i
					break
				}
			}
		}
	}
	if handler < 0 || handler >= len(call.Args) {
		return nil, nil
	}
	isMW := map[int]bool{handler: false} // the handler the call wraps
	var out []chainLink
	for j := handler + 1; j < len(call.Args); j++ {
		if !wraps(param(j), param(handler)) {
			continue
		}
		isMW[j] = true
		elems := []ast.Expr{call.Args[j]}
		if call.Ellipsis.IsValid() && j == len(call.Args)-1 {
			elems = cw.sliceElems(call.Args[j])
		}
		for _, e := range elems {
			if l, ok := cw.link(e, 1); ok {
				l.funcs = wrapped(l.funcs, 0)
				out = append(out, l)
			}
		}
	}
	return out, isMW
}

// wraps says a value of m wraps a handler of type h: m is a function of
// one parameter and one result of the same type, which h is assignable
// to.
func wraps(m, h types.Type) bool {
	if m == nil || h == nil {
		return false
	}
	sig, ok := m.Underlying().(*types.Signature)
	if !ok || sig.Params().Len() != 1 || sig.Results().Len() != 1 || sig.Variadic() {
		return false
	}
	t := sig.Params().At(0).Type()
	return types.Identical(t, sig.Results().At(0).Type()) && types.AssignableTo(h, t)
}

// sliceElems are the elements of the slice literal e is, or a local
// assigned once holds; nil for any other slice.
func (cw *chainWalk) sliceElems(e ast.Expr) []ast.Expr {
	for depth := 0; depth < maxChainDepth; depth++ {
		switch x := ast.Unparen(e).(type) {
		case *ast.CompositeLit:
			for _, el := range x.Elts {
				if _, ok := el.(*ast.KeyValueExpr); ok {
					return nil // [...]{2: m}: not in order
				}
			}
			return x.Elts
		case *ast.Ident:
			if e = cw.assignedOnce(x); e == nil {
				return nil
			}
		default:
			return nil
		}
	}
	return nil
}

// wrapped are the functions that serve what middlewares fs make: a
// function of a middleware's shape (one parameter and one result, of one
// type) stands for the closures written in it (the handler it returns,
// errchain.HandlerFunc(func(w, r) error {...})), as deep as they are
// middlewares themselves (mwRoles("user") returns the middleware, whose
// closure serves); one written in none stands for itself.
func wrapped(fs []*Func, depth int) []*Func {
	var out []*Func
	for _, f := range fs {
		if depth < maxServedDepth && len(f.anon) > 0 && f.sig != nil && f.sig.Params().Len() == 1 && wraps(f.sig, f.sig.Params().At(0).Type()) {
			out = append(out, wrapped(f.anon, depth+1)...)
			continue
		}
		out = append(out, f)
	}
	return out
}

// chainRecv is the named type of the receiver of call when call is a
// method call on a value of a non-interface named type (or a pointer to
// one); nil otherwise.
func chainRecv(info *types.Info, call *ast.CallExpr) *types.Named {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	s := info.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal {
		return nil
	}
	n := namedOf(s.Recv())
	if n == nil || types.IsInterface(n) {
		return nil
	}
	return n
}

// namedOf is t, or what t points to, when that is a named type.
func namedOf(t types.Type) *types.Named {
	if t == nil {
		return nil
	}
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// funcValued says a value of t is a function or a handler: what a
// chain's call hands over to run.
func funcValued(t types.Type) bool {
	if t == nil {
		return false
	}
	if _, ok := t.Underlying().(*types.Signature); ok {
		return true
	}
	return httpapi.IsHandlerType(t)
}

// hasServeHTTP says a value of t has a ServeHTTP method: a router, a handler
// of a type.
func hasServeHTTP(t types.Type) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "ServeHTTP")
	_, ok := obj.(*types.Func)
	return ok
}

// wrapper says a value of t wraps a handler into another: a function
// taking a function (or handler) and returning one, as a middleware's
// type is (func(http.Handler) http.Handler, func(*Context, http.Handler)
// http.Handler). A chain's construction hands over those; a
// constructor's other func-valued arguments (a logger's Printf) are not
// middlewares.
func wrapper(t types.Type) bool {
	if t == nil {
		return false
	}
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || sig.Results().Len() != 1 || !funcValued(sig.Results().At(0).Type()) {
		return false
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if funcValued(sig.Params().At(i).Type()) {
			return true
		}
	}
	return false
}

// chainWalk follows a chain value of type t back to its construction.
type chainWalk struct {
	p    *Program
	info *types.Info
	t    *types.Named
	file *ast.File
}

// same says a value of u is of the chain's type (or a pointer to it).
func (cw *chainWalk) same(u types.Type) bool {
	n := namedOf(u)
	return n != nil && n.Origin() == cw.t.Origin()
}

// links are the middlewares the chain value e was built with, outermost
// first; nil when its construction is not seen.
func (cw *chainWalk) links(e ast.Expr, depth int) []chainLink {
	if depth > maxChainDepth {
		return nil
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if !cw.same(cw.info.TypeOf(e)) {
			return nil
		}
		if _, ok := cw.info.Types[e.Fun]; ok && cw.info.Types[e.Fun].IsType() {
			return nil // a conversion
		}
		var out []chainLink
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok {
			if s := cw.info.Selections[sel]; s != nil && s.Kind() == types.MethodVal && !cw.same(s.Recv()) {
				return cw.made(e, depth) // app.dynamic(): a chain another type's method makes
			}
			if s := cw.info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
				out = cw.links(sel.X, depth+1) // Y.Append(ms...): Y's first
			}
		}
		hands := false
		for i, arg := range e.Args {
			if e.Ellipsis.IsValid() && i == len(e.Args)-1 {
				hands = true
				break
			}
			if t := cw.info.TypeOf(arg); cw.same(t) || wrapper(t) {
				hands = true
			}
		}
		if !hands && out == nil {
			if made := cw.made(e, depth); made != nil {
				return made // stdChain(): what the function returns
			}
		}
		for i, arg := range e.Args {
			if e.Ellipsis.IsValid() && i == len(e.Args)-1 {
				break // a slice spread: which middlewares, not seen
			}
			switch t := cw.info.TypeOf(arg); {
			case cw.same(t): // Y.AppendChain(Z), Y.Extend(Z): then Z's
				out = append(out, cw.links(arg, depth+1)...)
			case wrapper(t):
				if l, ok := cw.link(arg, depth+1); ok {
					out = append(out, l)
				}
			}
		}
		return out
	case *ast.Ident:
		if rhs := cw.assignedOnce(e); rhs != nil {
			return cw.links(rhs, depth+1)
		}
	}
	return nil
}

// made are the middlewares of the chain a call of a module function (or
// of a method of another type) returns, when it hands over none itself
// (stdChain(), app.dynamic()): those of the one value its body returns,
// read where it is written; nil when it returns several.
func (cw *chainWalk) made(call *ast.CallExpr, depth int) []chainLink {
	var fn *types.Func
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		fn, _ = cw.info.Uses[fun].(*types.Func)
	case *ast.SelectorExpr:
		fn, _ = cw.info.Uses[fun.Sel].(*types.Func)
	}
	g := cw.p.Func(fn)
	if g == nil {
		return nil
	}
	decl, ok := g.syntax.(*ast.FuncDecl)
	if !ok || decl.Body == nil {
		return nil
	}
	var ret ast.Expr
	n := 0
	ast.Inspect(decl.Body, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.FuncLit:
			return false // a closure's returns are not the function's
		case *ast.ReturnStmt:
			n++
			if len(x.Results) == 1 {
				ret = x.Results[0]
			}
		}
		return true
	})
	info := cw.p.info(g)
	if n != 1 || ret == nil || info == nil {
		return nil
	}
	in := &chainWalk{p: cw.p, info: info, t: cw.t, file: cw.p.fileOf(g)}
	return in.links(ret, depth+1)
}

// link is the middleware or handler a func-valued argument is: a
// function or method value, a closure, a conversion of one
// (http.HandlerFunc(h)), or a call of a module function that makes one
// (mw.Auth(true)); a local assigned once is what it was assigned.
func (cw *chainWalk) link(e ast.Expr, depth int) (chainLink, bool) {
	if depth > maxChainDepth {
		return chainLink{}, false
	}
	p := cw.p
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		if g := p.Closure(e); g != nil {
			return chainLink{name: g.Name, funcs: []*Func{g}}, true
		}
	case *ast.Ident, *ast.SelectorExpr:
		id, _ := e.(*ast.Ident)
		if sel, ok := e.(*ast.SelectorExpr); ok {
			id = sel.Sel
		}
		switch obj := cw.info.Uses[id].(type) {
		case *types.Func:
			if g := p.Func(obj); g != nil {
				return chainLink{name: queries.FuncName(obj), funcs: p.served(g)}, true
			}
		case *types.Var:
			if _, ok := e.(*ast.Ident); ok {
				if rhs := cw.assignedOnce(id); rhs != nil {
					return cw.link(rhs, depth+1)
				}
			}
		}
	case *ast.CallExpr:
		if tv, ok := cw.info.Types[e.Fun]; ok && tv.IsType() {
			if len(e.Args) == 1 {
				return cw.link(e.Args[0], depth+1) // http.HandlerFunc(h)
			}
			return chainLink{}, false
		}
		var fn *types.Func
		switch fun := ast.Unparen(e.Fun).(type) {
		case *ast.Ident:
			fn, _ = cw.info.Uses[fun].(*types.Func)
		case *ast.SelectorExpr:
			fn, _ = cw.info.Uses[fun.Sel].(*types.Func)
		}
		if g := p.Func(fn); g != nil {
			return chainLink{name: queries.FuncName(fn), funcs: p.served(g)}, true
		}
	}
	return chainLink{}, false
}

// assignedOnce is the value a local variable, or an unexported variable
// of the package, holds where id reads it: what it is given where it is
// declared, when nothing else assigns it or takes its address; or, for a
// local assigned only by statements of one block (c := alice.New(a);
// c = c.Append(b); h := c.Then(mux)), what the last of them before id
// gives it. Nil otherwise (a write in a branch or a loop of its own).
func (cw *chainWalk) assignedOnce(id *ast.Ident) ast.Expr {
	v, _ := cw.info.Uses[id].(*types.Var)
	if v == nil || v.Pkg() == nil || v.Parent() == nil {
		return nil
	}
	files := []*ast.File{cw.file}
	local := true
	if v.Parent() == v.Pkg().Scope() {
		// A package's variable: what its declaration gives it, when no
		// file of its package assigns it (another package may, of an
		// exported one: not seen).
		m := cw.p.pkgs[v.Pkg().Path()]
		if m == nil || m.TypesInfo != cw.info || v.Exported() {
			return nil
		}
		files, local = m.Syntax, false
	} else if cw.file == nil {
		return nil
	}
	type write struct {
		stmt ast.Node
		rhs  ast.Expr
	}
	var writes []write
	bad := false
	is := func(e ast.Expr) bool {
		x, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return false
		}
		obj := cw.info.Defs[x]
		if obj == nil {
			obj = cw.info.Uses[x]
		}
		return obj == v
	}
	var specs map[*ast.ValueSpec]ast.Node // a var declaration's statement
	for _, file := range files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.DeclStmt:
				if g, ok := n.Decl.(*ast.GenDecl); ok {
					for _, sp := range g.Specs {
						if vs, ok := sp.(*ast.ValueSpec); ok {
							if specs == nil {
								specs = map[*ast.ValueSpec]ast.Node{}
							}
							specs[vs] = n
						}
					}
				}
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					if !is(l) {
						continue
					}
					if len(n.Lhs) == len(n.Rhs) && (n.Tok == token.DEFINE || n.Tok == token.ASSIGN) {
						writes = append(writes, write{n, n.Rhs[i]})
					} else {
						bad = true // x, err := f(), x += y: not a value seen here
					}
				}
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if cw.info.Defs[name] == v && len(n.Values) == len(n.Names) {
						writes = append(writes, write{specs[n], n.Values[i]})
					}
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND && is(n.X) {
					bad = true // its address taken
				}
			case *ast.RangeStmt:
				if n.Key != nil && is(n.Key) || n.Value != nil && is(n.Value) {
					bad = true
				}
			}
			return true
		})
	}
	switch {
	case bad || len(writes) == 0:
		return nil
	case len(writes) == 1:
		return writes[0].rhs
	case !local:
		return nil
	}
	// Several: statements of one block, in order; the last before id.
	var block *ast.BlockStmt
	ast.Inspect(cw.file, func(n ast.Node) bool {
		if b, ok := n.(*ast.BlockStmt); ok && block == nil {
			for _, st := range b.List {
				if st == writes[0].stmt {
					block = b
				}
			}
		}
		return block == nil
	})
	if block == nil {
		return nil
	}
	var last ast.Expr
	for _, w := range writes {
		if !slices.ContainsFunc(block.List, func(st ast.Stmt) bool { return st == w.stmt }) {
			return nil // a write in a branch or a loop: which reaches id, not seen
		}
		if w.stmt.End() <= id.Pos() {
			last = w.rhs
		}
	}
	return last
}

// chainParts are the parts of a route the call at pos, whose result the
// route registers (its handler, or a middleware the routes pass
// unwrapped the handler from: alice's c.Then(h)), hands over when it is
// a chain's (see above): the middlewares of the receiver's
// construction, and, with handler, the call's own module functions —
// the handler — for a builder that serves nothing itself (builder
// stands for it, nil outside the module). Nil for any other call, and
// for a call handing over no function or handler: a constructor method
// (h.list()) is no chain.
func (p *Program) chainParts(pos token.Pos, builder *Func, handler, stripped bool) []Part {
	if !pos.IsValid() {
		return nil
	}
	mws, handed, serves, ok := p.chainOf(pos)
	if !ok {
		return nil
	}
	var out []Part
	for _, l := range mws {
		for _, f := range l.funcs {
			out = append(out, Part{From: l.name, Func: f, stripped: stripped})
		}
	}
	if handler && (builder == nil || serves || slices.Equal(p.served(builder), []*Func{builder})) {
		// (An adapter wrapping its handler in middlewares of its type
		// runs it, whatever its own closure's call of it.)
		for _, l := range handed {
			for _, f := range l.funcs {
				out = append(out, Part{From: "handler", Func: f, stripped: stripped})
				out = append(out, p.factoryParts(f, stripped)...)
			}
		}
	}
	return out
}

// chainNames are the names of what the call at pos hands over when it is
// a chain's (see chainParts): the route registers them.
func (p *Program) chainNames(pos token.Pos) []string {
	if !pos.IsValid() {
		return nil
	}
	mws, handed, _, ok := p.chainOf(pos)
	if !ok {
		return nil
	}
	var out []string
	for _, l := range append(mws, handed...) {
		if !slices.Contains(out, l.name) {
			out = append(out, l.name)
		}
	}
	return out
}
