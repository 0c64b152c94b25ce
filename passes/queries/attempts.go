package queries

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	astedge "golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// Attempts. A counting loop whose bound is a variable (or a large
// constant) is a loop over data when its counter picks the item; it is a
// bounded retry when the counter only counts attempts at one piece of
// work and the body goes round again only when that work asks for it:
//
//	for try := 1; try <= maxTries; try++ {
//		pre, err := s.Branch(ctx, id)
//		if err != nil {
//			return err
//		}
//		if err := op(pre); err != nil {
//			return err
//		}
//		post, err := s.Branch(ctx, id)
//		if err != nil {
//			return err
//		}
//		if pre.Token == post.Token {
//			break // nobody moved the branch meanwhile: done
//		}
//		log.WithFields(Fields{"try": try}).Debug("branch moved, again")
//	}
//
// In the normal case the body runs once, however large the bound; a
// batch query cannot remove its runs, and reporting it as an N+1 is the
// false alarm of a write under optimistic locking.
//
// What makes a loop one of attempts (LoopRetry), by data flow:
//
//   - The counter counts: `i := a; i < b; i++` (or a range over an
//     integer), the body never sets it, and its value — or what the body
//     computes from it by arithmetic, conversion and the standard
//     library's formatting, time and math functions, kept in locals —
//     ends only in comparisons, a return, time.Sleep, or a call that
//     answers nothing (a logger's: `log.Printf`, `zap.Int("try", try)`
//     handed to one, or `log.With(fields).Debug(msg)` at the end of a
//     chain). An index, an argument of a call whose answer is used (a
//     query, a page's offset), a field or an address is an item, not an
//     attempt.
//   - Every way the body goes round again (its end, or a continue) passes
//     a test that an attempt did not work, of what the body's calls
//     answered: an error (err != nil, errors.Is(err, ErrConflict)), no
//     value (v == nil, !ok, len(v) == 0), or the same read made twice by
//     one function with the same arguments disagreeing with itself
//     (pre.Token != post.Token). Going round after a success (break only
//     on error, a poll with no way out but the bound, two different reads
//     compared, one function's reads of two rows) is data.

// attempted is the kind of a counting loop classified as kind by its
// bound: a loop of attempts (or a probe, see probe.go, or a drain, see
// drain.go) when it would be data otherwise.
func attempted(info *types.Info, cur inspector.Cursor, kind LoopKind) LoopKind {
	if kind == LoopData && (attemptLoop(info, cur) || probeLoop(info, cur) || drainLoop(info, cur)) {
		return LoopRetry
	}
	return kind
}

// attemptLoop reports whether the loop at cur, a counting for loop or a
// range over an integer, is a loop of attempts (see above).
func attemptLoop(info *types.Info, cur inspector.Cursor) bool {
	body := countedBody(info, cur)
	if body == nil {
		return false
	}
	label := ""
	if ls, ok := cur.Parent().Node().(*ast.LabeledStmt); ok {
		label = ls.Label.Name
	}
	t := &tries{info: info, label: label}
	t.results(body)
	out, ok := t.list(body.List, unasked, nil)
	return ok && out&unasked == 0
}

// countedBody is the body of the loop at cur when it is a counting loop
// whose counter the body reads only as a count of attempts may (see
// onlyCounts); nil otherwise.
func countedBody(info *types.Info, cur inspector.Cursor) *ast.BlockStmt {
	counter, body := countingLoop(info, cur)
	if counter == nil {
		return nil
	}
	if bc, ok := cur.FindNode(body); !ok || !onlyCounts(info, bc, counter) {
		return nil
	}
	return body
}

// countingLoop is the counter and the body of the loop at cur when it
// is a counting for loop (see countedBy) or a range over an integer; a
// nil counter otherwise.
func countingLoop(info *types.Info, cur inspector.Cursor) (counter *types.Var, body *ast.BlockStmt) {
	switch s := cur.Node().(type) {
	case *ast.ForStmt:
		counter, body = countedBy(info, s), s.Body
	case *ast.RangeStmt:
		if s.Value == nil {
			counter, _ = info.ObjectOf(identOrNil(s.Key)).(*types.Var)
		}
		body = s.Body
	}
	return counter, body
}

// countedBy is the integer counter of a for loop `i := a; i < b; i++`
// (also `i = a`, `i--`, `i += 1`), nil for other loops.
func countedBy(info *types.Info, s *ast.ForStmt) *types.Var {
	init, ok := s.Init.(*ast.AssignStmt)
	if !ok || len(init.Lhs) != 1 || len(init.Rhs) != 1 {
		return nil
	}
	v, ok := info.ObjectOf(identOrNil(init.Lhs[0])).(*types.Var)
	if !ok {
		return nil
	}
	if b, ok := v.Type().Underlying().(*types.Basic); !ok || b.Info()&types.IsInteger == 0 {
		return nil
	}
	switch p := s.Post.(type) {
	case *ast.IncDecStmt:
		if !identIs(info, p.X, v) {
			return nil
		}
	case *ast.AssignStmt:
		if len(p.Lhs) != 1 || !identIs(info, p.Lhs[0], v) || p.Tok != token.ADD_ASSIGN && p.Tok != token.SUB_ASSIGN {
			return nil
		}
		if tv, ok := info.Types[p.Rhs[0]]; !ok || tv.Value == nil {
			return nil
		}
	default:
		return nil
	}
	c, ok := ast.Unparen(s.Cond).(*ast.BinaryExpr)
	if !ok || !identIs(info, c.X, v) && !identIs(info, c.Y, v) {
		return nil
	}
	return v
}

// onlyCounts reports whether the counter's value, in the body at bc,
// ends only where a count of attempts may (see above): what it flows
// into is followed through the locals the body sets from it.
func onlyCounts(info *types.Info, bc inspector.Cursor, counter *types.Var) bool {
	tainted := map[*types.Var]bool{counter: true}
	todo := []*types.Var{counter}
	for len(todo) > 0 {
		v := todo[0]
		todo = todo[1:]
		for c := range bc.Preorder((*ast.Ident)(nil)) {
			if info.Uses[c.Node().(*ast.Ident)] != v {
				continue
			}
			if c.ParentEdgeKind() == astedge.AssignStmt_Lhs {
				if v == counter {
					return false // the body moves the counter
				}
				continue // a new value for a derived local
			}
			into, ok := counted(info, c)
			if !ok {
				return false
			}
			if into != nil && !tainted[into] {
				tainted[into] = true
				todo = append(todo, into)
			}
		}
	}
	return true
}

// countPkgs are the standard library's packages whose functions turn a
// count into text, a duration or a number (fmt.Sprintf, time.Duration
// arithmetic, math.Pow), or log it: what they answer is followed on.
var countPkgs = map[string]bool{"fmt": true, "log": true, "log/slog": true, "errors": true, "strconv": true, "time": true, "math": true}

// counted follows the count at c up the expression holding it: ok when it
// ends in a comparison, a return, a call whose answer is dropped (one of
// countPkgs, or one that answers nothing), or a local (into, whose uses
// are followed in turn). Another function's answer carries the count
// only into a call that answers nothing, directly or as the receiver of
// the next call of a chain: a logger's field (zap.Int("try", try)), or
// log.With(fields).Debug(msg); anywhere else it may be a page, a key or
// a query's argument.
func counted(info *types.Info, c inspector.Cursor) (into *types.Var, ok bool) {
	through := false // the count is in another function's answer
	for {
		p := c.Parent()
		kind, idx := c.ParentEdge()
		switch n := p.Node().(type) {
		case *ast.ParenExpr, *ast.CompositeLit, *ast.KeyValueExpr:
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				return nil, false // its address: anything may read or move it
			}
		case *ast.BinaryExpr:
			switch n.Op {
			case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
				return nil, !through
			}
		case *ast.SwitchStmt, *ast.CaseClause:
			return nil, !through // a comparison with each case
		case *ast.ReturnStmt:
			return nil, !through // leaves the loop
		case *ast.ExprStmt:
			// A call whose answer is dropped: a logger, a sleep.
			call, ok := n.X.(*ast.CallExpr)
			if !ok {
				return nil, false
			}
			if sig, ok := underlying(info.TypeOf(call.Fun)).(*types.Signature); ok && sig.Results().Len() == 0 {
				return nil, true
			}
			fn, ok := typeutil.Callee(info, call).(*types.Func)
			return nil, !through && ok && fn.Pkg() != nil && countPkgs[fn.Pkg().Path()]
		case *ast.SelectorExpr:
			// The receiver of the next call of a chain.
			if kind != astedge.SelectorExpr_X || p.ParentEdgeKind() != astedge.CallExpr_Fun {
				return nil, false // a field of it
			}
			p = p.Parent()
		case *ast.CallExpr:
			if kind != astedge.CallExpr_Args {
				return nil, false
			}
			if tv, ok := info.Types[n.Fun]; ok && tv.IsType() {
				break // a conversion
			}
			switch fn := typeutil.Callee(info, n).(type) {
			case *types.Builtin:
				if fn.Name() != "min" && fn.Name() != "max" {
					return nil, false // append, len
				}
			case *types.Func:
				through = through || fn.Pkg() == nil || !countPkgs[fn.Pkg().Path()]
			default:
				through = true // a func value
			}
		case *ast.AssignStmt:
			if through || kind != astedge.AssignStmt_Rhs || len(n.Lhs) != len(n.Rhs) {
				return nil, false
			}
			v, ok := info.ObjectOf(identOrNil(n.Lhs[idx])).(*types.Var)
			if !ok || v.IsField() || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
				return nil, false // a field, a package variable: kept beyond the attempt
			}
			return v, true
		case *ast.ValueSpec:
			if through || kind != astedge.ValueSpec_Values || len(n.Names) != len(n.Values) {
				return nil, false
			}
			v, ok := info.Defs[n.Names[idx]].(*types.Var)
			return v, ok
		default:
			return nil, false // an index, a slice bound, a field, a channel send
		}
		c = p
	}
}

// The states a path through a loop's body may be in: it has not (yet)
// passed a test that an attempt failed, or it has.
const (
	unasked uint8 = 1 << iota
	asked
)

// tries follows the paths through a loop's body (see attemptLoop).
type tries struct {
	info  *types.Info
	label string // the loop's label, if any
	// res are the variables the body's calls set, each with the function
	// called (nil when calls of different functions set it); answers the
	// same as a set.
	res     map[types.Object]types.Object
	answers map[types.Object]bool
	// args are the arguments of the call that sets each variable of res,
	// as written; "" when calls with different ones set it.
	args map[types.Object]string
	// inner are the labels of statements in the body.
	inner []string
}

// results fills res from the body's assignments of calls' results.
func (t *tries) results(body *ast.BlockStmt) {
	t.res, t.answers, t.args = map[types.Object]types.Object{}, map[types.Object]bool{}, map[types.Object]string{}
	set := func(lhs []ast.Expr, call *ast.CallExpr) {
		callee := typeutil.Callee(t.info, call)
		if _, ok := callee.(*types.Builtin); ok || callee == nil {
			return // a conversion, len(x)
		}
		args := argsText(call)
		for _, e := range lhs {
			obj := t.info.ObjectOf(identOrNil(e))
			if obj == nil || obj.Name() == "_" {
				continue
			}
			if prev, ok := t.res[obj]; ok && prev != callee {
				callee = nil // set by calls of different functions
			}
			if prev, ok := t.args[obj]; ok && prev != args {
				args = ""
			}
			t.res[obj], t.answers[obj], t.args[obj] = callee, true, args
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.LabeledStmt:
			t.inner = append(t.inner, n.Label.Name)
		case *ast.AssignStmt:
			if len(n.Rhs) == 1 {
				if call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok {
					set(n.Lhs, call)
				}
			} else if len(n.Lhs) == len(n.Rhs) {
				for k, r := range n.Rhs {
					if call, ok := ast.Unparen(r).(*ast.CallExpr); ok {
						set(n.Lhs[k:k+1], call)
					}
				}
			}
		case *ast.ValueSpec:
			if len(n.Values) == 1 {
				if call, ok := ast.Unparen(n.Values[0]).(*ast.CallExpr); ok {
					lhs := make([]ast.Expr, len(n.Names))
					for k, id := range n.Names {
						lhs[k] = id
					}
					set(lhs, call)
				}
			}
		}
		return true
	})
}

// list follows the statements from the states in: it answers the states
// in which they end (falling off their end), and not ok when a continue
// of the loop is reached unasked or a jump is not followed. brk, when
// not nil, gathers the states a plain break leaves a switch or select in.
func (t *tries) list(stmts []ast.Stmt, in uint8, brk *uint8) (out uint8, ok bool) {
	for _, s := range stmts {
		if in == 0 {
			return 0, true // unreachable
		}
		if in, ok = t.stmt(s, in, brk); !ok {
			return 0, false
		}
	}
	return in, true
}

func (t *tries) stmt(s ast.Stmt, in uint8, brk *uint8) (out uint8, ok bool) {
	switch s := s.(type) {
	case *ast.ReturnStmt:
		return 0, true
	case *ast.BranchStmt:
		if s.Label != nil && slices.Contains(t.inner, s.Label.Name) {
			return 0, false // a jump inside the body: not followed
		}
		ours := s.Label == nil || s.Label.Name == t.label
		switch s.Tok {
		case token.BREAK:
			if s.Label == nil && brk != nil {
				*brk |= in // leaves the switch or select
			}
			return 0, true // leaves the loop (or one around it)
		case token.CONTINUE:
			return 0, !ours || in&unasked == 0
		case token.FALLTHROUGH:
			return 0, true // the last of its clause: see clauses
		}
		return 0, false // goto
	case *ast.BlockStmt:
		return t.list(s.List, in, brk)
	case *ast.LabeledStmt:
		return t.stmt(s.Stmt, in, brk)
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok {
			if b, ok := typeutil.Callee(t.info, call).(*types.Builtin); ok && b.Name() == "panic" {
				return 0, true
			}
		}
		return in, true
	case *ast.IfStmt:
		then, ok := t.list(s.Body.List, t.when(s.Cond, true, in), brk)
		if !ok {
			return 0, false
		}
		els := t.when(s.Cond, false, in)
		if s.Else != nil {
			if els, ok = t.stmt(s.Else, els, brk); !ok {
				return 0, false
			}
		}
		return then | els, true
	case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
		return t.clauses(s, in)
	case *ast.ForStmt, *ast.RangeStmt:
		// An inner loop may run no time; its breaks and continues are
		// its own, and one of this loop's inside it is not followed.
		jumps := false
		ast.Inspect(s, func(n ast.Node) bool {
			if b, ok := n.(*ast.BranchStmt); ok && b.Label != nil && b.Label.Name == t.label {
				jumps = true
			}
			return !jumps
		})
		return in, !jumps
	}
	return in, true // an assignment, a declaration, a go or defer statement
}

// clauses follows the clauses of a switch or select from the states in.
// A tagless switch's case tests like an if's condition (case err !=
// nil), and the clauses after it are past its test's failing.
func (t *tries) clauses(s ast.Stmt, in uint8) (out uint8, ok bool) {
	var body *ast.BlockStmt
	tagless := false
	switch s := s.(type) {
	case *ast.SwitchStmt:
		body, tagless = s.Body, s.Tag == nil
	case *ast.TypeSwitchStmt:
		body = s.Body
	case *ast.SelectStmt:
		body = s.Body
	}
	var brk uint8  // the states a break leaves the statement in
	var fell uint8 // the states a clause falling through hands the next
	rest := in     // the state past the cases before
	hasDefault := false
	for _, c := range body.List {
		var tests []ast.Expr
		var stmts []ast.Stmt
		switch c := c.(type) {
		case *ast.CaseClause:
			tests, stmts, hasDefault = c.List, c.Body, hasDefault || c.List == nil
		case *ast.CommClause:
			stmts, hasDefault = c.Body, hasDefault || c.Comm == nil
		}
		at := rest
		if tagless && len(tests) > 0 {
			// The clause runs when one of its tests holds; the next
			// ones when none did.
			all := true
			for _, e := range tests {
				all = all && t.failed(e, true)
				if t.failed(e, false) {
					rest = up(rest)
				}
			}
			if all {
				at = up(at)
			}
		}
		// A clause fallen into runs from where the one before ended,
		// whatever its own tests.
		at, fell = at|fell, 0
		falls := false
		if n := len(stmts); n > 0 {
			if b, ok := stmts[n-1].(*ast.BranchStmt); ok && b.Tok == token.FALLTHROUGH {
				stmts, falls = stmts[:n-1], true
			}
		}
		o, ok := t.list(stmts, at, &brk)
		if !ok {
			return 0, false
		}
		if falls {
			fell = o
			continue
		}
		out |= o
	}
	if !hasDefault {
		out |= rest
	}
	return out | brk, true
}

// up is the state past a test that an attempt failed.
func up(in uint8) uint8 {
	if in == 0 {
		return 0
	}
	return asked
}

// when is the state past cond when it evaluates to holds.
func (t *tries) when(cond ast.Expr, holds bool, in uint8) uint8 {
	if t.failed(cond, holds) {
		return up(in)
	}
	return in
}

// failed reports whether cond evaluating to holds means that an attempt
// did not work: a call of the body answered an error, nothing, or a read
// that disagrees with the same read made before.
func (t *tries) failed(cond ast.Expr, holds bool) bool {
	info := t.info
	switch c := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		return c.Op == token.NOT && t.failed(c.X, !holds)
	case *ast.Ident: // ok, found, swapped
		v, ok := info.Uses[c].(*types.Var)
		return !holds && ok && t.result(c) && types.Identical(v.Type().Underlying(), types.Typ[types.Bool])
	case *ast.CallExpr: // errors.Is(err, ErrConflict)
		return holds && len(c.Args) == 2 && errorsMatch(info, c) && errorOf(info, c.Args[0], t.answers) && !isNil(info, c.Args[1])
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LAND:
			if holds {
				return t.failed(c.X, true) || t.failed(c.Y, true)
			}
			return t.failed(c.X, false) && t.failed(c.Y, false)
		case token.LOR:
			if holds {
				return t.failed(c.X, true) && t.failed(c.Y, true)
			}
			return t.failed(c.X, false) || t.failed(c.Y, false)
		case token.EQL, token.NEQ:
			differ := (c.Op == token.NEQ) == holds
			for _, side := range [][2]ast.Expr{{c.X, c.Y}, {c.Y, c.X}} {
				if !isNil(info, side[1]) {
					continue
				}
				if errorOf(info, side[0], t.answers) {
					return differ // err != nil
				}
				if id := identOrNil(ast.Unparen(side[0])); id != nil && t.result(id) {
					return !differ // v == nil: nothing found
				}
			}
			if x := emptied(info, c); x != nil && c.Op == token.EQL {
				if id := identOrNil(ast.Unparen(x)); id != nil && t.result(id) {
					return holds // len(v) == 0
				}
			}
			return differ && t.sameRead(c.X, c.Y)
		}
	}
	return false
}

// result reports whether id is a variable one of the body's calls sets.
func (t *tries) result(id *ast.Ident) bool { return t.answers[t.info.Uses[id]] }

// sameRead reports whether x and y read the same thing out of the
// answers of two calls of one function with the same arguments
// (pre.Token and post.Token, each set by s.Branch(ctx, id)): the same
// selections from two different variables. Arguments that differ are
// two rows: a walk, not a re-read.
func (t *tries) sameRead(x, y ast.Expr) bool {
	rx, px := t.readPath(x)
	ry, py := t.readPath(y)
	if rx == nil || ry == nil || rx == ry || !slices.Equal(px, py) {
		return false
	}
	return t.res[rx] != nil && t.res[rx] == t.res[ry] && t.args[rx] != "" && t.args[rx] == t.args[ry]
}

// argsText spells the arguments of call.
func argsText(call *ast.CallExpr) string {
	text := "("
	for _, a := range call.Args {
		text += types.ExprString(a) + ","
	}
	return text + ")"
}

// readPath is the variable x selects from, with the names it selects
// (fields, and methods called without arguments), when the variable is
// one the body's calls set.
func (t *tries) readPath(x ast.Expr) (types.Object, []string) {
	var names []string
	for {
		switch e := ast.Unparen(x).(type) {
		case *ast.SelectorExpr:
			names = append(names, e.Sel.Name)
			x = e.X
		case *ast.CallExpr:
			if len(e.Args) > 0 {
				return nil, nil
			}
			x = e.Fun
		case *ast.StarExpr:
			x = e.X
		case *ast.Ident:
			if !t.result(e) {
				return nil, nil
			}
			return t.info.Uses[e], names
		default:
			return nil, nil
		}
	}
}
