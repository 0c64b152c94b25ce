package program

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/passes/queries"
)

// What a set keeps of a table.
//
// A command dumps the partitions of the sections it is told: it looks
// each section up in a package-level table the code writes out
// (map[string][]string{"auth": {"auth", "acl"}, ...}), puts the
// partitions in a set to drop repeats, and hands the set's keys on as a
// list. However many sections are named, the list holds at most the
// partitions the table lists: a set's keys are as many as the distinct
// values put in it, and a value read from a table nothing changes is one
// of the table's. So a loop over that list runs a few times, as over a
// slice literal, whatever the loops that fill the set run over.
//
// A table the program writes anywhere but in its declaration (an entry
// added, the map handed to a function that may add one), a key that is
// not an element of such data, or a set handed to code that may add to
// it, keeps the list data.

// kept are the functions of the standard library whose result holds as
// many items as their first argument at most: an iterator over a map's
// keys or values, a list collected from an iterator, a copy (not
// slices.Compact, which zeroes the items it drops in place).
var kept = map[string]map[string]bool{
	"maps":   {"Keys": true, "Values": true, "All": true, "Clone": true},
	"slices": {"Collect": true, "Sorted": true, "Clone": true, "Values": true, "All": true},
}

// keptArg is the argument whose items call's result holds, when call is
// one of kept; nil otherwise.
func keptArg(info *types.Info, call *ast.CallExpr) ast.Expr {
	fn := typeutil.StaticCallee(info, call)
	if fn == nil || fn.Pkg() == nil || !kept[fn.Pkg().Path()][fn.Name()] || len(call.Args) == 0 {
		return nil
	}
	return call.Args[0]
}

// readsOnly reports whether call only reads the map or list it is given:
// len or cap, or one of kept (which do not change their argument).
func readsOnly(info *types.Info, call *ast.CallExpr) bool {
	if b, ok := info.Uses[identOf(call.Fun)].(*types.Builtin); ok {
		return b.Name() == "len" || b.Name() == "cap"
	}
	return keptArg(info, call) != nil
}

// table is the composite literal a package-level variable of the module
// that x denotes is initialized with, and the type information of its
// package, when nothing in the program writes the variable but its
// declaration (see writesIndex: an entry added, the map handed on).
func (p *Program) table(info *types.Info, x ast.Expr) (*ast.CompositeLit, *types.Info) {
	var id *ast.Ident
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel // pkg.Table
	default:
		return nil, nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
		return nil, nil
	}
	pkg := p.pkgs[v.Pkg().Path()]
	if pkg == nil || pkg.TypesInfo == nil {
		return nil, nil
	}
	places := p.writesIndex().of[v.Origin()]
	if len(places) != 1 || !places[0].top || places[0].pos != v.Pos() {
		return nil, nil // written elsewhere, or declared without a value
	}
	for _, f := range pkg.Syntax {
		if v.Pos() < f.FileStart || v.Pos() >= f.FileEnd {
			continue
		}
		for w, value := range queries.VarValues(pkg.TypesInfo, []*ast.File{f}) {
			if w == v {
				lit, _ := ast.Unparen(value).(*ast.CompositeLit)
				return lit, pkg.TypesInfo
			}
		}
	}
	return nil, nil
}

// tableEntries are the values of a table's literal that ix, an index of the
// table, may select: the one under its constant key, or all of them.
func tableEntries(info, tinfo *types.Info, lit *ast.CompositeLit, ix *ast.IndexExpr) []ast.Expr {
	key := info.Types[ix.Index].Value
	var out []ast.Expr
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			out = append(out, el) // a list's: by place, not followed
			continue
		}
		if k := tinfo.Types[kv.Key].Value; key != nil && k != nil && k.Kind() == key.Kind() && !constant.Compare(k, token.EQL, key) {
			continue
		}
		out = append(out, kv.Value)
	}
	return out
}

// eachEntry calls f with each entry of the table ix indexes (see table)
// that ix may select, with the table's type information; it reports
// false when ix indexes no such table or f refuses an entry.
func (p *Program) eachEntry(info *types.Info, ix *ast.IndexExpr, f func(tinfo *types.Info, e ast.Expr) bool) bool {
	lit, tinfo := p.table(info, ix.X)
	if lit == nil {
		return false
	}
	for _, e := range tableEntries(info, tinfo, lit, ix) {
		if !f(tinfo, e) {
			return false
		}
	}
	return true
}

// fewEntry is how many items at most an element of a table (see table)
// holds: the most any entry ix may select holds (a missing key gives
// the zero value, none).
func (p *Program) fewEntry(info *types.Info, ix *ast.IndexExpr, limit, depth int) (int, bool) {
	most := 0
	ok := p.eachEntry(info, ix, func(tinfo *types.Info, e ast.Expr) bool {
		n, ok := p.fewValue(tinfo, nil, e, limit, depth+1)
		most = max(most, n)
		return ok
	})
	return most, ok
}

// mapKeys is how many keys at most the puts into v, a local map of fn,
// add: for each put, the distinct values its key can take (see
// keyDomain), or how many times the put runs (repeats), whichever is
// known and smaller. It is not ok when v is handed anywhere that may add
// to it or keep it (a call, another variable, a field), or a put is
// bounded neither way.
func (p *Program) mapKeys(info *types.Info, fn ast.Node, v *types.Var, limit, depth int) (int, bool) {
	total := 0
	ok := queries.InspectAround(fn, func(node ast.Node, around []ast.Node) bool {
		id, isID := node.(*ast.Ident)
		if !isID || info.Uses[id] != v || len(around) == 0 {
			return true
		}
		switch parent := around[len(around)-1].(type) {
		case *ast.IndexExpr:
			if parent.X != id || len(around) < 2 {
				return false // m used as a key
			}
			if !putInto(around[len(around)-2], parent) {
				return true // a read
			}
			outer := around[:len(around)-2]
			d, dok := p.keyDomain(info, fn, parent.Index, outer, limit, depth)
			t, tok := p.repeats(info, fn, v, outer, limit, depth)
			switch {
			case dok && tok:
				total += min(d, t)
			case dok:
				total += d
			case tok:
				total += t
			default:
				return false
			}
			return total <= limit
		case *ast.RangeStmt:
			return parent.X == id
		case *ast.CallExpr:
			b, isBuiltin := info.Uses[identOf(parent.Fun)].(*types.Builtin)
			return isBuiltin && (b.Name() == "delete" || b.Name() == "clear") || readsOnly(info, parent)
		case *ast.AssignStmt:
			for _, lhs := range parent.Lhs {
				if lhs == id {
					return true // set whole: Writes says to what
				}
			}
			return false // handed to another variable
		case *ast.ReturnStmt:
			return true // what the caller does with it is the caller's
		}
		return false
	})
	return total, ok
}

// putInto reports whether node, the parent of the index expression ix,
// writes the element ix denotes.
func putInto(node ast.Node, ix *ast.IndexExpr) bool {
	switch n := node.(type) {
	case *ast.AssignStmt:
		for _, lhs := range n.Lhs {
			if lhs == ix {
				return true
			}
		}
	case *ast.IncDecStmt:
		return n.X == ix
	}
	return false
}

// keyDomain is how many distinct values k, a key put into a map within
// around in fn, can take: one for a constant, and for the value variable
// of a range around it that nothing else assigns, the distinct items of
// what it ranges over (elemDomain).
func (p *Program) keyDomain(info *types.Info, fn ast.Node, k ast.Expr, around []ast.Node, limit, depth int) (int, bool) {
	if info.Types[k].Value != nil {
		return 1, true
	}
	id, ok := ast.Unparen(k).(*ast.Ident)
	if !ok {
		return 0, false
	}
	kv, ok := info.Uses[id].(*types.Var)
	if !ok {
		return 0, false
	}
	for i := len(around) - 1; i >= 0; i-- {
		rs, ok := around[i].(*ast.RangeStmt)
		if !ok || rs.Tok != token.DEFINE {
			continue
		}
		if val, ok := rs.Value.(*ast.Ident); ok && info.Defs[val] == kv {
			if !queries.Writes(info, fn, kv, func(queries.LocalWrite) bool { return false }) {
				return 0, false // assigned in the body
			}
			return p.elemDomain(info, fn, rs.X, limit, depth+1)
		}
	}
	return 0, false
}

// elemDomain is how many distinct values the items of x, a list in fn,
// can take over every evaluation: the constants of a literal; for an
// element of a table (see table), those of every entry it may select;
// for a local that fn only reads (ranges over, indexes, measures), those
// of every value it is set to.
func (p *Program) elemDomain(info *types.Info, fn ast.Node, x ast.Expr, limit, depth int) (int, bool) {
	if depth > fewHops {
		return 0, false
	}
	switch x := ast.Unparen(x).(type) {
	case *ast.CompositeLit:
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			if info.Types[el].Value == nil {
				return 0, false // an item known at run time only
			}
		}
		return len(x.Elts), true
	case *ast.IndexExpr:
		// Every entry's: the index may be any key.
		total := 0
		ok := p.eachEntry(info, x, func(tinfo *types.Info, e ast.Expr) bool {
			n, ok := p.elemDomain(tinfo, nil, e, limit, depth+1)
			total += n
			return ok && total <= limit
		})
		return total, ok
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		if !ok || fn == nil || v.Pos() < fn.Pos() || v.Pos() >= fn.End() || isParam(fn, v) || !readOnlyList(info, fn, v) {
			return 0, false
		}
		total := 0
		ok = queries.Writes(info, fn, v, func(w queries.LocalWrite) bool {
			if w.Value == nil {
				return false
			}
			n, ok := p.elemDomain(info, fn, w.Value, limit, depth+1)
			total += n
			return ok && total <= limit
		})
		return total, ok
	}
	return 0, false
}

// readOnlyList reports whether fn uses v, a local list, only to read it:
// ranging over it, reading an item, measuring it, or handing it to one
// of kept; set whole, as Writes sees. Items written in place, or the
// list handed anywhere else, may change the values it holds.
func readOnlyList(info *types.Info, fn ast.Node, v *types.Var) bool {
	return queries.InspectAround(fn, func(node ast.Node, around []ast.Node) bool {
		id, isID := node.(*ast.Ident)
		if !isID || info.Uses[id] != v || len(around) == 0 {
			return true
		}
		switch parent := around[len(around)-1].(type) {
		case *ast.IndexExpr:
			return parent.X == id && len(around) >= 2 && !putInto(around[len(around)-2], parent) && !addressed(around[len(around)-2])
		case *ast.RangeStmt:
			return parent.X == id
		case *ast.CallExpr:
			return readsOnly(info, parent)
		case *ast.AssignStmt:
			for _, lhs := range parent.Lhs {
				if lhs == id {
					return true
				}
			}
		}
		return false
	})
}

// addressed reports whether node takes the address of its operand.
func addressed(node ast.Node) bool {
	u, ok := node.(*ast.UnaryExpr)
	return ok && u.Op == token.AND
}
