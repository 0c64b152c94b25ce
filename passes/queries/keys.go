package queries

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"
)

// A caching decorator over a store (a cache proxy wrapping the SQL
// implementation of an interface) often looks a key up only once the
// key is whole, and writes the key out again where it stores:
//
//	found := false
//	if version != "" {
//		v, found = r.cache.Get(fmt.Sprintf("%s|%s", id, version))
//	}
//	if !found {
//		def, version, err = r.delegate.Read(ctx, id, version)
//		...
//		r.cache.Set(fmt.Sprintf("%s|%s", id, version), def, cost)
//	}
//
// The lookup under a guard that only tests parts of its key for a value
// (`part != ""`, `part != 0`, joined by &&) reads through the cache for
// every key that has them; a call without one skips the cache (and its
// miss resolves it, here the newest version). That such calls are not
// what a loop repeats is the shape's premise: the rule takes it.
//
// The store's key is the lookup's when it is the same expression of the
// same variables (not merely the same text: a variable declared again
// in between is another key), none of them assigned between the lookup
// and the store. One assignment is allowed: by the call that computed
// the value stored, handed that same variable (the load above, given the
// version, answers the version it read). It answers, for a version
// given, that version — a load that read another would keep what it
// read under the key it read it for, and the next lookup with the given
// version would miss: the rule assumes the load names what it was asked
// for, as a store asked for a version does. Any other assignment (the
// key rewritten, a part taken from a call not handed it) makes the
// stored key another one, and the miss a query per call.

// guardedLookup is st when it is `if cond { v, ok = lookup }`: the if
// statement and the assignment.
func guardedLookup(st ast.Stmt) (*ast.IfStmt, *ast.AssignStmt) {
	s, ok := st.(*ast.IfStmt)
	if !ok || s.Init != nil || s.Else != nil || len(s.Body.List) != 1 {
		return nil, nil
	}
	as, ok := s.Body.List[0].(*ast.AssignStmt)
	if !ok || as.Tok != token.ASSIGN {
		return nil, nil
	}
	return s, as
}

// guardsKey reports whether cond only tests that parts of key are given:
// `part != zero`, joined by &&.
func guardsKey(info *types.Info, cond, key ast.Expr) bool {
	parts := keyParts(info, key)
	var test func(e ast.Expr) bool
	test = func(e ast.Expr) bool {
		b, ok := ast.Unparen(e).(*ast.BinaryExpr)
		if !ok {
			return false
		}
		switch b.Op {
		case token.LAND:
			return test(b.X) && test(b.Y)
		case token.NEQ:
			x, z := b.X, b.Y
			if zeroValue(info, x) {
				x, z = z, x
			}
			id, isID := ast.Unparen(x).(*ast.Ident)
			return isID && parts.vars[info.Uses[id]] && zeroValue(info, z)
		}
		return false
	}
	return test(cond)
}

// zeroValue reports whether e is a constant zero value: nil, "", 0, false.
func zeroValue(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	if !ok {
		return false
	}
	if tv.IsNil() {
		return true
	}
	if tv.Value == nil {
		return false
	}
	switch tv.Value.Kind() {
	case constant.String:
		return constant.StringVal(tv.Value) == ""
	case constant.Int, constant.Float:
		return constant.Sign(tv.Value) == 0
	case constant.Bool:
		return !constant.BoolVal(tv.Value)
	}
	return false
}

// unset reports whether ok is false when stmts have run: the last of
// them to set it declares it so (`ok := false`, `var ok bool`).
func unset(info *types.Info, stmts []ast.Stmt, ok *types.Var) bool {
	for _, st := range slices.Backward(stmts) {
		switch st := st.(type) {
		case *ast.DeclStmt:
			gd, _ := st.Decl.(*ast.GenDecl)
			if gd == nil || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, id := range vs.Names {
					if info.Defs[id] == ok {
						return len(vs.Values) == 0 || len(vs.Values) == len(vs.Names) && zeroValue(info, vs.Values[i])
					}
				}
			}
		case *ast.AssignStmt:
			for i, l := range st.Lhs {
				if id, isID := l.(*ast.Ident); isID && info.ObjectOf(id) == ok {
					return len(st.Lhs) == len(st.Rhs) && zeroValue(info, st.Rhs[i])
				}
			}
		}
		changed := false
		ast.Inspect(st, func(n ast.Node) bool {
			if as, isAssign := n.(*ast.AssignStmt); isAssign {
				for _, l := range as.Lhs {
					if id, isID := l.(*ast.Ident); isID && info.ObjectOf(id) == ok {
						changed = true
					}
				}
			}
			return !changed
		})
		if changed {
			return false // set in a nested statement
		}
	}
	return false
}

// parts are what a key is made of: variables named alone, and fields
// (x.f, x.f.g, by their text) read from a variable.
type parts struct {
	vars  map[types.Object]bool
	roots map[types.Object]bool // the variables fields are read from
	sels  []string
}

func keyParts(info *types.Info, key ast.Expr) parts {
	p := parts{vars: map[types.Object]bool{}, roots: map[types.Object]bool{}}
	ast.Inspect(key, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if root := rootIdent(n); root != nil {
				if v, ok := info.Uses[root].(*types.Var); ok {
					p.roots[v] = true
					p.sels = append(p.sels, types.ExprString(n))
				}
				return false
			}
		case *ast.Ident:
			if v, ok := info.Uses[n].(*types.Var); ok {
				p.vars[v] = true
			}
		}
		return true
	})
	return p
}

// rootIdent is the variable a chain of selectors starts from: x of
// x.f.g.
func rootIdent(e ast.Expr) *ast.Ident {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return x
		case *ast.SelectorExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// touches reports whether assigning lhs may change the key.
func (p parts) touches(info *types.Info, lhs ast.Expr) bool {
	switch x := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		v := info.ObjectOf(x)
		return p.vars[v] || p.roots[v]
	case *ast.SelectorExpr:
		t := types.ExprString(x)
		if root := rootIdent(x); root != nil && p.vars[info.Uses[root]] {
			return true
		}
		return slices.ContainsFunc(p.sels, func(s string) bool { return s == t || strings.HasPrefix(s, t+".") })
	case *ast.IndexExpr:
		return p.touches(info, x.X)
	case *ast.StarExpr:
		return p.touches(info, x.X)
	}
	return false
}

// keyKept reports whether the key a lookup (at key) made is still the
// key when the miss stores: no statement of region assigns a part of it
// after the lookup, but the call that computed a variable stored,
// handed that part (see above).
func keyKept(info *types.Info, region []ast.Stmt, key ast.Expr, stored map[*types.Var]bool) bool {
	p := keyParts(info, key)
	after := func(n ast.Node) bool { return n.Pos() >= key.End() }
	// loads says whether as computes a value stored, from a call handed
	// the variable it assigns at lhs.
	loads := func(as *ast.AssignStmt, lhs ast.Expr) bool {
		id, isID := lhs.(*ast.Ident)
		if !isID || as.Tok != token.ASSIGN || len(as.Rhs) != 1 {
			return false
		}
		call, isCall := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !isCall || !slices.ContainsFunc(call.Args, func(a ast.Expr) bool {
			arg, ok := ast.Unparen(a).(*ast.Ident)
			return ok && info.Uses[arg] == info.Uses[id]
		}) {
			return false
		}
		return slices.ContainsFunc(as.Lhs, func(l ast.Expr) bool {
			lid, ok := l.(*ast.Ident)
			v, _ := info.ObjectOf(lid).(*types.Var)
			return ok && stored[v]
		})
	}
	kept := true
	for _, st := range region {
		ast.Inspect(st, func(n ast.Node) bool {
			if !kept || n == nil {
				return false
			}
			switch n := n.(type) {
			case *ast.AssignStmt:
				if !after(n) {
					break
				}
				for _, lhs := range n.Lhs {
					if !p.touches(info, lhs) || loads(n, lhs) {
						continue // another variable, the load
					}
					kept = false
				}
			case *ast.IncDecStmt:
				kept = !after(n) || !p.touches(info, n.X)
			case *ast.UnaryExpr:
				kept = n.Op != token.AND || !after(n) || !p.touches(info, n.X)
			case *ast.RangeStmt:
				kept = !after(n) || (n.Key == nil || !p.touches(info, n.Key)) && (n.Value == nil || !p.touches(info, n.Value))
			}
			return kept
		})
	}
	return kept
}
