package queries

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// Goroutine starters. A loop that starts the same function on n
// goroutines, handing each nothing of its own (`for i := 0; i < workers;
// i++ { g.Go(s.work) }`), starts a worker pool, not n items' work: the
// workers share one input and split it. queryinloop needs to know which
// calls start a goroutine: a go statement's, a group's Go, and a module's
// own wrapper of one (a Go method adding recovery or metrics around
// errgroup's), which StartsParam recognizes by its body.

// goStarters are the functions outside the module that run a function
// they are handed on a goroutine of its own.
var goStarters = map[string]bool{
	"(*golang.org/x/sync/errgroup.Group).Go":                   true,
	"(*golang.org/x/sync/errgroup.Group).TryGo":                true,
	"(*sync.WaitGroup).Go":                                     true,
	"(*github.com/sourcegraph/conc.WaitGroup).Go":              true,
	"(*github.com/sourcegraph/conc/pool.Pool).Go":              true,
	"(*github.com/sourcegraph/conc/pool.ErrorPool).Go":         true,
	"(*github.com/sourcegraph/conc/pool.ContextPool).Go":       true,
	"(*github.com/sourcegraph/conc/pool.ResultPool).Go":        true,
	"(*github.com/sourcegraph/conc/pool.ResultErrorPool).Go":   true,
	"(*github.com/sourcegraph/conc/pool.ResultContextPool).Go": true,
}

// StartsGoroutine says whether call, in fn (a *ast.FuncDecl or
// *ast.FuncLit), starts a goroutine: the call of a go statement, or of a
// function that runs what it is handed on one (goStarters, or a function
// starts says does: see StartsParam). starts may be nil.
func StartsGoroutine(info *types.Info, fn ast.Node, call *ast.CallExpr, starts func(*types.Func) bool) bool {
	if f := typeutil.StaticCallee(info, call); f != nil && (goStarters[f.Origin().FullName()] || starts != nil && starts(f.Origin())) {
		return true
	}
	if fn == nil {
		return false
	}
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		if n == nil || found || n.End() < call.Pos() || call.End() < n.Pos() {
			return false // not around the call
		}
		if g, ok := n.(*ast.GoStmt); ok && g.Call == call {
			found = true
		}
		return !found
	})
	return found
}

// StartsParam says whether decl runs a function it takes as a parameter
// on a goroutine of its own: `go f()`, `go func() { ...; f() }()`,
// `g.Go(f)`, `g.Go(func() error { ...; return f() })`, or handing either
// to a function starts says does so (a wrapper of a wrapper). starts may
// be nil.
func StartsParam(info *types.Info, decl *ast.FuncDecl, starts func(*types.Func) bool) bool {
	if decl.Body == nil {
		return false
	}
	params := map[types.Object]bool{}
	for _, field := range decl.Type.Params.List {
		for _, name := range field.Names {
			if v := info.Defs[name]; v != nil {
				if _, ok := v.Type().Underlying().(*types.Signature); ok {
					params[v] = true
				}
			}
		}
	}
	if len(params) == 0 {
		return false
	}
	isParam := func(x ast.Expr) bool {
		id, ok := ast.Unparen(x).(*ast.Ident)
		return ok && params[info.Uses[id]]
	}
	runs := func(x ast.Expr) bool { // x is f, or a closure calling f
		x = ast.Unparen(x)
		if isParam(x) {
			return true
		}
		lit, ok := x.(*ast.FuncLit)
		if !ok {
			return false
		}
		calls := false
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok && isParam(c.Fun) {
				calls = true
			}
			return !calls
		})
		return calls
	}
	found := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GoStmt:
			found = runs(n.Call.Fun)
		case *ast.CallExpr:
			if f := typeutil.StaticCallee(info, n); f != nil && (goStarters[f.Origin().FullName()] || starts != nil && starts(f.Origin())) {
				for _, arg := range n.Args {
					found = found || runs(arg)
				}
			}
		}
		return !found
	})
	return found
}
