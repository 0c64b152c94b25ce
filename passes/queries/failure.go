package queries

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	astedge "golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/sqlheat/sqlheat/internal/sqlparse"
)

// Failure paths. A loop that handles each item's failure by writing it
// down runs that write only for the items that failed:
//
//	for _, s := range schedules {
//		schedule, err := db.GetSchedule(ctx, s.ID)
//		if err != nil {
//			handleError(ctx, db, err, schedule) // UPDATE schedules SET error = ...
//			continue
//		}
//		...
//	}
//
// The UPDATE is not work per schedule: in the normal case no item takes
// the branch, and batching it saves nothing a reader would pay for. What
// makes a branch one of failure, by data flow: the body of an if whose
// condition is `err != nil` (or the else of `err == nil`), alone or ANDed
// with other conditions, where err is a local variable of type error
// that a call made before the if in the same function assigned (in the
// if's init or an earlier statement); also ORed with a test that an
// insert the same call made added no row (`created, err :=
// sess.Insert(bean); if err != nil || created < 1`: a conflict), not
// after an update, where no row is an update-or-create's normal path
// for a new item. A parameter or a field holding an
// error is not enough: whether it failed is the caller's to say; nor is
// the standard library's parse of a string (strconv.ParseInt,
// time.Parse), whose error tells one kind of input from another. The
// calls in the branch are walked as a recovery's are: they run at most
// once in the normal case, whatever the loops around them, and their
// callees' queries with them; a callee called from the branch and
// elsewhere counts as usual at the other calls. The standalone driver
// counts the loops it leaves out so in stats.error_path_findings.
//
// A loop within the branch is of the failure too: it runs only when the
// call failed, and in the normal case not at all. A batch sent at once
// and, when it fails, statement by statement to find the bad ones
//
//	if err := db.BatchExec(ctx, stmts); err != nil {
//		for _, stmt := range stmts {
//			if err := db.Exec(ctx, stmt); err != nil { ... }
//		}
//	}
//
// runs no statement per item in the normal case; nor does a loop
// putting back the rest of a list after one item failed. Its calls are
// walked as the branch's, per item of that loop and of those around the
// branch, so the driver counts them (stats.error_path_findings).
//
// A branch within the failure that tells one failure from another keeps
// counting: `if errors.Is(err, sql.ErrNoRows) { create(item) }`, `err ==
// ErrNotFound`, `IsNotFound(err)`, a switch on the error: a row missing
// for an item is the normal case of a get-or-create, which creates per
// item, and so do the loops within such a branch; so does `err != nil &&
// isDuplicate(err)` (an insert that updates the row already there). So
// does a test of another result of the call that failed (`_, code, err
// := scm.GetRepo(...); if err != nil { if code == 404 {
// db.MarkGone(repo) } }`): a status it answered beside the error tells
// which failure, and a row gone per item is data. So do those tests
// outside an `err != nil` branch, and what follows the if.

// failing reports whether the body of the if x, at c in n, runs only
// when a call made before it in n failed (see above); els reports that
// of its else instead (x tests err == nil).
func (a *analyzer) failing(x *ast.IfStmt) (body, els bool) {
	a.answered, a.failCalls = nil, nil
	if a.tellsFailure(x.Cond) {
		return false, false // err != nil && isDuplicate(err): which failure
	}
	body = a.failed(x.Cond, token.NEQ, x.Body.Pos())
	els = !body && x.Else != nil && a.failed(x.Cond, token.EQL, x.Body.Pos())
	if !body && !els {
		body = a.failedFlag(x.Cond)
	}
	return body, els
}

// failedFlag reports whether cond is a local bool that only failure
// branches set: a loop sending a batch's statements sets `failed = true`
// and breaks when one fails, and `if failed { ... }` runs after it. The
// flag starts false (declared without a value, or with false) and every
// other write of it is `= true` in the body of an if whose condition
// reads an error a call assigned (see failed). failCalls are then those
// calls.
func (a *analyzer) failedFlag(cond ast.Expr) bool {
	v := a.localFlag(cond)
	if v == nil {
		return false
	}
	ws := a.r.writes[v]
	if len(ws) < 2 {
		return false
	}
	var calls []*ast.CallExpr
	set := 0
	for _, w := range ws {
		switch {
		case w.rhs == nil && w.tok == token.VAR:
		case w.rhs != nil && a.isConst(w.rhs, false) && w.tok != token.ILLEGAL:
		case w.rhs != nil && a.isConst(w.rhs, true) && w.tok == token.ASSIGN:
			ifs := a.ifOfBody(w.block)
			if ifs == nil || ifs.Pos() >= cond.Pos() {
				return false
			}
			saved := a.failCalls
			a.failCalls = nil
			ok := !a.tellsFailure(ifs.Cond) && a.failed(ifs.Cond, token.NEQ, ifs.Body.Pos())
			calls = append(calls, a.failCalls...)
			a.failCalls = saved
			if !ok {
				return false
			}
			set++
		default:
			return false
		}
	}
	if set == 0 {
		return false
	}
	a.failCalls = calls
	return true
}

// localFlag is the local bool variable cond is alone, nil when it is
// anything else.
func (a *analyzer) localFlag(cond ast.Expr) *types.Var {
	id, ok := ast.Unparen(cond).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := a.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.IsField() || !types.Identical(v.Type(), types.Typ[types.Bool]) || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	return v
}

// isConst reports whether e is the constant bool b.
func (a *analyzer) isConst(e ast.Expr, b bool) bool {
	tv, ok := a.pass.TypesInfo.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value) == b
}

// ifOfBody is the if statement whose body block is b, nil when b is the
// body of no if.
func (a *analyzer) ifOfBody(b ast.Node) *ast.IfStmt {
	if a.ifBodies == nil {
		a.ifBodies = map[ast.Node]*ast.IfStmt{}
		for _, f := range a.pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if x, ok := n.(*ast.IfStmt); ok {
					a.ifBodies[x.Body] = x
				}
				return true
			})
		}
	}
	return a.ifBodies[b]
}

// failed reports whether cond holds only when an error a call assigned
// before pos is not nil: `err != nil` (op NEQ) ANDed with anything, or
// for op EQL, `err == nil` alone (its negation is the failure).
func (a *analyzer) failed(cond ast.Expr, op token.Token, pos token.Pos) bool {
	switch e := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		if e.Op == token.LAND && op == token.NEQ {
			return a.failed(e.X, op, pos) || a.failed(e.Y, op, pos)
		}
		if e.Op == token.LOR && op == token.NEQ {
			// err != nil || created < 1 after an insert: a row the
			// insert did not add is its failure too (a conflict).
			saved, answered := len(a.failCalls), len(a.answered)
			if a.failed(e.X, op, pos) && a.insertedNone(e.Y, a.failCalls[saved:]) ||
				a.failed(e.Y, op, pos) && a.insertedNone(e.X, a.failCalls[saved:]) {
				return true
			}
			a.failCalls, a.answered = a.failCalls[:saved], a.answered[:answered]
			return false
		}
		if e.Op != op {
			return false
		}
		x, y := e.X, e.Y
		if a.isNil(x) {
			x, y = y, x
		}
		return a.isNil(y) && a.callError(x, pos)
	}
	return false
}

// insertedNone reports whether cond tests that an insert among calls
// added no row: `n < 1`, `n == 0` or `n <= 0`, n an integer result of
// the call (xorm's `created, err := sess.Insert(bean)`), the call an
// insert by its name (Insert, InsertOne, insertUser) or by its SQL
// text's verb. After an UPDATE, no row is the normal path of an
// update-or-create, and stays counted.
func (a *analyzer) insertedNone(cond ast.Expr, calls []*ast.CallExpr) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	x, k, op := b.X, b.Y, b.Op
	if a.constInt(x) != nil {
		x, k = k, x
		switch op { // 1 > n is n < 1
		case token.GTR:
			op = token.LSS
		case token.GEQ:
			op = token.LEQ
		}
	}
	bound := a.constInt(k)
	if bound == nil {
		return false
	}
	switch {
	case op == token.LSS && *bound == 1, (op == token.EQL || op == token.LEQ) && *bound == 0:
	default:
		return false
	}
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := a.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	if t, ok := v.Type().Underlying().(*types.Basic); !ok || t.Info()&types.IsInteger == 0 {
		return false
	}
	for _, call := range calls {
		if slices.Contains(a.r.results(call), v) && a.inserts(call) {
			return true
		}
	}
	return false
}

// constInt is the integer constant e is, nil when it is none.
func (a *analyzer) constInt(e ast.Expr) *int64 {
	tv, ok := a.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return nil
	}
	n, exact := constant.Int64Val(tv.Value)
	if !exact {
		return nil
	}
	return &n
}

// inserts reports whether call adds rows: a function named for it
// (Insert, InsertOne, insertUser), or one handed a constant SQL text
// that is an INSERT.
func (a *analyzer) inserts(call *ast.CallExpr) bool {
	if fn := a.r.callee(call); fn != nil && strings.HasPrefix(strings.ToLower(fn.Name()), "insert") {
		return true
	}
	for _, arg := range call.Args {
		tv, ok := a.pass.TypesInfo.Types[arg]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
			continue
		}
		if _, verb := sqlparse.Guess(constant.StringVal(tv.Value)); verb == "INSERT" {
			return true
		}
	}
	return false
}

func (a *analyzer) isNil(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && a.pass.TypesInfo.Uses[id] == types.Universe.Lookup("nil")
}

// callError reports whether e is a local variable of type error that a
// call assigned before pos.
func (a *analyzer) callError(e ast.Expr, pos token.Pos) bool {
	v := a.errVar(e)
	if v == nil {
		return false
	}
	call := a.lastCall(v, pos)
	if call == nil || a.parses(call) {
		return false
	}
	a.failCalls = append(a.failCalls, call)
	// The other results of that call (see above).
	for _, u := range a.r.results(call) {
		if u != v {
			a.answered = append(a.answered, u)
		}
	}
	return true
}

// parses reports whether call is the standard library's parse of a
// string (strconv's functions, time.Parse, url.Parse, ...): its error
// tells which kind of input it was given (`id, err :=
// strconv.ParseInt(ref, 10, 64); if err != nil { return byPath(ref) }`),
// the normal path for the inputs of the other kind, not a failure.
func (a *analyzer) parses(call *ast.CallExpr) bool {
	fn := a.r.callee(call)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	path := fn.Pkg().Path()
	std := !strings.Contains(strings.Split(path, "/")[0], ".")
	return std && (path == "strconv" || strings.HasPrefix(fn.Name(), "Parse"))
}

// errVar is the variable of type error e names, nil if it names none.
func (a *analyzer) errVar(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := a.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.IsField() || !isError(v.Type()) {
		return nil
	}
	return v
}

// tellsFailure reports whether cond, or the tag of a switch, reads an
// error otherwise than comparing it with nil: errors.Is(err, X), err ==
// ErrNotFound, IsNotFound(err), status.Code(err).
func (a *analyzer) tellsFailure(cond ast.Expr) bool {
	found := false
	ast.Inspect(cond, func(x ast.Node) bool {
		if found {
			return false
		}
		switch x := x.(type) {
		case *ast.BinaryExpr:
			if (x.Op == token.EQL || x.Op == token.NEQ) && (a.isNil(x.X) || a.isNil(x.Y)) {
				return false // err != nil
			}
		case *ast.Ident:
			v, _ := a.pass.TypesInfo.Uses[x].(*types.Var)
			found = a.errVar(x) != nil || v != nil && slices.Contains(a.failedWith, v)
		}
		return true
	})
	return found
}

// walkFailure walks the if at c, whose body (or else, when els is set)
// runs only on a failure: that branch as a recovery, the rest as usual.
func (a *analyzer) walkFailure(n *funcNode, c inspector.Cursor, loops []*Loop, els bool) {
	answered := a.answered
	outside := len(a.failCalls) > 0
	for _, call := range a.failCalls {
		outside = outside && a.outsideCall(call)
	}
	edge := astedge.IfStmt_Body
	if els {
		edge = astedge.IfStmt_Else
	}
	for part := range c.Children() {
		if part.ParentEdgeKind() != edge {
			a.walk(n, part, loops)
			continue
		}
		saved := len(a.failedWith)
		a.failedWith = append(a.failedWith, answered...)
		a.failOutside = append(a.failOutside, outside)
		a.caching++
		a.onFailure++
		a.walk(n, part, loops)
		a.onFailure--
		a.caching--
		a.failOutside = a.failOutside[:len(a.failOutside)-1]
		a.failedWith = a.failedWith[:saved]
	}
}

// walkTold walks the if or switch at c, within a failure branch, which
// tells one failure from another (see tellsFailure): out of the failure,
// as usual; as a cleanup when the call that failed is another
// service's (see outside.go).
func (a *analyzer) walkTold(n *funcNode, c inspector.Cursor, loops []*Loop) {
	saved, changed, clean := a.onFailure, a.onChange, 0
	if k := len(a.failOutside); k > 0 && a.failOutside[k-1] {
		clean = 1
	}
	a.caching -= saved
	a.onFailure, a.onChange = 0, 0
	a.cleanup += clean
	a.walk(n, c, loops)
	a.cleanup -= clean
	a.onFailure, a.onChange = saved, changed
	a.caching += saved
}

// walkLoop walks body, the body of loop l within loops. In a failure
// branch the loop is of the failure too (see above): its calls are the
// branch's, per item of l and of the loops around it.
func (a *analyzer) walkLoop(n *funcNode, body inspector.Cursor, loops []*Loop, l *Loop) {
	if a.onFailure > 0 {
		a.walk(n, body, appendLoop(loops, l))
		return
	}
	clean := a.cleanup
	a.cleanup = 0 // a loop in a cleanup deletes per item of its own
	a.walk(n, body, appendLoop(loops, l))
	a.cleanup = clean
}

// A function run only on failure. An unexported function whose every
// call is in a failure branch (see above) runs only when a call before
// it failed, as the branch does:
//
//	if _, err := db.ExecContext(ctx, insertAll, args...); err != nil {
//		return retryRowByRow(ctx, db, rows) // a loop inserting each row
//	}
//
// Its loops are the failure's too: their calls are walked as a failure
// branch's. What makes it one, by types and syntax in its package: a
// function (or a method no interface of the package names) neither
// exported nor generic, called at least once, every call of it in a
// failure branch of another function (not a told one: see walkTold),
// and its name used nowhere but as the function of those calls (not
// taken as a value, handed on or assigned: a caller the package does
// not show). A call made in a package-level initializer is no
// function's and keeps it counted.

// failOnly marks the calls in loops of the functions run only on
// failure (see above) as a failure branch's calls.
func (a *analyzer) failOnly() {
	info := a.pass.TypesInfo
	// The uses of each function's name as a call's function, and all.
	asCall, uses := map[*types.Func]int{}, map[*types.Func]int{}
	named := map[string]bool{} // method names of the package's interfaces
	for _, f := range a.pass.Files {
		ast.Inspect(f, func(x ast.Node) bool {
			switch x := x.(type) {
			case *ast.CallExpr:
				var id *ast.Ident
				switch fun := ast.Unparen(x.Fun).(type) {
				case *ast.Ident:
					id = fun
				case *ast.SelectorExpr:
					id = fun.Sel
				}
				if fn, ok := info.Uses[id].(*types.Func); ok && id != nil {
					asCall[fn]++
				}
			case *ast.Ident:
				if fn, ok := info.Uses[x].(*types.Func); ok {
					uses[fn]++
				}
			case *ast.InterfaceType:
				if x.Methods != nil {
					for _, m := range x.Methods.List {
						for _, name := range m.Names {
							named[name.Name] = true
						}
					}
				}
			}
			return true
		})
	}
	calls := map[*types.Func][]*callInfo{}
	for _, n := range a.funcs {
		for _, c := range n.calls {
			if c.callee != nil {
				calls[c.callee] = append(calls[c.callee], c)
			}
		}
	}
	only := map[*types.Func]bool{}
	changes := map[*types.Func]bool{} // of only: every call in a branch of change (see changed.go)
	for _, n := range a.funcs {
		fd, ok := n.node.(*ast.FuncDecl)
		if !ok || n.fn == nil || only[n.fn] || n.fn.Exported() || n.fn.Name() == "init" || n.fn.Name() == "main" {
			continue
		}
		sig := n.sig
		if sig.TypeParams().Len() > 0 || sig.RecvTypeParams().Len() > 0 || fd.Recv != nil && named[n.fn.Name()] {
			continue
		}
		cs := calls[n.fn]
		if len(cs) == 0 || len(cs) != asCall[n.fn] || uses[n.fn] != asCall[n.fn] {
			continue
		}
		failing, changing := true, true
		for _, c := range cs {
			failing = failing && c.fail && !a.within(c.call, fd)
			changing = changing && c.change
		}
		only[n.fn], changes[n.fn] = failing, failing && changing
	}
	for _, n := range a.funcs {
		if n.fn == nil || !only[n.fn] {
			continue
		}
		for _, c := range n.calls {
			if perItem(c.loops) > 0 && c.per == 0 && c.unless == 0 {
				c.change = changes[n.fn] || c.once && c.fail && c.change
				c.once, c.fail = true, true
			}
		}
	}
}

// within reports whether x lies in the declaration fd.
func (a *analyzer) within(x ast.Node, fd *ast.FuncDecl) bool {
	return fd.Pos() <= x.Pos() && x.End() <= fd.End()
}
