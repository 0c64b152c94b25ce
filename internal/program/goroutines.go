package program

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/sqlheat/sqlheat/passes/queries"
)

// A route's inventory is what one request of it runs. A goroutine the
// request starts and leaves running is not that: a fire-and-forget
// notification, the event rules an update triggers, a worker started on
// first use, a timer's function. Its queries run beside the request, some
// of them on every request, many only when the service is configured so,
// and a worker's for as long as the process lives; counted as the
// request's, they made a file server's every route "run" the sixty
// queries its asynchronous event actions can run, and an update's
// queries per request those of every action.
//
// So the call graph marks a go statement its function does not wait for
// (Call.Async), and a call of an outside function that runs what it is
// handed later, on its own (time.AfterFunc); and what one call of a
// function runs (Reach, Cost, Sequence), like what an entry reaches,
// stops there. The goroutine is an entry of its own (Started): for a
// request, a background job, whose queries keep a role and a rank; for
// the start, a command or a job, part of what starts it.
//
// A goroutine its function waits for is the function's work, as it would
// be in place: fan-out under a wait group (`wg.Add; go func() { defer
// wg.Done(); ... }(); wg.Wait()`), a goroutine whose result the function
// receives (it sends on, or closes, a channel the function receives from
// or selects on), or a producer whose channel the function returns to its
// caller to read. The check is local and by values: the channel must be
// the one the function hands the goroutine (as a captured variable or an
// argument), received from in the function itself; a wait group's Wait
// anywhere in the function or the functions it is written in, or, for a
// helper handed the wait group (queue(&wg, errs, f)), in every function
// calling it (see callersWait).

// A call of a function outside the module that runs a function it is
// handed later, on a goroutine of its own (queries.StartsLater: a timer,
// a scheduler), is Async: a loop around the hand-off does not repeat
// what the function runs, nor does the caller's entry run it; the
// function is an entry of its own (Started). A scheduler's (Periodic) is
// also Scheduled: a background job, whoever registered it.

// laterFuncs are the module functions a call of a function of
// queries.StartsLater hands it to run: the functions its arguments
// denote (see handedFuncs), as they are or made into an interface (gocron's Do(fn
// any), cron.FuncJob(fn) as a cron.Job); for a scheduler calling a method
// of the value (l.Method), the module's methods of that name of the
// types the value can hold, through a wrapper outside the module that
// returns the value it is handed (cron.NewChain(...).Then(job)).
//
// What a scheduler or a queue's server runs (l.Periodic) is also traced
// back through the module's code: a method value of an interface's value
// (h.ProcessTask: what h's method runs), conversions (asynq.HandlerFunc(fn)),
// a module function making the value (what it returns: jobs.Import(db)'s
// closure) or wrapping the one it is handed (a middleware, whose
// argument of the type it returns runs too), the variables a closure
// captured and a parameter (what each static caller hands: a helper
// registering what it is handed). The job is named after the argument
// l.Named says names it, when that is a constant, traced the same way
// (Register(jobs.TypeImport, fn) { mux.HandleFunc(string(name), ...) }:
// "asynq task jobs.TypeImport"); unnamed otherwise.
func (b *builder) laterFuncs(cc *ssa.CallCommon, l queries.Later) []laterFunc {
	var out []laterFunc
	var name *jobName
	if i := l.Named - 1; i >= 0 {
		if cc.Signature().Recv() != nil && !cc.IsInvoke() {
			i++ // the receiver is the call's first argument
		}
		if i < len(cc.Args) {
			name = &jobName{v: cc.Args[i], call: cc, arg: i}
		}
	}
	add := func(g *Func, at handoff) {
		h := laterFunc{g, b.jobLabel(l.Label, at.name), at.via}
		if !slices.Contains(out, h) {
			out = append(out, h)
		}
	}
	for _, arg := range cc.Args {
		b.jobFuncs(arg, l.Method, l.Periodic, handoff{name: name}, 0, add)
	}
	// In a fixed order: the callers of a parameter come from a map.
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].fn != out[j].fn {
			return b.p.less(out[i].fn, out[j].fn)
		}
		if out[i].name != out[j].name {
			return out[i].name < out[j].name
		}
		return pos(out[i].via) < pos(out[j].via)
	})
	return out
}

// laterFunc is a module function handed to run later, the name of the
// job it is, if the registration gives one, and the call of the module
// that handed it over (via), when that is not the call of the function
// of queries.StartsLater itself but a call of a helper handing it on
// (see handoff).
type laterFunc struct {
	fn   *Func
	name string
	via  *ssa.CallCommon
}

func pos(cc *ssa.CallCommon) token.Pos {
	if cc == nil {
		return token.NoPos
	}
	return cc.Pos()
}

// handoff is where a value jobFuncs traces was handed over: via is the
// outermost call of a helper handing the function on through its
// parameter (Register(name, fn) calling mux.HandleFunc): the function
// runs if that call does, not whenever any caller calls the helper; nil
// for the call of the function of queries.StartsLater itself. name is
// what names the job there.
type handoff struct {
	name *jobName
	via  *ssa.CallCommon
}

// through is the hand-off traced from the function of the parameter prm
// up to its caller cc.
func (h handoff) through(prm *ssa.Parameter, cc *ssa.CallCommon) handoff {
	return handoff{name: h.name.through(prm, cc), via: cc}
}

// jobName is the value naming a job (see laterFuncs): v, argument arg of
// the call cc; or the key of a map literal's entry (call nil).
type jobName struct {
	v    ssa.Value
	call *ssa.CallCommon
	arg  int
}

// through is the name, traced from the function of the parameter prm up
// to its caller cc: the argument cc hands for it when the name is one of
// its function's parameters.
func (n *jobName) through(prm *ssa.Parameter, cc *ssa.CallCommon) *jobName {
	if n == nil {
		return nil
	}
	p, ok := beforeConversions(n.v).(*ssa.Parameter)
	if !ok || p.Parent() != prm.Parent() {
		return n
	}
	i := slices.Index(p.Parent().Params, p)
	if i < 0 || i >= len(cc.Args) {
		return nil
	}
	return &jobName{v: cc.Args[i], call: cc, arg: i}
}

// beforeConversions is v before conversions (string(name)).
func beforeConversions(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.ChangeType:
			v = x.X
		case *ssa.Convert:
			v = x.X
		default:
			return v
		}
	}
}

// jobLabel is the name of a job named n: label and the constant as the
// source spells it; "" when n is no constant.
func (b *builder) jobLabel(label string, n *jobName) string {
	if n == nil || label == "" {
		return ""
	}
	c, ok := beforeConversions(n.v).(*ssa.Const)
	if !ok || c.Value == nil {
		return ""
	}
	if n.call == nil { // a map's key
		return label + " " + c.Value.ExactString()
	}
	arg := n.arg
	if n.call.Signature().Recv() != nil && !n.call.IsInvoke() {
		arg--
	}
	if call := b.callExpr(n.call.Pos()); call != nil && arg >= 0 && arg < len(call.Args) {
		return label + " " + types.ExprString(call.Args[arg])
	}
	return label + " " + c.Value.ExactString()
}

// callExpr is the call of the module's source whose Lparen is at pos.
func (b *builder) callExpr(pos token.Pos) *ast.CallExpr {
	for _, m := range b.p.pkgs {
		for _, file := range m.Syntax {
			if file.FileStart > pos || pos >= file.FileEnd {
				continue
			}
			var out *ast.CallExpr
			ast.Inspect(file, func(n ast.Node) bool {
				if out != nil || n == nil || n.Pos() > pos || n.End() <= pos {
					return false
				}
				if c, ok := n.(*ast.CallExpr); ok && c.Lparen == pos {
					out = c
				}
				return out == nil
			})
			return out
		}
	}
	return nil
}

func (b *builder) jobFuncs(v ssa.Value, method string, deep bool, at handoff, depth int, add func(*Func, handoff)) {
	if depth > maxHanded {
		return
	}
	switch x := v.(type) {
	case *ssa.MakeInterface:
		b.jobFuncs(x.X, method, deep, at, depth+1, add)
		return
	case *ssa.MakeMap:
		// A map literal of functions by name (machinery's
		// RegisterTasks): each of its values, named by its key.
		for _, ref := range *x.Referrers() {
			if u, ok := ref.(*ssa.MapUpdate); ok && u.Map == x {
				b.jobFuncs(u.Value, method, deep, handoff{name: &jobName{v: u.Key, arg: -1}, via: at.via}, depth+1, add)
			}
		}
		return
	case *ssa.Call:
		if g := x.Call.StaticCallee(); g != nil && b.funcs[g] == nil && types.IsInterface(x.Type()) {
			for _, a := range x.Call.Args {
				if types.Identical(a.Type(), x.Type()) {
					b.jobFuncs(a, method, deep, at, depth+1, add)
				}
			}
		}
	}
	if deep && b.tracedJob(v, method, at, depth, add) {
		return
	}
	for _, g := range b.handedFuncs(v, false) {
		add(g, at)
	}
	if method == "" {
		return
	}
	ts := []types.Type{v.Type()}
	if types.IsInterface(v.Type()) {
		ts = b.typesOf(v, 0, map[*ssa.Function]bool{}, nil)
	}
	for _, t := range ts {
		if g := b.methodOf(t, method); g != nil {
			add(g, at)
		}
	}
}

// tracedJob follows v back through the module's code for jobFuncs, for
// what a scheduler or a queue's server runs (see laterFuncs); true when
// there is nothing more to look at of v itself.
func (b *builder) tracedJob(v ssa.Value, method string, at handoff, depth int, add func(*Func, handoff)) bool {
	next := func(w ssa.Value, n handoff) { b.jobFuncs(w, method, true, n, depth+1, add) }
	switch x := v.(type) {
	case *ssa.MakeClosure:
		// A method value of a value outside the module's functions (an
		// interface's, h.ProcessTask): that method of what it holds.
		fn, ok := x.Fn.(*ssa.Function)
		if !ok || b.funcs[fn] != nil || len(x.Bindings) != 1 || !strings.HasPrefix(fn.Synthetic, "bound method wrapper") {
			return false
		}
		if m, ok := fn.Object().(*types.Func); ok {
			b.jobFuncs(x.Bindings[0], m.Name(), true, at, depth+1, add)
		}
		return true
	case *ssa.ChangeType: // asynq.HandlerFunc(fn)
		next(x.X, at)
	case *ssa.Phi:
		for _, e := range x.Edges {
			next(e, at)
		}
		return true
	case *ssa.FreeVar:
		b.bindings(x, func(bound ssa.Value) { next(bound, at) })
		return true
	case *ssa.Parameter:
		fn := x.Parent()
		i := slices.Index(fn.Params, x)
		for _, cc := range b.staticCallers()[fn] {
			if i >= 0 && i < len(cc.Args) {
				next(cc.Args[i], at.through(x, cc))
			}
		}
		return true
	case *ssa.Call:
		maker := x.Call.StaticCallee()
		if maker == nil || b.funcs[maker] == nil || maker.Signature.Results().Len() != 1 {
			return false
		}
		// What the module's function returns, and, for a wrapper, what
		// it is handed to wrap.
		for _, blk := range maker.Blocks {
			if len(blk.Instrs) == 0 {
				continue
			}
			if ret, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.Return); ok && len(ret.Results) == 1 {
				next(ret.Results[0], at)
			}
		}
		for _, a := range x.Call.Args {
			if types.Identical(a.Type(), x.Type()) {
				next(a, at)
			}
		}
	}
	return false
}

// methodOf is the module's method called name of the concrete type t;
// nil if t has none, or it is not the module's.
func (b *builder) methodOf(t types.Type, name string) *Func {
	if types.IsInterface(t) {
		return nil
	}
	sel := b.prog.MethodSets.MethodSet(t).Lookup(nil, name)
	if sel == nil {
		return nil
	}
	if fn := b.prog.MethodValue(sel); fn != nil && b.funcs[fn] != nil {
		return b.funcs[fn]
	}
	// The wrapper of a value method for a pointer, or of a promoted one:
	// the method declared.
	if obj, ok := sel.Obj().(*types.Func); ok {
		return b.p.byDecl[obj]
	}
	return nil
}

// waited reports whether the function running go statement g waits for
// the goroutine it starts (see above). callees are the module functions
// the graph says the goroutine runs, for a go statement of a func value
// or an interface's method.
func (b *builder) waited(g *ssa.Go, callees []*Func) bool {
	spawner := g.Parent()
	cc := g.Common()
	type handed struct{ out, in ssa.Value } // a value of the spawner's, and the goroutine's variable for it
	var bodies []*ssa.Function
	var pairs []handed
	args := func(fn *ssa.Function, from int) {
		for i, a := range cc.Args {
			if j := i + from; j < len(fn.Params) {
				pairs = append(pairs, handed{a, fn.Params[j]})
			}
		}
	}
	switch v := cc.Value.(type) {
	case *ssa.MakeClosure:
		fn, _ := v.Fn.(*ssa.Function)
		if fn == nil {
			return false
		}
		bodies = append(bodies, fn)
		for i, bound := range v.Bindings {
			pairs = append(pairs, handed{bound, fn.FreeVars[i]})
		}
		args(fn, 0)
	case *ssa.Function:
		bodies = append(bodies, v)
		args(v, 0)
	default:
		from := 0
		if cc.IsInvoke() {
			from = 1 // the receiver is the method's first parameter
		}
		for _, f := range callees {
			if fn := b.ssaOf(f); fn != nil && fn.Synthetic == "" {
				bodies = append(bodies, fn)
				args(fn, from)
			}
		}
	}
	for _, body := range bodies {
		if calls(body, "(*sync.WaitGroup).Done") {
			for fn := spawner; fn != nil; fn = fn.Parent() {
				if calls(fn, "(*sync.WaitGroup).Wait") {
					return true
				}
			}
			if b.callersWait(spawner) {
				return true
			}
		}
	}
	for _, h := range pairs {
		if !isChan(h.in.Type()) && !isChan(derefType(h.in.Type())) {
			if b.batchAwaited(g, h.out, h.in) {
				return true
			}
			continue
		}
		if h.in.Parent() != nil && signals(h.in.Parent(), h.in) && awaits(spawner, h.out) {
			return true
		}
	}
	return false
}

// callersWait reports whether fn is a helper handed the wait group its
// goroutine is done with — queue(&wg, errCh, f), which adds to wg and
// starts f — and every call of it in the module is in a function that
// waits on a wait group: itself, one it is written in, or a closure it
// makes (`go func() { wg.Wait(); close(done) }()`, the function then
// selecting on done and an error channel).
func (b *builder) callersWait(fn *ssa.Function) bool {
	if w, ok := b.waiters[fn]; ok {
		return w
	}
	if b.waiters == nil {
		b.waiters = map[*ssa.Function]bool{}
	}
	w := b.helperWaited(fn)
	b.waiters[fn] = w
	return w
}

// helperWaited is callersWait's answer, computed.
func (b *builder) helperWaited(fn *ssa.Function) bool {
	takes := false
	for _, p := range fn.Params {
		if ptr, ok := p.Type().(*types.Pointer); ok && isNamed(ptr.Elem(), "sync", "WaitGroup") {
			takes = true
		}
	}
	if !takes || fn.Parent() != nil || b.funcs[fn] == nil || b.takenAsValue(fn) {
		return false
	}
	callers := 0
	for instr, parent := range b.instrs() {
		ci, ok := instr.(ssa.CallInstruction)
		if !ok || ci.Common().StaticCallee() != fn {
			continue
		}
		callers++
		if !waitsIn(parent) {
			return false
		}
	}
	return callers > 0
}

// waitsIn reports whether fn or a function it is written in, or a
// closure one of them makes, calls a wait group's Wait: a helper's call
// in a closure the helper runs (a job queued by a job) is waited for
// where the first was.
func waitsIn(fn *ssa.Function) bool {
	for f := fn; f != nil; f = f.Parent() {
		if calls(f, "(*sync.WaitGroup).Wait") {
			return true
		}
		for _, anon := range f.AnonFuncs {
			if calls(anon, "(*sync.WaitGroup).Wait") {
				return true
			}
		}
	}
	return false
}

// isNamed reports whether t is the named type path.name (net/http's
// ResponseWriter, sync's WaitGroup).
func isNamed(t types.Type, path, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == path && n.Obj().Name() == name
}

// A batch, a future: the goroutine completes a value it is handed by
// closing (or sending on) a channel the value holds, and the code that
// asked for the work waits on that channel. dataloaden's generated
// loaders are so: LoadThunk adds the key to the loader's batch
// (batch.keyIndex(l, key)), whose first key starts `go b.startTimer(l)`,
// which fetches the batch and closes b.done; the thunk LoadThunk returns,
// which Load calls at once, receives from batch.done. The spawner does
// not wait itself, the function calling it does, on the same value.
//
// batchAwaited reports whether the goroutine's variable in, which the
// spawner hands it its parameter out, has a channel field the goroutine
// signals (itself, or a function of the module it hands the value on
// to), and a function calling the spawner with a value receives from
// that field of the same value (itself, or in a closure it makes).
//
// A channel is closed once (closing it again panics): of the go
// statements of the spawner whose goroutines close the same channel of
// the same value (dataloaden's timer, and the one a full batch starts,
// of which one fetches), the first is the one the waiter waits for; the
// others stay Async.
func (b *builder) batchAwaited(g *ssa.Go, out, in ssa.Value) bool {
	spawner := g.Parent()
	param, ok := out.(*ssa.Parameter)
	if !ok || in.Parent() == nil {
		return false
	}
	k := slices.Index(spawner.Params, param)
	if k < 0 {
		return false
	}
	fields := b.signaledFields(in.Parent(), in, 0)
	if len(fields) == 0 {
		return false
	}
	if b.closedBefore(g, out, fields) {
		return false
	}
	for _, cc := range b.staticCallers()[spawner] {
		if k >= len(cc.Args) {
			continue
		}
		v := cc.Args[k]
		caller := callerOf(v)
		if caller == nil {
			continue
		}
		if awaitsField(caller, v, fields) {
			return true
		}
		for _, anon := range caller.AnonFuncs {
			for _, blk := range caller.Blocks {
				for _, instr := range blk.Instrs {
					mc, ok := instr.(*ssa.MakeClosure)
					if !ok || mc.Fn != anon {
						continue
					}
					for i, bound := range mc.Bindings {
						// Captured as the value, or as the variable v
						// was loaded from.
						if is(v, bound) && awaitsField(anon, anon.FreeVars[i], fields) {
							return true
						}
					}
				}
			}
		}
	}
	return false
}

// closedBefore reports whether a go statement of g's function before g
// starts a goroutine of the module handed out that signals one of the
// same fields of it.
func (b *builder) closedBefore(g *ssa.Go, out ssa.Value, fields []int) bool {
	for _, blk := range g.Parent().Blocks {
		for _, instr := range blk.Instrs {
			if instr == g {
				return false
			}
			og, ok := instr.(*ssa.Go)
			if !ok {
				continue
			}
			fn := og.Call.StaticCallee()
			if fn == nil || b.funcs[fn] == nil {
				continue
			}
			for j, a := range og.Call.Args {
				if a != out || j >= len(fn.Params) {
					continue
				}
				for _, i := range b.signaledFields(fn, fn.Params[j], 0) {
					if slices.Contains(fields, i) {
						return true
					}
				}
			}
		}
	}
	return false
}

// callerOf is the function v is a value of.
func callerOf(v ssa.Value) *ssa.Function {
	if instr, ok := v.(ssa.Instruction); ok {
		return instr.Parent()
	}
	if p, ok := v.(*ssa.Parameter); ok {
		return p.Parent()
	}
	return nil
}

// signaledFields are the channel fields of the struct v points to that
// fn closes or sends on, or the module functions it hands v to do, a
// call deep.
func (b *builder) signaledFields(fn *ssa.Function, v ssa.Value, depth int) []int {
	var out []int
	add := func(i int) {
		if !slices.Contains(out, i) {
			out = append(out, i)
		}
	}
	field := func(ch ssa.Value) (int, bool) {
		u, ok := unconverted(ch).(*ssa.UnOp)
		if !ok || u.Op != token.MUL {
			return 0, false
		}
		fa, ok := u.X.(*ssa.FieldAddr)
		if !ok || fa.X != v {
			return 0, false
		}
		return fa.Field, true
	}
	for _, blk := range fn.Blocks {
		for _, instr := range blk.Instrs {
			switch instr := instr.(type) {
			case *ssa.Send:
				if i, ok := field(instr.Chan); ok {
					add(i)
				}
			case ssa.CallInstruction:
				cc := instr.Common()
				if bi, ok := cc.Value.(*ssa.Builtin); ok {
					if bi.Name() == "close" && len(cc.Args) == 1 {
						if i, ok := field(cc.Args[0]); ok {
							add(i)
						}
					}
					continue
				}
				g := cc.StaticCallee()
				if g == nil || b.funcs[g] == nil || depth > 0 {
					continue
				}
				for j, a := range cc.Args {
					if a == v && j < len(g.Params) {
						for _, i := range b.signaledFields(g, g.Params[j], depth+1) {
							add(i)
						}
					}
				}
			}
		}
	}
	return out
}

// awaitsField reports whether fn receives from one of the channel fields
// of the struct v points to.
func awaitsField(fn *ssa.Function, v ssa.Value, fields []int) bool {
	for _, blk := range fn.Blocks {
		for _, instr := range blk.Instrs {
			var ch ssa.Value
			switch instr := instr.(type) {
			case *ssa.UnOp:
				if instr.Op == token.ARROW {
					ch = instr.X
				}
			case *ssa.Select:
				for _, st := range instr.States {
					if st.Dir == types.RecvOnly && awaitedField(st.Chan, v, fields) {
						return true
					}
				}
			}
			if ch != nil && awaitedField(ch, v, fields) {
				return true
			}
		}
	}
	return false
}

// awaitedField reports whether ch is one of fields of the struct v (or
// the variable v captures) points to.
func awaitedField(ch, v ssa.Value, fields []int) bool {
	u, ok := unconverted(ch).(*ssa.UnOp)
	if !ok || u.Op != token.MUL {
		return false
	}
	fa, ok := u.X.(*ssa.FieldAddr)
	if !ok || !slices.Contains(fields, fa.Field) {
		return false
	}
	return is(fa.X, v)
}

func isChan(t types.Type) bool {
	_, ok := t.Underlying().(*types.Chan)
	return ok
}

// calls reports whether fn calls (or defers, or starts) the function or
// method named so (types.Func.FullName).
func calls(fn *ssa.Function, name string) bool {
	for _, blk := range fn.Blocks {
		for _, instr := range blk.Instrs {
			ci, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			if g := ci.Common().StaticCallee(); g != nil {
				if obj, ok := g.Object().(*types.Func); ok && obj.FullName() == name {
					return true
				}
			}
		}
	}
	return false
}

// is reports whether v is ch: itself, a load of it (a variable a closure
// captured), either converted (chan T to <-chan T).
func is(v, ch ssa.Value) bool {
	v, ch = unconverted(v), unconverted(ch)
	if x, ok := v.(*ssa.UnOp); ok && x.Op == token.MUL && x.X == ch {
		return true
	}
	return v == ch
}

func unconverted(v ssa.Value) ssa.Value {
	for {
		x, ok := v.(*ssa.ChangeType)
		if !ok {
			return v
		}
		v = x.X
	}
}

// signals reports whether fn sends on the channel ch, or closes it.
func signals(fn *ssa.Function, ch ssa.Value) bool {
	for _, blk := range fn.Blocks {
		for _, instr := range blk.Instrs {
			switch instr := instr.(type) {
			case *ssa.Send:
				if is(instr.Chan, ch) {
					return true
				}
			case *ssa.Select:
				for _, st := range instr.States {
					if st.Dir == types.SendOnly && is(st.Chan, ch) {
						return true
					}
				}
			case ssa.CallInstruction:
				cc := instr.Common()
				if bi, ok := cc.Value.(*ssa.Builtin); ok && bi.Name() == "close" && len(cc.Args) == 1 && is(cc.Args[0], ch) {
					return true
				}
			}
		}
	}
	return false
}

// awaits reports whether fn receives from the channel ch (a receive, a
// range over it, a select's case) or returns it to its caller.
func awaits(fn *ssa.Function, ch ssa.Value) bool {
	for _, blk := range fn.Blocks {
		for _, instr := range blk.Instrs {
			switch instr := instr.(type) {
			case *ssa.UnOp:
				if instr.Op == token.ARROW && is(instr.X, ch) {
					return true
				}
			case *ssa.Select:
				for _, st := range instr.States {
					if st.Dir == types.RecvOnly && is(st.Chan, ch) {
						return true
					}
				}
			case *ssa.Return:
				for _, r := range instr.Results {
					if is(r, ch) {
						return true
					}
				}
			}
		}
	}
	return false
}
