package program

import (
	"go/ast"
	"go/token"
	"go/types"
)

// What each caller passes.
//
// FewPassed makes a loop over a parameter silent when every call passes
// a few items. Often only some do: a function storing a batch
// (addMessages(ms []*message)) is called by a one-item wrapper on the
// request path (AddMessage(m) { return addMessages([]*message{m}) })
// and by a background writer with the batches it collected. On the
// request path the loop runs once; only the writer's calls make it a
// loop. So the loop's finding is about the entries that reach it
// through the calls passing data, not those that reach it only through
// a call passing a few (see the driver's loopEntries).

// DataCallers are the calls, in the whole program, of the function
// declaring x (the list a loop at loop ranges over) that pass x more than
// limit items or data of unknown length, each with its calling function;
// ok when x is a parameter of that function (or a local it sets once
// from one and never assigns again) that nothing assigns, every call of
// the function is in sight (see FewPassed), and some call passes a few
// items (FewPassed's composite literal, variadic arguments, or parameter
// its own callers pass a few). Not ok, the loop is over data for every
// caller, or for none (then FewPassed holds).
func (p *Program) DataCallers(info *types.Info, x ast.Expr, loop token.Pos, limit int) (callers []*Func, calls []*Call, ok bool) {
	id, isID := ast.Unparen(x).(*ast.Ident)
	if !isID {
		return nil, nil, false
	}
	v, isVar := info.Uses[id].(*types.Var)
	if !isVar {
		return nil, nil, false
	}
	fn := p.FuncAt(loop)
	if fn == nil {
		return nil, nil, false
	}
	owner, i := p.paramOf(fn, v)
	if owner == nil {
		if w := p.copiedParam(info, fn, v); w != nil {
			owner, i = p.paramOf(fn, w)
		}
	}
	if owner == nil || p.calledOutside(owner) {
		return nil, nil, false
	}
	few := 0
	for _, h := range p.sameFunc(owner) {
		j := i + h.sig.Params().Len() - owner.sig.Params().Len()
		if j < i || j > i+1 {
			return nil, nil, false
		}
		for _, cl := range p.callerIndex()[h] {
			if cl.f.Synthetic && cl.f.Decl == owner.Decl {
				continue // a wrapper of owner: its callers are h's of another round
			}
			if cl.c.Callback || cl.c.Expr == nil {
				return nil, nil, false
			}
			if n, good := p.fewArg(cl.f, cl.c.Expr, h.sig, j, limit, 0, map[paramKey]bool{{owner, i}: true}); good && n <= limit {
				few++
				continue
			}
			callers, calls = append(callers, cl.f), append(calls, cl.c)
		}
	}
	return callers, calls, few > 0 && len(calls) > 0
}

// copiedParam is the variable v, a local of the function declaring fn
// (fn, or the one a closure fn is written in), is a copy of: items :=
// ms, the only write of items, whose address nothing takes; nil when v
// is none.
func (p *Program) copiedParam(info *types.Info, fn *Func, v *types.Var) *types.Var {
	g := p.Func(fn.Decl)
	if g == nil || g.syntax == nil {
		g = fn
	}
	if g.syntax == nil {
		return nil
	}
	var from *types.Var
	writes := 0
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && (info.Defs[id] == v || info.Uses[id] == v)
	}
	ast.Inspect(g.syntax, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for k, lhs := range n.Lhs {
				if !is(lhs) {
					continue
				}
				writes++
				if n.Tok == token.DEFINE && len(n.Lhs) == len(n.Rhs) {
					if r, ok := ast.Unparen(n.Rhs[k]).(*ast.Ident); ok {
						from, _ = info.Uses[r].(*types.Var)
					}
				}
			}
		case *ast.IncDecStmt:
			writes += btoi(is(n.X))
		case *ast.RangeStmt:
			writes += btoi(n.Key != nil && is(n.Key) || n.Value != nil && is(n.Value))
		case *ast.UnaryExpr:
			writes += btoi(n.Op == token.AND && is(n.X))
		case *ast.ValueSpec:
			for _, name := range n.Names {
				writes += btoi(is(name)) // var items = ms: not a copy the code says plainly
			}
		}
		return true
	})
	if writes != 1 {
		return nil
	}
	return from
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
