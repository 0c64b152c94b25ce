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
// an argument takes one of the key's type. What else takes a closure
// does not have that shape: a transaction helper's body answers an
// error alone (WithTx(ctx, func(tx) error)), a retry helper or an
// errgroup's Go take no key, and singleflight.Group's Do answers a third
// result (whether the run was shared): it only merges the calls that
// overlap in time, and the next call, in the next iteration, runs the
// query again, so it stays reported.
//
// A loader that writes is no read-through: only its reads count as run
// on a miss (see edge.load and Query.Kind).

// getOrLoad reports whether call is a get-or-load call of a cache (see
// above).
func getOrLoad(info *types.Info, call *ast.CallExpr) bool {
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
	return ls.Params().Len() == 0 || types.Identical(ls.Params().At(0).Type(), sig.Params().At(key).Type())
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
func (a *analyzer) loaderArg(c inspector.Cursor) bool {
	for c.ParentEdgeKind() == astedge.ParenExpr_X {
		c = c.Parent()
	}
	if c.ParentEdgeKind() != astedge.CallExpr_Args {
		return false
	}
	return getOrLoad(a.pass.TypesInfo, c.Parent().Node().(*ast.CallExpr))
}

// Loaded says whether a statement of kind, run by a cache's loader, runs
// on a miss only: all but a write. A statement whose text is not known
// counts with the reads: a loader's work is to read what the cache keeps.
func Loaded(kind string) bool {
	return kind != "write"
}
