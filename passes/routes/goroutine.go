package routes

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"
)

// waited reports whether the function holding go statement s waits for
// the goroutine it starts: the goroutine calls a wait group's Done and the
// function, or one it is written in, its Wait; or the goroutine sends on,
// or closes, a channel the function hands it (captures, or passes as an
// argument) and the function receives from (a receive, a range, a
// select's case) or returns to its caller. The program graph decides the
// same over go/ssa (internal/program's goroutines.go); a goroutine not
// waited for runs beside the request, not as part of it.
func (a *analyzer) waited(s *ast.GoStmt) bool {
	info := a.pass.TypesInfo
	outer := a.enclosingFuncs(s)
	if len(outer) == 0 {
		return false
	}
	// The goroutine's body, and the spawner's variable behind each of the
	// goroutine's.
	var body *ast.BlockStmt
	handed := map[types.Object]types.Object{}
	switch fun := ast.Unparen(s.Call.Fun).(type) {
	case *ast.FuncLit:
		body = fun.Body
		ast.Inspect(body, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if v, ok := info.Uses[id].(*types.Var); ok && (v.Pos() < fun.Pos() || v.Pos() >= fun.End()) {
					handed[v] = v // captured
				}
			}
			return true
		})
	default:
		fn, _ := typeutil.Callee(info, s.Call).(*types.Func)
		d := a.decls[fn]
		if fn == nil || d == nil || d.Body == nil {
			return false
		}
		body = d.Body
		params := fn.Type().(*types.Signature).Params()
		for i, arg := range s.Call.Args {
			if id, ok := ast.Unparen(arg).(*ast.Ident); ok && i < params.Len() {
				if v, ok := info.Uses[id].(*types.Var); ok {
					handed[params.At(i)] = v
				}
			}
		}
	}
	if calls(info, body, "(*sync.WaitGroup).Done") {
		for _, fn := range outer {
			if calls(info, fn, "(*sync.WaitGroup).Wait") {
				return true
			}
		}
	}
	received := receives(info, outer[0], s)
	signaled := false
	ast.Inspect(body, func(n ast.Node) bool {
		var ch ast.Expr
		switch n := n.(type) {
		case *ast.SendStmt:
			ch = n.Chan
		case *ast.CallExpr:
			if b, ok := info.Uses[callIdent(n)].(*types.Builtin); ok && b.Name() == "close" && len(n.Args) == 1 {
				ch = n.Args[0]
			}
		}
		if id, ok := ast.Unparen(ch).(*ast.Ident); ok {
			if v := handed[info.Uses[id]]; v != nil && received[v] {
				signaled = true
			}
		}
		return !signaled
	})
	return signaled
}

func callIdent(call *ast.CallExpr) *ast.Ident {
	id, _ := ast.Unparen(call.Fun).(*ast.Ident)
	return id
}

// enclosingFuncs are the bodies of the functions s is written in,
// innermost first.
func (a *analyzer) enclosingFuncs(s ast.Node) []ast.Node {
	for _, f := range a.pass.Files {
		if s.Pos() < f.FileStart || s.Pos() >= f.FileEnd {
			continue
		}
		path, _ := astutil.PathEnclosingInterval(f, s.Pos(), s.End())
		var out []ast.Node
		for _, n := range path {
			switch n := n.(type) {
			case *ast.FuncLit:
				out = append(out, n.Body)
			case *ast.FuncDecl:
				if n.Body != nil {
					out = append(out, n.Body)
				}
			}
		}
		return out
	}
	return nil
}

// calls reports whether body calls the function or method named so
// (types.Func.FullName).
func calls(info *types.Info, body ast.Node, name string) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if fn, ok := typeutil.Callee(info, call).(*types.Func); ok && fn.FullName() == name {
				found = true
			}
		}
		return !found
	})
	return found
}

// receives are the variables body receives from (a receive, a range over
// a channel) or returns, outside the go statement s.
func receives(info *types.Info, body ast.Node, s *ast.GoStmt) map[types.Object]bool {
	out := map[types.Object]bool{}
	add := func(e ast.Expr) {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok && info.Uses[id] != nil {
			out[info.Uses[id]] = true
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GoStmt:
			return n != s
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				add(n.X)
			}
		case *ast.RangeStmt:
			if t := info.TypeOf(n.X); t != nil {
				if _, ok := t.Underlying().(*types.Chan); ok {
					add(n.X)
				}
			}
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				add(r)
			}
		}
		return true
	})
	return out
}
