package program

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/passes/queries"
)

// A function that fills in, sorts or filters in place the list it is
// handed and returns it,
//
//	alerts = fillAlertsWithDecisions(alerts, decisions)
//	decisions = applyAllowlists(decisions) // return decisions[:n]
//
// gives back no more items than it was given: the list the caller loops
// over afterwards is as few as the one it wrote. passedArg follows such a
// call to its argument, so that a one-item literal stays one item through
// it, and x = f(x) is no write that changes how many x holds.

// passedKey names the k-th result of a function.
type passedKey struct {
	fn *Func
	k  int
}

// passedArg is the argument of call that the call's k-th result is, when
// the function it calls is one of the module's that returns a parameter
// as it was handed, or a slice of it (passedParam); nil otherwise.
func (p *Program) passedArg(info *types.Info, call *ast.CallExpr, k int) ast.Expr {
	fn := typeutil.StaticCallee(info, call)
	if fn == nil {
		return nil
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodExpr {
			return nil // T.M(recv, args...): the arguments are one off the parameters
		}
	}
	j, ok := p.passedParam(p.Func(fn), k)
	if !ok || j >= len(call.Args) || call.Ellipsis.IsValid() {
		return nil
	}
	return call.Args[j]
}

// passedParam is the index of the parameter of g that every return of g
// gives as its k-th result, unchanged or sliced (p[:n]), when g never sets
// that parameter whole (only its items, in place).
func (p *Program) passedParam(g *Func, k int) (int, bool) {
	if g == nil || g.syntax == nil || g.instance {
		return 0, false
	}
	key := passedKey{g, k}
	if j, ok := p.passed[key]; ok {
		return j, j >= 0
	}
	j := p.findPassedParam(g, k)
	if p.passed == nil {
		p.passed = map[passedKey]int{}
	}
	p.passed[key] = j
	return j, j >= 0
}

// findPassedParam is passedParam's index, -1 when there is none.
func (p *Program) findPassedParam(g *Func, k int) int {
	decl, ok := g.syntax.(*ast.FuncDecl)
	if !ok || decl.Body == nil || k >= g.sig.Results().Len() {
		return -1
	}
	ginfo := p.pkgs[g.pkg]
	if ginfo == nil || ginfo.TypesInfo == nil {
		return -1
	}
	info := ginfo.TypesInfo
	params := g.sig.Params()
	index := func(e ast.Expr) int {
		if s, ok := ast.Unparen(e).(*ast.SliceExpr); ok && !s.Slice3 {
			e = s.X // at most as many as it had
		}
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return -1
		}
		for i := range params.Len() {
			if info.Uses[id] == params.At(i) {
				return i
			}
		}
		return -1
	}
	j, returns := -1, false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if returns && j < 0 {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // a closure's returns are its own
		case *ast.ReturnStmt:
			i := -1
			if len(n.Results) == g.sig.Results().Len() {
				i = index(n.Results[k])
			}
			if returns && i != j {
				i = -1
			}
			j, returns = i, true
		}
		return true
	})
	if !returns || j < 0 || g.sig.Variadic() && j == params.Len()-1 {
		return -1
	}
	if !queries.Writes(info, decl, params.At(j), func(queries.LocalWrite) bool { return false }) {
		return -1 // set whole somewhere: another list
	}
	return j
}

// keeps reports whether e, a value assigned to the local is reports, is
// that local handed through a function that returns it (x = f(x)): a
// write that adds none.
func (p *Program) keeps(info *types.Info, e ast.Expr, is func(ast.Expr) bool) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	arg := p.passedArg(info, call, 0)
	return arg != nil && is(arg)
}
