package queries

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	astedge "golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// A whole snapshot loaded ahead of the calls. A service often keeps a
// whole table in memory, loaded at start-up and reloaded when it
// changes, and answers lookups by searching it; the database is asked
// only while the snapshot is not loaded yet (a migration run before
// start-up, a test):
//
//	func (app *App) CachedCollection(name string) (*Collection, error) {
//		all, _ := app.Store().Get(keyCollections).([]*Collection)
//		if all == nil {
//			return app.FindCollection(name) // the query: until loaded
//		}
//		for _, c := range all {
//			if c.Name == name {
//				return c, nil
//			}
//		}
//		return nil, sql.ErrNoRows
//	}
//
// The fallback runs until the snapshot is loaded, not once per call, so
// a loop around the call is no N+1: its queries count as a cache fill
// (once, whatever the key). Unlike a read-through cache (cache.go), the
// fallback does not fill the snapshot itself; something else must.
//
// What counts:
//
//   - the if statement tests the snapshot for absence (`s == nil`,
//     `len(s) == 0`, or `!ok` of `s, ok := ...`), has no else, and its
//     body ends in a return: the rest of the function runs only once the
//     snapshot is there;
//   - the snapshot is held by a long-lived owner: a field selected from
//     the receiver or from a package-level variable, a package-level
//     variable, or what a Get or Load method of such an owner (a store,
//     a sync.Map) answers for a constant key; read directly or through a
//     local the block defines from it and never assigns again (`v, _ :=
//     app.Store().Get(K).([]*T)`);
//   - it is a whole collection (a slice, an array or a map) that the
//     statements after the test search in memory (range over it, index
//     it): a single value cached under a key is the read-through cache's
//     business, and a nil check of a per-key entry, a parameter, or a
//     local made in the call is no snapshot;
//   - the package loads it somewhere: assigns the field or variable a
//     value other than nil (or gives the field one in a composite
//     literal), or calls a Set, Store or Put method of a
//     value of the store's type with the same constant key. A snapshot
//     nothing loads is always absent, and every call queries. Whether
//     the load runs in every deployment is not read: one loaded only
//     under a setting (an optional preload) counts as loaded, and a
//     load by another package is not seen (that snapshot stays
//     reported). Code run before the load (pocketbase's system
//     migrations) does query per call, once per deployment; the
//     driver leaves loops it knows to run in migrations out anyway.

// coldSnapshot says whether the if statement at c, in n, runs its body
// only while a whole snapshot is absent (see above).
func (a *analyzer) coldSnapshot(n *funcNode, c inspector.Cursor) bool {
	s := c.Node().(*ast.IfStmt)
	if s.Else != nil || len(s.Body.List) == 0 || c.ParentEdgeKind() != astedge.BlockStmt_List {
		return false
	}
	if _, ok := s.Body.List[len(s.Body.List)-1].(*ast.ReturnStmt); !ok {
		return false
	}
	info := a.pass.TypesInfo
	list := c.Parent().Node().(*ast.BlockStmt).List
	i := c.ParentEdgeIndex()
	before := list[:i:i]
	if s.Init != nil {
		before = append(before, s.Init)
	}
	var recv *types.Var
	if n.fn != nil {
		recv = n.fn.Type().(*types.Signature).Recv()
	}
	var snap *types.Var // what the rest searches
	var o owner
	if x := emptied(info, s.Cond); x != nil {
		v := varOf(info, x)
		if v == nil {
			return false
		}
		if o = ownerOf(info, x, recv); o.field == nil && o.store == nil {
			// A local: it must be defined from an owner.
			if o = definedFrom(info, before, v, false, recv); o.field == nil && o.store == nil {
				return false
			}
		}
		snap = v
	} else if u, ok := ast.Unparen(s.Cond).(*ast.UnaryExpr); ok && u.Op == token.NOT {
		id, ok := ast.Unparen(u.X).(*ast.Ident)
		if !ok {
			return false
		}
		okVar, _ := info.Uses[id].(*types.Var)
		if okVar == nil {
			return false
		}
		o = definedFrom(info, before, okVar, true, recv)
		snap = o.local
	}
	if snap == nil || (o.field == nil && o.store == nil) || !whole(snap.Type()) {
		return false
	}
	if o.local != nil && assignedAgain(info, n.body, o.local, o.def) {
		return false
	}
	if !searches(info, list[i+1:], snap) {
		return false
	}
	return a.loaded(o)
}

// owner is a long-lived holder of a snapshot: a field or package-level
// variable, or a store's entry under a constant key.
type owner struct {
	field *types.Var     // the field or package-level variable
	store types.Type     // the store's type, for a Get or Load of it
	key   constant.Value // the store's key
	// local is the variable the block keeps the snapshot in, def its
	// definition; nil when the test reads the owner itself.
	local *types.Var
	def   *ast.AssignStmt
}

// ownerOf is the owner x reads: a field selected from recv or from a
// package-level variable, a package-level variable, or a Get or Load of
// such an owner (or of what its methods answer) for a constant key.
func ownerOf(info *types.Info, x ast.Expr, recv *types.Var) owner {
	x = ast.Unparen(x)
	if ta, ok := x.(*ast.TypeAssertExpr); ok {
		x = ast.Unparen(ta.X)
	}
	switch e := x.(type) {
	case *ast.Ident:
		if v, ok := info.Uses[e].(*types.Var); ok && packageLevel(v) {
			return owner{field: v}
		}
	case *ast.SelectorExpr:
		if v, ok := info.Uses[e.Sel].(*types.Var); ok && v.IsField() && longLived(info, e.X, recv) {
			return owner{field: v}
		}
	case *ast.CallExpr:
		sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
		if !ok || len(e.Args) != 1 || (sel.Sel.Name != "Get" && sel.Sel.Name != "Load") {
			return owner{}
		}
		tv, ok := info.Types[e.Args[0]]
		if !ok || tv.Value == nil || !longLived(info, sel.X, recv) {
			return owner{}
		}
		if t := info.TypeOf(sel.X); t != nil {
			return owner{store: t, key: tv.Value}
		}
	}
	return owner{}
}

// longLived says whether x is rooted in recv or a package-level variable
// through selections, dereferences and method calls (app.Store()).
func longLived(info *types.Info, x ast.Expr, recv *types.Var) bool {
	for {
		switch e := ast.Unparen(x).(type) {
		case *ast.SelectorExpr:
			x = e.X
		case *ast.StarExpr:
			x = e.X
		case *ast.CallExpr:
			sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
			if !ok || len(e.Args) != 0 {
				return false
			}
			if s, ok := info.Selections[sel]; !ok || s.Kind() != types.MethodVal {
				return false
			}
			x = sel.X
		case *ast.Ident:
			v, ok := info.Uses[e].(*types.Var)
			return ok && (recv != nil && v == recv || packageLevel(v))
		default:
			return false
		}
	}
}

func packageLevel(v *types.Var) bool {
	return v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
}

// definedFrom is the owner the local v is defined from in before (`v :=
// o`, `v, ok := o.(T)`, `v, ok := store.Load(K)`); v is the ok of the
// definition when isOK is set.
func definedFrom(info *types.Info, before []ast.Stmt, v *types.Var, isOK bool, recv *types.Var) owner {
	for _, st := range before {
		as, ok := st.(*ast.AssignStmt)
		if !ok || as.Tok != token.DEFINE || len(as.Rhs) != 1 || len(as.Lhs) > 2 {
			continue
		}
		at := 0
		if isOK {
			at = 1
		}
		if at >= len(as.Lhs) {
			continue
		}
		id, ok := as.Lhs[at].(*ast.Ident)
		if !ok || info.Defs[id] != v {
			continue
		}
		local, _ := info.Defs[as.Lhs[0].(*ast.Ident)].(*types.Var)
		if local == nil {
			return owner{}
		}
		o := ownerOf(info, as.Rhs[0], recv)
		o.local, o.def = local, as
		return o
	}
	return owner{}
}

// whole says whether t holds a collection: a slice, an array or a map.
func whole(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Slice, *types.Array, *types.Map:
		return true
	}
	return false
}

// assignedAgain says whether body assigns v anywhere but at def.
func assignedAgain(info *types.Info, body ast.Node, v *types.Var, def *ast.AssignStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if found || !ok || as == def {
			return !found
		}
		for _, lhs := range as.Lhs {
			if id, ok := ast.Unparen(lhs).(*ast.Ident); ok && (info.Uses[id] == v || info.Defs[id] == v) {
				found = true
			}
		}
		return !found
	})
	return found
}

// searches says whether the statements range over v or index it.
func searches(info *types.Info, rest []ast.Stmt, v *types.Var) bool {
	found := false
	reads := func(x ast.Expr) bool { return varOf(info, x) == v }
	for _, st := range rest {
		ast.Inspect(st, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.RangeStmt:
				found = found || reads(n.X)
			case *ast.IndexExpr:
				found = found || reads(n.X)
			}
			return !found
		})
	}
	return found
}

// loaded says whether the package loads o: assigns its field or
// variable something other than nil, or sets its store's key.
func (a *analyzer) loaded(o owner) bool {
	info := a.pass.TypesInfo
	found := false
	for _, f := range a.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if found {
				return false
			}
			switch n := n.(type) {
			case *ast.AssignStmt:
				if o.field == nil || n.Tok != token.ASSIGN {
					return true
				}
				for i, lhs := range n.Lhs {
					if varOf(info, lhs) != o.field {
						continue
					}
					if len(n.Rhs) != len(n.Lhs) || !isNil(info, n.Rhs[i]) {
						found = true
					}
				}
			case *ast.KeyValueExpr:
				// &Cache{all: load()}: made loaded.
				if id, ok := n.Key.(*ast.Ident); ok && o.field != nil && info.Uses[id] == o.field && !isNil(info, n.Value) {
					found = true
				}
			case *ast.CallExpr:
				if o.store == nil || len(n.Args) < 2 {
					return true
				}
				sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
				if !ok || (sel.Sel.Name != "Set" && sel.Sel.Name != "Store" && sel.Sel.Name != "Put") {
					return true
				}
				if t := info.TypeOf(sel.X); t == nil || !types.Identical(t, o.store) {
					return true
				}
				tv, ok := info.Types[n.Args[0]]
				if ok && tv.Value != nil && tv.Value.Kind() == o.key.Kind() && constant.Compare(tv.Value, token.EQL, o.key) && !isNil(info, n.Args[1]) {
					found = true
				}
			}
			return true
		})
	}
	return found
}
