package program

import (
	"go/token"
	"go/types"
	"slices"

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
// anywhere in the function or the functions it is written in.

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
func (b *builder) laterFuncs(cc *ssa.CallCommon, l queries.Later) []*Func {
	var out []*Func
	add := func(g *Func) {
		if !slices.Contains(out, g) {
			out = append(out, g)
		}
	}
	for _, arg := range cc.Args {
		b.jobFuncs(arg, l.Method, 0, add)
	}
	return out
}

func (b *builder) jobFuncs(v ssa.Value, method string, depth int, add func(*Func)) {
	if depth > maxHanded {
		return
	}
	switch x := v.(type) {
	case *ssa.MakeInterface:
		b.jobFuncs(x.X, method, depth+1, add)
		return
	case *ssa.Call:
		if g := x.Call.StaticCallee(); g != nil && b.funcs[g] == nil && types.IsInterface(x.Type()) {
			for _, a := range x.Call.Args {
				if types.Identical(a.Type(), x.Type()) {
					b.jobFuncs(a, method, depth+1, add)
				}
			}
		}
	}
	for _, g := range b.handedFuncs(v, false) {
		add(g)
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
			add(g)
		}
	}
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
