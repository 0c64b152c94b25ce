package program

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/sqlheat/sqlheat/passes/queries"
)

// Code often asks of an interface what no implementation in the module
// answers otherwise than with a constant:
//
//	for idx := range resources {
//		p, _ := factory.Provider(resources[idx].Type)
//		if len(p.TemplateParams()) > 0 { // every implementation: return nil
//			validateTemplates(ctx, p, resources[idx]) // a query per template
//		}
//		...
//
//	uids, err := groups.ListUsers(ctx, group) // the one implementation: return nil, nil
//	if uids == nil {
//		continue
//	}
//	users, err := principals.FindManyByUID(ctx, uids)
//
// The guarded code never runs: the call graph followed it all the same,
// and a loop "ran" a query no item of it can. A function always returns
// constant c for one of its results when every return statement returns
// it (nil, a constant, an empty slice or map literal, or what a call
// that always returns a constant returns); a call does when its callee
// does, and a call through an interface or a func value when every
// callee the call graph gives it, in the module, does (none, or one
// outside the module: unknown). A branch a condition over such results
// decides against (len(x) > 0, x != nil, x == nil before a continue, an
// ok that is false, a range over nil) does not run: the calls in it are
// Call.Never, and run nothing for the function (perCall). The query sites
// among them stay query sites; what changes is what a loop or a route
// reaches through them. The driver counts the loops' findings this
// leaves out.

// maxReturnDepth bounds how many calls a constant result is followed
// through (a wrapper returning a stub's result).
const maxReturnDepth = 3

// retKey is a function's result, by index, followed through depth calls
// at most.
type retKey struct {
	fn         *ssa.Function
	idx, depth int
}

// retConst is what returnsConst found for a result.
type retConst struct {
	c    constArg
	ok   bool
	busy bool // being computed: a recursion answers no constant
}

// neverRun marks the calls of every module function that sit in blocks
// no execution reaches, given the constant results of the calls it makes
// (see above). Only functions making such a call are looked at: other
// dead code (if debug {...} on a constant) is go/ssa's and the author's.
func (b *builder) neverRun() {
	params := b.constParams()
	for _, f := range b.p.list {
		fn := b.ssaOf(f)
		if fn == nil || len(fn.Blocks) == 0 || params[fn] == nil && !b.asksConst(fn) {
			continue
		}
		live := b.liveBlocks(fn, params[fn])
		for _, c := range f.Calls {
			if c.block >= 0 && int(c.block) < len(live) && !live[c.block] {
				c.Never = true
				b.p.Stats.Never++
			}
		}
	}
}

// asksConst reports whether fn makes a call with a result that is always
// one constant.
func (b *builder) asksConst(fn *ssa.Function) bool {
	for _, blk := range fn.Blocks {
		for _, instr := range blk.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			n := 1
			if t, ok := call.Type().(*types.Tuple); ok {
				n = t.Len()
			}
			for i := 0; i < n; i++ {
				if _, ok := b.callResult(call, i, maxReturnDepth); ok {
					return true
				}
			}
		}
	}
	return false
}

// callResult is the constant result idx of call always is, when it is
// one: its callees' (see above).
func (b *builder) callResult(call *ssa.Call, idx, depth int) (constArg, bool) {
	if depth < 0 {
		return constArg{}, false
	}
	cc := call.Common()
	if _, builtin := cc.Value.(*ssa.Builtin); builtin {
		return constArg{}, false
	}
	var callees []*ssa.Function
	if static := cc.StaticCallee(); static != nil {
		if b.funcs[static] == nil {
			return constArg{}, false // outside the module
		}
		callees = []*ssa.Function{static}
	} else {
		c := b.calls[call]
		if c == nil || len(c.Callees) == 0 || b.outside[call] || c.Callback {
			return constArg{}, false // nothing known in the module, or more than the module
		}
		for _, g := range c.Callees {
			callees = append(callees, b.ssaOf(g))
		}
	}
	var out constArg
	for i, g := range callees {
		r, ok := b.returnsConst(g, idx, depth)
		if !ok || i > 0 && !sameConst(out, r) {
			return constArg{}, false
		}
		out = r
	}
	return out, len(callees) > 0
}

// returnsConst is the constant every return of fn returns as result idx.
func (b *builder) returnsConst(fn *ssa.Function, idx, depth int) (constArg, bool) {
	if fn == nil || len(fn.Blocks) == 0 {
		return constArg{}, false
	}
	k := retKey{fn, idx, depth}
	if r, ok := b.rets[k]; ok {
		return r.c, r.ok && !r.busy
	}
	if b.rets == nil {
		b.rets = map[retKey]*retConst{}
	}
	r := &retConst{busy: true}
	b.rets[k] = r
	var out constArg
	n := 0
	ok := true
	for _, blk := range fn.Blocks {
		ret, isRet := blk.Instrs[len(blk.Instrs)-1].(*ssa.Return)
		if !isRet || idx >= len(ret.Results) {
			continue
		}
		c, known := b.staticConst(ret.Results[idx], depth, map[ssa.Value]bool{})
		if !known || n > 0 && !sameConst(out, c) {
			ok = false
			break
		}
		out = c
		n++
	}
	r.c, r.ok, r.busy = out, ok && n > 0, false
	return r.c, r.ok
}

// staticConst is the constant v always is, in any execution: a constant,
// an empty literal, a phi of one constant, or a call's constant result.
func (b *builder) staticConst(v ssa.Value, depth int, seen map[ssa.Value]bool) (constArg, bool) {
	if seen[v] {
		return constArg{}, false
	}
	seen[v] = true
	switch v := v.(type) {
	case *ssa.Const:
		return constOfSSA(v)
	case *ssa.Phi:
		var out constArg
		for i, e := range v.Edges {
			c, ok := b.staticConst(e, depth, seen)
			if !ok || i > 0 && !sameConst(out, c) {
				return constArg{}, false
			}
			out = c
		}
		return out, len(v.Edges) > 0
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok {
			return b.callResult(call, v.Index, depth-1)
		}
	case *ssa.Call:
		return b.callResult(v, 0, depth-1)
	default:
		if emptyLit(v) {
			return constArg{set: true, empty: true}, true
		}
	}
	return constArg{}, false
}

// constOfSSA is what an SSA constant is: nil, a value; the zero value of
// a struct or an array is none we compare.
func constOfSSA(k *ssa.Const) (constArg, bool) {
	switch {
	case k.Value != nil:
		return constArg{set: true, val: k.Value}, true
	case k.IsNil():
		return constArg{set: true, isNil: true}, true
	}
	return constArg{}, false
}

// emptyLit reports whether v is an empty slice or map literal, returned
// as it was made: []T{} (a slice of a zero-length array), or a map made
// and only returned.
func emptyLit(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.Slice:
		if a, ok := v.X.(*ssa.Alloc); ok {
			if arr, ok := types.Unalias(a.Type()).(*types.Pointer); ok {
				if at, ok := arr.Elem().Underlying().(*types.Array); ok && at.Len() == 0 {
					return true
				}
			}
		}
	case *ssa.MakeMap:
		for _, r := range *v.Referrers() {
			switch r.(type) {
			case *ssa.Return, *ssa.DebugRef:
			default:
				return false // filled, or handed on
			}
		}
		return true
	}
	return false
}

// sameConst reports whether a and b are one constant.
func sameConst(a, b constArg) bool {
	switch {
	case a.isNil || b.isNil:
		return a.isNil == b.isNil
	case a.empty || b.empty:
		return a.empty == b.empty
	case a.val == nil || b.val == nil:
		return false
	}
	return comparable(a.val.Kind(), b.val.Kind()) && constant.Compare(a.val, token.EQL, b.val)
}

// A value as the walk over a function's blocks knows it: not yet seen
// (top), one constant, or any (over).
type lattice struct {
	state uint8 // latTop, latConst, latOver
	c     constArg
}

const (
	latTop = iota
	latConst
	latOver
)

var over = lattice{state: latOver}

// liveBlocks says, by index, which blocks of fn some execution reaches,
// when the conditions over constant results are decided by them: a
// sparse conditional constant propagation (Wegman and Zadeck) over the
// few instructions that matter here — constants, phis, calls' constant
// results, len, comparisons, integer arithmetic for the index of a
// range, negation; anything else is any value.
func (b *builder) liveBlocks(fn *ssa.Function, params map[ssa.Value]constArg) []bool {
	live := make([]bool, len(fn.Blocks))
	edges := map[[2]int]bool{}
	vals := map[ssa.Value]lattice{}
	get := func(v ssa.Value) lattice {
		if k, ok := v.(*ssa.Const); ok {
			if c, ok := constOfSSA(k); ok {
				return lattice{state: latConst, c: c}
			}
			return over
		}
		if p, ok := v.(*ssa.Parameter); ok {
			if c, ok := params[p]; ok {
				return lattice{state: latConst, c: c}
			}
		}
		if l, ok := vals[v]; ok {
			return l
		}
		if _, ok := v.(ssa.Instruction); ok {
			return lattice{} // defined in a block not reached yet
		}
		return over // a parameter, a free variable, a global, a function
	}
	live[0] = true
	if fn.Recover != nil {
		live[fn.Recover.Index] = true // reached by a panic, not an edge
	}
	for changed := true; changed; {
		changed = false
		follow := func(from, to *ssa.BasicBlock) {
			e := [2]int{from.Index, to.Index}
			if !edges[e] {
				edges[e] = true
				changed = true
			}
			if !live[to.Index] {
				live[to.Index] = true
				changed = true
			}
		}
		for _, blk := range fn.Blocks {
			if !live[blk.Index] {
				continue
			}
			for _, instr := range blk.Instrs {
				v, ok := instr.(ssa.Value)
				if !ok {
					continue
				}
				nv := b.evalSSA(v, get, edges)
				if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
					// *fv: a closure reads the variable it captured.
					if c, ok := params[u.X]; ok {
						nv = lattice{state: latConst, c: c}
					}
				}
				if old := vals[v]; nv.state > old.state || nv.state == latConst && old.state == latConst && !sameConst(nv.c, old.c) {
					if nv.state == latConst && old.state == latConst {
						nv = over
					}
					vals[v] = nv
					changed = true
				}
			}
			switch t := blk.Instrs[len(blk.Instrs)-1].(type) {
			case *ssa.If:
				switch c := get(t.Cond); {
				case c.state == latConst && c.c.val != nil && c.c.val.Kind() == constant.Bool:
					if constant.BoolVal(c.c.val) {
						follow(blk, blk.Succs[0])
					} else {
						follow(blk, blk.Succs[1])
					}
				case c.state != latTop:
					follow(blk, blk.Succs[0])
					follow(blk, blk.Succs[1])
				}
			case *ssa.Jump:
				follow(blk, blk.Succs[0])
			}
		}
	}
	return live
}

// evalSSA is v's value given its operands' (get) and the edges found
// taken.
func (b *builder) evalSSA(v ssa.Value, get func(ssa.Value) lattice, edges map[[2]int]bool) lattice {
	switch v := v.(type) {
	case *ssa.Phi:
		out := lattice{}
		for i, e := range v.Edges {
			if !edges[[2]int{v.Block().Preds[i].Index, v.Block().Index}] {
				continue // not taken (yet)
			}
			l := get(e)
			switch {
			case l.state == latTop:
			case l.state == latOver:
				return over
			case out.state == latTop:
				out = l
			case !sameConst(out.c, l.c):
				return over
			}
		}
		return out
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok {
			if c, ok := b.callResult(call, v.Index, maxReturnDepth); ok {
				return lattice{state: latConst, c: c}
			}
		}
	case *ssa.Call:
		if bi, ok := v.Call.Value.(*ssa.Builtin); ok {
			if bi.Name() != "len" || len(v.Call.Args) != 1 {
				return over
			}
			x := get(v.Call.Args[0])
			switch {
			case x.state != latConst:
				return x
			case x.c.isNil || x.c.empty:
				return lattice{state: latConst, c: constArg{set: true, val: constant.MakeInt64(0)}}
			case x.c.val != nil && x.c.val.Kind() == constant.String:
				return lattice{state: latConst, c: constArg{set: true, val: constant.MakeInt64(int64(len(constant.StringVal(x.c.val))))}}
			}
			return over
		}
		if c, ok := b.callResult(v, 0, maxReturnDepth); ok {
			return lattice{state: latConst, c: c}
		}
	case *ssa.UnOp:
		if v.Op != token.NOT {
			return over
		}
		x := get(v.X)
		if x.state != latConst {
			return x
		}
		if x.c.val != nil && x.c.val.Kind() == constant.Bool {
			return lattice{state: latConst, c: constArg{set: true, val: constant.MakeBool(!constant.BoolVal(x.c.val))}}
		}
	case *ssa.BinOp:
		x, y := get(v.X), get(v.Y)
		if x.state == latOver || y.state == latOver {
			return over
		}
		if x.state == latTop || y.state == latTop {
			return lattice{}
		}
		if r, ok := binConst(v.Op, x.c, y.c); ok {
			return lattice{state: latConst, c: r}
		}
	default:
		if emptyLit(v) {
			return lattice{state: latConst, c: constArg{set: true, empty: true}}
		}
	}
	return over
}

// binConst is x op y for the constants a guard compares, and the integer
// arithmetic of a range's index.
func binConst(op token.Token, x, y constArg) (constArg, bool) {
	boolean := func(v bool) (constArg, bool) { return constArg{set: true, val: constant.MakeBool(v)}, true }
	switch op {
	case token.EQL, token.NEQ:
		var eq bool
		switch {
		case x.isNil && y.isNil:
			eq = true
		case x.isNil || y.isNil:
			eq = false // an empty literal or a constant is no nil
		case x.val != nil && y.val != nil && comparable(x.val.Kind(), y.val.Kind()):
			eq = constant.Compare(x.val, token.EQL, y.val)
		default:
			return constArg{}, false
		}
		return boolean(eq == (op == token.EQL))
	case token.LSS, token.LEQ, token.GTR, token.GEQ:
		if x.val != nil && y.val != nil && comparable(x.val.Kind(), y.val.Kind()) && x.val.Kind() != constant.Bool {
			return boolean(constant.Compare(x.val, op, y.val))
		}
	case token.ADD, token.SUB:
		if x.val != nil && y.val != nil && x.val.Kind() == constant.Int && y.val.Kind() == constant.Int {
			return constArg{set: true, val: constant.BinaryOp(x.val, op, y.val)}, true
		}
	}
	return constArg{}, false
}

// NeverRuns reports whether call c of f, which runs no query (Reach), runs
// some only through calls in branches that never run (Call.Never): c
// itself is one, or its callees would run some through one and run none
// without (where they run none for another reason — the types or
// constants a call passes — it is not this rule's).
func (p *Program) NeverRuns(f *Func, c *Call) bool {
	if p.Stats.Never == 0 {
		return false
	}
	if c.Never {
		return c.Site != nil || p.sitesBelow(c.Callees, true)
	}
	return !p.sitesBelow(c.Callees, false) && p.sitesBelow(c.Callees, true)
}

// sitesBelow reports whether the functions fs, or those they call on
// each call of theirs, run a query; the calls in branches that never run
// are followed too when never.
func (p *Program) sitesBelow(fs []*Func, never bool) bool {
	seen := map[*Func]bool{}
	work := append([]*Func(nil), fs...)
	for len(work) > 0 {
		g := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[g] {
			continue
		}
		seen[g] = true
		for _, c := range g.Calls {
			if c.Async || queries.Unbounded(c.Loops) || c.Never && !never {
				continue
			}
			if c.Site != nil {
				return true
			}
			work = append(work, c.Callees...)
		}
	}
	return false
}

// A function often takes a flag that every caller passes the same:
//
//	func ownerDelete(ownerHex string, deleteDomains bool) error {
//		if len(domains) > 0 {
//			if !deleteDomains {
//				return errCannotDeleteOwnerWithDomains
//			}
//			for _, d := range domains {
//				domainDelete(d) // a request's N+1, had any caller passed true
//			}
//		}
//	ownerDelete(o.OwnerHex, false) // its one call
//
// A parameter is constant c when the function can be called in no way
// the graph does not see — a function of the module, unexported or in a
// main package, or an unexported method no interface call of the module
// names, that no code takes as a value (a handler handed to a router, a
// func in a table or a field, a method value) — and every
// call of it in the program (tests are not the program) passes c there:
// a constant, nil, or nothing else. Its branches are then decided as the
// constant results of calls are (see above). Tests calling it with other
// values test code the service does not run.

// constParams are, for each module function taking one, its parameters
// every call passes one constant (see above).
func (b *builder) constParams() map[*ssa.Function]map[ssa.Value]constArg {
	valued, invoked := b.valueRefs()
	out := map[*ssa.Function]map[ssa.Value]constArg{}
	for fn, calls := range b.staticCallers() {
		if fn.Parent() != nil || fn.Synthetic != "" || len(fn.Params) == 0 || fn.Pkg == nil {
			continue
		}
		obj, ok := fn.Object().(*types.Func)
		if !ok || valued[obj.Origin()] {
			continue
		}
		first := 0
		if fn.Signature.Recv() != nil {
			// A method: one no interface call of the module names (code
			// outside calls exported ones), the receiver no flag.
			if obj.Exported() || invoked[obj.Name()] {
				continue
			}
			first = 1
		} else if obj.Exported() && fn.Pkg.Pkg.Name() != "main" {
			continue // another module may call it
		}
		for i, p := range fn.Params[first:] {
			i += first
			var c constArg
			for j, call := range calls {
				k, ok := call.Args[i].(*ssa.Const)
				if !ok {
					c.set = false
					break
				}
				kc, ok := constOfSSA(k)
				if !ok || j > 0 && !sameConst(c, kc) {
					c.set = false
					break
				}
				c = kc
			}
			if c.set {
				if out[fn] == nil {
					out[fn] = map[ssa.Value]constArg{}
				}
				out[fn][p] = c
			}
		}
	}
	b.constFreeVars(out)
	return out
}

// constFreeVars adds to consts the free variables of the module's
// closures that hold one constant whatever closure of the function
// reads them: a variable of the function making it (go/ssa captures by
// address) written once, with a constant or a parameter every call
// passes one, and never again, nor handed on but to closures; or a free
// variable of its maker's that is one. A flag its callers all pass the
// same reaches the closure a transaction helper runs:
//
//	func del(ids []string, keep bool) error { return runTx(func(tx *sql.Tx) error {
//		for _, id := range ids { if keep { continue }; tx.Exec(...) } ... })}
//
// The constant is the value the closure loads (*fv), see liveBlocks.
func (b *builder) constFreeVars(consts map[*ssa.Function]map[ssa.Value]constArg) {
	made := map[*ssa.Function][]*ssa.MakeClosure{}
	for instr := range b.instrs() {
		if mc, ok := instr.(*ssa.MakeClosure); ok {
			g := mc.Fn.(*ssa.Function)
			made[g] = append(made[g], mc)
		}
	}
	// A closure within a closure binds what its maker's free variables
	// are: go on while something is learned.
	for changed := true; changed; {
		changed = false
		for g, mcs := range made {
			for i, fv := range g.FreeVars {
				if _, done := consts[g][fv]; done {
					continue
				}
				var c constArg
				for j, mc := range mcs {
					var kc constArg
					switch x := mc.Bindings[i].(type) {
					case *ssa.Alloc:
						kc = onceStored(x, consts[mc.Parent()])
					case *ssa.FreeVar:
						kc = consts[mc.Parent()][x]
					}
					if !kc.set || !loadedOnly(fv) || j > 0 && !sameConst(c, kc) {
						c.set = false
						break
					}
					c = kc
				}
				if c.set {
					if consts[g] == nil {
						consts[g] = map[ssa.Value]constArg{}
					}
					consts[g][fv] = c
					changed = true
				}
			}
		}
	}
}

// onceStored is the constant a captured variable holds: the one store to
// it is of a constant or of a parameter consts has, made where it is
// declared before any closure takes it (not after a zero value some
// closure may have read), and nothing else but loads and closures uses
// its address.
func onceStored(a *ssa.Alloc, consts map[ssa.Value]constArg) constArg {
	var c constArg
	stores := 0
	index := func(instr ssa.Instruction) int { return slices.Index(a.Block().Instrs, instr) }
	for _, r := range *a.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != a || r.Block() != a.Block() {
				return constArg{} // its address stored elsewhere, or a later write
			}
			for _, m := range *a.Referrers() {
				if mc, ok := m.(*ssa.MakeClosure); ok && mc.Block() == a.Block() && index(mc) < index(r) {
					return constArg{}
				}
			}
			stores++
			switch v := r.Val.(type) {
			case *ssa.Const:
				c, _ = constOfSSA(v)
			case *ssa.Parameter:
				c = consts[v]
			default:
				return constArg{}
			}
		case *ssa.UnOp, *ssa.MakeClosure, *ssa.DebugRef:
		default:
			return constArg{}
		}
	}
	if stores != 1 {
		return constArg{}
	}
	return c
}

// loadedOnly reports whether a closure only loads its free variable fv, or
// hands it to closures of its own.
func loadedOnly(fv *ssa.FreeVar) bool {
	for _, r := range *fv.Referrers() {
		switch r := r.(type) {
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return false
			}
		case *ssa.MakeClosure, *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// valueRefs are the functions and methods some module code refers to
// other than by calling them — taken as a value (a method value or
// expression through its wrapper), and so callable where the graph may
// not see — and the names of the methods module code calls through an
// interface.
func (b *builder) valueRefs() (valued map[*types.Func]bool, invoked map[string]bool) {
	valued, invoked = map[*types.Func]bool{}, map[string]bool{}
	var ops []*ssa.Value
	for instr := range b.instrs() {
		var callee *ssa.Value
		if ci, ok := instr.(ssa.CallInstruction); ok {
			if ci.Common().IsInvoke() {
				invoked[ci.Common().Method.Name()] = true
			} else {
				callee = &ci.Common().Value
			}
		}
		ops = instr.Operands(ops[:0])
		for _, op := range ops {
			if g, ok := (*op).(*ssa.Function); ok && op != callee {
				if obj, ok := g.Object().(*types.Func); ok {
					valued[obj.Origin()] = true
				}
			}
		}
	}
	return valued, invoked
}
