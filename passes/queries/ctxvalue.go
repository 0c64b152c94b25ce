package queries

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// The request's context as a cache. A helper answering what the
// request's context carries, and reading it from the database only when
// the context lacks it,
//
//	func GetUser(ctx context.Context) (*model.User, error) {
//		if u, ok := ctx.Value(userKey{}).(*model.User); ok {
//			return u, nil // put there by the authentication interceptor
//		}
//		return user.ByToken(ctx, tokenOf(ctx)) // SELECT ... FROM users
//	}
//
// runs its query at most once per request when the package puts the
// value there (`context.WithValue(ctx, userKey{}, u)`, in the middleware
// that authenticates the request): every call after it — in a loop over
// the request's items too — hits. What makes it one, by types: a
// lookup `v, ok := ctx.Value(k).(T)` tested ok on a hit that returns, ctx
// a context.Context, k a composite literal of a type the package declares
// or a package-level variable or constant of the package, and a call of
// context.WithValue in the package with the same key (a value of that
// type, or that variable). A key the package never sets (another
// package's, or a string) is no cache of its: it stays counted. Keys
// are unexported types or variables as a rule, so the package that
// reads one is the package that sets it.

// ctxCache is the cache term of lookups in a request's context.
const ctxCache = "context"

// ctxLookup reads x, the operand of a type assertion, as a lookup in the
// request's context by a key the package sets (see above); nil when it
// is none.
func (k *caches) ctxLookup(x ast.Expr) *lookup {
	call, ok := ast.Unparen(x).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Value" || !isContext(k.info.TypeOf(sel.X)) {
		return nil
	}
	key := ctxKeyOf(k.info, call.Args[0])
	if key == nil || !k.setsCtxKey(key) {
		return nil
	}
	return &lookup{cache: ctxCache, process: true}
}

// ctxKeyOf is what identifies a context key written as e: the type of
// a composite literal (userKey{}), or a package-level variable or
// constant; nil for any other key.
func ctxKeyOf(info *types.Info, e ast.Expr) any {
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		if t, ok := info.TypeOf(e).(*types.Named); ok {
			return t.Obj()
		}
	case *ast.Ident, *ast.SelectorExpr:
		var id *ast.Ident
		if s, ok := e.(*ast.SelectorExpr); ok {
			id = s.Sel
		} else {
			id = e.(*ast.Ident)
		}
		switch obj := info.Uses[id].(type) {
		case *types.Var:
			if obj.Pkg() != nil && obj.Parent() == obj.Pkg().Scope() {
				return obj
			}
		case *types.Const:
			if obj.Pkg() != nil && obj.Parent() == obj.Pkg().Scope() {
				return obj
			}
		}
	}
	return nil
}

// setsCtxKey reports whether the package calls context.WithValue with
// key (see ctxKeyOf).
func (k *caches) setsCtxKey(key any) bool {
	if k.ctxKeys == nil {
		k.ctxKeys = map[any]bool{}
		for _, f := range k.files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || len(call.Args) != 3 {
					return true
				}
				if fn, _ := typeutil.Callee(k.info, call).(*types.Func); fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "context" || fn.Name() != "WithValue" {
					return true
				}
				if key := ctxKeyOf(k.info, call.Args[1]); key != nil {
					k.ctxKeys[key] = true
				}
				return true
			})
		}
	}
	return k.ctxKeys[key]
}
