package queries

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/sqlheat/sqlheat/passes/config"
)

// Fields whose length their package's validation caps. A list a type
// holds may be checked far from any loop over it, where the value is
// accepted, in a method that rejects it:
//
//	func (b *Broadcast) Validate() error {
//		if len(b.TestSettings.Variations) > 8 {
//			return errors.New("at most 8 variations")
//		}
//		...
//	}
//
// Every value that passed holds at most eight, so a loop over
// b.TestSettings.Variations anywhere runs a fixed few times, as one over
// a list checked right before it (see boundedBefore). A field counts when
// some function of the package leaves with an error as soon as its
// length is over a small constant (smallBound, or less): `if len(x.F) >
// k { return ..., err }`, also as one side of an `||`. The packages that
// import it learn it from a FixedList fact on the field; a package's own
// checks of other packages' fields (a handler checking a request type
// of its API package) count for its own loops.

// cappedFields are the fields of any package whose length a function of
// this one caps (see above), with the largest length let through; read
// on first use.
func (r *resolver) cappedFields() map[*types.Var]int64 {
	if r.capped == nil {
		r.capped = fieldCaps(r.pass.TypesInfo, config.Inspector(r.pass))
	}
	return r.capped
}

// fieldCaps finds the fields whose length a function of the package in
// caps. Every package is read so (importers learn its caps from facts):
// only its if statements are visited.
func fieldCaps(info *types.Info, in *inspector.Inspector) map[*types.Var]int64 {
	capped := map[*types.Var]int64{}
	for n := range in.PreorderSeq((*ast.IfStmt)(nil)) {
		ifs := n.(*ast.IfStmt)
		if !rejects(info, ifs.Body) {
			continue
		}
		for _, x := range lenArgs(info, ifs.Cond) {
			sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
			if !ok {
				continue
			}
			v, ok := info.Uses[sel.Sel].(*types.Var)
			if !ok || !v.IsField() {
				continue
			}
			k, ok := lenOver(info, ifs.Cond, x)
			if !ok || k > smallBound {
				continue
			}
			if old, seen := capped[v]; !seen || k < old {
				capped[v] = k
			}
		}
	}
	return capped
}

// lenArgs are the x of every len(x) in cond.
func lenArgs(info *types.Info, cond ast.Expr) []ast.Expr {
	var out []ast.Expr
	ast.Inspect(cond, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && len(call.Args) == 1 && isBuiltin(info, call, "len") {
			out = append(out, call.Args[0])
		}
		return true
	})
	return out
}

// rejects says whether a block ends returning an error that is not nil:
// the value checked is turned down, not trimmed or skipped.
func rejects(info *types.Info, body *ast.BlockStmt) bool {
	if len(body.List) == 0 {
		return false
	}
	ret, ok := body.List[len(body.List)-1].(*ast.ReturnStmt)
	if !ok || len(ret.Results) == 0 {
		return false
	}
	last := ret.Results[len(ret.Results)-1]
	if isNil(info, last) {
		return false
	}
	t := info.TypeOf(last)
	return t != nil && types.Implements(t, errorType.Underlying().(*types.Interface))
}

// fieldCap is the most items field v holds by validation (see above):
// its package's checks, read from a fact, or this package's own.
func (r *resolver) fieldCap(v *types.Var) (int64, bool) {
	if k, ok := r.cappedFields()[v]; ok {
		return k, true
	}
	var f FixedList
	if v.Pkg() != nil && v.Pkg() != r.pass.Pkg && r.pass.ImportObjectFact(v, &f) {
		return int64(f.Len), true
	}
	return 0, false
}

// exportCaps publishes the caps of the package's own exported fields,
// caps found in files. A package that runs no query still validates
// the types others loop over, so every package does it.
func exportCaps(pass *analysis.Pass, caps map[*types.Var]int64) {
	for v, k := range caps {
		if v.Pkg() == pass.Pkg && v.Exported() {
			pass.ExportObjectFact(v, &FixedList{Len: int(k)})
		}
	}
}
