package routes

import (
	"go/ast"
	"go/token"
	"go/types"
)

// A route table is a literal of patterns and handlers that a loop ranges
// over, registering each row with one call:
//
//	for _, rt := range []struct {
//		path string
//		h    http.HandlerFunc
//	}{
//		{"/items", h.list},
//		{"/items/{id}", h.get},
//	} {
//		r.Get(rt.path, rt.h)
//	}
//
// The call in the loop is as many registrations as the table has rows,
// each with the pattern, method and handler of its row, at the row. The
// rows are read from a slice, array or map literal, ranged over in place
// or through a variable assigned it once (and nothing else: a table
// appended to holds more than its literal). A table built anywhere else
// (returned by a function, passed in) leaves the call one route whose
// pattern and handler say they are not known.

// maxRows bounds the routes one table makes.
const maxRows = 128

// row is one row of a route table: what the loop's variables hold in it.
type row struct {
	pos        token.Pos // the row, where its route is registered
	key, value *types.Var
	k, v       ast.Expr // the row's key (a map's) and value (the element)
}

// rows are the rows of the table a registration call ranges over, nil
// when its arguments name no variable of a loop over a literal.
func (a *analyzer) rows(call *ast.CallExpr) []row {
	var loop *ast.RangeStmt
	for _, arg := range call.Args {
		ast.Inspect(arg, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			if v, ok := a.pass.TypesInfo.Uses[id].(*types.Var); ok && a.loops[v] != nil {
				if loop != nil && loop != a.loops[v] {
					loop = &ast.RangeStmt{} // two loops: no one table
				} else {
					loop = a.loops[v]
				}
			}
			return true
		})
	}
	if loop == nil || loop.X == nil {
		return nil
	}
	lit := a.tableLit(loop.X)
	if lit == nil {
		return nil
	}
	var key, value *types.Var
	if id, ok := loop.Key.(*ast.Ident); ok {
		key, _ = a.pass.TypesInfo.Defs[id].(*types.Var)
	}
	if id, ok := loop.Value.(*ast.Ident); ok {
		value, _ = a.pass.TypesInfo.Defs[id].(*types.Var)
	}
	_, isMap := a.pass.TypesInfo.TypeOf(lit).Underlying().(*types.Map)
	var out []row
	for _, el := range lit.Elts[:min(len(lit.Elts), maxRows)] {
		r := row{pos: el.Pos(), key: key, value: value, v: el}
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			r.v = kv.Value
			if isMap {
				r.k = kv.Key
			}
		} else if isMap {
			return nil
		}
		if !isMap {
			r.key = nil // a slice's index: no part of a route
		}
		out = append(out, r)
	}
	return out
}

// tableLit is the slice, array or map literal a loop ranges over: written
// in place, or the only value of a local or package variable.
func (a *analyzer) tableLit(x ast.Expr) *ast.CompositeLit {
	x = ast.Unparen(x)
	if id, ok := x.(*ast.Ident); ok {
		v, ok := a.pass.TypesInfo.Uses[id].(*types.Var)
		if !ok || a.isParam(v) || len(a.writes[v]) != 1 {
			return nil
		}
		x = ast.Unparen(a.writes[v][0])
	}
	lit, ok := x.(*ast.CompositeLit)
	if !ok {
		return nil
	}
	switch a.pass.TypesInfo.TypeOf(lit).Underlying().(type) {
	case *types.Slice, *types.Array, *types.Map:
		return lit
	}
	return nil
}

// subst is what e, in the body of the loop over a table, stands for in
// the row being registered: the loop's key or value variable, or a field
// of the value (rt.path); e itself for anything else, and with no row.
func (a *analyzer) subst(e ast.Expr) ast.Expr {
	r := a.row
	if r == nil || e == nil {
		return e
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		switch v := a.pass.TypesInfo.Uses[x]; {
		case v == nil:
		case r.key != nil && v == r.key && r.k != nil:
			return r.k
		case r.value != nil && v == r.value:
			return r.v
		}
	case *ast.SelectorExpr:
		id, ok := ast.Unparen(x.X).(*ast.Ident)
		if !ok || r.value == nil || a.pass.TypesInfo.Uses[id] != r.value {
			return e
		}
		if f := a.field(r.v, x.Sel.Name); f != nil {
			return f
		}
	}
	return e
}

// field is the value a struct literal (or a pointer to one, &T{...}, or
// one of a table's elements, whose type is elided) gives field name; nil
// when it gives none.
func (a *analyzer) field(e ast.Expr, name string) ast.Expr {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return nil
	}
	st, ok := derefType(a.pass.TypesInfo.TypeOf(lit)).Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	for i, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
				return kv.Value
			}
			continue
		}
		if i < st.NumFields() && st.Field(i).Name() == name {
			return el
		}
	}
	return nil
}

func derefType(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}
