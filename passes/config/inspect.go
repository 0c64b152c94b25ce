package config

import (
	"go/types"
	"runtime"
	"sync"
	"weak"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// Inspector returns the inspector of the pass's package: inspect.Analyzer's
// result where the pass requires it (go vet, tests), else one that lives no
// longer than the passes using it (a whole-program host's Suite, which
// leaves inspect.Analyzer out).
//
// Why: go/analysis/checker keeps the result of every action until the
// analysis of the whole program ends. Under go vet that is one package;
// in the standalone driver, every package's inspector (about 64 bytes per
// syntax node) stayed alive to the end, a quarter of its peak memory on
// 100-package services. So there an inspector is held only by the passes
// using it: the next pass of the same package shares it if one still
// does, or it has not been collected yet, and builds it again otherwise.
func Inspector(pass *analysis.Pass) *inspector.Inspector {
	if in, ok := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector); ok {
		return in
	}
	if pass.Pkg == nil {
		return inspector.New(pass.Files)
	}
	key := weak.Make(pass.Pkg)
	if v, ok := inspectors.Load(key); ok {
		if in := v.(weak.Pointer[inspector.Inspector]).Value(); in != nil {
			return in
		}
	}
	in := inspector.New(pass.Files)
	ref := weak.Make(in)
	inspectors.Store(key, ref)
	runtime.AddCleanup(in, func(key weak.Pointer[types.Package]) { inspectors.CompareAndDelete(key, ref) }, key)
	return in
}

// inspectors are the inspectors Inspector built, by package, held weakly:
// an entry goes when its inspector is collected.
var inspectors sync.Map // weak.Pointer[types.Package] -> weak.Pointer[inspector.Inspector]
