package queries

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// Probes. A counting loop may search for a free name, asking the database
// about one candidate per pass and handing back the first it finds free:
//
//	for i := 2; i < 100; i++ {
//		c := fmt.Sprintf("%s-%d", base, i)
//		taken, err := s.tagExists(c) // a query
//		if err != nil {
//			return "", err
//		}
//		if !taken {
//			return c, nil
//		}
//	}
//
// Its counter picks a candidate, not an item of data: the loop runs until
// a candidate is free, which in the normal case is the first or the
// second, however large the bound. It is a loop of attempts (LoopRetry),
// not of data, and a batch query would not remove its passes. What counts,
// by data flow:
//
//   - the counter (of a counting loop or a range over an integer), which
//     the body never sets, is used only to build strings kept in locals of
//     the body (fmt.Sprintf("%s-%d", base, i), base + strconv.Itoa(i)),
//     and indexes nothing in them (names[i]): the candidates;
//   - an if statement of the body returns a candidate (return c, or
//     return c, nil), or assigns one to a variable declared before the
//     loop and breaks, when its condition, which must read something a
//     call handed a candidate answered (taken, n == 0, !ok), says so.
//
// A counter that indexes a list or numbers a page, or a loop that hands
// back no candidate (each pass's rows processed in turn), is data.

// probeLoop reports whether the counting loop at cur is a probe for a
// free candidate (see above).
func probeLoop(info *types.Info, cur inspector.Cursor) bool {
	counter, body := countingLoop(info, cur)
	if counter == nil || body == nil || setsVar(info, body, counter) {
		return false
	}
	// The candidates: string locals defined from the counter.
	cands := map[*types.Var]bool{}
	inCand := map[*ast.Ident]bool{}
	indexes := false
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || as.Tok != token.DEFINE || len(as.Lhs) != len(as.Rhs) {
			return true
		}
		for j, rhs := range as.Rhs {
			v, _ := info.Defs[identOrNil(as.Lhs[j])].(*types.Var)
			if v == nil || !isString(v.Type()) {
				continue
			}
			var uses []*ast.Ident
			ast.Inspect(rhs, func(m ast.Node) bool {
				switch m := m.(type) {
				case *ast.Ident:
					if info.Uses[m] == counter {
						uses = append(uses, m)
					}
				case *ast.IndexExpr, *ast.IndexListExpr, *ast.SliceExpr:
					if readsVar(info, m, counter) {
						indexes = true // names[i]: the counter picks an item
					}
				}
				return true
			})
			if len(uses) > 0 {
				cands[v] = true
				for _, id := range uses {
					inCand[id] = true
				}
			}
		}
		return true
	})
	if len(cands) == 0 || indexes {
		return false
	}
	only := true
	ast.Inspect(body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == counter && !inCand[id] {
			only = false
		}
		return only
	})
	if !only {
		return false
	}
	// The answers: variables a call handed a candidate assigns.
	answers := map[*types.Var]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 {
			return true
		}
		call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !ok || !handsCandidate(info, call, cands) {
			return true
		}
		for _, lhs := range as.Lhs {
			if v, ok := info.ObjectOf(identOrNil(lhs)).(*types.Var); ok && !isError(v.Type()) {
				answers[v] = true
			}
		}
		return true
	})
	for _, st := range body.List {
		ifs, ok := st.(*ast.IfStmt)
		if !ok || !reads(info, ifs.Cond, answers) {
			continue
		}
		if handsBack(info, ifs.Body, cands, body) {
			return true
		}
	}
	return false
}

// handsCandidate reports whether call passes one of cands as an argument.
func handsCandidate(info *types.Info, call *ast.CallExpr, cands map[*types.Var]bool) bool {
	for _, arg := range call.Args {
		if v, ok := info.Uses[identOrNil(ast.Unparen(arg))].(*types.Var); ok && cands[v] {
			return true
		}
	}
	return false
}

// reads reports whether e reads one of vars.
func reads(info *types.Info, e ast.Expr, vars map[*types.Var]bool) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok && vars[v] {
				found = true
			}
		}
		return !found
	})
	return found
}

// handsBack reports whether block returns one of cands, or assigns one to
// a variable declared outside loopBody and then breaks.
func handsBack(info *types.Info, block *ast.BlockStmt, cands map[*types.Var]bool, loopBody *ast.BlockStmt) bool {
	kept := false
	for _, st := range block.List {
		switch s := st.(type) {
		case *ast.ReturnStmt:
			for _, r := range s.Results {
				if v, ok := info.Uses[identOrNil(ast.Unparen(r))].(*types.Var); ok && cands[v] {
					return true
				}
			}
		case *ast.AssignStmt:
			if s.Tok != token.ASSIGN || len(s.Lhs) != len(s.Rhs) {
				continue
			}
			for j, rhs := range s.Rhs {
				src, _ := info.Uses[identOrNil(ast.Unparen(rhs))].(*types.Var)
				dst, _ := info.Uses[identOrNil(ast.Unparen(s.Lhs[j]))].(*types.Var)
				if src != nil && cands[src] && dst != nil && dst.Pos() < loopBody.Pos() {
					kept = true
				}
			}
		case *ast.BranchStmt:
			if s.Tok == token.BREAK && kept {
				return true
			}
		}
	}
	return false
}

// readsVar reports whether n reads v.
func readsVar(info *types.Info, n ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if id, ok := m.(*ast.Ident); ok && info.Uses[id] == v {
			found = true
		}
		return !found
	})
	return found
}
