package queries

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// Collections whose size the code fixes, without a literal at the loop:
// a list checked against a small constant before the loop, on every path
// to it, and the files of an embedded file system. A mutation that takes
// at most five labels, checked before it creates them, costs five round
// trips at most: a fixed number, which -queryinloop.const reports.

// smallBound is the largest bound a check before a loop may set for the
// loop to count as a constant one: the size of a small list of options,
// not of a page of data (a page of 50 or 100 items looked up one by one
// is the N+1 itself).
const smallBound = 10

// SmallBound is smallBound, for a whole-program driver that bounds a
// loop by what every caller passes (program.FewPassed).
const SmallBound = smallBound

// boundedBefore returns the bound a check before the loop at cur puts on
// the length of x: a statement before it, in its block or an enclosing
// one of the same function, that leaves when len(x) is over a constant,
//
//	if len(ids) > 5 { return errTooMany }
//
// or that leaves on the error of a validator given len(x) and constant
// bounds (validate.Range("labels", len(labels), 0, 5), also within
// another call, such as validate.Many(...), that gives the error back).
//
// Of several checks, the tightest bound counts.
func boundedBefore(info *types.Info, cur inspector.Cursor, x ast.Expr) (bound int64, found bool) {
	for c := cur; ; c = c.Parent() {
		switch c.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit, *ast.File:
			return bound, found // the function's top
		}
		for prev, ok := c.PrevSibling(); ok; prev, ok = prev.PrevSibling() {
			st, isStmt := prev.Node().(ast.Stmt)
			if !isStmt {
				break // a case clause's expressions: not statements run before
			}
			if k, ok := checks(info, st, prev, x); ok && (!found || k < bound) {
				bound, found = k, true
			}
		}
	}
}

// checks reports whether st leaves when len(x) is over a bound, and the
// bound; at is st's cursor.
func checks(info *types.Info, st ast.Stmt, at inspector.Cursor, x ast.Expr) (int64, bool) {
	ifs, ok := st.(*ast.IfStmt)
	if !ok || !leaves(info, ifs.Body) {
		return 0, false
	}
	if k, ok := leavesOver(info, ifs, x); ok {
		return k, true
	}
	// if err != nil { return ... }: err from a validator, assigned in the
	// if's init or by the statement before it.
	errVar := checkedError(info, ifs.Cond)
	if errVar == nil {
		return 0, false
	}
	var from ast.Stmt = ifs.Init
	if from == nil {
		if prev, ok := at.PrevSibling(); ok {
			from, _ = prev.Node().(ast.Stmt)
		}
	}
	as, ok := from.(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 {
		return 0, false
	}
	assigned := false
	for _, lhs := range as.Lhs {
		if id, ok := lhs.(*ast.Ident); ok && info.ObjectOf(id) == errVar {
			assigned = true
		}
	}
	if !assigned {
		return 0, false
	}
	return validated(info, as.Rhs[0], x)
}

// lenOver matches a condition that is true when len(x) is over a
// constant (len(x) > k, len(x) >= k, k < len(x); one operand of ||),
// and returns the largest length it lets through.
func lenOver(info *types.Info, cond ast.Expr, x ast.Expr) (int64, bool) {
	return constCompare(info, cond, func(e ast.Expr) bool { return isLenOf(info, e, x) }, over)
}

// over is the largest length a comparison with n that is true over it
// lets through: n for > n, n-1 for >= n.
func over(op token.Token, n int64) (int64, bool) {
	switch op {
	case token.GTR:
		return n, true
	case token.GEQ:
		return n - 1, true
	}
	return 0, false
}

// leavesOver is the bound an if statement that leaves puts on len(x):
// its condition is over a constant, written out or through a length its
// init names (see lenOver, lenOverInit).
func leavesOver(info *types.Info, ifs *ast.IfStmt, x ast.Expr) (int64, bool) {
	if k, ok := lenOver(info, ifs.Cond, x); ok {
		return k, true
	}
	return lenOverInit(info, ifs, x)
}

// lenOverInit is lenOver for a length the if's init names: if l :=
// len(x); l > k.
func lenOverInit(info *types.Info, ifs *ast.IfStmt, x ast.Expr) (int64, bool) {
	as, ok := ifs.Init.(*ast.AssignStmt)
	if !ok || as.Tok != token.DEFINE || len(as.Lhs) != 1 || len(as.Rhs) != 1 || !isLenOf(info, as.Rhs[0], x) {
		return 0, false
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok || info.Defs[id] == nil {
		return 0, false
	}
	l := info.Defs[id]
	return constCompare(info, ifs.Cond, func(e ast.Expr) bool {
		u, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[u] == l
	}, over)
}

// CheckedBefore is, for the whole-program driver, the bound a statement
// before pos in fn (a function declaration or literal), in pos's block or
// one around it, puts on the length of x by leaving when it is over a
// constant (see boundedBefore): a handler turning down a batch of more
// than ten before it builds the list it hands on, one item per item.
func CheckedBefore(info *types.Info, fn ast.Node, pos token.Pos, x ast.Expr) (bound int64, found bool) {
	ast.Inspect(fn, func(n ast.Node) bool {
		if n == nil || pos < n.Pos() || pos >= n.End() {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok && n != fn {
			return false // another function's statements
		}
		list, _ := stmtList(n)
		for _, st := range list {
			if st.Pos() > pos {
				break
			}
			if pos < st.End() {
				break // the statement holding pos: not before it
			}
			ifs, ok := st.(*ast.IfStmt)
			if !ok || !leaves(info, ifs.Body) {
				continue
			}
			if k, ok := leavesOver(info, ifs, x); ok && (!found || k < bound) {
				bound, found = k, true
			}
		}
		return true
	})
	return bound, found
}

// mirrored is the comparison k op x read as x op' k.
var mirrored = map[token.Token]token.Token{token.LSS: token.GTR, token.LEQ: token.GEQ, token.GTR: token.LSS, token.GEQ: token.LEQ, token.EQL: token.EQL, token.NEQ: token.NEQ}

// constCompare finds, in cond or an operand of its ||, a comparison of an
// operand subject accepts with an integer constant, read with the
// operand on the left (k < len(x) is len(x) > k), that accept takes, and
// returns what accept makes of it.
func constCompare(info *types.Info, cond ast.Expr, subject func(ast.Expr) bool, accept func(op token.Token, n int64) (int64, bool)) (int64, bool) {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return 0, false
	}
	if b.Op == token.LOR {
		if k, ok := constCompare(info, b.X, subject, accept); ok {
			return k, true
		}
		return constCompare(info, b.Y, subject, accept)
	}
	x, k, op := b.X, b.Y, b.Op
	if !subject(x) {
		x, k = b.Y, b.X
		op = mirrored[op]
	}
	if !subject(x) {
		return 0, false
	}
	n, ok := intConst(info, k)
	if !ok {
		return 0, false
	}
	return accept(op, n)
}

// validated finds, in e or the arguments of the calls it is made of, a
// validator's call given len(x) and constant bounds: a function returning
// an error, whose argument after len(x) are integer constants (min, max),
// the largest of which is the bound.
func validated(info *types.Info, e ast.Expr, x ast.Expr) (int64, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return 0, false
	}
	if k, ok := validatorCall(info, call, x); ok {
		return k, true
	}
	for _, arg := range call.Args {
		if k, ok := validated(info, arg, x); ok {
			return k, true
		}
	}
	return 0, false
}

func validatorCall(info *types.Info, call *ast.CallExpr, x ast.Expr) (int64, bool) {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok {
		return 0, false
	}
	sig := fn.Type().(*types.Signature)
	if res := sig.Results(); res.Len() == 0 || !isError(res.At(res.Len()-1).Type()) || sig.Variadic() {
		return 0, false
	}
	for i, arg := range call.Args {
		if !isLenOf(info, arg, x) || i >= sig.Params().Len() || !isInt(sig.Params().At(i).Type()) {
			continue
		}
		rest := call.Args[i+1:]
		if len(rest) == 0 {
			return 0, false
		}
		var k int64
		for _, b := range rest {
			n, ok := intConst(info, b)
			if !ok {
				return 0, false // a bound that is not the code's
			}
			k = max(k, n)
		}
		return k, true
	}
	return 0, false
}

// checkedError is err in a condition err != nil of type error.
func checkedError(info *types.Info, cond ast.Expr) types.Object {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ || !isNil(info, b.Y) {
		return nil
	}
	id, ok := ast.Unparen(b.X).(*ast.Ident)
	if !ok || !isError(info.TypeOf(id)) {
		return nil
	}
	return info.ObjectOf(id)
}

// leaves reports whether a block always leaves the function: it ends in
// a return or a panic.
func leaves(info *types.Info, body *ast.BlockStmt) bool {
	if len(body.List) == 0 {
		return false
	}
	switch last := body.List[len(body.List)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(last.X).(*ast.CallExpr); ok {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
				_, builtin := info.Uses[id].(*types.Builtin)
				return builtin && id.Name == "panic"
			}
		}
	}
	return false
}

// isLenOf matches len(x).
func isLenOf(info *types.Info, e, x ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	return ok && len(call.Args) == 1 && isBuiltin(info, call, "len") && sameVar(info, call.Args[0], x)
}

// sameVar reports whether a and b denote the same variable: the same
// identifier's object, or the same field of the same variable.
func sameVar(info *types.Info, a, b ast.Expr) bool {
	switch a := ast.Unparen(a).(type) {
	case *ast.Ident:
		b, ok := ast.Unparen(b).(*ast.Ident)
		return ok && info.ObjectOf(a) != nil && info.ObjectOf(a) == info.ObjectOf(b)
	case *ast.SelectorExpr:
		b, ok := ast.Unparen(b).(*ast.SelectorExpr)
		return ok && info.ObjectOf(a.Sel) != nil && info.ObjectOf(a.Sel) == info.ObjectOf(b.Sel) && sameVar(info, a.X, b.X)
	case *ast.StarExpr:
		b, ok := ast.Unparen(b).(*ast.StarExpr)
		return ok && sameVar(info, a.X, b.X)
	}
	return false
}

func intConst(info *types.Info, e ast.Expr) (int64, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(tv.Value)
}

// underlying is t's underlying type, nil for nil: the type checker
// records none for some expressions (a package name, a generic function
// not instantiated, code it could not check), and a test of the shape of
// such an expression is false, not a crash.
func underlying(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return t.Underlying()
}

func isInt(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// isError reports whether t is error, or an interface of the program's
// that is an error with more methods (a service's own `type Error
// interface { error; Code() int }`, returned in its place everywhere):
// tested against nil, it says whether a call failed as error does.
func isError(t types.Type) bool {
	if t == nil {
		return false
	}
	if types.Identical(t, errorType) {
		return true
	}
	return types.IsInterface(t) && types.Implements(t, errorIface)
}

var errorIface = errorType.Underlying().(*types.Interface)

// embedListing reports whether x lists the files of an embedded file
// system: fs.ReadDir or fs.Glob of an embed.FS (or of a subtree of one),
// or its ReadDir method, directly or through local variables defined as
// one. What go:embed compiled into the program is as many files as the
// repository holds, not data.
func embedListing(r *resolver, x ast.Expr) bool {
	info := r.pass.TypesInfo
	x = r.definedOnce(x)
	call, ok := x.(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() + "." + fn.Name() {
	case "io/fs.ReadDir", "io/fs.Glob":
		return len(call.Args) > 0 && r.embeddedFS(call.Args[0])
	case "embed.ReadDir": // the method of embed.FS
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		return ok && r.embeddedFS(sel.X)
	}
	return false
}

// embeddedFS reports whether e is an embedded file system: an embed.FS, or
// a subtree of one (fs.Sub), directly or through local variables defined
// as one.
func (r *resolver) embeddedFS(e ast.Expr) bool {
	info := r.pass.TypesInfo
	if t := info.TypeOf(e); t != nil && types.TypeString(t, nil) == "embed.FS" {
		return true
	}
	call, ok := r.definedOnce(e).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return false
	}
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	return ok && fn.Pkg() != nil && fn.Pkg().Path() == "io/fs" && fn.Name() == "Sub" && r.embeddedFS(call.Args[0])
}

// definedOnce follows local variables to what defines them, when that
// definition is their only write (the first result of a call too:
// entries, err := fs.ReadDir(...)); e itself otherwise.
func (r *resolver) definedOnce(e ast.Expr) ast.Expr {
	for range 8 { // a chain of definitions, not a cycle
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			break
		}
		v, ok := r.pass.TypesInfo.Uses[id].(*types.Var)
		if !ok {
			break
		}
		rhs := r.definition(v)
		if rhs == nil {
			break
		}
		e = rhs
	}
	return ast.Unparen(e)
}

// definition is what defines a local variable when that definition is
// its only write (v := e, var v = e, or v, err := f()), nil otherwise.
func (r *resolver) definition(v *types.Var) ast.Expr {
	if w := r.onlyWrite(v); w != nil && w.index <= 0 {
		return w.rhs
	}
	return nil
}

// limitLoops makes constant the loops over the rows of a query with a
// small constant LIMIT: a work queue taking ten rows at a time (LIMIT 10
// FOR UPDATE SKIP LOCKED), the three latest entries. The query is a site
// of the function the loop is in, or the one query of a function of
// another package (its fact), whose result the loop ranges over:
//
//	rows, err := q.PendingJobs(ctx) // SELECT ... LIMIT 10
//	for _, row := range rows { ... }
//
// It runs once the sites are built, before the summaries that carry the
// loops' kinds to other packages. (A function of the same package
// returning such rows is summarized only after: its callers' loops stay
// data.)
func (a *analyzer) limitLoops() {
	sites := map[*ast.CallExpr]*Site{}
	for _, s := range a.res.Sites {
		sites[s.Call] = s
	}
	for _, l := range a.loops {
		if !l.Kind.PerItem() {
			continue
		}
		var call *ast.CallExpr
		switch n := l.Node.(type) {
		case *ast.RangeStmt:
			call, _ = a.r.definedOnce(n.X).(*ast.CallExpr)
		case *ast.ForStmt:
			if v, ok := l.Rows.(*types.Var); ok {
				if rhs := a.r.definition(v); rhs != nil {
					call, _ = a.r.definedOnce(rhs).(*ast.CallExpr)
				}
			}
		}
		if call == nil {
			continue
		}
		if k := a.limitOf(call, sites); k > 0 && k <= smallBound {
			l.Kind = LoopConst
		}
	}
}

// limitOf is the constant LIMIT of the one query call runs: a site's, or
// the one query of a function of another package; 0 when none.
func (a *analyzer) limitOf(call *ast.CallExpr, sites map[*ast.CallExpr]*Site) int {
	if s := sites[call]; s != nil {
		if len(s.Stmts) == 1 {
			return s.Stmts[0].LimitCount
		}
		return 0
	}
	fn, ok := typeutil.Callee(a.r.pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == a.pass.Pkg {
		return 0
	}
	var sum IssuesQueries
	if !a.pass.ImportObjectFact(fn, &sum) || sum.More > 0 || len(sum.Queries) != 1 {
		return 0
	}
	if q := sum.Queries[0]; q.Loop == 0 && !q.Once {
		return q.Limit
	}
	return 0
}

// cappedInside returns the bound a check in the loop's own body puts on
// its iterations: a statement of the body (not nested) that leaves the
// loop once a count reaches a constant,
//
//	for i, t := range targets {
//		if i == maxTargets {
//			break
//		}
//		...
//	}
//
// the count being the range's index, or a local incremented by a
// statement of the body itself (n++ on every pass, not under a
// condition). A request naming a hundred targets still sends the queries
// of at most maxTargets.
func cappedInside(info *types.Info, s *ast.RangeStmt) (int64, bool) {
	counters := map[types.Object]bool{}
	if t := underlying(info.TypeOf(s.X)); t != nil {
		switch t.(type) {
		case *types.Slice, *types.Array, *types.Pointer, *types.Basic:
			if id, ok := s.Key.(*ast.Ident); ok && id.Name != "_" {
				if obj := info.ObjectOf(id); obj != nil {
					counters[obj] = true // the index counts the passes
				}
			}
		}
	}
	for _, st := range s.Body.List {
		if inc, ok := st.(*ast.IncDecStmt); ok && inc.Tok == token.INC {
			if id, ok := ast.Unparen(inc.X).(*ast.Ident); ok {
				if v, ok := info.ObjectOf(id).(*types.Var); ok && isInt(v.Type()) && v.Pos() < s.Pos() {
					counters[v] = true
				}
			}
		}
	}
	if len(counters) == 0 {
		return 0, false
	}
	bound, found := int64(0), false
	for _, st := range s.Body.List {
		ifs, ok := st.(*ast.IfStmt)
		if !ok || ifs.Init != nil || !breaksOut(info, ifs.Body) {
			continue
		}
		if k, ok := countAtLeast(info, ifs.Cond, counters); ok && (!found || k < bound) {
			bound, found = k, true
		}
	}
	return bound, found
}

// breaksOut reports whether the body of an if that is a statement of a
// loop's body leaves the loop: it ends in a break (a labelled one leaves
// an outer loop, and this one with it), a return or a panic.
func breaksOut(info *types.Info, body *ast.BlockStmt) bool {
	if len(body.List) > 0 {
		if br, ok := body.List[len(body.List)-1].(*ast.BranchStmt); ok && br.Tok == token.BREAK {
			return true
		}
	}
	return leaves(info, body)
}

// countAtLeast matches a condition true once a counter reaches a constant
// (i == k, i >= k, i > k, and their mirrors; one operand of ||), and
// returns the most passes that run before it holds.
func countAtLeast(info *types.Info, cond ast.Expr, counters map[types.Object]bool) (int64, bool) {
	isCounter := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && counters[info.ObjectOf(id)]
	}
	return constCompare(info, cond, isCounter, func(op token.Token, n int64) (int64, bool) {
		switch {
		case n < 0:
		case op == token.EQL, op == token.GEQ:
			return n, true
		case op == token.GTR:
			return n + 1, true
		}
		return 0, false
	})
}
