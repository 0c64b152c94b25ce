package queries

import (
	"go/ast"
	"go/types"

	astedge "golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// A get-or-load call of a cache: `c.GetOrSet(k, func() (V, error) {
// ... })`, `c.Get(k, func(k K) (V, error) { ... })`. The cache answers
// the value it holds under the key and runs the loader only on a miss,
// keeping what it answered: the loader's reads run once per key for as
// long as the entry lives, not once per item of a loop around the call,
// like the miss of a read-through cache spelled out (see cache.go).
//
// Told by the call's shape alone, whoever declares the method (a
// library, or the module's own cache): a method, taking a key the call
// computes (a constant there names a span or a metric: `t.Span(ctx,
// "load", fn)`, and a package function is a wrapper's) and a loader, a
// func whose first result is the call's own value type and whose last
// is an error, and answers exactly (that value, error); a loader taking
// an argument takes one of the key's type, and a func literal taking
// none reads a variable the key is computed from (a span's name that
// varies, t.Span(ctx, op, fn), is nothing the work it wraps reads). What else takes a closure
// does not have that shape: a transaction helper's body answers an
// error alone (WithTx(ctx, func(tx) error)), a retry helper or an
// errgroup's Go take no key, and singleflight.Group's Do answers a third
// result (whether the run was shared): it only merges the calls that
// overlap in time, and the next call, in the next iteration, runs the
// query again, so it stays reported (unless a cache looked up before it
// is filled by its loader, see cache.go).
//
// A loader that writes is no read-through: only its reads count as run
// on a miss (see edge.load and Query.Kind).

// getOrLoad reports whether call, in the function fn, is a get-or-load
// call of a cache (see above).
func getOrLoad(info *types.Info, fn ast.Node, call *ast.CallExpr) bool {
	if sel, _ := method(info, call); sel == nil {
		return false // a function: a span's or a metric's wrapper, not a cache's
	}
	t := info.TypeOf(call.Fun)
	if t == nil {
		return false // a builtin's
	}
	sig, _ := t.Underlying().(*types.Signature)
	if sig == nil || sig.Variadic() || sig.Results().Len() != 2 || !types.Identical(sig.Results().At(1).Type(), errorType) {
		return false
	}
	value := sig.Results().At(0).Type()
	loader, key := -1, -1
	for i := range sig.Params().Len() {
		t := sig.Params().At(i).Type()
		if isContext(t) {
			continue
		}
		if _, isFunc := t.Underlying().(*types.Signature); !isFunc {
			if key >= 0 {
				return false // two keys: no cache's lookup
			}
			key = i
			continue
		}
		if loader >= 0 || !loads(t, value) {
			return false
		}
		loader = i
	}
	if loader < 0 || key < 0 || key >= len(call.Args) || info.Types[call.Args[key]].Value != nil {
		return false // a constant names a span or a metric, not an entry
	}
	// A loader taking the key takes it of the key's type.
	ls := sig.Params().At(loader).Type().Underlying().(*types.Signature)
	if ls.Params().Len() > 0 {
		return types.Identical(ls.Params().At(0).Type(), sig.Params().At(key).Type())
	}
	// One taking nothing reads the key's variables itself: a name that
	// varies (a span's, a metric's: t.Span(ctx, op, fn)) is nothing the
	// work it wraps reads.
	lit, ok := ast.Unparen(call.Args[loader]).(*ast.FuncLit)
	return ok && (readsKey(info, fn, call.Args[key], lit.Body) || handsOn(info, fn, lit.Body))
}

// handsOn reports whether body calls a func parameter of fn: a typed
// wrapper handing its caller's loader on (func (c *Users) Get(k K, set
// func() (*User, error)) { c.c.GetOrSet(k, func() (any, error) { return
// set() }) }), whose own call is judged where it is made.
func handsOn(info *types.Info, fn ast.Node, body *ast.BlockStmt) bool {
	ft := funcType(fn)
	if ft == nil || ft.Params == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return !found
		}
		id, ok := ast.Unparen(call.Fun).(*ast.Ident)
		if !ok {
			return true
		}
		v, ok := info.Uses[id].(*types.Var)
		found = found || ok && ft.Params.Pos() <= v.Pos() && v.Pos() < ft.Params.End()
		return !found
	})
	return found
}

// readsKey reports whether body reads one of the variables (or named
// constants) key is computed from (id of fmt.Sprintf("u:%d", id), u or
// its field ID of u.ID), through the locals of fn it is computed from
// (key := fmt.Sprintf("%s:%s", repo, commit): repo, commit).
func readsKey(info *types.Info, fn ast.Node, key ast.Expr, body *ast.BlockStmt) bool {
	vars := map[types.Object]bool{}
	var from func(e ast.Expr)
	from = func(e ast.Expr) {
		ast.Inspect(e, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			if c, ok := info.Uses[id].(*types.Const); ok {
				vars[c] = true // a fixed entry's key: UserKey{Name: AdminName}
			}
			v, _ := info.Uses[id].(*types.Var)
			if v == nil || vars[v] {
				return true
			}
			vars[v] = true
			if fn != nil && fn.Pos() <= v.Pos() && v.Pos() < fn.End() {
				Writes(info, fn, v, func(w LocalWrite) bool {
					if w.Value != nil {
						from(w.Value)
					} else {
						from(w.Call)
					}
					return true
				})
			}
			return true
		})
	}
	from(key)
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && vars[info.Uses[id]] {
			found = true
		}
		return !found
	})
	return found
}

// loads says whether t is a loader of value: a func taking at most one
// argument, answering value first and an error last.
func loads(t types.Type, value types.Type) bool {
	s := t.Underlying().(*types.Signature)
	r := s.Results()
	return s.Params().Len() <= 1 && !s.Variadic() && r.Len() >= 2 &&
		types.Identical(r.At(0).Type(), value) && types.Identical(r.At(r.Len()-1).Type(), errorType)
}

func isContext(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}

// loaderArg reports whether the closure at c is the loader a get-or-load
// call of a cache is handed (see above).
func (a *analyzer) loaderArg(fn ast.Node, c inspector.Cursor) bool {
	for c.ParentEdgeKind() == astedge.ParenExpr_X {
		c = c.Parent()
	}
	if c.ParentEdgeKind() != astedge.CallExpr_Args {
		return false
	}
	return getOrLoad(a.pass.TypesInfo, fn, c.Parent().Node().(*ast.CallExpr))
}

// Loaded says whether a statement of kind, run by a cache's loader, runs
// on a miss only: all but a write. A statement whose text is not known
// counts with the reads: a loader's work is to read what the cache keeps.
func Loaded(kind string) bool {
	return kind != "write"
}
