package queries

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	astedge "golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/internal/dbapi"
)

// LoopKind says how many times a loop's body runs, as far as the code
// shows. Only loops whose count grows with data multiply queries: a retry
// loop or a worker's `for { select {...} }` runs a query many times, but
// batching cannot remove those runs, and reporting them is what made
// earlier N+1 checks too noisy to keep on.
type LoopKind uint8

const (
	// LoopUnknown: a `for cond` whose bound the code does not show.
	LoopUnknown LoopKind = iota
	// LoopData: a range over a slice, map, string or iterator, or a for
	// over `i < len(x)` / `i < n` — one run per item.
	LoopData
	// LoopRows: `for rows.Next()` over a query's result set.
	LoopRows
	// LoopChan: a range over a channel; items arrive one by one.
	LoopChan
	// LoopConst: a small constant bound (`for i := 0; i < 3; i++`).
	LoopConst
	// LoopRetry: a bounded loop that leaves on success (break or return),
	// a counting loop of attempts at one piece of work (see attemptLoop),
	// or one probing for a free candidate name (see probeLoop).
	LoopRetry
	// LoopService: `for {}` or `for ctx.Err() == nil` waiting on a select,
	// ticker, sleep or channel: a worker, server or scheduler loop.
	LoopService
	// LoopChunk: `for i := 0; i < len(ids); i += 500` — one run per chunk
	// of items, the fix for an N+1 rather than one.
	LoopChunk
	// LoopStatements: a loop whose items are the statements run (a list
	// of migration steps, a statement table prepared entry by entry),
	// as seen from a site whose SQL is the item: each run is a different
	// statement, which no single query can replace. A site's loop gets
	// this kind when its SQL varies with the loop's variable: the
	// statement is the item, or the item names a table, column or
	// function of it (see items.go).
	LoopStatements
	// LoopArgs: a range over the command line's arguments (os.Args,
	// flag.Args(), a FlagSet's Args()): as many as an operator types.
	LoopArgs
	// LoopConfig: a range over configuration, a field decoded from a
	// configuration file (tagged yaml, toml, mapstructure, hcl, koanf,
	// env), a setting a configuration library or the environment gives
	// (see configured), or a count up to one (i < cfg.Workers, i <
	// len(cfg.Hosts)): as many as an operator writes.
	LoopConfig
	// LoopFuncs: a range over functions (the actors of a run group, the
	// hooks of a lifecycle, handlers kept in a map): as many as the code
	// put there, and each is different code, not one query repeated.
	LoopFuncs
	// LoopExcess: a loop over the tail of a list past a limit the
	// configuration sets, under a test of the list's length against that
	// limit (see excess.go): it trims what one insert put over the limit,
	// normally once.
	LoopExcess
	// LoopInRow: a range over a list of records one row holds in a
	// column (a JSON document, a serialized field; see inrow.go), or a
	// part of one: as long as one record is let to be, a few.
	LoopInRow
)

func (k LoopKind) String() string {
	return [...]string{"unknown", "data", "rows", "chan", "const", "retry", "service", "chunk", "statements", "args", "config", "funcs", "excess", "inrow"}[k]
}

// PerItem reports whether a query in this loop runs once per data item.
//
// A range over a channel is not: it is how workers drain a queue of jobs
// and how schedulers wait on time.Tick, and the items arrive over time, so
// one query per job is not something a batch query can replace.
func (k LoopKind) PerItem() bool { return k == LoopData || k == LoopRows }

// Unbounded reports whether the loop runs until something outside the call
// stops it: a worker, scheduler or server loop. Queries inside it are not
// "per call" of the function holding it.
func (k LoopKind) Unbounded() bool { return k == LoopService || k == LoopChan }

// Loop is a loop enclosing a query site within its function.
type Loop struct {
	Node ast.Stmt // *ast.ForStmt or *ast.RangeStmt
	Kind LoopKind
	// Over names what is iterated ("orders", "rows"), for messages.
	Over string
	// Rows is the result-set variable of a LoopRows loop.
	Rows types.Object
	// Vars are a range loop's key and value variables.
	Vars []types.Object
	// whole are the variables that hold the loop's element when that is a
	// slice (a chunk): the element itself and the variables of the body
	// built from it (see chunkVars). Filled when the loop is classified,
	// read-only after: the passes reading a package's loops may run at
	// once.
	whole map[types.Object]bool
	// index is the index a loop over chunks walks a list by (see
	// chunkLoop): its slices from the index on (ids[i:end]) are the
	// chunks, whole with the variables built from them.
	index *types.Var
	// key is the key variable of a range over a map: a group of the
	// items, looked up by it in a map of lists (byType[t]), goes whole
	// into the statement of its iteration (see group).
	key types.Object
}

// group reports whether e takes the group of the loop's item from a map
// of lists (objects[t], objects a map[string][]string, in a loop over
// the keys of a map): items sorted into groups and read or written once
// per group, the same batching as chunks, whose count is the groups'.
func (l *Loop) group(info *types.Info, e ast.Expr) bool {
	ix, ok := ast.Unparen(e).(*ast.IndexExpr)
	if !ok || l.key == nil {
		return false
	}
	if id, ok := ast.Unparen(ix.Index).(*ast.Ident); !ok || info.Uses[id] != l.key {
		return false
	}
	t := info.TypeOf(ix.X)
	if t == nil {
		return false
	}
	m, ok := t.Underlying().(*types.Map)
	if !ok {
		return false
	}
	_, isList := m.Elem().Underlying().(*types.Slice)
	return isList && !isBytes(m.Elem())
}

// Batches reports whether the loop walks a list by index a batch at a
// time (see chunkLoop): `for i := 0; i < len(ids); i += size`, each
// iteration taking ids[i:end]. Such a loop is batching written out.
func (l *Loop) Batches() bool { return l.index != nil }

// Body is the block the loop repeats.
func (l *Loop) Body() *ast.BlockStmt {
	switch n := l.Node.(type) {
	case *ast.RangeStmt:
		return n.Body
	case *ast.ForStmt:
		return n.Body
	}
	return nil
}

// smallConst is the largest constant bound still considered "a few times".
const smallConst = 16

// classifyLoop decides a loop's kind from its header and, for bounded and
// unbounded `for`, from how its body leaves.
func classifyLoop(pass *analysis.Pass, r *resolver, cur inspector.Cursor) *Loop {
	s := cur.Node().(ast.Stmt)
	info := pass.TypesInfo
	l := &Loop{Node: s}
	switch s := s.(type) {
	case *ast.RangeStmt:
		l.Over = exprName(s.X)
		for _, e := range []ast.Expr{s.Key, s.Value} {
			if id, ok := e.(*ast.Ident); ok && id.Name != "_" {
				if obj := info.ObjectOf(id); obj != nil {
					l.Vars = append(l.Vars, obj)
				}
			}
		}
		l.whole = chunkVars(info, s.Body, l.Vars, nil)
		t := info.TypeOf(s.X)
		if t == nil {
			return l
		}
		if _, ok := t.Underlying().(*types.Map); ok {
			if id, ok := s.Key.(*ast.Ident); ok && id.Name != "_" {
				l.key = info.ObjectOf(id)
				l.groupVars(info, s.Body)
			}
		}
		// for _, db := range []*sql.DB{primary, replica}: a literal list
		// is a fixed count, however it is typed.
		if n, ok := literalLen(r, s.X); ok {
			l.Kind = constKind(constant.MakeInt64(int64(n)), s.Body)
			return l
		}
		if k, ok := boundedBefore(info, cur, s.X); ok && k <= smallBound {
			l.Kind = constKind(constant.MakeInt64(k), s.Body)
			return l
		}
		if k, ok := cappedInside(info, s); ok && k <= smallBound {
			l.Kind = LoopConst // for i, t := range targets { if i == maxTargets { break } ... }
			return l
		}
		if n, ok := literalElemLen(r, cur, s.X); ok {
			l.Kind = constKind(constant.MakeInt64(int64(n)), s.Body)
			return l
		}
		if embedListing(r, s.X) {
			l.Kind = LoopConst // the files the build embedded
			return l
		}
		if n, ok := r.enumValues(t); ok {
			// The values of an enumerated type: at most one item each.
			l.Kind = constKind(constant.MakeInt64(int64(n)), s.Body)
			return l
		}
		if commandLine(r, s.X) {
			l.Kind = LoopArgs
			return l
		}
		if configured(r, s.X) {
			l.Kind = LoopConfig
			return l
		}
		if r.rowRecords(s.X) {
			l.Kind = LoopInRow
			return l
		}
		if (funcs(t) || assertedFuncs(info, s, t)) && !r.filledInLoop(s.X) {
			l.Kind = LoopFuncs
			return l
		}
		if excessRange(r, cur, s) {
			l.Kind = LoopExcess
			return l
		}
		switch u := t.Underlying().(type) {
		case *types.Chan:
			l.Kind = LoopChan
		case *types.Basic:
			if u.Info()&types.IsInteger != 0 {
				// range n: constant n is a fixed count, anything else data.
				if tv, ok := info.Types[s.X]; ok && tv.Value != nil {
					l.Kind = constKind(tv.Value, s.Body)
				} else {
					l.Kind = LoopData
				}
				l.Kind = attempted(info, cur, l.Kind)
			} else {
				l.Kind = LoopData // string
			}
		case *types.Array:
			l.Kind = constKind(constant.MakeInt64(u.Len()), s.Body)
		case *types.Pointer: // pointer to array
			if a, ok := u.Elem().Underlying().(*types.Array); ok {
				l.Kind = constKind(constant.MakeInt64(a.Len()), s.Body)
			}
		default:
			l.Kind = LoopData // slice, map, iterator function
		}
		return l
	case *ast.ForStmt:
		if s.Cond == nil {
			if waits(pass, s.Body) {
				l.Kind = LoopService
			}
			return l
		}
		if rows, over := rowsNext(pass, s.Cond); rows != nil || over != "" {
			l.Kind, l.Rows, l.Over = LoopRows, rows, over
			if rows == nil {
				l.Kind = LoopData // it.Next(), scanner.Scan(): an iterator
			}
			return l
		}
		if b, ok := ast.Unparen(s.Cond).(*ast.BinaryExpr); ok {
			switch b.Op {
			case token.LSS, token.LEQ, token.GTR, token.GEQ, token.NEQ:
				// i < bound: constant bound → fixed count; len(x) or a
				// variable → data.
				for _, side := range []ast.Expr{b.Y, b.X} {
					if tv, ok := info.Types[side]; ok && tv.Value != nil {
						l.Kind = constKind(tv.Value, s.Body)
						// A large bound is data: named in messages, by
						// its constant's name, or as written (i < 100).
						if l.Over = boundName(b); l.Over == "…" {
							l.Over = types.ExprString(b)
						}
						if isCtxErr(info, b.X) || isCtxErr(info, b.Y) {
							l.Kind = LoopService
						}
						l.Kind = attempted(info, cur, l.Kind)
						return l
					}
				}
				if isCtxErr(info, b.X) || isCtxErr(info, b.Y) {
					l.Kind = LoopService
					return l
				}
				l.Kind = LoopData
				l.Over = boundName(b)
				if excessLoop(r, cur, s) {
					l.Kind = LoopExcess
					return l
				}
				if idx, sl := chunkLoop(info, s, b); idx != nil {
					// A data loop whose element is the chunk: calls
					// taking it run once per chunk (see TakesWhole).
					l.index = idx
					if name := exprName(sl.X); name != "…" {
						l.Over = name
					}
					l.whole = chunkVars(info, s.Body, nil, func(e *ast.SliceExpr) bool { return l.chunk(info, e) })
					return l
				}
				if configuredBound(r, s, b) {
					// i < cfg.Workers, i < len(cfg.Hosts): a count an
					// operator writes, as a range over configuration is.
					l.Kind = LoopConfig
					return l
				}
				if chunked(info, s.Post) {
					l.Kind = LoopChunk
				} else if k, ok := boundedLen(info, cur, b); ok {
					l.Kind = constKind(constant.MakeInt64(k), s.Body)
				}
				l.Kind = attempted(info, cur, l.Kind)
				return l
			}
		}
		if waits(pass, s.Body) {
			l.Kind = LoopService
		}
	}
	return l
}

// literalLen is the length of a composite literal ranged over directly, or
// through a variable: a local only ever set to literals or appended items
// written out, none in a loop (see Written; at most their sum), or to
// what a function returning a fixed list returns (see fixedReturn), or a
// package-level variable defined with one that no function of its package
// assigns.
func literalLen(r *resolver, x ast.Expr) (int, bool) {
	x = ast.Unparen(x)
	if id, ok := x.(*ast.Ident); ok && r != nil {
		v, ok := r.pass.TypesInfo.Uses[id].(*types.Var)
		if !ok || r.addressed[v] {
			return 0, false // filled through &v (db.Select(&rows, ...))
		}
		if init, ok := r.pkgInit[v]; ok {
			// var defaultLabels = []string{...}, which no function of the
			// package assigns: a fixed list.
			x = ast.Unparen(init)
		} else {
			// candidates := []string{a, b}, perhaps set to another
			// literal under a condition or appended items written out,
			// none in a loop: at most as many as the writes add up to.
			n, ok := Written(r.pass.TypesInfo, r.decl[v], v, x.Pos())
			if ok && n > 0 || r.decl[v] == nil {
				return n, ok && n > 0
			}
			// tables := GetTables(), a function returning a copy of a
			// fixed list (see fixedReturn), the only write.
			n = 0
			ok = Writes(r.pass.TypesInfo, r.decl[v], v, func(w LocalWrite) bool {
				call, isCall := ast.Unparen(w.Value).(*ast.CallExpr)
				if w.Value == nil || !isCall || repeated(w.Around, v) {
					return false
				}
				k, good := r.fixedReturn(call)
				n += k
				return good
			})
			return n, ok && n > 0
		}
	}
	if call, ok := x.(*ast.CallExpr); ok && r != nil {
		return r.fixedReturn(call) // range GetTables()
	}
	if sel, ok := x.(*ast.SelectorExpr); ok && r != nil {
		// pkg.AllKinds, a list its package fixed (see FixedList).
		var f FixedList
		v, ok := r.pass.TypesInfo.Uses[sel.Sel].(*types.Var)
		switch {
		case !ok:
		case v.IsField():
			// b.Variations, a field validation caps (see capped.go).
			k, ok := r.fieldCap(v)
			return int(k), ok
		case v.Pkg() != r.pass.Pkg && r.pass.ImportObjectFact(v, &f):
			return f.Len, true
		}
		return 0, false
	}
	return fixedLen(x)
}

// literalElemLen is the most items an element of a fixed list holds,
// ranged over by a loop inside the loop over that list:
//
//	var tables = map[string]map[string]string{"endpoints": {"secret": "secret_cipher"}}
//	for table, columns := range tables {
//		for column, cipher := range columns { ... }
//	}
//
// x is the element variable of a range statement around cur, over a
// literal list (see literalLen) every element of which is itself a
// literal, and the body does not assign x.
func literalElemLen(r *resolver, cur inspector.Cursor, x ast.Expr) (int, bool) {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok || r == nil {
		return 0, false
	}
	info := r.pass.TypesInfo
	v, ok := info.Uses[id].(*types.Var)
	if !ok || r.addressed[v] {
		return 0, false
	}
	for c := range cur.Enclosing((*ast.RangeStmt)(nil)) {
		rs := c.Node().(*ast.RangeStmt)
		val, ok := rs.Value.(*ast.Ident)
		if !ok || info.Defs[val] != v {
			continue
		}
		if _, ok := literalLen(r, rs.X); !ok {
			return 0, false
		}
		lit := ast.Unparen(rs.X)
		if rid, ok := lit.(*ast.Ident); ok {
			pv, _ := info.Uses[rid].(*types.Var)
			lit = ast.Unparen(r.pkgInit[pv])
		}
		cl, ok := lit.(*ast.CompositeLit)
		if !ok || assignsTo(info, rs.Body, v) {
			return 0, false
		}
		most := 0
		for _, el := range cl.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			n, ok := fixedLen(el)
			if !ok {
				return 0, false
			}
			most = max(most, n)
		}
		return most, most > 0
	}
	return 0, false
}

// assignsTo reports whether body assigns v, or takes its address.
func assignsTo(info *types.Info, body ast.Node, v *types.Var) bool {
	return Assigns(body, func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == v
	})
}

// Assigns reports whether n assigns what is reports, or takes its
// address.
func Assigns(n ast.Node, is func(ast.Expr) bool) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				found = found || is(lhs)
			}
		case *ast.UnaryExpr:
			found = found || n.Op == token.AND && is(n.X)
		}
		return !found
	})
	return found
}

// fixedLen is the length of a non-empty composite literal. (An empty one
// is a container about to be filled, not a list.)
func fixedLen(x ast.Expr) (int, bool) {
	if lit, ok := ast.Unparen(x).(*ast.CompositeLit); ok && len(lit.Elts) > 0 {
		return len(lit.Elts), true
	}
	return 0, false
}

// chunked matches a loop step larger than one: i += n, i = i + n.
func chunked(info *types.Info, post ast.Stmt) bool {
	as, ok := post.(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 {
		return false
	}
	step := as.Rhs[0]
	switch as.Tok {
	case token.ADD_ASSIGN:
	case token.ASSIGN:
		b, ok := ast.Unparen(step).(*ast.BinaryExpr)
		if !ok || b.Op != token.ADD {
			return false
		}
		step = b.Y
	default:
		return false
	}
	if tv, ok := info.Types[step]; ok && tv.Value != nil {
		n, ok := constant.Int64Val(constant.ToInt(tv.Value))
		return ok && n > 1
	}
	return true // a variable step: a batch size
}

// constKind classifies a loop with a constant trip count.
func constKind(v constant.Value, body *ast.BlockStmt) LoopKind {
	n, ok := constant.Int64Val(constant.ToInt(v))
	if ok && n > smallConst {
		return LoopData // a large fixed count behaves like data
	}
	if leavesEarly(body) {
		return LoopRetry
	}
	return LoopConst
}

// leavesEarly reports whether body contains a break or return that leaves
// the loop itself (not an inner loop, switch or select, nor a closure).
func leavesEarly(body *ast.BlockStmt) bool {
	found := false
	var walk func(n ast.Node, nested bool) bool
	walk = func(n ast.Node, nested bool) bool {
		ast.Inspect(n, func(n ast.Node) bool {
			if found {
				return false
			}
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				found = true
			case *ast.BranchStmt:
				if n.Tok == token.BREAK && (n.Label != nil || !nested) {
					found = true
				}
				if n.Tok == token.GOTO {
					found = true
				}
			case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				if n != ast.Node(body) {
					var inner ast.Node
					switch n := n.(type) {
					case *ast.ForStmt:
						inner = n.Body
					case *ast.RangeStmt:
						inner = n.Body
					case *ast.SwitchStmt:
						inner = n.Body
					case *ast.TypeSwitchStmt:
						inner = n.Body
					case *ast.SelectStmt:
						inner = n.Body
					}
					walk(inner, true)
					return false
				}
			}
			return true
		})
		return found
	}
	return walk(body, false)
}

// waits reports whether a loop body blocks on something other than data:
// a select, a channel receive, time.Sleep, a ticker or timer, a context's
// Done. Such a loop is a service loop, and its iterations are not items.
func waits(pass *analysis.Pass, body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.SelectStmt:
			found = true
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				found = true
			}
		case *ast.CallExpr:
			if fn, ok := typeutil.Callee(pass.TypesInfo, n).(*types.Func); ok && fn.Pkg() != nil {
				switch fn.Pkg().Path() + "." + fn.Name() {
				case "time.Sleep", "time.After", "time.Tick", "time.NewTicker", "time.NewTimer":
					found = true
				}
				if fn.Name() == "Wait" || fn.Name() == "Accept" { // sync.Cond, rate limiters, listeners
					found = true
				}
			}
		}
		return true
	})
	return found
}

// rowsNext recognizes `rows.Next()` (and other iterators' Next/Scan) as a
// loop condition. It returns the rows variable for a database result set,
// or only a name for any other iterator.
func rowsNext(pass *analysis.Pass, cond ast.Expr) (types.Object, string) {
	call, ok := ast.Unparen(cond).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return nil, ""
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || (sel.Sel.Name != "Next" && sel.Sel.Name != "Scan" && sel.Sel.Name != "NextResultSet") {
		return nil, ""
	}
	if t := pass.TypesInfo.TypeOf(sel.X); t != nil && dbapi.IsRows(t) {
		var obj types.Object
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok {
			obj = pass.TypesInfo.Uses[id]
		}
		if obj == nil {
			obj = types.NewVar(sel.Pos(), pass.Pkg, exprName(sel.X), t)
		}
		return obj, exprName(sel.X)
	}
	return nil, exprName(sel.X)
}

// isCtxErr matches ctx.Err() on a context.Context.
func isCtxErr(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Err" {
		return false
	}
	t := info.TypeOf(sel.X)
	return t != nil && types.TypeString(t, nil) == "context.Context"
}

// boundedLen is the bound a check before the loop at cur puts on x, for
// a loop condition comparing with len(x), when it is small.
func boundedLen(info *types.Info, cur inspector.Cursor, b *ast.BinaryExpr) (int64, bool) {
	for _, side := range []ast.Expr{b.Y, b.X} {
		call, ok := ast.Unparen(side).(*ast.CallExpr)
		if !ok || len(call.Args) != 1 || !isLenOf(info, call, call.Args[0]) {
			continue
		}
		if k, ok := boundedBefore(info, cur, call.Args[0]); ok && k <= smallBound {
			return k, true
		}
	}
	return 0, false
}

func boundName(b *ast.BinaryExpr) string {
	for _, side := range []ast.Expr{b.Y, b.X} {
		if call, ok := ast.Unparen(side).(*ast.CallExpr); ok && len(call.Args) == 1 {
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "len" {
				return exprName(call.Args[0])
			}
		}
	}
	return exprName(b.Y)
}

// exprName is a short printable name of an expression for messages.
func exprName(e ast.Expr) string {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return exprName(e.X) + "." + e.Sel.Name
	case *ast.CallExpr:
		return exprName(e.Fun) + "()"
	case *ast.IndexExpr:
		return exprName(e.X) + "[...]"
	case *ast.SliceExpr:
		return exprName(e.X) + "[" + bound(e.Low) + ":" + bound(e.High) + "]"
	case *ast.StarExpr:
		return exprName(e.X)
	case *ast.UnaryExpr:
		return exprName(e.X)
	}
	return "…"
}

// bound names a slice expression's bound for messages: a literal or a
// name as written, "" when absent, "..." for anything longer.
func bound(e ast.Expr) string {
	switch e := ast.Unparen(e).(type) {
	case nil:
		return ""
	case *ast.BasicLit:
		return e.Value
	case *ast.Ident:
		return e.Name
	}
	return "..."
}

// ExprName names an expression for messages: "s.stmt", "rows", "ids()".
func ExprName(e ast.Expr) string { return exprName(e) }

// PerItem counts the loops among loops that repeat what they enclose once
// per data item (the multiplicity of a call inside them).
func PerItem(loops []*Loop) int { return perItem(loops) }

// Excess reports whether loops repeat what they enclose once per item of
// the excess of a list past a limit (LoopExcess), and no loop among them
// once per data item.
func Excess(loops []*Loop) bool {
	return perItem(loops) == 0 && slices.ContainsFunc(loops, func(l *Loop) bool { return l.Kind == LoopExcess })
}

// Unbounded reports whether a worker's, scheduler's or server's loop is
// among loops: what it encloses is not run per call of its function.
func Unbounded(loops []*Loop) bool { return unbounded(loops) }

// commandLine reports whether x is the command line's arguments: os.Args
// (or a slice of it), flag.Args(), a FlagSet's Args(), or a local
// variable defined as one of them and never assigned again.
func commandLine(r *resolver, x ast.Expr) bool {
	info := r.pass.TypesInfo
	switch x := ast.Unparen(x).(type) {
	case *ast.SliceExpr:
		return commandLine(r, x.X)
	case *ast.SelectorExpr:
		v, ok := info.Uses[x.Sel].(*types.Var)
		return ok && v.Pkg() != nil && v.Pkg().Path() == "os" && v.Name() == "Args"
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(info, x).(*types.Func)
		return ok && fn.Pkg() != nil && fn.Pkg().Path() == "flag" && fn.Name() == "Args"
	case *ast.Ident:
		rhs := r.definedAs(x)
		return rhs != nil && commandLine(r, rhs)
	}
	return false
}

// definedAs is the value a local variable is defined with, when that
// definition (v := e, var v = e) is its only write; nil otherwise. (A
// variable written again, args = args[1:], may be anything.)
func (r *resolver) definedAs(id *ast.Ident) ast.Expr {
	v, ok := r.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return nil
	}
	if w := r.onlyWrite(v); w != nil && w.index < 0 {
		return w.rhs
	}
	return nil
}

// onlyWrite is the definition of a local variable (v := e, var v = e, or
// v, err := f()) when it is its only write; nil otherwise.
func (r *resolver) onlyWrite(v *types.Var) *assignment {
	writes := r.writes[v]
	if len(writes) != 1 || writes[0].tok != token.DEFINE && writes[0].tok != token.VAR {
		return nil
	}
	return &writes[0]
}

// configured reports whether x is configuration (see LoopConfig): a
// field of it, what a configuration library answers (viper's
// GetStringSlice, koanf's Strings), an environment variable, or a list
// split from one of those (strings.Split(os.Getenv("HOSTS"), ",")),
// directly or through a local variable defined as one.
func configured(r *resolver, x ast.Expr) bool {
	switch x := ast.Unparen(x).(type) {
	case *ast.SelectorExpr:
		return ConfigField(r.pass.TypesInfo, x)
	case *ast.Ident:
		rhs := r.definedAs(x)
		return rhs != nil && configured(r, rhs)
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(r.pass.TypesInfo, x).(*types.Func)
		if !ok || fn.Pkg() == nil {
			return false
		}
		switch path := fn.Pkg().Path(); {
		case path == "os" && (fn.Name() == "Getenv" || fn.Name() == "LookupEnv"):
			return true
		case path == "strings" && splits[fn.Name()] && len(x.Args) > 0:
			return configured(r, x.Args[0])
		}
		prefix, ok := configLibraries[fn.Pkg().Path()]
		return ok && strings.HasPrefix(fn.Name(), prefix)
	}
	return false
}

// splits are the functions of package strings that make a list of a
// string's parts.
var splits = map[string]bool{"Split": true, "SplitN": true, "SplitAfter": true, "SplitAfterN": true, "Fields": true, "FieldsFunc": true}

// configLibraries are the configuration libraries, by package path, with
// the prefix of the names of their functions and methods that answer a
// setting: viper's GetStringSlice, GetStringMap...; koanf's Strings,
// StringMap, MapKeys... (every method of its Koanf answers settings).
var configLibraries = map[string]string{
	"github.com/spf13/viper":    "Get",
	"github.com/knadh/koanf":    "",
	"github.com/knadh/koanf/v2": "",
}

// configuredBound reports whether a loop's condition compares its index
// with a count from configuration (see LoopConfig): a field of it, or
// the length of one. The index starting at one (i := lim.Sessions) is no
// count: what is past a limit is data.
func configuredBound(r *resolver, s *ast.ForStmt, b *ast.BinaryExpr) bool {
	for _, side := range []ast.Expr{b.X, b.Y} {
		if id, ok := ast.Unparen(side).(*ast.Ident); ok && s.Init != nil {
			if obj := r.pass.TypesInfo.ObjectOf(id); obj != nil && s.Init.Pos() <= obj.Pos() && obj.Pos() < s.Init.End() {
				continue // the index
			}
		}
		if x := lenArg(r.pass.TypesInfo, side); x != nil {
			side = x
		}
		if configured(r, side) {
			return true
		}
	}
	return false
}

// ConfigField reports whether x selects a field of configuration (see
// LoopConfig): a field a configuration file's decoder fills, by its tag.
func ConfigField(info *types.Info, x *ast.SelectorExpr) bool {
	sel, ok := info.Selections[x]
	return ok && sel.Kind() == types.FieldVal && configTag(fieldTag(sel))
}

// funcs reports whether ranging over a value of type t gives functions:
// a slice, array or map whose elements are of func type.
func funcs(t types.Type) bool {
	elem := itemType(t)
	if elem == nil {
		return false
	}
	if _, ok := elem.Underlying().(*types.Signature); ok {
		return true
	}
	return handlerRecord(elem)
}

// assertedFuncs reports whether the range s over a value of type t gives
// interface values that its body uses as functions: a list of hooks kept
// as []any, each called as h.(func() error)(). Functions are what such a
// list holds, as funcs says of a list typed so.
func assertedFuncs(info *types.Info, s *ast.RangeStmt, t types.Type) bool {
	elem := itemType(t)
	if elem == nil || !types.IsInterface(elem) || s.Value == nil {
		return false
	}
	v, _ := info.ObjectOf(identOrNil(s.Value)).(*types.Var)
	if v == nil {
		return false
	}
	found := false
	ast.Inspect(s.Body, func(n ast.Node) bool {
		if ta, ok := n.(*ast.TypeAssertExpr); ok && ta.Type != nil && identIs(info, ta.X, v) {
			if _, ok := info.TypeOf(ta.Type).Underlying().(*types.Signature); ok {
				found = true
			}
		}
		return !found
	})
	return found
}

// itemType is the type of the items a range over a value of type t
// gives: a slice's, array's or map's elements; nil for any other type.
func itemType(t types.Type) types.Type {
	switch u := t.Underlying().(type) {
	case *types.Slice:
		return u.Elem()
	case *types.Array:
		return u.Elem()
	case *types.Map:
		return u.Elem()
	}
	return nil
}

// handlerRecord reports whether t is a registered function with its
// label: a struct (or a pointer to one) with a func field and otherwise
// only strings, numbers and bools (reloadHandler{name, handler}, a hook
// with its priority). A list of them is code the program registers, as
// a list of functions is.
func handlerRecord(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	fn := false
	for f := range st.Fields() {
		switch u := f.Type().Underlying().(type) {
		case *types.Signature:
			fn = true
		case *types.Basic:
			if u.Info()&(types.IsString|types.IsNumeric|types.IsBoolean) == 0 {
				return false
			}
		default:
			return false
		}
	}
	return fn
}

// filledInLoop reports whether x is a local variable written in a loop
// its declaration is not in: a list of closures made one per item
// (tasks = append(tasks, func() error { return get(id) })) is as long as
// the data.
func (r *resolver) filledInLoop(x ast.Expr) bool {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := r.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	for _, w := range r.writes[v] {
		if w.loops > r.declLoops[v] {
			return true
		}
	}
	return false
}

// fieldTag is the struct tag of the field a selection selects.
func fieldTag(sel *types.Selection) string {
	t := sel.Recv()
	idx := sel.Index()
	for i, k := range idx {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok || k >= st.NumFields() {
			return ""
		}
		if i == len(idx)-1 {
			return st.Tag(k)
		}
		t = st.Field(k).Type()
	}
	return ""
}

// configTag reports whether a struct tag says its field is read from a
// configuration file or the environment. A field a database mapper reads
// too (a db, gorm, bun, pg, sql or bson key, even "-") is of a record
// that also travels as YAML, a pipeline's actions exported as code: data.
func configTag(tag string) bool {
	st := reflect.StructTag(tag)
	for _, key := range []string{"db", "gorm", "bun", "pg", "sql", "bson", "xorm"} {
		if _, ok := st.Lookup(key); ok {
			return false
		}
	}
	for _, key := range []string{"yaml", "toml", "mapstructure", "hcl", "koanf", "env", "envconfig"} {
		if v, ok := st.Lookup(key); ok && v != "-" {
			return true
		}
	}
	return false
}

// callLoops are the loops around a call that repeat it: those of the walk,
// less the loops the call leaves right after, or in which a flag lets it
// run once (it runs at most once in them: per item of a data loop, or in
// a worker's loop, once when the worker stops, such as a configuration
// reload that restarts the program), and those that leave at the call's
// first success (see firstSuccess).
func (a *analyzer) callLoops(call inspector.Cursor, loops []*Loop) []*Loop {
	if perItem(loops) == 0 && !unbounded(loops) {
		return loops
	}
	var path []ast.Node
	out := loops[:0:0]
	for _, l := range loops {
		if l.Kind.PerItem() || l.Kind.Unbounded() {
			if path == nil {
				path = enclosing(call)
			}
			if deadBranch(a.pass.TypesInfo, path) {
				return nil // never runs, let alone per item
			}
			if leavesAfter(path, l.Node) || flagged(a.pass.TypesInfo, path, l.Node) || strided(a.pass.TypesInfo, call.Node().(*ast.CallExpr), path, l) || batchFull(a.pass.TypesInfo, call.Node().(*ast.CallExpr), path, l) ||
				l.Kind.PerItem() && (firstSuccess(a.r, path, l.Node) || a.throughElement(path, l) || a.dispatched(path, l) || constantItem(a.pass.TypesInfo, path, l.Node)) {
				continue
			}
		}
		out = append(out, l)
	}
	return out
}

// Chunks counts the loops around a call that it takes the element of
// whole (see TakesWhole): they repeat the call once per chunk, which
// repeats nothing per item as long as what the call runs is one statement
// (a callee that looks items up one by one still runs once per item, of
// every chunk).
func Chunks(info *types.Info, call *ast.CallExpr, loops []*Loop) int {
	n := 0
	for _, l := range loops {
		if l.Kind.PerItem() && TakesWhole(info, call, l) {
			n++
		}
	}
	return n
}

// withoutChunks are the loops that repeat a query call: a statement that
// takes a chunk whole is one round trip per chunk.
func withoutChunks(info *types.Info, call *ast.CallExpr, loops []*Loop) []*Loop {
	if Chunks(info, call, loops) == 0 {
		return loops
	}
	var out []*Loop
	for _, l := range loops {
		if !(l.Kind.PerItem() && TakesWhole(info, call, l)) {
			out = append(out, l)
		}
	}
	return out
}

// strided reports whether call runs once per chunk of the loop's items:
// only on every n-th item, taking the items from there on —
//
//	for i := range ids {
//		if i%size == 0 {
//			load(ids[i:min(i+size, len(ids))]...)
//		}
//	}
//
// The test is of the loop's index modulo a value other than the constant
// 1, equal to 0 (either way round), in an if between the call and the
// loop; and one of the call's arguments slices what the loop ranges over
// from that index (ids[i:end]). The test alone (every other item, `i%2
// == 0`) still runs per item, and so does a slice of another list.
func strided(info *types.Info, call *ast.CallExpr, path []ast.Node, l *Loop) bool {
	rng, ok := l.Node.(*ast.RangeStmt)
	if !ok || rng.Key == nil {
		return false
	}
	key, _ := rng.Key.(*ast.Ident)
	if key == nil || info.ObjectOf(key) == nil {
		return false
	}
	idx := info.ObjectOf(key)
	isIdx := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == idx
	}
	tested := false
	for _, x := range ifsBetween(path, l.Node) {
		for _, c := range conjuncts(x.Cond) {
			b, ok := ast.Unparen(c).(*ast.BinaryExpr)
			if !ok || b.Op != token.EQL {
				continue
			}
			for _, side := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
				rem, ok := ast.Unparen(side[0]).(*ast.BinaryExpr)
				zero := info.Types[side[1]].Value
				if !ok || rem.Op != token.REM || !isIdx(rem.X) || zero == nil || zero.String() != "0" {
					continue
				}
				if n := info.Types[rem.Y].Value; n != nil && n.String() == "1" {
					continue
				}
				tested = true
			}
		}
	}
	if !tested {
		return false
	}
	over := types.ExprString(ast.Unparen(rng.X))
	for _, arg := range call.Args {
		if sl, ok := ast.Unparen(arg).(*ast.SliceExpr); ok && sl.Low != nil && isIdx(sl.Low) && types.ExprString(ast.Unparen(sl.X)) == over {
			return true
		}
	}
	return false
}

// batchFull reports whether call sends a batch the loop fills, once it
// is full:
//
//	for _, key := range keys {
//		batch = append(batch, row(key))
//		if len(batch) >= batchSize {
//			flush(batch) // or a closure over batch: flush()
//			batch = batch[:0]
//		}
//	}
//
// An if between the call and the loop tests len(b) against a size (>=,
// == or >; a constant above one, or a value declared before the if), b a
// local declared before the if that the loop's body appends to (in it or
// in a loop within it: a loop around the one that fills b repeats no
// more than the batches it fills);
// and the call hands b over — as an argument, or as a closure of the
// function that reads it. It runs once per batch: the batching, not an
// N+1. A test of another list's length, or a call that does not take
// the batch, still runs per item.
func batchFull(info *types.Info, call *ast.CallExpr, path []ast.Node, l *Loop) bool {
	body := l.Body()
	if body == nil {
		return false
	}
	var batches []*types.Var
	for _, x := range ifsBetween(path, l.Node) {
		for _, c := range conjuncts(x.Cond) {
			b, ok := ast.Unparen(c).(*ast.BinaryExpr)
			if !ok {
				continue
			}
			lhs, op, rhs := b.X, b.Op, b.Y
			switch op { // size <= len(b) is len(b) >= size
			case token.LEQ:
				lhs, op, rhs = rhs, token.GEQ, lhs
			case token.LSS:
				lhs, op, rhs = rhs, token.GTR, lhs
			}
			if op != token.GEQ && op != token.EQL && op != token.GTR {
				continue
			}
			// The batch and the size are made before the if: a batch a
			// loop around this one resets per item (var batch inside the
			// outer loop) still sends at most one statement per size
			// items, whichever loop filled them.
			beforeIf := func(obj types.Object) bool {
				return obj != nil && (obj.Pos() < x.Pos() || obj.Pos() >= x.End())
			}
			v := lenOf(info, lhs)
			if v == nil || !beforeIf(v) || !sizeBound(info, rhs, beforeIf) {
				continue
			}
			batches = append(batches, v)
		}
	}
	for _, v := range batches {
		if appendsTo(info, body, v) && handsOver(info, call, path, v) {
			return true
		}
	}
	return false
}

// ifsBetween are the if statements of path (innermost first) below the
// loop.
func ifsBetween(path []ast.Node, loop ast.Node) []*ast.IfStmt {
	var out []*ast.IfStmt
	for _, n := range path {
		if n == loop {
			break
		}
		if x, ok := n.(*ast.IfStmt); ok {
			out = append(out, x)
		}
	}
	return out
}

// lenOf is the local variable e takes the length of (len(b)), nil when
// it is not one.
func lenOf(info *types.Info, e ast.Expr) *types.Var {
	c, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(c.Args) != 1 {
		return nil
	}
	if b, ok := info.Uses[identOrNil(c.Fun)].(*types.Builtin); !ok || b.Name() != "len" {
		return nil
	}
	v, ok := info.Uses[identOrNil(c.Args[0])].(*types.Var)
	if !ok || v.IsField() || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	return v
}

// sizeBound reports whether e is a batch's size: a constant above one, or
// a variable, field or constant declared outside the loop.
func sizeBound(info *types.Info, e ast.Expr, outside func(types.Object) bool) bool {
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		n, exact := constant.Int64Val(constant.ToInt(tv.Value))
		return exact && n > 1
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return outside(info.Uses[x])
	case *ast.SelectorExpr:
		return outside(info.Uses[x.Sel])
	}
	return false
}

// appendsTo reports whether body assigns v = append(v, ...).
func appendsTo(info *types.Info, body ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || found || len(as.Lhs) != 1 || len(as.Rhs) != 1 || info.Uses[identOrNil(as.Lhs[0])] != v {
			return !found
		}
		if c, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr); ok && len(c.Args) > 0 {
			if b, ok := info.Uses[identOrNil(c.Fun)].(*types.Builtin); ok && b.Name() == "append" && info.Uses[identOrNil(c.Args[0])] == v {
				found = true
			}
		}
		return !found
	})
	return found
}

// handsOver reports whether call passes v, or calls a closure (a local
// variable defined with a function literal, in a function of path)
// whose body reads v.
func handsOver(info *types.Info, call *ast.CallExpr, path []ast.Node, v *types.Var) bool {
	reads := func(n ast.Node) bool { return readsVar(info, n, v) }
	for _, arg := range call.Args {
		if reads(arg) {
			return true
		}
	}
	fn, ok := info.Uses[identOrNil(call.Fun)].(*types.Var)
	if !ok || len(path) == 0 {
		return false
	}
	// flush := func() error { ... batch ... }, in the call's file.
	var lit *ast.FuncLit
	ast.Inspect(path[len(path)-1], func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || lit != nil || as.Tok != token.DEFINE || len(as.Lhs) != len(as.Rhs) {
			return lit == nil
		}
		for i, lhs := range as.Lhs {
			if id, ok := lhs.(*ast.Ident); ok && info.Defs[id] == fn {
				lit, _ = ast.Unparen(as.Rhs[i]).(*ast.FuncLit)
			}
		}
		return lit == nil
	})
	return lit != nil && reads(lit.Body)
}

// enclosing is the chain of nodes from c's up to its file, innermost
// first (as astutil.PathEnclosingInterval gives it, without walking the
// file again for each call).
func enclosing(c inspector.Cursor) []ast.Node {
	var path []ast.Node
	for e := range c.Enclosing() {
		path = append(path, e.Node())
	}
	return path
}

// leavesAfter reports whether the loop runs a call at most once: the
// statement holding the call, or one after it in the same block, leaves
// the loop — a return, a break of that loop, or a break or continue of
// a loop around it — whatever happens:
//
//	for _, t := range tasks {
//		if t.Lead {
//			lead, err = s.User(ctx, t.AssigneeID)
//			break
//		}
//	}
//
// A return or break under a condition of its own (if err != nil { return
// err }) does not count: the loop goes on when the condition is false.
func leavesAfter(path []ast.Node, loop ast.Stmt) bool {
	li := -1
	for i, n := range path {
		if n == loop {
			li = i
			break
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false // in a closure: the loop does not run it
		}
	}
	if li < 0 {
		return false
	}
	// A break or continue of a loop around this one leaves it too:
	// `continue outer` moves on to the next item of the outer loop.
	label, outer := "", map[string]bool{}
	if li+1 < len(path) {
		if ls, ok := path[li+1].(*ast.LabeledStmt); ok {
			label = ls.Label.Name
		}
	}
	for i := li + 2; i < len(path); i++ {
		if _, ok := path[i].(*ast.FuncLit); ok {
			break
		}
		if ls, ok := path[i].(*ast.LabeledStmt); ok {
			switch ls.Stmt.(type) {
			case *ast.ForStmt, *ast.RangeStmt:
				outer[ls.Label.Name] = true
			}
		}
	}
	for i := 1; i < li; i++ {
		list, ok := stmtList(path[i])
		if !ok {
			continue
		}
		// Does a plain break in this list break the loop, or a switch,
		// select or loop between them?
		plain := true
		for _, m := range path[i+1 : li] {
			switch m.(type) {
			case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				plain = false
			}
		}
		start := -1
		for k, st := range list {
			if ast.Node(st) == path[i-1] {
				start = k
				break
			}
		}
		if start < 0 {
			continue
		}
		for _, st := range list[start:] {
			switch st := st.(type) {
			case *ast.ReturnStmt:
				return true
			case *ast.BranchStmt:
				if st.Tok == token.BREAK && (st.Label == nil && plain || st.Label != nil && st.Label.Name == label) {
					return true
				}
				if (st.Tok == token.BREAK || st.Tok == token.CONTINUE) && st.Label != nil && outer[st.Label.Name] {
					return true
				}
			}
		}
	}
	return false
}

// throughElement reports whether a call is a method call on the element
// of a range loop over interface values: each item is different code (the
// implementations the program registers: scrobblers, notifiers,
// providers, middlewares), as a list of functions is (LoopFuncs), and
// what the call runs is each implementation's own, once. A list of
// interface values made one per item in a loop of the function is data,
// as a list of closures made so is, and so may be a parameter (a caller
// may have made it so: the whole-program driver asks what every caller
// passes instead, see program.FewPassed); and a call in the same loop
// that does not go through the element (a query with the item's ID) is
// not this one. path is the chain of nodes enclosing the call,
// innermost first.
func (a *analyzer) throughElement(path []ast.Node, l *Loop) bool {
	call, ok := path[0].(*ast.CallExpr)
	if !ok {
		return false
	}
	rs, ok := l.Node.(*ast.RangeStmt)
	if !ok || rs.Value == nil {
		return false
	}
	info := a.pass.TypesInfo
	elem, ok := info.ObjectOf(identOrNil(rs.Value)).(*types.Var)
	if !ok || !types.IsInterface(elem.Type()) {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	if s := info.Selections[sel]; s == nil || s.Kind() != types.MethodVal {
		return false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	return ok && (info.Uses[id] == elem || switchedElement(info, path, info.Uses[id], elem)) &&
		!a.r.filledInLoop(rs.X) && !isParam(info, path, rs.X)
}

// switchedElement reports whether v is the element of a type switch on
// elem, in a clause that holds the call (path, innermost first):
// switch s := elem.(type) { case Hydrator: s.Populate(f) } calls the
// element's own implementation, as elem.Populate(f) would.
func switchedElement(info *types.Info, path []ast.Node, v types.Object, elem *types.Var) bool {
	for i, n := range path {
		cc, ok := n.(*ast.CaseClause)
		if !ok || info.Implicits[cc] != v || i+2 >= len(path) {
			continue
		}
		ts, ok := path[i+2].(*ast.TypeSwitchStmt)
		if !ok {
			return false
		}
		as, ok := ts.Assign.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 {
			return false
		}
		ta, ok := ast.Unparen(as.Rhs[0]).(*ast.TypeAssertExpr)
		return ok && identIs(info, ta.X, elem)
	}
	return false
}

// isParam reports whether x is a parameter of a function enclosing the
// call whose path is given (the one holding it, or one a closure holding
// it is written in).
func isParam(info *types.Info, path []ast.Node, x ast.Expr) bool {
	v := varOf(info, x) // a field's position is outside any parameter list
	if v == nil {
		return false
	}
	for _, n := range path {
		ft := funcType(n)
		if ft == nil {
			continue
		}
		if ft.Pos() <= v.Pos() && v.Pos() < ft.End() {
			return true
		}
	}
	return false
}

// funcType is the type of n when n is a declared function or a function
// literal, else nil.
func funcType(n ast.Node) *ast.FuncType {
	switch n := n.(type) {
	case *ast.FuncDecl:
		return n.Type
	case *ast.FuncLit:
		return n.Type
	}
	return nil
}

// identOrNil is e when it is an identifier, else nil.
func identOrNil(e ast.Expr) *ast.Ident {
	id, _ := e.(*ast.Ident)
	return id
}

// firstSuccess reports whether the loop leaves when the call succeeds:
// it tries candidates in order (agents, providers, profiles, fallbacks)
// and stops at the first that answers, so that in the normal case the
// call runs once, as in a retry loop that leaves on success:
//
//	for _, name := range names {
//		p, err := find(ctx, name)
//		if err != nil {
//			continue
//		}
//		if p != nil {
//			return p, nil
//		}
//	}
//
// The call's results are assigned in the statement holding it (or in an
// if's init), and an if statement there or after it in the same block
// tests them for success alone — err == nil, x != nil, len(x) > 0, a
// bool result (found, ok), or a conjunction of these — and its body ends
// by leaving the loop (a return, or a break of it); or tests them for
// failure alone (err != nil) and its else branch leaves. A test that
// holds on success and on some failures leaves on success too: a retry
// on an optimistic lock's version conflict goes on only after that error
// (if !errors.Is(err, ErrConflict) { break }), and a fallback chain whose
// answers carry their errors stops at the first answer without any
// (if len(a.Errors()) == 0, or a predicate of the package that says a
// list is empty). Leaving on failure (if err != nil { return err }) is
// the N+1's own shape: every item costs its query; so is leaving on a
// property of what was found (p.ID > 1000: a search through every item),
// or going on after a success.
func firstSuccess(r *resolver, path []ast.Node, loop ast.Stmt) bool {
	info := r.pass.TypesInfo
	// The statement holding the call, in a list of statements in the loop.
	for i := 1; i < len(path) && path[i] != loop; i++ {
		if _, ok := path[i].(*ast.FuncLit); ok {
			return false
		}
		list, ok := stmtList(path[i])
		if !ok {
			continue
		}
		stmt, _ := path[i-1].(ast.Stmt)
		k := slices.Index(list, stmt)
		if k < 0 {
			return false
		}
		// leaves reports whether ifs, in the list of statements path[at],
		// leaves the loop when the call succeeded: in its body under a
		// test of success, or in its else branch under a test of failure.
		leaves := func(ifs *ast.IfStmt, res map[types.Object]bool, at int) bool {
			between := path[at+1:]
			for j, n := range between {
				if n == loop {
					between = between[:j]
					break
				}
			}
			if r.succeeds(ifs.Cond, res) && leavesLoop(ifs.Body, between, loop, path) {
				return true
			}
			els, ok := ifs.Else.(*ast.BlockStmt)
			return ok && fails(info, ifs.Cond, res) && leavesLoop(els, between, loop, path)
		}
		if ifs, ok := stmt.(*ast.IfStmt); ok && ifs.Init != nil && holds(ifs.Init, path[0]) {
			return leaves(ifs, results(info, ifs.Init), i)
		}
		res := results(info, stmt)
		if len(res) == 0 || !holds(stmt, path[0]) {
			return false
		}
		for _, st := range list[k+1:] {
			if ifs, ok := st.(*ast.IfStmt); ok && ifs.Init == nil && leaves(ifs, res, i) {
				return true
			}
		}
		return afterBranch(info, path, i, list[k+1:], loop, res, leaves)
	}
	return false
}

// afterBranch reports whether the test of success comes after the if or
// switch whose branch holds the call (path[i] the branch's statements,
// rest those after the call's): each branch tries one way and assigns
// the same results, and the test after the switch leaves on the first
// that answers:
//
//	switch kind {
//	case "token":
//		user, err = byToken(ctx, tok)
//	case "basic":
//		user, err = byKey(ctx, key)
//	}
//	if err != nil {
//		return nil, err
//	}
//	if user != nil {
//		return user, nil
//	}
//
// Nothing after the call in its branches may set its results again, and
// the branches are not in another loop or a closure.
func afterBranch(info *types.Info, path []ast.Node, i int, rest []ast.Stmt, loop ast.Stmt,
	res map[types.Object]bool, leaves func(*ast.IfStmt, map[types.Object]bool, int) bool) bool {
	for {
		if assigns(info, rest, res) {
			return false
		}
		// The next list of statements out, through ifs and switches (a
		// switch's body lists its clauses, not statements).
		j := i + 1
		for ; j < len(path) && path[j] != loop; j++ {
			if _, ok := stmtList(path[j]); ok && !switchBody(path, j) {
				break
			}
			switch path[j].(type) {
			case *ast.IfStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.BlockStmt:
			default:
				return false
			}
		}
		if j >= len(path) || path[j] == loop {
			return false
		}
		list, _ := stmtList(path[j])
		stmt, _ := path[j-1].(ast.Stmt)
		k := slices.Index(list, stmt)
		if k < 0 {
			return false
		}
		for _, st := range list[k+1:] {
			if ifs, ok := st.(*ast.IfStmt); ok && ifs.Init == nil && leaves(ifs, res, j) {
				return true
			}
		}
		rest, i = list[k+1:], j
	}
}

// switchBody reports whether path[j] is the body of a switch.
func switchBody(path []ast.Node, j int) bool {
	if _, ok := path[j].(*ast.BlockStmt); !ok || j+1 >= len(path) {
		return false
	}
	switch path[j+1].(type) {
	case *ast.SwitchStmt, *ast.TypeSwitchStmt:
		return true
	}
	return false
}

// assigns reports whether the statements set one of the variables.
func assigns(info *types.Info, stmts []ast.Stmt, vars map[types.Object]bool) bool {
	found := false
	for _, st := range stmts {
		ast.Inspect(st, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, e := range n.Lhs {
					if id, ok := ast.Unparen(e).(*ast.Ident); ok && vars[info.ObjectOf(id)] {
						found = true
					}
				}
			case *ast.UnaryExpr:
				if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND && vars[info.ObjectOf(id)] {
					found = true
				}
			}
			return !found
		})
	}
	return found
}

// constantItem reports whether a call runs only for the items of a
// range loop equal to a constant, and reads nothing of the item:
//
//	for _, e := range params.Expand {
//		switch e {
//		case ExpandAddresses:
//			s.addresses(ctx, ids) // once, for the item that asks for it
//		}
//	}
//
// It runs once per item equal to the constant: a list of options, each
// given once, runs it once, however long the list. (A call that reads
// the item is the loop's own N+1, whatever the guard.) The item may be
// a pointer to the value tested (`for _, s := range kinds { if *s ==
// KindJira && team != nil { ... } }`, a list of a GraphQL enum's
// values), and the test one of the if's conditions joined by &&: the
// call still runs only for the items equal to the constant.
func constantItem(info *types.Info, path []ast.Node, loop ast.Stmt) bool {
	rs, ok := loop.(*ast.RangeStmt)
	if !ok {
		return false
	}
	// Over a map, a call only for the key equal to a constant runs at
	// most once, whatever it reads: keys do not repeat, and the value
	// is that one key's (for key, value := range metadata { switch key
	// { case "tag_id": getTag(value) } }).
	if _, isMap := under(info.TypeOf(rs.X)).(*types.Map); isMap {
		if id, ok := rs.Key.(*ast.Ident); ok && info.Defs[id] != nil && testedConst(info, path, loop, info.Defs[id]) {
			return true
		}
	}
	if rs.Value == nil {
		return false
	}
	id, ok := rs.Value.(*ast.Ident)
	if !ok || info.Defs[id] == nil {
		return false
	}
	item := info.Defs[id]
	if !testedConst(info, path, loop, item) {
		return false
	}
	reads := false
	ast.Inspect(path[0], func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == item {
			reads = true
		}
		return !reads
	})
	return !reads
}

// testedConst reports whether the call at path[0] runs only where item,
// a variable of the range loop, equals a constant: in a case of constants
// of a switch on it, or under an if one of whose && conditions compares
// it with one. A closure on the way may run at any time: no.
func testedConst(info *types.Info, path []ast.Node, loop ast.Stmt, item types.Object) bool {
	isConst := func(e ast.Expr) bool { tv, ok := info.Types[e]; return ok && tv.Value != nil }
	guarded := false
	for i := 1; i < len(path) && path[i] != loop; i++ {
		switch n := path[i].(type) {
		case *ast.FuncLit:
			return false // in a closure: when it runs is not known here
		case *ast.CaseClause:
			if i+2 < len(path) && len(n.List) > 0 && slices.IndexFunc(n.List, func(e ast.Expr) bool { return !isConst(e) }) < 0 {
				if sw, ok := path[i+2].(*ast.SwitchStmt); ok && sw.Tag != nil && identIs(info, derefed(info, sw.Tag), item) {
					guarded = true
				}
			}
		case *ast.IfStmt:
			if path[i-1] != n.Body {
				break
			}
			for _, c := range conjuncts(n.Cond) {
				if b, ok := ast.Unparen(c).(*ast.BinaryExpr); ok && b.Op == token.EQL &&
					(identIs(info, derefed(info, b.X), item) && isConst(b.Y) || identIs(info, derefed(info, b.Y), item) && isConst(b.X)) {
					guarded = true
				}
			}
		}
	}
	return guarded
}

// derefed is e without the conversions, type assertions and pointer
// indirections around it: s in *s, v in string(*v).
func derefed(info *types.Info, e ast.Expr) ast.Expr {
	for {
		e = unconverted(info, e)
		star, ok := e.(*ast.StarExpr)
		if !ok {
			return e
		}
		e = star.X
	}
}

// unconverted is e without the conversions and type assertions around
// it: processor in int(processor.(float64)).
func unconverted(info *types.Info, e ast.Expr) ast.Expr {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.TypeAssertExpr:
			e = x.X
			continue
		case *ast.CallExpr:
			if tv, ok := info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
				e = x.Args[0]
				continue
			}
		}
		return ast.Unparen(e)
	}
}

// holds reports whether n holds m.
func holds(n, m ast.Node) bool { return n.Pos() <= m.Pos() && m.End() <= n.End() }

// results are the variables an assignment or declaration of a call's
// results sets (p, err := find(...), var ids, err = list(...)).
func results(info *types.Info, s ast.Stmt) map[types.Object]bool {
	var names []ast.Expr
	switch s := s.(type) {
	case *ast.AssignStmt:
		names = s.Lhs
	case *ast.DeclStmt:
		if g, ok := s.Decl.(*ast.GenDecl); ok {
			for _, spec := range g.Specs {
				if vs, ok := spec.(*ast.ValueSpec); ok {
					for _, n := range vs.Names {
						names = append(names, n)
					}
				}
			}
		}
	}
	out := map[types.Object]bool{}
	for _, e := range names {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok && id.Name != "_" {
			if obj := info.ObjectOf(id); obj != nil {
				out[obj] = true
			}
		}
	}
	return out
}

// succeeds reports whether cond holds when a call whose results are res
// succeeded, and tests nothing else than its results' success (see
// firstSuccess).
func (r *resolver) succeeds(cond ast.Expr, res map[types.Object]bool) bool {
	info := r.pass.TypesInfo
	cond = ast.Unparen(cond)
	is := func(e ast.Expr) types.Object {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok && res[info.Uses[id]] {
			return info.Uses[id]
		}
		return nil
	}
	switch c := cond.(type) {
	case *ast.Ident: // found, ok
		obj := is(c)
		return obj != nil && types.Identical(obj.Type().Underlying(), types.Typ[types.Bool])
	case *ast.UnaryExpr:
		// !errors.Is(err, ErrConflict): holds on success, and on every
		// error but the one the loop goes on after.
		call, ok := ast.Unparen(c.X).(*ast.CallExpr)
		return ok && c.Op == token.NOT && len(call.Args) == 2 && errorsMatch(info, call) &&
			errorOf(info, call.Args[0], res) && !isNil(info, call.Args[1])
	case *ast.CallExpr:
		// empty(a.Errors()): a predicate of the package that holds on an
		// empty list of errors.
		return len(c.Args) == 1 && errorOf(info, c.Args[0], res) && r.emptiness(c)
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LAND:
			return r.succeeds(c.X, res) && r.succeeds(c.Y, res)
		case token.LOR:
			return r.succeeds(c.X, res) || r.succeeds(c.Y, res)
		case token.EQL: // err == nil, a.Err() == nil, len(a.Errors()) == 0
			for _, side := range [][2]ast.Expr{{c.X, c.Y}, {c.Y, c.X}} {
				if obj := is(side[0]); obj != nil && isNil(info, side[1]) {
					return isError(obj.Type())
				}
				if errorOf(info, side[0], res) && isNil(info, side[1]) {
					return true
				}
				if call, ok := ast.Unparen(side[0]).(*ast.CallExpr); ok && len(call.Args) == 1 &&
					isBuiltin(info, call, "len") && errorOf(info, call.Args[0], res) && isZero(info, side[1]) {
					return true
				}
			}
		case token.NEQ:
			// err != ErrConflict: a sentinel error, which a success is not;
			for _, side := range [][2]ast.Expr{{c.X, c.Y}, {c.Y, c.X}} {
				if errorOf(info, side[0], res) && sentinel(info, side[1]) {
					return true
				}
			}
			// p != nil
			for _, side := range [][2]ast.Expr{{c.X, c.Y}, {c.Y, c.X}} {
				if obj := is(side[0]); obj != nil && isNil(info, side[1]) {
					return !isError(obj.Type())
				}
			}
		case token.GTR, token.GEQ: // len(ids) > 0, len(ids) >= 1
			call, ok := ast.Unparen(c.X).(*ast.CallExpr)
			if !ok || len(call.Args) != 1 || is(call.Args[0]) == nil || !isLenOf(info, call, call.Args[0]) {
				return false
			}
			tv, ok := info.Types[c.Y]
			if !ok || tv.Value == nil {
				return false
			}
			n, ok := constant.Int64Val(constant.ToInt(tv.Value))
			return ok && (c.Op == token.GTR && n == 0 || c.Op == token.GEQ && n == 1)
		}
	}
	return false
}

// fails reports whether cond holds when a call whose results are res
// failed, and tests nothing else: err != nil, of an error result.
func fails(info *types.Info, cond ast.Expr, res map[types.Object]bool) bool {
	c, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || c.Op != token.NEQ {
		return false
	}
	for _, side := range [][2]ast.Expr{{c.X, c.Y}, {c.Y, c.X}} {
		if id, ok := ast.Unparen(side[0]).(*ast.Ident); ok && res[info.Uses[id]] && isNil(info, side[1]) {
			return isError(info.TypeOf(id))
		}
	}
	return false
}

// errorOf reports whether e is the errors a call's results (res) carry:
// an error or a list of errors that is a result, or is read from one
// through fields and methods without arguments (a.Err(), a.Errors()).
func errorOf(info *types.Info, e ast.Expr, res map[types.Object]bool) bool {
	t := info.TypeOf(e)
	if t == nil {
		return false
	}
	if s, ok := t.Underlying().(*types.Slice); ok {
		t = s.Elem()
	}
	if !isError(t) {
		return false
	}
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return res[info.Uses[x]]
		case *ast.SelectorExpr:
			e = x.X
		case *ast.CallExpr:
			if len(x.Args) > 0 {
				return false
			}
			e = x.Fun
		default:
			return false
		}
	}
}

// isBuiltin reports whether call calls the builtin function name.
func isBuiltin(info *types.Info, call *ast.CallExpr, name string) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}

// errorsMatch reports whether call is errors.Is or errors.As.
func errorsMatch(info *types.Info, call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	return ok && fn.Pkg() != nil && fn.Pkg().Path() == "errors" && (fn.Name() == "Is" || fn.Name() == "As")
}

// sentinel reports whether e is a package-level variable of type error
// (io.EOF, ErrConflict): a value no success returns.
func sentinel(info *types.Info, e ast.Expr) bool {
	var id *ast.Ident
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	default:
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	return ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() &&
		isError(v.Type())
}

// emptiness reports whether call calls a function of the package with
// one parameter that returns true only when it is empty: each of its
// returns is true or a comparison with nil or zero (x == nil,
// len(x) == 0, v.Len() == 0).
func (r *resolver) emptiness(call *ast.CallExpr) bool {
	info := r.pass.TypesInfo
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok {
		return false
	}
	decl := r.funcs[fn.Origin()]
	sig := fn.Signature()
	if decl == nil || decl.Body == nil || sig.Params().Len() != 1 || sig.Results().Len() != 1 ||
		!types.Identical(sig.Results().At(0).Type(), types.Typ[types.Bool]) {
		return false
	}
	rets := returnStmts(decl.Body)
	for _, rs := range rets {
		if len(rs.Results) != 1 {
			return false
		}
		res := ast.Unparen(rs.Results[0])
		if isTrue(info, res) {
			continue
		}
		b, ok := res.(*ast.BinaryExpr)
		if !ok || b.Op != token.EQL || !(isNil(info, b.X) || isNil(info, b.Y) || isZero(info, b.X) || isZero(info, b.Y)) {
			return false
		}
	}
	return len(rets) > 0
}

// returnStmts are the return statements of a function's body, not those
// of its closures.
func returnStmts(body *ast.BlockStmt) []*ast.ReturnStmt {
	var out []*ast.ReturnStmt
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			out = append(out, n)
		}
		return true
	})
	return out
}

// leavesLoop reports whether body, an if's body in the loop (between are
// the nodes from the if's block out to the loop), ends by leaving the
// loop: a return, a plain break no switch, select or loop between takes,
// or a break of the loop's label.
func leavesLoop(body *ast.BlockStmt, between []ast.Node, loop ast.Stmt, path []ast.Node) bool {
	if len(body.List) == 0 {
		return false
	}
	switch st := body.List[len(body.List)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		if st.Tok != token.BREAK {
			return false
		}
		if st.Label != nil {
			for i, n := range path {
				if n == loop && i+1 < len(path) {
					ls, ok := path[i+1].(*ast.LabeledStmt)
					return ok && ls.Label.Name == st.Label.Name
				}
			}
			return false
		}
		for _, n := range between {
			switch n.(type) {
			case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				return false
			}
		}
		return true
	}
	return false
}

// flagged reports whether a local set once lets the loop run a call at
// most once, or until the call answers: the call is in the body of an if
// whose condition (or one of its conjuncts, `&&`) tests a variable
// declared outside the loop for "not yet" (path is the chain of nodes
// enclosing the call, innermost first) —
//
//   - a flag that the body sets (`if !loaded { ...; loaded = true }`);
//   - a value the call's own results fill (`if cur == nil { cur, err =
//     open(...) }`, or len(ids) == 0): the call runs while it hands back
//     nothing, and never again once it answered, as a loop that leaves at
//     its first answer does (see firstSuccess).
//
// For example:
//
//	var diff Iterator
//	for _, p := range paths {
//		if p.Prefix && diff == nil {
//			diff, err = s.Diff(ctx, from, to) // once, at the first prefix
//			...
//		}
//		diff.SeekGE(p.Key)
//	}
//
// Nothing else in the loop may set the variable (a flag only to true):
// `cur = nil` later in the body opens it again for the next item. A
// variable declared in the loop's body is new for every item, and a call
// under the test whose results go elsewhere leaves it unset.
func flagged(info *types.Info, path []ast.Node, loop ast.Stmt) bool {
	for i := 1; i < len(path) && path[i] != loop; i++ {
		switch n := path[i].(type) {
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if n.Body != path[i-1] {
				continue // in the condition or the else branch
			}
			for _, c := range conjuncts(n.Cond) {
				v, flag := notYet(info, c, loop)
				if v == nil {
					continue
				}
				if flag && setsTrue(info, n.Body, v) || !flag && fills(info, path, i, v) {
					if !setElsewhere(info, loop, n, v, flag) {
						return true
					}
				}
			}
		}
	}
	return false
}

// deadBranch reports whether the call at path[0] is in the body of an if
// one of whose && conditions is a bool parameter its function never
// assigns (dryRun, or !dryRun), when a statement before that if, in its
// block or one around it, already left on the same condition:
//
//	if dryRun {
//		... // count what would be deleted
//		return result, nil
//	}
//	...
//	if dryRun && len(children) > 0 { // never true here
//		for _, c := range children {
//			s.deleteAccount(ctx, c, true)
//		}
//	}
func deadBranch(info *types.Info, path []ast.Node) bool {
	var fn ast.Node
	for _, n := range path {
		if _, ok := n.(*ast.FuncLit); ok {
			fn = n
			break
		}
		if _, ok := n.(*ast.FuncDecl); ok {
			fn = n
			break
		}
	}
	if fn == nil {
		return false
	}
	for i := 1; i < len(path) && path[i] != fn; i++ {
		ifs, ok := path[i].(*ast.IfStmt)
		if !ok || ifs.Body != path[i-1] {
			continue
		}
		for _, c := range conjuncts(ifs.Cond) {
			v, neg := boolParam(info, fn, c)
			if v == nil || assignsVar(info, fn, v) {
				continue
			}
			if leftOn(info, path[i:], fn, v, neg) {
				return true
			}
		}
	}
	return false
}

// boolParam is the bool parameter of fn that c is (neg false) or negates
// (neg true).
func boolParam(info *types.Info, fn ast.Node, c ast.Expr) (v *types.Var, neg bool) {
	c = ast.Unparen(c)
	if u, ok := c.(*ast.UnaryExpr); ok && u.Op == token.NOT {
		c, neg = ast.Unparen(u.X), true
	}
	id, ok := c.(*ast.Ident)
	if !ok {
		return nil, false
	}
	v, ok = info.Uses[id].(*types.Var)
	if !ok || !declaredIn(funcParams(fn), v) {
		return nil, false
	}
	if b, ok := v.Type().Underlying().(*types.Basic); !ok || b.Kind() != types.Bool {
		return nil, false
	}
	return v, neg
}

// funcParams are the parameters of fn, a declaration or a literal.
func funcParams(fn ast.Node) *ast.FieldList {
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		return fn.Type.Params
	case *ast.FuncLit:
		return fn.Type.Params
	}
	return nil
}

func declaredIn(l *ast.FieldList, v *types.Var) bool {
	return l != nil && l.Pos() <= v.Pos() && v.Pos() < l.End()
}

// leftOn reports whether a statement before path[0], in a block of path
// within fn, is `if v { ...; return }` (if !v, for neg) with no else.
func leftOn(info *types.Info, path []ast.Node, fn ast.Node, v *types.Var, neg bool) bool {
	for j := 1; j < len(path) && path[j] != fn; j++ {
		list, ok := stmtList(path[j])
		if !ok {
			continue
		}
		for _, st := range list {
			if st == path[j-1] {
				break
			}
			ifs, ok := st.(*ast.IfStmt)
			if !ok || ifs.Init != nil || ifs.Else != nil || !leaves(info, ifs.Body) {
				continue
			}
			if w, n := boolParam(info, fn, ifs.Cond); w == v && n == neg {
				return true
			}
		}
	}
	return false
}

// conjuncts are the operands of a chain of && (cond itself otherwise).
func conjuncts(cond ast.Expr) []ast.Expr {
	if b, ok := ast.Unparen(cond).(*ast.BinaryExpr); ok && b.Op == token.LAND {
		return append(conjuncts(b.X), conjuncts(b.Y)...)
	}
	return []ast.Expr{cond}
}

// notYet is the local variable, declared outside the loop, that c tests
// for "not yet": a bool for false (!done, flag set), a value for nil or
// an empty length.
func notYet(info *types.Info, c ast.Expr, loop ast.Stmt) (v *types.Var, flag bool) {
	x := emptied(info, c)
	if u, ok := ast.Unparen(c).(*ast.UnaryExpr); ok && u.Op == token.NOT {
		x, flag = u.X, true
	}
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return nil, false
	}
	v, ok = info.Uses[id].(*types.Var)
	if !ok || !outside(v, loop) {
		return nil, false
	}
	if b, ok := v.Type().Underlying().(*types.Basic); flag && (!ok || b.Kind() != types.Bool) {
		return nil, false
	}
	if !flag && types.Implements(v.Type(), errorType.Underlying().(*types.Interface)) {
		return nil, false // a nil error is a success, not a value still to fill
	}
	return v, flag
}

// setsTrue reports whether body, an if's, sets v to true in one of its
// own statements.
func setsTrue(info *types.Info, body *ast.BlockStmt, v *types.Var) bool {
	for _, st := range body.List {
		as, ok := st.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
			continue
		}
		for k, lhs := range as.Lhs {
			if identIs(info, lhs, v) && isTrue(info, as.Rhs[k]) {
				return true
			}
		}
	}
	return false
}

// fills reports whether the statement holding the call (path[0]), inside
// the if at path[at], assigns the call's results to v.
func fills(info *types.Info, path []ast.Node, at int, v *types.Var) bool {
	call, ok := path[0].(*ast.CallExpr)
	if !ok {
		return false
	}
	j := 1
	for j < at {
		if _, ok := path[j].(*ast.ParenExpr); !ok {
			break
		}
		j++
	}
	as, ok := path[j].(*ast.AssignStmt)
	if !ok || j >= at || as.Tok != token.ASSIGN {
		return false
	}
	for k, lhs := range as.Lhs {
		if !identIs(info, lhs, v) {
			continue
		}
		if len(as.Rhs) == 1 && ast.Unparen(as.Rhs[0]) == call || len(as.Rhs) == len(as.Lhs) && ast.Unparen(as.Rhs[k]) == call {
			return true
		}
	}
	return false
}

// setElsewhere reports whether the loop sets v other than in the body of
// ifs, the test that it is unset (a flag may be set to true anywhere), or
// takes its address. In that body, a statement of its own that unsets v
// (cur = nil, done = false: not a fill, not a flag set) sets it again for
// the next item; one under a test of its own (a failed fill cleared)
// tries again until an answer, which counts as once. A fill in the if's
// else branch does not unset it either.
func setElsewhere(info *types.Info, loop ast.Stmt, ifs *ast.IfStmt, v *types.Var, flag bool) bool {
	found := false
	ast.Inspect(loop, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for k, lhs := range n.Lhs {
				if !identIs(info, lhs, v) {
					continue
				}
				rhs := n.Rhs[0]
				if len(n.Rhs) == len(n.Lhs) {
					rhs = n.Rhs[k]
				}
				_, filled := ast.Unparen(rhs).(*ast.CallExpr)
				if holds(ifs.Body, n) {
					if !slices.Contains(ifs.Body.List, ast.Stmt(n)) || !flag && filled {
						continue
					}
				}
				if ifs.Else != nil && holds(ifs.Else, n) && !flag && filled {
					continue // the other branch fills it too (a short last chunk's statement)
				}
				if !flag || len(n.Lhs) != len(n.Rhs) || !isTrue(info, n.Rhs[k]) {
					found = true
				}
			}
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN && (identIs(info, n.Key, v) || identIs(info, n.Value, v)) {
				found = true
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && identIs(info, n.X, v) {
				found = true
			}
		}
		return !found
	})
	return found
}

// outside reports whether v, a variable of the function, is declared
// outside the loop: one declared in it is new for every item.
func outside(v *types.Var, loop ast.Stmt) bool {
	return v.Pkg() != nil && v.Parent() != v.Pkg().Scope() && (v.Pos() < loop.Pos() || v.Pos() >= loop.End())
}

func isTrue(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value)
}

// TakesWhole reports whether a call passes the loop's own range variable
// as a whole slice (for _, chunk := range chunks { ... ANY($1), chunk }),
// or the chunk a loop walking a list by chunks slices from its index
// (ids[i:end], see chunkLoop),
// directly or through what the body builds from it (see chunkVars): one
// statement per chunk, which is how an N+1 is fixed, not one. A query
// builder's chain counts with the call that sends it: in
// `db.In("id", ids).Find(&rows)` for each group ids of a map, the group
// goes whole into the statement Find sends, and so does a chain kept in a
// variable the body built from a chunk it slices (ids[i:end]).
func TakesWhole(info *types.Info, call *ast.CallExpr, l *Loop) bool {
	if len(l.whole) == 0 && l.index == nil && l.key == nil {
		return false
	}
	found := false
	visit := func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SliceExpr:
			if l.chunk(info, n) {
				found = true
			}
		case *ast.IndexExpr:
			if l.group(info, n.X) {
				return false // objects[t][0]: one member of the group
			}
			if l.group(info, n) {
				found = true
				return false
			}
			// rec[0] is one value of the element: a record's field
			// ([]string per row of a CSV), sent once per record.
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && l.whole[info.Uses[id]] {
				return false
			}
		case *ast.Ident:
			if l.whole[info.Uses[n]] {
				found = true
			}
		}
		return !found
	}
	for _, arg := range call.Args {
		ast.Inspect(arg, visit)
	}
	// In the chain only a chunk handed over as it is counts (In("id",
	// ids), ids[i:j]): a field or element of one (rule.V0, row[0]) is an
	// item's value in a Where, sent once per item.
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && !found {
		for c, ok := ast.Unparen(sel.X).(*ast.CallExpr); ok && !found; c, ok = chainNext(c) {
			for _, arg := range c.Args {
				e := ast.Unparen(arg)
				if p, ok := e.(*ast.CallExpr); ok && p.Ellipsis.IsValid() && len(p.Args) > 0 {
					// A chunk spread into a predicate (ent's
					// Where(user.IDIn(chunk...))) is handed over whole.
					e = ast.Unparen(p.Args[len(p.Args)-1])
				}
				if s, ok := e.(*ast.SliceExpr); ok {
					found = found || l.chunk(info, s)
					e = ast.Unparen(s.X)
				}
				found = found || l.group(info, e)
				if id, ok := e.(*ast.Ident); ok && l.whole[info.Uses[id]] {
					found = true
				}
			}
		}
		// A chain the body built from a chunk and kept in a local (qs
		// := o.QueryTable(t).Filter("id__in", ids[i:end]);
		// qs.All(&rows)) sends it too. In a range over groups, only a
		// chain whose method took the group: f := NewFace(cluster);
		// f.Create() is one row per group.
		root := sel.X
		for c, ok := ast.Unparen(root).(*ast.CallExpr); ok; c, ok = ast.Unparen(root).(*ast.CallExpr) {
			csel, isSel := ast.Unparen(c.Fun).(*ast.SelectorExpr)
			if !isSel {
				break
			}
			root = csel.X
		}
		if id, ok := ast.Unparen(root).(*ast.Ident); ok && l.whole[info.Uses[id]] && (l.index != nil || l.builtChain(info, info.Uses[id])) {
			found = true
		}
	}
	return found
}

// builtChain reports whether the loop's body sets v to a method chain
// one of whose calls takes the loop's element, or what it built from it,
// as an argument: a query builder holding the group.
func (l *Loop) builtChain(info *types.Info, v types.Object) bool {
	body := l.Body()
	if body == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if found || !ok || len(as.Lhs) != len(as.Rhs) {
			return !found
		}
		for i, lhs := range as.Lhs {
			if id, ok := ast.Unparen(lhs).(*ast.Ident); !ok || info.ObjectOf(id) != v {
				continue
			}
			for c, ok := ast.Unparen(as.Rhs[i]).(*ast.CallExpr); ok && !found; c, ok = chainNext(c) {
				sel, isSel := ast.Unparen(c.Fun).(*ast.SelectorExpr)
				if !isSel || info.Selections[sel] == nil {
					continue // a function's call: a value of the module made from the group
				}
				for _, arg := range c.Args {
					if id, ok := ast.Unparen(arg).(*ast.Ident); ok && l.whole[info.Uses[id]] {
						found = true
					}
				}
			}
		}
		return !found
	})
	return found
}

// groupVars adds to the loop's whole the variables its body declares
// as the group of the item (ids := objects[t], ids, ok := objects[t]).
func (l *Loop) groupVars(info *types.Info, body *ast.BlockStmt) {
	for _, st := range body.List {
		as, ok := st.(*ast.AssignStmt)
		if !ok || as.Tok != token.DEFINE || len(as.Rhs) != 1 || !l.group(info, as.Rhs[0]) {
			continue
		}
		if id, ok := as.Lhs[0].(*ast.Ident); ok && id.Name != "_" {
			if obj := info.ObjectOf(id); obj != nil {
				if l.whole == nil {
					l.whole = map[types.Object]bool{}
				}
				l.whole[obj] = true
			}
		}
	}
}

// chainNext is the call before c in a method chain (a.B(x).C(y): the
// call B before C), if c is called on one.
func chainNext(c *ast.CallExpr) (*ast.CallExpr, bool) {
	sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, false
	}
	prev, ok := ast.Unparen(sel.X).(*ast.CallExpr)
	return prev, ok
}

// chunkVars are the variables of a range loop's body that hold its
// element, when the element is a slice (a chunk of a list, as
// slices.Chunk or a helper returning [][]T makes them), or are built from
// it: the statement for a chunk is seldom sent with the chunk as its
// argument, but with a filter holding it (f := Filter{IDs: chunk}), an
// argument list filled from its items (args[i] = id, args = append(args,
// id) in a loop over the chunk), or a query builder written from them
// (ins = ins.Values(id), b.WriteString(...) with an argument from it).
// A call taking any of them sends the chunk, once per chunk.
//
// In a loop walking a list by chunks (see chunkLoop) the chunks are
// slices the body takes from the loop's index, which chunk reports: the
// variables holding them, or built from them, are whole.
//
// Only variables declared in the body, outside the loops nested in it,
// count: one declared before the loop outlives a chunk (a total, a list
// of every item) — unless the body sets a field of it to the chunk anew,
// a request reused for every chunk (req.IDs = ids[i:end]) — and one
// declared in a loop over the chunk's items
// holds an item. The items themselves are not the chunk: a call in a
// loop over them runs once per item, and a loop over groups that looks
// each member up is as nested as it reads.
func chunkVars(info *types.Info, body *ast.BlockStmt, vars []types.Object, chunk func(*ast.SliceExpr) bool) map[types.Object]bool {
	whole := map[types.Object]bool{}
	for _, v := range vars {
		if _, ok := v.Type().Underlying().(*types.Slice); ok && !isBytes(v.Type()) {
			whole[v] = true
		}
	}
	if len(whole) == 0 && chunk == nil {
		return nil
	}
	var inner []ast.Node // the loops nested in the body
	ast.Inspect(body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			inner = append(inner, n)
		}
		return true
	})
	local := func(e ast.Expr) *types.Var {
		for {
			switch x := ast.Unparen(e).(type) {
			case *ast.IndexExpr: // args[i] = id fills args
				e = x.X
				continue
			case *ast.StarExpr:
				e = x.X
				continue
			case *ast.Ident:
				v, ok := info.ObjectOf(x).(*types.Var)
				if !ok || v.IsField() || v.Pos() < body.Pos() || v.Pos() >= body.End() {
					return nil
				}
				for _, l := range inner {
					if l.Pos() <= v.Pos() && v.Pos() < l.End() {
						return nil // one per item of a loop in the body
					}
				}
				return v
			}
			return nil
		}
	}
	// request is the variable a field of which lhs is, when the
	// statement sets it to rhs anew: a request made once and reused for
	// every chunk (req.IDs = ids[i:end]; send(req)) holds the chunk of the
	// iteration, wherever it is declared. One gathering every chunk
	// (all.IDs = append(all.IDs, chunk...)) holds every item.
	request := func(lhs, rhs ast.Expr) *types.Var {
		sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		if f, ok := info.ObjectOf(sel.Sel).(*types.Var); !ok || !f.IsField() {
			return nil
		}
		if c, ok := ast.Unparen(rhs).(*ast.CallExpr); ok && len(c.Args) > 0 {
			if b, ok := info.Uses[identOf(c.Fun)].(*types.Builtin); ok && b.Name() == "append" {
				return nil
			}
		}
		e := ast.Unparen(sel.X)
		for {
			switch x := e.(type) {
			case *ast.SelectorExpr:
				e = ast.Unparen(x.X)
				continue
			case *ast.StarExpr:
				e = ast.Unparen(x.X)
				continue
			}
			break
		}
		id, ok := e.(*ast.Ident)
		if !ok {
			return nil
		}
		v, ok := info.ObjectOf(id).(*types.Var)
		if !ok || v.IsField() {
			return nil
		}
		for _, l := range inner {
			if l.Pos() <= v.Pos() && v.Pos() < l.End() {
				return nil // one per item of a loop in the body
			}
		}
		return v
	}
	items := map[types.Object]bool{} // the items of loops over the chunk
	uses := func(e ast.Node) bool {
		found := false
		ast.Inspect(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && (whole[info.Uses[id]] || items[info.Uses[id]]) {
				found = true
			}
			if s, ok := n.(*ast.SliceExpr); ok && chunk != nil && chunk(s) {
				found = true
			}
			return !found
		})
		return found
	}
	mark := func(set map[types.Object]bool, v *types.Var) bool {
		if v == nil || set[v] || whole[v] {
			return false
		}
		set[v] = true
		return true
	}
	from := func(es []ast.Expr) bool {
		for _, e := range es {
			if uses(e) {
				return true
			}
		}
		return false
	}
	// To a fixed point: a variable built from one built from the chunk
	// is built from the chunk.
	for changed := true; changed; {
		changed = false
		written := func(es ...ast.Expr) {
			for _, e := range es {
				changed = mark(whole, local(e)) || changed
			}
		}
		ast.Inspect(body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false // runs when called, not here
			case *ast.AssignStmt:
				if from(n.Rhs) {
					written(n.Lhs...)
				}
				if n.Tok == token.ASSIGN && len(n.Lhs) == len(n.Rhs) {
					for i, lhs := range n.Lhs {
						if v := request(lhs, n.Rhs[i]); v != nil && from(n.Rhs[i:i+1]) {
							changed = mark(whole, v) || changed
						}
					}
				}
			case *ast.ValueSpec:
				if from(n.Values) {
					for _, name := range n.Names {
						written(name)
					}
				}
			case *ast.RangeStmt:
				if uses(n.X) {
					for _, e := range []ast.Expr{n.Key, n.Value} {
						if id, ok := e.(*ast.Ident); ok {
							v, _ := info.ObjectOf(id).(*types.Var)
							changed = mark(items, v) || changed
						}
					}
				}
			case *ast.CallExpr:
				// b.WriteString(x), q.Add(x): a method writing x into the
				// variable it is called on.
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && info.Selections[sel] != nil && from(n.Args) {
					written(sel.X)
				}
			}
			return true
		})
	}
	return whole
}

func isBytes(t types.Type) bool {
	s, ok := t.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	b, ok := s.Elem().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Byte
}

// fillsCache matches `if x == nil { ...; x = ... }` (or len(x) == 0), x
// a field or a package-level variable: the body fills x, once, and later
// calls find it filled. A local variable lives as long as a call, and
// `if err == nil { ...; err = ... }` goes on while nothing failed: an
// error is no cache.
func fillsCache(info *types.Info, s *ast.IfStmt) bool {
	v := filled(info, s)
	return v != nil && (v.IsField() || v.Parent() == v.Pkg().Scope()) &&
		!isError(v.Type())
}

// filled is the variable an if statement fills when it is empty, nil when
// it is no such statement: `if x == nil { ...; x = ... }` (or len(x) ==
// 0), the body assigning x itself (not declaring one of its own).
func filled(info *types.Info, s *ast.IfStmt) *types.Var {
	x := emptied(info, s.Cond)
	v := varOf(info, x)
	if v == nil || v.Pkg() == nil {
		return nil
	}
	want := types.ExprString(ast.Unparen(x))
	found := false
	ast.Inspect(s.Body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && as.Tok == token.ASSIGN {
			for _, lhs := range as.Lhs {
				if varOf(info, lhs) == v && types.ExprString(ast.Unparen(lhs)) == want {
					found = true
				}
			}
		}
		_, lit := n.(*ast.FuncLit)
		return !found && !lit
	})
	if !found {
		return nil
	}
	return v
}

// emptied is what cond tests for emptiness: x of `x == nil`, `nil ==
// x` or `len(x) == 0`; nil for other conditions.
func emptied(info *types.Info, cond ast.Expr) ast.Expr {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.EQL {
		return nil
	}
	switch {
	case isNil(info, b.Y):
		return b.X
	case isNil(info, b.X):
		return b.Y
	case isZero(info, b.Y):
		if call, ok := ast.Unparen(b.X).(*ast.CallExpr); ok && len(call.Args) == 1 {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && id.Name == "len" {
				return call.Args[0]
			}
		}
	case emptyString(info, b.Y):
		return b.X // if config.RootUserEmail == "" { config.RootUserEmail = lookup() }
	case emptyString(info, b.X):
		return b.Y
	}
	return nil
}

// emptyString reports whether e is the constant "".
func emptyString(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.String && constant.StringVal(tv.Value) == ""
}

// varOf is the variable an identifier or a selector denotes, nil for
// other expressions.
func varOf(info *types.Info, x ast.Expr) *types.Var {
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		v, _ := info.Uses[x].(*types.Var)
		return v
	case *ast.SelectorExpr:
		v, _ := info.Uses[x.Sel].(*types.Var)
		return v
	}
	return nil
}

func isNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}

func isZero(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil {
		return false
	}
	n, ok := constant.Int64Val(constant.ToInt(tv.Value))
	return ok && n == 0
}

// onceDo reports whether the closure at c is the function given to a
// sync.Once's Do: it runs at most once, ever.
func (a *analyzer) onceDo(c inspector.Cursor) bool {
	for c.ParentEdgeKind() == astedge.ParenExpr_X {
		c = c.Parent()
	}
	if c.ParentEdgeKind() != astedge.CallExpr_Args {
		return false
	}
	fn, ok := typeutil.Callee(a.pass.TypesInfo, c.Parent().Node().(*ast.CallExpr)).(*types.Func)
	return ok && IsOnceDo(fn)
}

// IsOnceDo reports whether fn is sync.Once's Do.
func IsOnceDo(fn *types.Func) bool {
	return fn.Pkg() != nil && fn.Pkg().Path() == "sync" && fn.Name() == "Do" &&
		strings.HasSuffix(fn.FullName(), "sync.Once).Do")
}

// stmtList is the list of statements n holds, if n is a block or a case
// of a switch or select.
func stmtList(n ast.Node) ([]ast.Stmt, bool) {
	switch n := n.(type) {
	case *ast.BlockStmt:
		return n.List, true
	case *ast.CaseClause:
		return n.Body, true
	case *ast.CommClause:
		return n.Body, true
	}
	return nil, false
}
