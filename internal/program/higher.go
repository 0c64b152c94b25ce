package program

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/sqlheat/sqlheat/passes/queries"
)

// Functions that call a function they are given — a transaction helper
// running its body, a retry wrapper, an each(items, fn) — are where a
// context-insensitive call graph loses most: every function any caller
// hands the helper flows into its parameter, so the helper's call of it
// reaches all of them, and every caller of the helper seems to run every
// other caller's body. Where the graph can see every caller, it does
// better: the call of the parameter is cut, and each caller gets an edge
// to the function it hands over, repeated by the loops around its own call
// and around the helper's call of the parameter.
//
// The helper is often a method behind an interface, one implementation
// per way of running it: dendrite sends every write through
// Writer.Do(db, txn, func(txn *sql.Tx) error {...}), whose ExclusiveWriter
// hands the function to its goroutine over a channel and whose
// DummyWriter calls it in place. Its callers are then the calls of the
// interface's method that dispatch to it, and the call of the parameter
// may be a call of a struct field the function was sent over a channel in
// (see carried). Left to the call graph, each of 138 closures handed to
// Writer.Do reached every caller of it: a key database's write ran
// another component's queries.
//
// A caller the rewiring cannot follow (it hands over a function kept in
// a field, or a parameter of a function that does not qualify) no longer
// spoils the others: it alone gets what the graph gave the helper's call
// of the parameter, every function any caller hands it, as one dynamic
// call, while each other caller runs its own (stash: one caption helper
// handing txn.WithTxn a local kept every route reading in a transaction
// "running" all 1,800 statements of every transaction body; the routes'
// query lists fell from 8,736 entries to 1,048).
//
// The helper may also take a list of functions, run.Parallel(ctx, fnA,
// fnB) or Sequentially(fns ...func() error), and call each: vta keeps one
// element per slice type, so every function any caller of any such helper
// listed reached every caller (a route "ran" 39 queries, migrations
// among them). The list's calls are rewired the same way when each caller
// spells the list itself (the variadic arguments, or []func(){...}...):
// each reaches the functions it lists, once each — a range over the list
// is a range over functions, not per item (queries.LoopFuncs).
//
// The function may also come in a func field of a struct the caller
// makes for the call, a generic handler's config (paramFieldCalls): each
// such field of a pointer parameter is rewired as a parameter of its own
// (paramCall.fld), its callers handing what their literal holds. What
// else may reach the struct (a callee setting the field, a struct kept
// or its field set twice) leaves that caller opaque, or the field the
// graph's.

// paramCall is a call, in fn or below it, of fn's parameter index: chain
// are the calls from fn down to it (the call of the parameter last).
type paramCall struct {
	index int
	chain []token.Pos
	call  *Call         // the call of the parameter itself; nil for a hand-off outside the module
	owner *ssa.Function // whose parameter call is called: fn, or a function fn forwards it to
	of    int           // the index of that parameter of owner's
	once  bool          // handed to sync.Once's Do: runs once, whatever the loops
	// fld is 1 + the field, of the struct the parameter points to, whose
	// function is called (see paramFieldCalls); 0 for the parameter itself.
	fld int
}

// slot is a function's parameter, by index: each is rewired on its own
// (a retry helper's options may be built by calls, its body a closure).
type slot struct {
	fn  *ssa.Function
	i   int
	fld int // see paramCall.fld
}

// higherOrder rewires the calls of functions' own func-typed parameters
// (see above) where every caller of the function (a direct call, or a
// call of an interface's method dispatching to it) passes a function (or,
// further up, its own such parameter).
func (b *builder) higherOrder(u *uses) {
	if !b.callsValues() {
		return
	}
	callers, outgoing, taken := u.callers, u.outgoing, u.taken
	b.carriers = b.carriedFields()
	// The parameter calls of each function: its own, in its body or in
	// the closures it runs, and those it forwards its parameters to.
	//
	// Decorators make cycles: a proxy's method hands its function to the
	// same method of the datastore it wraps, which may be another proxy,
	// or itself, as far as the types tell. A function met again while it
	// is being visited (or past the depth bound) answers what the round
	// before found for it, and the rounds go on until no function's
	// answer grows: a proxy forwarding to a proxy forwarding to the SQL
	// datastore calls its parameter where the datastore does.
	calls := map[*ssa.Function][]paramCall{}
	prev := map[*ssa.Function][]paramCall{}
	cuts := 0 // the visits cut short this round
	var visit func(fn *ssa.Function, depth int) []paramCall
	visiting := map[*ssa.Function]bool{}
	b.visiting = visiting
	defer func() { b.visiting = nil }()
	visit = func(fn *ssa.Function, depth int) []paramCall {
		if pcs, ok := calls[fn]; ok {
			return pcs
		}
		if visiting[fn] || depth > 8 {
			cuts++
			return prev[fn]
		}
		visiting[fn] = true
		var pcs []paramCall
		below := func(g *ssa.Function) []paramCall { return visit(g, depth+1) }
		for i, prm := range fn.Params {
			var vcs []paramCall
			switch t := prm.Type().Underlying().(type) {
			case *types.Signature:
				vcs = b.valueCalls(fn, prm, false, below)
			case *types.Slice:
				if _, ok := t.Elem().Underlying().(*types.Signature); ok {
					vcs = b.elemCalls(fn, prm, below)
				}
			case *types.Pointer:
				if i > 0 || fn.Signature.Recv() == nil {
					// A receiver's fields are its state, set when it
					// was made (see ctors.go), not a call's.
					vcs = b.paramFieldCalls(fn, prm, below)
				}
			}
			for _, vc := range vcs {
				vc.index, vc.owner, vc.of = i, fn, i
				pcs = append(pcs, vc)
			}
		}
		// A call passing one of fn's parameters to a function that calls
		// its own parameter: fn calls it, through that function.
		for _, ci := range outgoing[fn] {
			for _, g := range b.targets(ci) {
				for _, pc := range visit(g, depth+1) {
					prm, ok := argFor(ci.Common(), pc.index).(*ssa.Parameter)
					if !ok || prm.Parent() != fn {
						continue
					}
					if i := slices.Index(fn.Params, prm); i >= 0 {
						chain := append([]token.Pos{ci.Common().Pos()}, pc.chain...)
						pcs = append(pcs, paramCall{index: i, chain: chain, call: pc.call, owner: pc.owner, of: pc.of, once: pc.once, fld: pc.fld})
					}
				}
			}
		}
		visiting[fn] = false
		pcs = distinctCalls(pcs)
		calls[fn] = pcs
		return pcs
	}
	for round := 0; round < maxRounds; round++ {
		for _, f := range b.p.list { // in the graph's order: cycles cut the same way each run
			visit(b.ssaOf(f), 0)
		}
		if cuts == 0 || !grew(prev, calls) {
			break
		}
		prev, calls, cuts = calls, map[*ssa.Function][]paramCall{}, 0
	}
	// A parameter a function calls qualifies when the function is never
	// used as a value, and every caller passes for it a function (or a
	// list it spells), or its own parameter which qualifies itself or
	// whose function is never called (a method's wrapper for its pointer
	// type, when only the value is used).
	ok := map[slot]bool{}
	unused := func(fn *ssa.Function) bool { return len(callers[fn]) == 0 && !taken[fn] }
	for fn, pcs := range calls {
		for _, pc := range pcs {
			ok[slot{fn, pc.index, pc.fld}] = !taken[fn] && len(callers[fn]) > 0
		}
	}
	// A caller passing anything else (a function kept in a field, a
	// parameter of a function that does not qualify) is opaque: it gets
	// what the call graph gave the parameter's call, the functions every
	// caller hands, while the others get their own. A parameter none of
	// whose callers is known stays the graph's.
	good := func(fn *ssa.Function, pc paramCall, ci ssa.CallInstruction) bool {
		arg := argFor(ci.Common(), pc.index)
		if arg == nil {
			return false
		}
		if _, handed := b.handedFor(fn, pc, arg); handed {
			return true
		}
		prm := b.paramBehind(arg)
		return prm != nil && (ok[slot{prm.Parent(), slices.Index(prm.Parent().Params, prm), pc.fld}] || unused(prm.Parent()))
	}
	for changed := true; changed; {
		changed = false
		for fn, pcs := range calls {
			for _, pc := range pcs {
				if !ok[slot{fn, pc.index, pc.fld}] {
					continue
				}
				if !slices.ContainsFunc(callers[fn], func(ci ssa.CallInstruction) bool { return good(fn, pc, ci) }) {
					ok[slot{fn, pc.index, pc.fld}], changed = false, true
				}
			}
		}
	}
	opaque := map[slot]map[ssa.CallInstruction]bool{}
	graphs := map[*Call][]*Func{} // what the graph gave the parameter calls cut below
	for fn, pcs := range calls {
		for _, pc := range pcs {
			s := slot{fn, pc.index, pc.fld}
			if !ok[s] {
				continue
			}
			if pc.call != nil && ok[slot{pc.owner, pc.of, pc.fld}] {
				graphs[pc.call] = pc.call.Callees
			}
			for _, ci := range callers[fn] {
				if !good(fn, pc, ci) {
					if opaque[s] == nil {
						opaque[s] = map[ssa.CallInstruction]bool{}
					}
					opaque[s][ci] = true
				}
			}
		}
	}
	// Rewire: the parameter's calls reach nothing by themselves (where
	// the function they are of qualifies: one that forwards its parameter
	// to another does not speak for the other's callers); each caller
	// passing a function runs it through the chain. A call of an
	// interface's method reaches it through each implementation, and a
	// helper may call it on several paths (its two branches, DummyWriter's
	// in a transaction or not): one of them runs, so the caller gets one
	// edge per function it hands over, with every chain it may take (Join
	// keeps the one with the most loops). In the graph's order: calls are
	// appended.
	type key struct {
		ci ssa.CallInstruction
		h  *Func
		// opaque is the parameter's call an opaque caller's one call
		// stands for (h nil): one per call of a parameter.
		opaque *Call
	}
	chains := map[key]*Call{}
	for _, f := range b.p.list {
		fn := b.ssaOf(f)
		var pcs []paramCall
		for _, pc := range calls[fn] {
			if ok[slot{fn, pc.index, pc.fld}] {
				pcs = append(pcs, pc)
			}
		}
		for _, pc := range pcs {
			if ok[slot{pc.owner, pc.of, pc.fld}] && pc.call != nil {
				pc.call.Callees = nil
			}
		}
		for _, ci := range callers[fn] {
			caller := b.funcs[ci.Parent()]
			if caller == nil {
				continue
			}
			for _, pc := range pcs {
				// None for the caller's own parameter: its callers are
				// wired instead.
				hs, _ := b.handedFor(fn, pc, argFor(ci.Common(), pc.index))
				static := true
				var ks []*Func // the callees of each Call made, by key
				var op *Call
				if opaque[slot{fn, pc.index, pc.fld}][ci] {
					// One call of whatever the graph gave the
					// parameter's call, dynamic as that was.
					hs, static, op = graphs[pc.call], false, pc.call
					ks = []*Func{nil}
				} else {
					ks = hs
				}
				for _, k := range ks {
					pos, at := ci.Common().Pos(), b.calls[ci]
					chain := append([]token.Pos{pos}, pc.chain...)
					// Started on a goroutine left running on the way
					// (go fn() in the helper): beside the caller's call,
					// on every way the helper may take.
					async := b.asyncChain(chain)
					scheduled := async && b.scheduledChain(chain)
					if c := chains[key{ci, k, op}]; c != nil {
						c.alts = append(c.alts, chain)
						c.Once = c.Once && pc.once
						c.Async = c.Async && async
						c.Scheduled = c.Scheduled && scheduled
						continue
					}
					callees := []*Func{k}
					if k == nil {
						callees = hs
					}
					if len(callees) == 0 {
						continue
					}
					c := &Call{Pos: pos, Static: static, Callees: callees, Chain: chain, Once: pc.once, Async: async, Scheduled: scheduled, block: at.block, seq: at.seq}
					chains[key{ci, k, op}] = c
					caller.Calls = append(caller.Calls, c)
				}
			}
		}
	}
}

// maxRounds bounds the rounds higherOrder finds parameter calls in (see
// its decorators' cycles).
const maxRounds = 4

// distinctCalls keeps one parameter call per parameter, call of it and
// first step: what a function forwards through a cycle of decorators
// would otherwise come back once per way around it. Other ways down
// from the same first step are the same call of the same function.
func distinctCalls(pcs []paramCall) []paramCall {
	type key struct {
		index, of int
		owner     *ssa.Function
		call      *Call
		first     token.Pos
	}
	seen := map[key]bool{}
	out := pcs[:0:0]
	for _, pc := range pcs {
		k := key{index: pc.index, of: pc.of, owner: pc.owner, call: pc.call}
		if len(pc.chain) > 0 {
			k.first = pc.chain[0]
		}
		if pc.call == nil || !seen[k] { // a hand-off outside the module has no call to tell apart
			seen[k] = true
			out = append(out, pc)
		}
	}
	return out
}

// grew reports whether a round found a parameter call the round before
// did not.
func grew(before, after map[*ssa.Function][]paramCall) bool {
	for fn, pcs := range after {
		if len(pcs) > len(before[fn]) {
			return true
		}
	}
	return false
}

// asyncChain reports whether a chain of calls goes through one that
// starts a goroutine its function does not wait for (Call.Async).
func (b *builder) asyncChain(chain []token.Pos) bool {
	for _, pos := range chain {
		if b.async[pos] {
			return true
		}
	}
	return false
}

// scheduledChain reports whether a chain of calls goes through one that
// hands the function to a scheduler (Call.Scheduled).
func (b *builder) scheduledChain(chain []token.Pos) bool {
	for _, pos := range chain {
		if b.scheduled[pos] {
			return true
		}
	}
	return false
}

// uses says who calls whom, directly or through an interface, and which
// functions are also used as values (then a caller could pass anything,
// and anything could call them).
type uses struct {
	callers  map[*ssa.Function][]ssa.CallInstruction // the calls that run each function
	outgoing map[*ssa.Function][]ssa.CallInstruction // each function's calls of module functions
	taken    map[*ssa.Function]bool
}

func (b *builder) uses() *uses {
	u := &uses{callers: map[*ssa.Function][]ssa.CallInstruction{}, outgoing: map[*ssa.Function][]ssa.CallInstruction{}, taken: map[*ssa.Function]bool{}}
	var rands []*ssa.Value
	for _, f := range b.p.list {
		fn := b.ssaOf(f)
		for _, blk := range fn.Blocks {
			for _, instr := range blk.Instrs {
				var callee ssa.Value
				if ci, ok := instr.(ssa.CallInstruction); ok {
					callee = ci.Common().Value
					targets := b.targets(ci)
					for _, g := range targets {
						u.callers[g] = append(u.callers[g], ci)
					}
					if len(targets) > 0 {
						u.outgoing[fn] = append(u.outgoing[fn], ci)
					}
				}
				rands = instr.Operands(rands[:0])
				for _, r := range rands {
					if g, ok := (*r).(*ssa.Function); ok && *r != callee && !onlyCalled(instr, map[ssa.Value]bool{}) {
						u.taken[g] = true
					}
				}
			}
		}
	}
	return u
}

// onlyCalled says whether instr, using a function as an operand, is a φ
// whose value is only ever called: a local variable holding one helper
// or another (`run := storage.Transaction; if inTx { run = func(f ...)
// error { return f(tx) } }; run(func(tx) error {...})`). The calls of
// the φ are then the function's callers, each handing its own argument,
// as a direct call would; anything else done with the value (stored,
// passed, returned) takes it.
func onlyCalled(instr ssa.Instruction, seen map[ssa.Value]bool) bool {
	phi, ok := instr.(*ssa.Phi)
	if !ok || seen[phi] || phi.Referrers() == nil {
		return false
	}
	seen[phi] = true
	for _, ref := range *phi.Referrers() {
		switch ref := ref.(type) {
		case ssa.CallInstruction:
			c := ref.Common()
			if c.IsInvoke() || c.Value != phi || slices.Contains(c.Args, ssa.Value(phi)) {
				return false
			}
		case *ssa.Phi:
			if !onlyCalled(ref, seen) {
				return false
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// handed are the functions a call passes, as arg, for fn's parameter i:
// the function arg is, or for a list of functions, those of the list the
// caller spells (Parallel(a, b) for fns ...func() error, or
// Parallel([]func() error{a, b}...)), none for no list at all. ok is
// false when arg is anything else: the caller's own parameter, a list
// built elsewhere or added to.
func (b *builder) handed(fn *ssa.Function, i int, arg ssa.Value) (fs []*Func, ok bool) {
	return b.handedAt(fn, i, arg, 0)
}

// handedFor is handed for the parameter pc calls: a func field of the
// struct the parameter points to (see paramFieldCalls) is handed by the
// struct the caller makes for the call, &handlerConfig{Action: f}: f.
func (b *builder) handedFor(fn *ssa.Function, pc paramCall, arg ssa.Value) ([]*Func, bool) {
	if pc.fld == 0 {
		return b.handed(fn, pc.index, arg)
	}
	v, ok := literalField(arg, pc.fld-1)
	if !ok {
		return nil, false
	}
	if v == nil {
		return nil, true // not set: the call panics, it runs nothing
	}
	return b.spelled(v, 0)
}

// literalField is what a struct made in place (&T{F: f}, or a local
// pointing to one) holds in its field i: the value stored into it, nil
// for none; false when the struct is anything else, its field is set more
// than once, or the pointer is kept (stored) where later code could
// change it. A function the pointer is handed to before the call could
// set the field too: not looked into.
func literalField(arg ssa.Value, i int) (ssa.Value, bool) {
	alloc, ok := arg.(*ssa.Alloc)
	if !ok || alloc.Referrers() == nil {
		return nil, false
	}
	var val ssa.Value
	for _, r := range *alloc.Referrers() {
		switch r := r.(type) {
		case *ssa.FieldAddr:
			if r.Field != i {
				continue
			}
			for _, u := range *r.Referrers() {
				if st, isStore := u.(*ssa.Store); isStore && st.Addr == r {
					if val != nil {
						return nil, false // set again
					}
					val = st.Val
				}
			}
		case *ssa.Store:
			if r.Val == alloc {
				return nil, false // kept in a variable or a field
			}
		}
	}
	return val, true
}

// paramFieldCalls are the calls, in fn, of the functions the func-typed
// fields of the struct its parameter prm points to hold: a generic
// handler running what each handler hands it in a config,
//
//	func handleGet(w http.ResponseWriter, r *http.Request, cfg *handlerConfig) {
//		result, err := cfg.Action()
//		...
//	}
//	func (h consumerHandler) Get(w http.ResponseWriter, r *http.Request) {
//		handleGet(w, r, &handlerConfig{Action: func() (any, error) { ... }})
//	}
//
// Field-based, the graph gave cfg.Action() every function any handler
// put there, and every route ran every handler's queries (maestro: 12 on
// each). Each is rewired as a func-typed parameter is, its callers
// handing the function their literal holds (handedFor). A field fn sets
// itself may hold anything: none of its calls is.
func (b *builder) paramFieldCalls(fn *ssa.Function, prm *ssa.Parameter, pcs func(*ssa.Function) []paramCall) []paramCall {
	st, ok := prm.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Struct)
	if !ok || prm.Referrers() == nil {
		return nil
	}
	set := map[int]bool{} // the fields fn sets
	var loads []*ssa.FieldAddr
	for _, r := range *prm.Referrers() {
		fa, isField := r.(*ssa.FieldAddr)
		if !isField || fa.X != prm {
			continue
		}
		if _, isFunc := st.Field(fa.Field).Type().Underlying().(*types.Signature); !isFunc {
			continue
		}
		if stores(fa) > 0 {
			set[fa.Field] = true
		}
		loads = append(loads, fa)
	}
	var out []paramCall
	for _, fa := range loads {
		if set[fa.Field] {
			continue
		}
		for _, u := range *fa.Referrers() {
			if ld, isLoad := u.(*ssa.UnOp); isLoad && ld.Op == token.MUL {
				for _, vc := range b.valueCalls(fn, ld, false, pcs) {
					vc.fld = fa.Field + 1
					out = append(out, vc)
				}
			}
		}
	}
	return out
}

// handedAt is handed, depth constructors' calls down (see ctors.go).
func (b *builder) handedAt(fn *ssa.Function, i int, arg ssa.Value, depth int) (fs []*Func, ok bool) {
	if arg == nil {
		return nil, false
	}
	if _, list := fn.Params[i].Type().Underlying().(*types.Slice); !list {
		return b.spelled(arg, depth)
	}
	ok = b.eachListed(arg, func(v ssa.Value) bool {
		hs, known := b.spelled(v, depth)
		fs = append(fs, hs...)
		return known
	})
	return fs, ok
}

// eachListed calls f with each element of a list spelled in place (the
// variadic arguments of a call, a slice literal; nil is none), in no
// particular order, until f returns false; false when list is anything
// else, or f said so.
func (b *builder) eachListed(list ssa.Value, f func(ssa.Value) bool) bool {
	switch v := list.(type) {
	case *ssa.Const: // Parallel() with no functions
		return v.IsNil()
	case *ssa.Slice:
		arr, isVar := v.X.(*ssa.Alloc)
		if !isVar || v.Low != nil || v.High != nil || v.Max != nil {
			return false
		}
		for _, r := range *arr.Referrers() {
			switch r := r.(type) {
			case *ssa.Slice:
				if r != v {
					return false // the array is handed elsewhere too
				}
			case *ssa.IndexAddr:
				for _, u := range *r.Referrers() {
					st, isStore := u.(*ssa.Store)
					if !isStore || st.Addr != r || !f(st.Val) {
						return false // read back, or its address kept
					}
				}
			case *ssa.DebugRef:
			default:
				return false
			}
		}
		return true
	}
	return false
}

// spelled is the function a value handed over denotes: a function, a
// method value (or one of those an if chooses), or what a constructor's
// call makes (see ctors.go), as it is or converted.
func (b *builder) spelled(v ssa.Value, depth int) ([]*Func, bool) {
	if hs := b.boundFuncs(v); len(hs) > 0 {
		return hs, true
	}
	// A constructor's call converted to the parameter's named type
	// (rateLimit(validate(h)), validate answering a func type unnamed,
	// rateLimit taking a Handler) is the same closure.
	if call, ok := unconverted(v).(*ssa.Call); ok {
		return b.madeBy(call, depth)
	}
	return nil, false
}

// elemCalls are the calls, in fn or below it, of the functions of list,
// a slice of them fn is given: each element fn loads (ranging over the
// list, or by index) is a func value, whose calls valueCalls finds. None
// when fn writes into the list or keeps an element's address: the list
// may then hold functions no caller handed over.
func (b *builder) elemCalls(fn *ssa.Function, list ssa.Value, pcs func(*ssa.Function) []paramCall) []paramCall {
	var out []paramCall
	for _, instr := range *list.Referrers() {
		ia, ok := instr.(*ssa.IndexAddr)
		if !ok || ia.X != list {
			continue
		}
		for _, u := range *ia.Referrers() {
			switch u := u.(type) {
			case *ssa.UnOp:
				if u.Op != token.MUL {
					return nil
				}
				out = append(out, b.valueCalls(fn, u, false, pcs)...)
			case *ssa.DebugRef:
			default:
				return nil
			}
		}
	}
	return out
}

// targets are the module functions call ci runs: its static callee, or
// those a call of an interface's method dispatches to.
func (b *builder) targets(ci ssa.CallInstruction) []*ssa.Function {
	cc := ci.Common()
	if !cc.IsInvoke() {
		if g := cc.StaticCallee(); g != nil {
			return []*ssa.Function{g}
		}
		return nil
	}
	c := b.calls[ci]
	if c == nil {
		return nil
	}
	out := make([]*ssa.Function, 0, len(c.Callees))
	for _, g := range c.Callees {
		out = append(out, b.ssaOf(g))
	}
	return out
}

// argFor is what cc passes for parameter i of the function it runs: an
// interface's method's receiver is not among an invoke's arguments. Nil
// for the receiver of an invoke, which is no function.
func argFor(cc *ssa.CallCommon, i int) ssa.Value {
	if cc.IsInvoke() {
		i--
	}
	if i < 0 || i >= len(cc.Args) {
		return nil
	}
	return cc.Args[i]
}

// callsValues reports whether any function of the graph calls a
// parameter or a captured variable, or hands its func-typed parameter to
// code outside the module (a helper of the module forwarding its
// function to cron's AddFunc or a transaction runner): else there is
// nothing to rewire.
func (b *builder) callsValues() bool {
	for _, f := range b.p.list {
		for _, blk := range b.ssaOf(f).Blocks {
			for _, instr := range blk.Instrs {
				ci, ok := instr.(ssa.CallInstruction)
				if !ok || ci.Common().IsInvoke() {
					continue
				}
				switch ci.Common().Value.(type) {
				case *ssa.Parameter, *ssa.FreeVar, *ssa.Field, *ssa.UnOp:
					return true
				}
				if g := ci.Common().StaticCallee(); g != nil && b.funcs[g] == nil {
					for _, a := range ci.Common().Args {
						if _, ok := a.(*ssa.Parameter); ok && b.runsCallback(ci.Common(), a) {
							return true
						}
					}
				}
			}
		}
	}
	return false
}

// valueCalls are the calls, in fn or below it, of v, a func value of fn
// (its parameter, or a variable it captured): calls of v itself, hands of
// it, as it is, to code outside the module (g.Go(fn)), and calls of it in
// the closures fn writes and runs, however deep —
//
//	func DoTemporaryError(fn func(int) error) error {
//		return Do(func(n int) (bool, error) { err := fn(n); ... })
//	}
//
// calls fn through the closure it hands Do. A closure fn runs is one it
// calls, starts (go) or defers, or hands to a function that calls that
// parameter (pcs says which a function of the module calls) or to code
// outside the module (assumed to run it, as every callback is: see
// addCall). A closure kept anywhere else (stored, returned: retry.Wrap
// returning a function that calls fn) runs later, not in fn's call, and
// its calls of v are left to the call graph. The index of what is
// returned is for the caller to set.
//
// go/ssa keeps a captured parameter in a variable (fn is stored in an
// Alloc, which the closure captures and loads): ptr says v is such a
// variable, followed only while nothing assigns it again.
func (b *builder) valueCalls(fn *ssa.Function, v ssa.Value, ptr bool, pcs func(*ssa.Function) []paramCall) []paramCall {
	refs := v.Referrers()
	if refs == nil {
		return nil
	}
	if ptr {
		once := 0 // a captured variable: stored into nowhere
		if _, ok := v.(*ssa.Alloc); ok {
			once = 1 // the parameter's own: stored into once, by the spill
		}
		if stores(v) > once {
			return nil // assigned again: it may hold anything
		}
	}
	var out []paramCall
	for _, instr := range *refs {
		switch instr := instr.(type) {
		case ssa.CallInstruction:
			cc := instr.Common()
			if ptr || cc.IsInvoke() || b.calls[instr] == nil {
				continue
			}
			if cc.Value == v {
				out = append(out, paramCall{chain: []token.Pos{b.calls[instr].Pos}, call: b.calls[instr]})
			} else if b.runsCallback(cc, v) {
				// Handed as it is to code outside the module, which runs
				// it (an errgroup's Go(fn)): the graph has no edge of its
				// own to cut.
				obj, _ := cc.StaticCallee().Object().(*types.Func)
				once := obj != nil && queries.IsOnceDo(obj)
				out = append(out, paramCall{chain: []token.Pos{b.calls[instr].Pos}, once: once})
			} else if _, own := v.(*ssa.Parameter); !own {
				// A captured function handed on to a module function
				// that calls it; fn's own parameter handed on is
				// found by the caller of valueCalls (higherOrder's
				// visit).
				out = append(out, b.forwarded(instr, v, pcs)...)
			}
		case *ssa.Store:
			if ptr || instr.Val != v {
				continue
			}
			switch addr := instr.Addr.(type) {
			case *ssa.Alloc: // the parameter spilled to the variable a closure captures
				out = append(out, b.valueCalls(fn, addr, true, pcs)...)
			case *ssa.FieldAddr: // sent, in a struct, to the goroutine that runs it
				if sent(fn, addr) {
					out = append(out, b.carriers[fieldOf(addr.X.Type(), addr.Field)]...)
				}
			}
		case *ssa.UnOp: // a load of the variable
			if ptr && instr.Op == token.MUL {
				out = append(out, b.valueCalls(fn, instr, false, pcs)...)
			}
		case *ssa.MakeClosure:
			lit, ok := instr.Fn.(*ssa.Function)
			if !ok || instr.Parent() != fn {
				continue
			}
			runs := b.runs(instr, pcs)
			if runs == nil {
				continue // kept for later: not part of fn's call
			}
			for i, bound := range instr.Bindings {
				if bound != v {
					continue
				}
				for _, inner := range b.valueCalls(lit, lit.FreeVars[i], ptr, pcs) {
					for _, run := range runs {
						chain := append(slices.Clip(run), inner.chain...)
						out = append(out, paramCall{chain: chain, call: inner.call})
					}
				}
			}
		}
	}
	return out
}

// paramBehind is the parameter v is: the parameter itself, or, in a
// closure, the variable it captured that holds its maker's parameter
// (captured as it is, or spilled and stored once); nil otherwise.
func (b *builder) paramBehind(v ssa.Value) *ssa.Parameter {
	spilled := false
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		v, spilled = u.X, true
	}
	switch v := v.(type) {
	case *ssa.Parameter:
		if !spilled {
			return v
		}
	case *ssa.FreeVar:
		var out *ssa.Parameter
		all := true
		b.bindings(v, func(bound ssa.Value) {
			p := spilledParam(bound, spilled)
			if p == nil && !spilled {
				p = b.paramBehind(bound) // captured again, from a closure's own capture
			}
			if p == nil || out != nil && out != p {
				all = false
				return
			}
			out = p
		})
		if all {
			return out
		}
	}
	return nil
}

// forwarded are the calls of v, a func value fn captured, that the
// functions call instr runs make when instr passes v to them as it is
// (a closure handing its maker's function on to the helper that calls
// it): a call of v, one step down.
func (b *builder) forwarded(instr ssa.CallInstruction, v ssa.Value, pcs func(*ssa.Function) []paramCall) []paramCall {
	cc := instr.Common()
	if !slices.Contains(cc.Args, v) {
		return nil
	}
	var out []paramCall
	for _, g := range b.targets(instr) {
		for _, pc := range pcs(g) {
			if argFor(cc, pc.index) != v {
				continue
			}
			chain := append([]token.Pos{b.calls[instr].Pos}, pc.chain...)
			out = append(out, paramCall{chain: chain, call: pc.call, owner: pc.owner, of: pc.of, once: pc.once})
		}
	}
	return out
}

// runsCallback reports whether cc hands the func value v to a function
// outside the module that runs it, as addCall assumes of every function
// value handed there but handlers and middleware, which are registered.
func (b *builder) runsCallback(cc *ssa.CallCommon, v ssa.Value) bool {
	g := cc.StaticCallee()
	if g == nil || b.funcs[g] != nil || !slices.Contains(cc.Args, v) {
		return false
	}
	sig, ok := v.Type().Underlying().(*types.Signature)
	return ok && !registered(v.Type(), sig)
}

// stores counts the stores into the variable v.
func stores(v ssa.Value) int {
	n := 0
	for _, instr := range *v.Referrers() {
		if st, ok := instr.(*ssa.Store); ok && st.Addr == v {
			n++
		}
	}
	return n
}

// runs are the ways the function of closure mc runs during its parent's
// call, each the chain of calls from the parent down to where the closure
// is called; nil when the closure is kept for later (see valueCalls).
func (b *builder) runs(mc *ssa.MakeClosure, pcs func(*ssa.Function) []paramCall) [][]token.Pos {
	return b.runsValue(mc, pcs, 0)
}

// runsValue is runs for v, the closure or the closure converted to a
// named func type (func(...) {...} passed as a TxUserFunc).
func (b *builder) runsValue(mc ssa.Value, pcs func(*ssa.Function) []paramCall, depth int) [][]token.Pos {
	var out [][]token.Pos
	for _, instr := range *mc.Referrers() {
		if ct, ok := instr.(*ssa.ChangeType); ok && depth < 2 {
			inner := b.runsValue(ct, pcs, depth+1)
			if inner == nil {
				return nil
			}
			out = append(out, inner...)
			continue
		}
		if st, ok := instr.(*ssa.Store); ok && st.Val == mc && depth < 2 {
			// Kept in a local variable a closure captures (fn :=
			// func(...) {...} called from a closure handed to a
			// connection helper): it runs where that variable's
			// loads are called.
			alloc, ok := st.Addr.(*ssa.Alloc)
			if !ok || stores(alloc) != 1 {
				return nil
			}
			inner := b.runsVar(alloc, pcs, depth+1)
			if inner == nil {
				return nil
			}
			out = append(out, inner...)
			continue
		}
		ci, ok := instr.(ssa.CallInstruction)
		if !ok || b.calls[ci] == nil {
			return nil // stored, returned, converted: kept
		}
		cc := ci.Common()
		pos := b.calls[ci].Pos
		if cc.Value == mc {
			out = append(out, []token.Pos{pos}) // called, started or deferred here
			continue
		}
		// The functions the call runs: its callee, or those the graph
		// gives a call through a func value or an interface (a flavor's
		// transaction runner held in a field, one per SQL dialect).
		var targets []*ssa.Function
		from := 0 // the index of the callee's parameter for the call's first argument
		if g := cc.StaticCallee(); g != nil {
			targets = []*ssa.Function{g}
		} else {
			if cc.IsInvoke() {
				from = 1 // the receiver is the method's first parameter
			}
			for _, h := range b.calls[ci].Callees {
				targets = append(targets, b.ssaOf(h))
			}
			if len(targets) == 0 {
				return nil // handed to code the graph does not see: could be kept
			}
		}
		for j, arg := range cc.Args {
			if arg != mc {
				continue
			}
			for _, g := range targets {
				if b.funcs[g] == nil {
					out = append(out, []token.Pos{pos}) // a callback outside the module
					continue
				}
				// Each function the call may run must call it: one that
				// keeps it would run it later. One that never uses it (a
				// read-only datastore refusing the write) does neither.
				if ignores(g, j+from) {
					continue
				}
				if b.visiting[g] {
					// A decorator handing it back to its own method
					// (through the interface): it runs it if the rest
					// do, which is what is being found.
					continue
				}
				found := false
				for _, pc := range pcs(g) {
					if pc.index == j+from {
						out = append(out, append([]token.Pos{pos}, pc.chain...))
						found = true
					}
				}
				if !found {
					return nil // the function keeps it
				}
			}
		}
	}
	return out
}

// runsVar is runsValue for a local variable a closure is stored in once:
// the ways its loads run, in the function or in closures capturing the
// variable (each chain the closure's runs, then the call in it); nil when
// the variable is used otherwise (its address handed on).
func (b *builder) runsVar(alloc *ssa.Alloc, pcs func(*ssa.Function) []paramCall, depth int) [][]token.Pos {
	var out [][]token.Pos
	loads := func(v ssa.Value, prefix [][]token.Pos) bool {
		for _, instr := range *v.Referrers() {
			switch instr := instr.(type) {
			case *ssa.Store:
				if v != alloc || instr.Addr != v {
					return false // the closure's own store only
				}
			case *ssa.UnOp:
				if instr.Op != token.MUL {
					return false
				}
				inner := b.runsValue(instr, pcs, depth)
				if inner == nil {
					return false
				}
				for _, pre := range prefix {
					for _, in := range inner {
						out = append(out, append(slices.Clip(pre), in...))
					}
				}
			case *ssa.MakeClosure, *ssa.DebugRef:
			default:
				return false
			}
		}
		return true
	}
	if !loads(alloc, [][]token.Pos{nil}) {
		return nil
	}
	for _, instr := range *alloc.Referrers() {
		mc, ok := instr.(*ssa.MakeClosure)
		if !ok {
			continue
		}
		lit, ok := mc.Fn.(*ssa.Function)
		if !ok {
			return nil
		}
		runs := b.runsValue(mc, pcs, depth)
		if runs == nil {
			return nil
		}
		for i, bound := range mc.Bindings {
			if bound == alloc && !loads(lit.FreeVars[i], runs) {
				return nil
			}
		}
	}
	return out
}

// A helper may hand its function to a goroutine instead of calling it: it
// puts it in a struct, sends that on a channel, and waits for the answer
// (dendrite's ExclusiveWriter serializes writes to SQLite so). The
// goroutine calls the struct's field; if nothing else ever sets that
// field, that call is the helper's call of its parameter, once per send.

// carriedFields are, for each func-typed struct field of the module set
// in one place only, the calls of it (of the field of a struct value, or
// through a pointer to one).
func (b *builder) carriedFields() map[*types.Var][]paramCall {
	sets := map[*types.Var]int{}
	calls := map[*types.Var][]paramCall{}
	for _, f := range b.p.list {
		for _, blk := range b.ssaOf(f).Blocks {
			for _, instr := range blk.Instrs {
				switch instr := instr.(type) {
				case *ssa.Store:
					if fa, ok := instr.Addr.(*ssa.FieldAddr); ok {
						if v := fieldOf(fa.X.Type(), fa.Field); v != nil {
							sets[v]++
						}
					}
				case ssa.CallInstruction:
					cc := instr.Common()
					if cc.IsInvoke() || b.calls[instr] == nil {
						continue
					}
					var v *types.Var
					switch x := cc.Value.(type) {
					case *ssa.Field:
						v = fieldOf(x.X.Type(), x.Field)
					case *ssa.UnOp:
						if fa, ok := x.X.(*ssa.FieldAddr); ok && x.Op == token.MUL {
							v = fieldOf(fa.X.Type(), fa.Field)
						}
					}
					if v != nil {
						// No chain: the loops around the call are the
						// goroutine's over what it is sent, not the
						// sender's.
						calls[v] = append(calls[v], paramCall{call: b.calls[instr]})
					}
				}
			}
		}
	}
	for v := range calls {
		if sets[v] != 1 {
			delete(calls, v)
		}
	}
	return calls
}

// fieldOf is field i of the struct type t, or t points to; nil unless
// that is a struct of the module's (whose fields no dependency sets).
func fieldOf(t types.Type, i int) *types.Var {
	named, ok := types.Unalias(derefType(t)).(*types.Named)
	if !ok {
		return nil
	}
	st, ok := named.Underlying().(*types.Struct)
	if !ok || i >= st.NumFields() {
		return nil
	}
	return st.Field(i)
}

// sent reports whether fa addresses a field of a struct variable of fn
// that leaves fn only by being sent on a channel: its fields are set and
// read, it is copied to other such variables, and it, or a pointer to it,
// goes to a send. Kept anywhere else (appended to a list of hooks, stored
// in a field), whatever it carries runs later, not during fn's call.
func sent(fn *ssa.Function, fa *ssa.FieldAddr) bool {
	a, ok := fa.X.(*ssa.Alloc)
	if !ok {
		return false
	}
	sends, ok := sentAlloc(fn, a, 0)
	return ok && sends > 0
}

// sentAlloc counts the sends the struct variable a of fn goes to, the
// variables it is copied to included; ok is false when it goes anywhere
// else.
func sentAlloc(fn *ssa.Function, a *ssa.Alloc, depth int) (sends int, ok bool) {
	if a.Parent() != fn || depth > 4 {
		return 0, false
	}
	for _, r := range *a.Referrers() {
		switch r := r.(type) {
		case *ssa.FieldAddr: // a field set or read
			for _, u := range *r.Referrers() {
				switch u := u.(type) {
				case *ssa.Store:
					if u.Addr != r {
						return 0, false
					}
				case *ssa.UnOp:
					if u.Op != token.MUL {
						return 0, false
					}
				case *ssa.DebugRef:
				default:
					return 0, false
				}
			}
		case *ssa.UnOp: // the struct loaded whole: sent, or copied
			if r.Op != token.MUL {
				return 0, false
			}
			for _, u := range *r.Referrers() {
				switch u := u.(type) {
				case *ssa.Send:
					if u.X != r {
						return 0, false
					}
					sends++
				case *ssa.Store:
					to, isVar := u.Addr.(*ssa.Alloc)
					if !isVar || u.Val != r {
						return 0, false
					}
					n, ok := sentAlloc(fn, to, depth+1)
					if !ok {
						return 0, false
					}
					sends += n
				case *ssa.DebugRef:
				default:
					return 0, false
				}
			}
		case *ssa.Send: // a pointer to it sent
			if r.X != a {
				return 0, false
			}
			sends++
		case *ssa.Store: // a copy stored into it
			if r.Addr != a {
				return 0, false
			}
		case *ssa.DebugRef:
		default:
			return 0, false
		}
	}
	return sends, true
}

// ignores reports whether fn never uses its parameter i, but to hand
// it to a function that ignores it (a method's wrapper for its pointer
// type, calling the method of the value).
func ignores(fn *ssa.Function, i int) bool { return ignoresAt(fn, i, 0) }

func ignoresAt(fn *ssa.Function, i, depth int) bool {
	if i >= len(fn.Params) || depth > 3 {
		return false
	}
	refs := fn.Params[i].Referrers()
	if refs == nil {
		return len(fn.Blocks) > 0 // no body: not known
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.Call:
			g := r.Call.StaticCallee()
			j := slices.Index(r.Call.Args, ssa.Value(fn.Params[i]))
			if g == nil || j < 0 || r.Call.Value == fn.Params[i] || !ignoresAt(g, j, depth+1) {
				return false
			}
		default:
			return false
		}
	}
	return true
}
