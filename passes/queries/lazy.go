package queries

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/passes/config"
)

// Lazy state of a receiver. An iterator over a result set often runs its
// statement on the first call that needs a row, not when it is made:
//
//	func (t *Iterator) Next(ctx context.Context) (*Row, error) {
//		if t.rows == nil {
//			if err := t.fetch(ctx); err != nil { // t.rows, err = t.db.QueryContext(...)
//				return nil, err
//			}
//		}
//		... // scan the next row of t.rows
//	}
//
// The statement runs once per iterator, however often Next is called: a
// loop calling Next on one iterator, or advancing a few iterators made
// before it (a merge, a union), runs it once per iterator, not once per
// item. A loop that makes a new iterator per item and reads it is still
// an N+1: the statement runs once per iterator, and there is one per
// item. The pass marks the calls such a statement makes
// (Result.PerValue); the whole-program graph follows the receiver up to
// the loop and decides there (see program.Call.Per).
//
// What counts: an if statement of a method whose condition tests a field
// of the receiver for emptiness (t.rows == nil, len(t.buf) == 0, t.name
// == ""), or a bool field for false (!t.started), and whose body sets
// that field (t.rows = ..., t.started = true), itself or in a function of
// the package it hands the receiver to (three calls deep: a method called
// on it, a function given it as an argument, a closure such a function
// hands back or passes on to be run). A closure's receiver is its
// enclosing method's: a fill in a closure stays a process-wide one, as it
// was.
//
// A pointer parameter keeps state the same way: a function that fills a
// field of the value it is handed, and runs its statement only while that
// field is empty, runs it once per value, not once per call:
//
//	func (s *Downloads) Fetch(ctx context.Context, r *Release) error {
//		if r.TmpFile != "" {
//			return nil // already fetched
//		}
//		idx, err := s.indexers.FindByID(ctx, r.IndexerID) // a query
//		...
//		r.TmpFile = path // itself, or in a function it hands r to
//	}
//
// A loop calling Fetch for each of its items with one release made before
// it (checks that each may need the file) runs the query once; one
// calling it with each item's own release runs it per item. The parameter
// must point to a struct, and the function must not assign it (it would
// then point elsewhere); its ordinal (1 + its index, the receiver first)
// says which value the whole-program graph follows (Result.PerValue).
// Only that graph tells the two loops apart: checked a package at a time
// (go vet, golangci-lint), a parameter's fill runs on every call.

// stateFill is, when s, in n, fills the state of its receiver or of a
// pointer parameter lazily (see above), that variable's ordinal (see
// stateOrd); 0 otherwise.
func (a *analyzer) stateFill(n *funcNode, s *ast.IfStmt) int {
	v, field, flag, ord := a.stateTest(n, s.Cond)
	if field == nil || !a.setsField(s.Body, v, field, flag, 0) {
		return 0
	}
	return ord
}

// stateOrd is, when v is the receiver of n, a method's declaration, or a
// parameter of n, a declared function or method, that points to a struct
// and that n never assigns, 1 + its index among n's receiver (first) and
// parameters; 0 otherwise, and for a closure, which keeps no state of its
// own.
func (a *analyzer) stateOrd(n *funcNode, v *types.Var) int {
	if _, ok := n.node.(*ast.FuncDecl); !ok || n.fn == nil || v == nil {
		return 0
	}
	sig := n.fn.Type().(*types.Signature)
	base := 0
	if r := sig.Recv(); r != nil {
		if r == v {
			return 1
		}
		base = 1
	}
	for j := range sig.Params().Len() {
		if sig.Params().At(j) != v {
			continue
		}
		if sig.Variadic() && j == sig.Params().Len()-1 || !pointsToStruct(v.Type()) || assignsVar(a.pass.TypesInfo, n.body, v) {
			return 0
		}
		if !config.For(a.pass).WholeProgram {
			// A package alone does not show whether a loop hands the
			// same value on each time or its item's own: the usual case
			// (a user's avatar filled per user) runs per item.
			return 0
		}
		return base + j + 1
	}
	return 0
}

// paramFill reports whether one of the lazy fills the walk of n is in
// fills a parameter's state, not a method's receiver's (see stateOrd).
func (a *analyzer) paramFill(n *funcNode) bool {
	method := n.fn != nil && n.fn.Type().(*types.Signature).Recv() != nil
	for _, ord := range a.perVal {
		if ord > 1 || !method {
			return true
		}
	}
	return false
}

// pointsToStruct reports whether t is a pointer to a struct.
func pointsToStruct(t types.Type) bool {
	ptr, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	_, ok = ptr.Elem().Underlying().(*types.Struct)
	return ok
}

// stateTest is what cond, in n, tests of a state variable of n (see
// stateOrd): the variable, the field of it tested for emptiness (nil,
// length 0, ""), or, flag set, the bool field tested for false, and the
// variable's ordinal; field nil when cond is no such test.
func (a *analyzer) stateTest(n *funcNode, cond ast.Expr) (v, field *types.Var, flag bool, ord int) {
	info := a.pass.TypesInfo
	cond = ast.Unparen(cond)
	if u, ok := cond.(*ast.UnaryExpr); ok && u.Op == token.NOT {
		v, field, ord = a.stateField(n, u.X)
		if field == nil {
			return nil, nil, false, 0
		}
		if b, ok := field.Type().Underlying().(*types.Basic); !ok || b.Kind() != types.Bool {
			return nil, nil, false, 0
		}
		return v, field, true, ord
	}
	x := emptied(info, cond)
	if x == nil {
		x = stringTest(info, cond, token.EQL)
	}
	if x == nil {
		x = a.fullTest(n, cond)
	}
	v, field, ord = a.stateField(n, x)
	return v, field, false, ord
}

// fullTest is, when cond tests whether a buffer of n's receiver is full,
// what it measures; nil otherwise. A writer that collects rows and sends
// them when it holds a batch's worth
//
//	func (b *BatchSave) Add(row any) error {
//		b.rows[b.current] = row
//		b.current++
//		if b.current == b.size { // or len(b.rows) >= maxRows
//			return b.flush() // INSERT of size rows; sets b.current = 0
//		}
//		return nil
//	}
//
// runs its statement once per batch of calls, not once per call: a loop
// calling Add per item sends one statement per size items, the chunks a
// loop would make itself (see chunks.go). The test is a count kept in a
// field of the receiver (a counter, or len of a slice field) compared
// with ==, >= or > to a constant or another field of the receiver; the
// body must set the counted field again, as a lazy fill sets the state
// it tests (see setsField): a limit that refuses (return errTooMany)
// counts per call. Like a fill, the statement is then run once per
// receiver as far as the loops around the call go.
func (a *analyzer) fullTest(n *funcNode, cond ast.Expr) ast.Expr {
	info := a.pass.TypesInfo
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return nil
	}
	x, lim := b.X, b.Y
	switch b.Op {
	case token.EQL, token.GEQ, token.GTR:
	case token.LEQ, token.LSS:
		x, lim = lim, x
	default:
		return nil
	}
	if call, ok := ast.Unparen(x).(*ast.CallExpr); ok && len(call.Args) == 1 {
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && info.Uses[id] == types.Universe.Lookup("len") {
			x = call.Args[0]
		}
	}
	root, _, ord := a.stateField(n, x)
	if ord != 1 {
		return nil // a receiver's buffer
	}
	if tv, ok := info.Types[lim]; ok && tv.Value != nil {
		if v, exact := constant.Int64Val(constant.ToInt(tv.Value)); !exact || v < 2 {
			return nil // a batch of one is a call
		}
		return x
	}
	if sel, ok := ast.Unparen(lim).(*ast.SelectorExpr); ok && selRoot(info, sel.X) == root {
		if f, ok := info.Uses[sel.Sel].(*types.Var); ok && f.IsField() {
			return x
		}
	}
	return nil
}

// stringTest is x of `x op ""` or `"" op x`; nil for other conditions.
func stringTest(info *types.Info, cond ast.Expr, op token.Token) ast.Expr {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != op {
		return nil
	}
	switch {
	case isEmptyString(info, b.Y):
		return b.X
	case isEmptyString(info, b.X):
		return b.Y
	}
	return nil
}

// isEmptyString reports whether e is the constant "".
func isEmptyString(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.String && constant.StringVal(tv.Value) == ""
}

// stateField is the state variable of n (see stateOrd) x selects a field
// from, that field and the variable's ordinal; nil when x is no such
// selection.
func (a *analyzer) stateField(n *funcNode, x ast.Expr) (v, field *types.Var, ord int) {
	if x == nil {
		return nil, nil, 0
	}
	sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
	if !ok {
		return nil, nil, 0
	}
	info := a.pass.TypesInfo
	f, ok := info.Uses[sel.Sel].(*types.Var)
	if !ok || !f.IsField() {
		return nil, nil, 0
	}
	root := selRoot(info, sel.X)
	if ord = a.stateOrd(n, root); ord == 0 {
		return nil, nil, 0
	}
	return root, f, ord
}

// recvField is the field x selects from recv (t.rows, t.state.rows), nil
// when x is no such selection.
func recvField(info *types.Info, x ast.Expr, recv *types.Var) *types.Var {
	sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	v, ok := info.Uses[sel.Sel].(*types.Var)
	if !ok || !v.IsField() || selRoot(info, sel.X) != recv {
		return nil
	}
	return v
}

// selRoot is the variable a chain of selections and dereferences starts
// from (t of t.a.b), nil when it starts from something else.
func selRoot(info *types.Info, x ast.Expr) *types.Var {
	for {
		switch e := ast.Unparen(x).(type) {
		case *ast.SelectorExpr:
			x = e.X
		case *ast.StarExpr:
			x = e.X
		case *ast.Ident:
			v, _ := info.Uses[e].(*types.Var)
			return v
		default:
			return nil
		}
	}
}

// setsField reports whether body, run with v as one of its variables (a
// receiver or a parameter), sets field of it (to true, when flag is set):
// itself, or in a function of the package it hands v to (as the receiver
// of a method, or as an argument), depth calls down already. A closure
// counts when it is handed back (return func() {...}), passed to a call
// (retry.Do(func() {...})) or called where it is written: a function run
// with v sets the field when it runs; one kept in a variable may never
// run.
func (a *analyzer) setsField(body ast.Node, v, field *types.Var, flag bool, depth int) bool {
	info := a.pass.TypesInfo
	found := false
	run := map[*ast.FuncLit]bool{} // the closures that count (see above)
	mark := func(x ast.Expr) {
		if lit, ok := ast.Unparen(x).(*ast.FuncLit); ok {
			run[lit] = true
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return run[n]
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				mark(r)
			}
		case *ast.AssignStmt:
			if n.Tok != token.ASSIGN {
				return true
			}
			for i, lhs := range n.Lhs {
				if recvField(info, lhs, v) != field {
					continue
				}
				if !flag || len(n.Rhs) == len(n.Lhs) && isTrue(info, n.Rhs[i]) {
					found = true
				}
			}
		case *ast.CallExpr:
			mark(n.Fun)
			for _, arg := range n.Args {
				mark(arg)
			}
			if depth < 3 && a.handsOn(n, v, field, flag, depth) {
				found = true
			}
		}
		return true
	})
	return found
}

// handsOn reports whether call, a call of a function of the package that
// hands it v (as a method's receiver or as an argument), sets field of v
// there (see setsField).
func (a *analyzer) handsOn(call *ast.CallExpr, v, field *types.Var, flag bool, depth int) bool {
	info := a.pass.TypesInfo
	fn := typeutil.StaticCallee(info, call)
	if fn == nil {
		return false
	}
	decl := a.caches().decl(fn)
	if decl == nil {
		return false
	}
	is := func(x ast.Expr) bool {
		id, ok := ast.Unparen(x).(*ast.Ident)
		return ok && info.Uses[id] == v
	}
	var inner []*types.Var
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && decl.Recv != nil && is(sel.X) {
		if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodVal && len(decl.Recv.List) == 1 && len(decl.Recv.List[0].Names) == 1 {
			if r, ok := info.Defs[decl.Recv.List[0].Names[0]].(*types.Var); ok {
				inner = append(inner, r)
			}
		}
	}
	var params []*ast.Ident
	for _, f := range decl.Type.Params.List {
		if len(f.Names) == 0 {
			return len(inner) > 0 && a.setsField(decl.Body, inner[0], field, flag, depth+1)
		}
		params = append(params, f.Names...)
	}
	sig := fn.Type().(*types.Signature)
	for i, arg := range call.Args {
		if i >= len(params) || sig.Variadic() && i >= len(params)-1 || !is(arg) {
			continue
		}
		if p, ok := info.Defs[params[i]].(*types.Var); ok {
			inner = append(inner, p)
		}
	}
	for _, w := range inner {
		if a.setsField(decl.Body, w, field, flag, depth+1) {
			return true
		}
	}
	return false
}

// A getter that hands back what its receiver holds, and builds it only
// when the receiver holds nothing yet, is the same lazy fill written the
// other way round:
//
//	func (d *Deps) Settings() *Settings {
//		if d.settings != nil {
//			return d.settings
//		}
//		d.settings = LoadSettings(d.db) // queries: once per container
//		return d.settings
//	}
//
// What the statements after the test run, they run once per receiver
// (for a container the program keeps, once per process), not once per
// call of the getter: a loop or a request that calls it pays nothing
// after the first call. What counts: an if statement of a method whose
// condition tests a field of the receiver for being set (d.x != nil,
// len(d.x) > 0, d.x != ""), alone or ANDed with conditions that read only
// the receiver, package-level names and constants, whose body returns,
// and after which the block sets that field (itself or in a function of
// the package it hands the receiver to). The test may close a chain of
// ifs each of whose branches returns (if r.URL == "" { return err } else
// if r.File != "" { return nil }): what follows runs only when none did.
// It does not count when the package sets the field back to nil or ""
// anywhere (d.x = nil: a reset, after which the next call builds again),
// nor when the extra condition reads a local, or a parameter other than a
// bool flag the method reads as `!reload`: with one, the fill holds for
// the calls passing the constant false (the whole-program graph decides
// per call). A pointer parameter's field counts as the receiver's does
// (see stateOrd): the guard that returns when the value handed in is
// already filled.

// stateHit reports whether list[i], in n, returns when a state variable
// of n (see stateOrd) holds a field, the rest of list filling it (see
// above), and that variable's ordinal.
//
// flag, when not 0, says the test is ANDed with `!p` for the method's
// bool parameter p (flag-1 its index among the parameters, the receiver
// not counted), which nothing in the method assigns: a call passing the
// constant false keeps the fast path, any other value makes that call
// build again (see program.Call.Unless).
func (a *analyzer) stateHit(n *funcNode, list []ast.Stmt, i int) (ord, flag int) {
	s, ok := list[i].(*ast.IfStmt)
	if !ok || i+1 >= len(list) {
		return 0, 0
	}
	info := a.pass.TypesInfo
	var v, field *types.Var
	for s != nil && field == nil {
		if s.Init != nil || len(s.Body.List) == 0 {
			return 0, 0
		}
		if _, ok := s.Body.List[len(s.Body.List)-1].(*ast.ReturnStmt); !ok {
			return 0, 0 // the branch goes on: not a getter's fast path
		}
		flag = 0
		var extra []ast.Expr
		for _, c := range conjuncts(s.Cond) {
			x := held(info, c)
			if x == nil {
				x = stringTest(info, c, token.NEQ)
			}
			if w, f, k := a.stateField(n, x); f != nil && field == nil {
				v, field, ord = w, f, k
				continue
			}
			if k := a.offFlag(n, c); k > 0 && flag == 0 {
				flag = k
				continue
			}
			extra = append(extra, c)
		}
		if field != nil {
			for _, c := range extra {
				if !steady(info, c, v) {
					return 0, 0 // a caller's switch, or a value of this call
				}
			}
			break
		}
		switch e := s.Else.(type) {
		case nil:
			return 0, 0
		case *ast.IfStmt:
			s = e // else if: runs only when the branches before did not return
		default:
			return 0, 0
		}
	}
	if field == nil || a.resets(field) {
		return 0, 0
	}
	rest := &ast.BlockStmt{List: list[i+1:]}
	if !a.setsField(rest, v, field, false, 0) {
		return 0, 0
	}
	return ord, flag
}

// offFlag is, when c is `!p` for a bool parameter p of n that n never
// assigns, 1 + p's index among n's parameters; 0 otherwise.
func (a *analyzer) offFlag(n *funcNode, c ast.Expr) int {
	u, ok := ast.Unparen(c).(*ast.UnaryExpr)
	if !ok || u.Op != token.NOT {
		return 0
	}
	id, ok := ast.Unparen(u.X).(*ast.Ident)
	if !ok {
		return 0
	}
	v, _ := a.pass.TypesInfo.Uses[id].(*types.Var)
	if v == nil {
		return 0 // a constant: steady tells
	}
	if b, ok := v.Type().Underlying().(*types.Basic); !ok || b.Kind() != types.Bool {
		return 0
	}
	if n.fn == nil {
		return 0 // a closure: no declared function's parameters
	}
	params := n.fn.Type().(*types.Signature).Params()
	for k := range params.Len() {
		if params.At(k) == v && !assignsVar(a.pass.TypesInfo, n.body, v) {
			return k + 1
		}
	}
	return 0
}

// assignsVar reports whether body assigns v or takes its address.
func assignsVar(info *types.Info, body ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if id, ok := ast.Unparen(lhs).(*ast.Ident); ok && info.Uses[id] == v {
					found = true
				}
			}
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND && info.Uses[id] == v {
				found = true
			}
		}
		return !found
	})
	return found
}

// held is what cond tests for being set: x of `x != nil`, `nil != x`,
// `len(x) != 0` or `len(x) > 0`; nil for other conditions.
func held(info *types.Info, cond ast.Expr) ast.Expr {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return nil
	}
	switch {
	case b.Op == token.NEQ && isNil(info, b.Y):
		return b.X
	case b.Op == token.NEQ && isNil(info, b.X):
		return b.Y
	case (b.Op == token.NEQ || b.Op == token.GTR) && isZero(info, b.Y):
		if call, ok := ast.Unparen(b.X).(*ast.CallExpr); ok && len(call.Args) == 1 {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && id.Name == "len" {
				return call.Args[0]
			}
		}
	}
	return nil
}

// steady reports whether cond reads only recv (the receiver, or the
// state parameter: see stateOrd), package-level names and constants: the
// same answer for every call on one value.
func steady(info *types.Info, cond ast.Expr, recv *types.Var) bool {
	ok := true
	ast.Inspect(cond, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.CallExpr:
			if _, conv := n.(*ast.CallExpr); conv {
				if tv, found := info.Types[n.(*ast.CallExpr).Fun]; found && (tv.IsType() || tv.IsBuiltin()) {
					return true
				}
			}
			ok = false // what a call answers may change from call to call
		case *ast.Ident:
			if v, isVar := info.Uses[n].(*types.Var); isVar && v != recv && !v.IsField() && (v.Pkg() == nil || v.Parent() != v.Pkg().Scope()) {
				ok = false // a parameter or a local
			}
		}
		return ok
	})
	return ok
}

// resets reports whether the package sets field to nil or "" anywhere, or,
// for a package-level variable, to nil, "" or an empty composite literal:
// a getter of it builds again after each reset.
func (a *analyzer) resets(field *types.Var) bool {
	if a.reset == nil {
		a.reset = map[*types.Var]bool{}
		info := a.pass.TypesInfo
		for _, f := range a.pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				as, ok := n.(*ast.AssignStmt)
				if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
					return true
				}
				for i, lhs := range as.Lhs {
					empty := isNil(info, as.Rhs[i]) || isEmptyString(info, as.Rhs[i])
					if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && empty {
						if v, ok := info.Uses[sel.Sel].(*types.Var); ok && v.IsField() {
							a.reset[v] = true
						}
					}
					// A package-level variable emptied (x = nil, x = T{}):
					// see global_memo.go.
					if id, ok := ast.Unparen(lhs).(*ast.Ident); ok && (empty || isEmptyLit(as.Rhs[i])) {
						if v, ok := info.Uses[id].(*types.Var); ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
							a.reset[v] = true
						}
					}
				}
				return true
			})
		}
	}
	return a.reset[field]
}

// isEmptyLit reports whether e is a composite literal with no elements
// (T{}, &T{}).
func isEmptyLit(e ast.Expr) bool {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	cl, ok := e.(*ast.CompositeLit)
	return ok && len(cl.Elts) == 0
}
