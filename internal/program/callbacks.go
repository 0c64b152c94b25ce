package program

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/sqlheat/sqlheat/internal/codekind"
	"github.com/sqlheat/sqlheat/passes/routes"
)

// Callbacks a library's handler runs.
//
// A library's middleware or handler is often a method of a value the
// module configures with its own functions:
//
//	mw, _ := jwt.New(&jwt.GinJWTMiddleware{
//		Authenticator:   login,    // SELECT ... WHERE name = $1
//		IdentityHandler: identity, // SELECT ... WHERE id = $1
//	})
//	r.POST("/login", mw.LoginHandler)
//	api.Use(mw.MiddlewareFunc())
//
// The library's code is not loaded (dependencies come from export data),
// so which of the functions a method calls is not known; the graph takes
// every module function a struct literal of the library's type stores in
// a func-typed field as one the type's methods may call — a maybe of the
// route, as any of several implementations is. Which value the route's
// method is called on is not followed: every literal of the type the
// module writes counts.

// libraryCallbacks are the module's functions that the struct literals
// of named type t (declared outside the module) store in its func-typed
// fields, in source order.
func (p *Program) libraryCallbacks(t *types.Named) []*Func {
	if p.callbacks == nil {
		p.indexCallbacks()
	}
	return p.callbacks[t.Origin().Obj()]
}

// indexCallbacks fills p.callbacks from every struct literal of a type
// declared outside the module.
func (p *Program) indexCallbacks() {
	p.callbacks = map[*types.TypeName][]*Func{}
	for _, path := range p.sortedPaths() {
		pkg := p.pkgs[path]
		if pkg.TypesInfo == nil {
			continue
		}
		for _, file := range pkg.Syntax {
			if codekind.TestFile(pkg.Fset.File(file.Pos()).Name()) {
				continue // a test's configuration serves no route
			}
			ast.Inspect(file, func(n ast.Node) bool {
				lit, ok := n.(*ast.CompositeLit)
				if !ok {
					return true
				}
				named, ok := types.Unalias(pkg.TypesInfo.TypeOf(lit)).(*types.Named)
				if !ok || named.Obj().Pkg() == nil || p.pkgs[named.Obj().Pkg().Path()] != nil {
					return true
				}
				if _, ok := named.Underlying().(*types.Struct); !ok {
					return true
				}
				for _, el := range lit.Elts {
					kv, ok := el.(*ast.KeyValueExpr)
					if !ok {
						continue
					}
					if t := pkg.TypesInfo.TypeOf(kv.Value); t == nil {
						continue
					} else if _, ok := t.Underlying().(*types.Signature); !ok {
						continue
					}
					if f := p.funcExpr(pkg.TypesInfo, kv.Value); f != nil {
						obj := named.Origin().Obj()
						if !slices.Contains(p.callbacks[obj], f) {
							p.callbacks[obj] = append(p.callbacks[obj], f)
						}
					}
				}
				return true
			})
		}
	}
}

// callbackParts are the parts a library's method h (a route's handler
// or middleware the module does not declare) may run: the callbacks of
// its receiver's type (see above).
func (p *Program) callbackParts(h *routes.Handler) []Part {
	if h == nil || h.Func == nil || p.Func(h.Func) != nil {
		return nil
	}
	sig, _ := h.Func.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return nil
	}
	t := sig.Recv().Type()
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || p.pkgs[named.Obj().Pkg().Path()] != nil {
		return nil
	}
	var out []Part
	for _, f := range p.libraryCallbacks(named) {
		out = append(out, Part{From: h.Name, Func: f, Maybe: true})
	}
	return out
}
