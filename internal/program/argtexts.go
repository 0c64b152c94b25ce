package program

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"github.com/sqlheat/sqlheat/passes/routes"
)

// What the callers of a function pass as the text a route's pattern
// starts with.
//
// A generated server registers its routes under a base its caller
// chooses, a parameter or a field of an options struct,
//
//	func HandlerWithOptions(si ServerInterface, options ChiServerOptions) http.Handler {
//		...
//		r.Get(options.BaseURL+"/pets", wrapper.FindPets)
//	}
//
//	func HandlerFromMuxWithBaseURL(si ServerInterface, r chi.Router, baseURL string) http.Handler {
//		return HandlerWithOptions(si, ChiServerOptions{BaseURL: baseURL, BaseRouter: r})
//	}
//
// and main calls HandlerFromMuxWithBaseURL(impl, r, "/api"). The package
// registering the route cannot tell what its pattern starts with
// ("…/pets"); the program's calls can: "/api/pets". A field a literal
// leaves out is the empty string.

// ArgText is one text callers pass: Known false for a value the calls do
// not write out as a constant (a flag, a variable).
type ArgText struct {
	Text  string
	Known bool
	// Calls are the calls the text is passed through, outermost first
	// (each call's Lparen): main's HandlerFromMuxWithBaseURL(impl, r,
	// "/api"), then its HandlerWithOptions(si, ChiServerOptions{...}).
	// What else those calls pass goes with the text: the router.
	Calls []token.Pos
	// Funcs are the functions those calls call, in the same order.
	Funcs []*types.Func
}

// maxArgHops bounds the callers an argument is followed up through.
const maxArgHops = 4

// ArgTexts are the texts the calls of fn in the program pass as its
// parameter param, or as that argument's field named field when field is
// not "", each once; nil when nothing in the program calls fn. A text
// not known is one entry with Known false.
func (p *Program) ArgTexts(fn *types.Func, param int, field string) []ArgText {
	g := p.Func(fn)
	if g == nil {
		return nil
	}
	var out []ArgText
	p.argTexts(g, param, field, 0, map[paramKey]bool{}, &out)
	return out
}

func (p *Program) argTexts(g *Func, param int, field string, depth int, seen map[paramKey]bool, out *[]ArgText) {
	add := func(t ArgText) {
		if !slices.ContainsFunc(*out, func(u ArgText) bool {
			return u.Text == t.Text && u.Known == t.Known && slices.Equal(u.Calls, t.Calls)
		}) {
			*out = append(*out, t)
		}
	}
	if depth > maxArgHops || seen[paramKey{g, param}] {
		add(ArgText{})
		return
	}
	seen[paramKey{g, param}] = true
	defer delete(seen, paramKey{g, param})
	if p.calledOutside(g) {
		add(ArgText{}) // other modules pass what they like
	}
	for _, h := range p.sameFunc(g) {
		j := param + h.sig.Params().Len() - g.sig.Params().Len()
		for _, cl := range p.callerIndex()[h] {
			if cl.c.Expr == nil || cl.c.Callback {
				add(ArgText{}) // a call the source does not spell
				continue
			}
			if p.uncalled(cl.f) {
				continue // HandlerFromMux, generated beside the one main calls
			}
			pkg := p.pkgs[cl.f.pkg]
			if pkg == nil || pkg.TypesInfo == nil || j < 0 || j >= len(cl.c.Expr.Args) {
				add(ArgText{})
				continue
			}
			arg := cl.c.Expr.Args[j]
			at := cl.c.Expr.Lparen
			through := func(t ArgText) { // this call last
				t.Calls = append(slices.Clip(t.Calls), at)
				t.Funcs = append(slices.Clip(t.Funcs), g.Decl)
				add(t)
			}
			if field != "" {
				var ok bool
				if arg, ok = routes.FieldOf(arg, field); !ok {
					through(ArgText{})
					continue
				}
				if arg == nil {
					through(ArgText{Known: true}) // left out: ""
					continue
				}
			}
			p.textOf(pkg.TypesInfo, cl.f, arg, depth, seen, through)
		}
	}
}

// textOf adds what e, an argument in f, holds: a constant, or what f's
// callers pass for the parameter of f it is.
func (p *Program) textOf(info *types.Info, f *Func, e ast.Expr, depth int, seen map[paramKey]bool, add func(ArgText)) {
	if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		add(ArgText{Text: constant.StringVal(tv.Value), Known: true})
		return
	}
	if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && b.Op == token.ADD {
		// base + "/v1": each text the base may hold, then the constant.
		if tv, ok := info.Types[b.Y]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
			var bases []ArgText
			p.textOf(info, f, b.X, depth, seen, func(t ArgText) { bases = append(bases, t) })
			for _, t := range bases {
				if t.Known {
					t.Text += constant.StringVal(tv.Value)
				}
				add(t)
			}
			return
		}
	}
	if v, ok := info.Uses[identOf(e)].(*types.Var); ok {
		if owner, i := p.paramOf(f, v); owner != nil {
			var out []ArgText
			p.argTexts(owner, i, "", depth+1, seen, &out)
			for _, t := range out {
				add(t)
			}
			return
		}
	}
	add(ArgText{})
}

// uncalled reports whether f is a declared function that nothing in the
// program calls or refers to and nothing outside it may call: not main,
// nor an initializer, nor one other modules call (calledOutside), nor a
// handler handed to a router by name. What its calls pass never reaches
// a route.
func (p *Program) uncalled(f *Func) bool {
	if f.closure || f.Decl == nil || f.init || f.Synthetic {
		return false
	}
	if f.Decl.Name() == "main" && f.Decl.Pkg() != nil && f.Decl.Pkg().Name() == "main" {
		return false
	}
	if p.calledOutside(f) {
		return false
	}
	if p.taken == nil {
		p.taken = p.referenced(p.loaded).taken
	}
	if p.taken[f.Decl.Origin().Pos()] {
		return false
	}
	for _, h := range p.sameFunc(f) {
		if len(p.callerIndex()[h]) > 0 {
			return false
		}
	}
	return true
}

// Called reports whether code of the program that runs calls fn by its
// name (through an interface's method of that name too): a function
// with a handler's signature that the module's code calls, a store's
// method the generated server's wrapper calls through its interface
// (siw.Handler.ListPets(w, r)), is part of its callers' routes, no
// route of its own. A call of a function value (a route table's
// HandlerFunc) is not such a call: what it runs may be registered
// nowhere.
func (p *Program) Called(fn *types.Func) bool {
	g := p.Func(fn)
	if g == nil || p.calledOutside(g) {
		return false
	}
	for _, h := range p.sameFunc(g) {
		for _, cl := range p.callerIndex()[h] {
			if cl.c.Expr == nil || cl.c.Callback || p.uncalled(cl.f) {
				continue
			}
			var name *ast.Ident
			switch f := ast.Unparen(cl.c.Expr.Fun).(type) {
			case *ast.Ident:
				name = f
			case *ast.SelectorExpr:
				name = f.Sel
			}
			if name != nil && name.Name == fn.Name() {
				return true
			}
		}
	}
	return false
}

// LeavesOut reports whether a call of fn in the program may leave the
// field of its parameter param nil: a struct literal without it, or an
// argument the calls do not spell as a literal; of the calls via came
// through, when it came through one of fn. A function nothing in the
// program calls, or that other modules may call, may be called so.
func (p *Program) LeavesOut(fn *types.Func, param int, field string, via *ArgText) bool {
	g := p.Func(fn)
	if g == nil || p.calledOutside(g) {
		return true
	}
	only := via != nil && slices.ContainsFunc(via.Funcs, func(f *types.Func) bool { return f != nil && f.Origin() == fn.Origin() })
	calls := 0
	for _, h := range p.sameFunc(g) {
		j := param + h.sig.Params().Len() - g.sig.Params().Len()
		for _, cl := range p.callerIndex()[h] {
			if cl.c.Expr == nil || cl.c.Callback || j < 0 || j >= len(cl.c.Expr.Args) {
				return true
			}
			if p.uncalled(cl.f) || only && !slices.Contains(via.Calls, cl.c.Expr.Lparen) {
				continue
			}
			calls++
			if v, ok := routes.FieldOf(cl.c.Expr.Args[j], field); !ok || v == nil {
				return true
			}
		}
	}
	return calls == 0
}

// Dead reports whether nothing in the program calls fn or refers to it,
// and nothing outside it may call it (see uncalled): a handler-shaped
// function whose registration was commented out is no route.
func (p *Program) Dead(fn *types.Func) bool {
	g := p.Func(fn)
	return g != nil && p.hasMain() && p.uncalled(g)
}
