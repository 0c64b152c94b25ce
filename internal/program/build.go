package program

import (
	"go/ast"
	"go/token"
	"go/types"
	"iter"
	"slices"
	"sort"
	"strings"
	"time"

	"golang.org/x/tools/go/callgraph"
	"golang.org/x/tools/go/callgraph/cha"
	"golang.org/x/tools/go/callgraph/vta"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/internal/httpapi"
	"github.com/sqlheat/sqlheat/passes/queries"
)

// builder holds go/ssa's program while the graph is built; none of it is
// kept.
type builder struct {
	p       *Program
	prog    *ssa.Program
	funcs   map[*ssa.Function]*Func
	rev     map[*Func]*ssa.Function
	calls   map[ssa.CallInstruction]*Call
	gen     map[*token.File]bool // the module's files, generated or not
	methods map[string][]*Func   // concrete methods by types.Func.Id, built on first use
	// carriers are the calls of the func-typed fields set in one place
	// only (see carriedFields).
	carriers map[*types.Var][]paramCall
	// visiting are the functions higherOrder is finding the parameter
	// calls of, down the current path (see runs).
	visiting map[*ssa.Function]bool
	// async are the calls (by Pos) that start a goroutine their function
	// does not wait for (Call.Async), callbacks of code outside the module
	// that runs them later included.
	async map[token.Pos]bool
	// scheduled are those of async that hand a function to a scheduler,
	// which runs it periodically (Call.Scheduled).
	scheduled map[token.Pos]bool
	// handedOn are the functions handed to run later through a helper's
	// parameter, by the helper's call that handed them (laterFunc.via):
	// their edges go to that call's function, once every call is built
	// (see placeHandedOn).
	handedOn []handedOn
	// made are the module functions handed to outside functions that
	// make a handler or a middleware, by the call's Lparen (see
	// madeHandlers).
	made map[token.Pos][]*Func
	// madeIn are the calls making a handler outside the module that an
	// outside constructor making one is handed, by its Lparen (see
	// madeHandlers).
	madeIn  map[token.Pos][]token.Pos
	callers map[*ssa.Function][]*ssa.CallCommon // see staticCallers
	waiters map[*ssa.Function]bool              // see callersWait, by helper
	valued  map[*types.Func]bool                // see takenAsValue
	invoked map[string]bool                     // see takenAsValue
	own     []types.Type                        // see ownHandlerTypes
	// capGuards are, by function, its blocks' capability guards (see
	// capguards.go), computed on first use.
	capGuards map[*ssa.Function][][]capGuard
	// ctorMade and copies are what constructors' calls make, and the
	// copies of their closures bound to a call (see ctors.go).
	ctorMade map[*ssa.Call]ctorResult
	copies   []*boundCopy
	// outside are the calls the call graph gives a callee outside the
	// module, and rets the constant results of functions (see never.go).
	outside map[ssa.CallInstruction]bool
	rets    map[retKey]*retConst
	// gqlExec are the module's GraphQL schemas' Exec methods and their
	// closures, once gqlDone (see graphql.go).
	gqlExec []*Func
	gqlDone bool
	// collects are the module's Prometheus collectors' Collect methods,
	// once collectDone (see metrics.go).
	collects    []*Func
	collectDone bool
	// gqlOf are the same, by the schema type they are methods of.
	gqlOf map[*types.TypeName][]*Func
	// fieldStores are the values stored into the func-typed fields of
	// the module's structs, once asked (see funcfields.go).
	fieldStores map[*types.Var][]ssa.Value
	// fieldCallsIdx indexes the functions those fields hold and the
	// calls of each field (see fieldparams.go), found once.
	fieldCallsIdx *fieldCalls
	// convs are the module's functions converted to each named func
	// type, once asked (see funcconvs.go).
	convs map[*types.TypeName][]*Func
	// madeStores are the values stored into the fields of the module's
	// structs whose type is an interface of another module (see
	// madeFieldFuncs).
	madeStores map[*types.Var][]ssa.Value
	// ctxStores are the functions the module stores in contexts, once
	// asked (see ctxfuncs.go).
	ctxStores *[]ctxStore
}

func build(pkgs []*packages.Package, how initial) (*Program, error) {
	p := &Program{
		byDecl: map[*types.Func]*Func{},
		byLit:  map[*ast.FuncLit]*Func{},
		sites:  map[token.Pos]*queries.Site{},
		siteAt: map[token.Pos]*queries.Site{},
		pkgs:   map[string]*packages.Package{},
		loaded: pkgs,
	}
	mods := p.modulePackages(pkgs)
	if len(mods) == 0 {
		return p, nil
	}
	p.Fset = mods[0].Fset
	b := &builder{p: p, funcs: map[*ssa.Function]*Func{}, gen: map[*token.File]bool{}, calls: map[ssa.CallInstruction]*Call{}, async: map[token.Pos]bool{}, scheduled: map[token.Pos]bool{}}
	for _, m := range mods {
		for _, f := range m.Syntax {
			b.gen[p.Fset.File(f.FileStart)] = ast.IsGenerated(f)
		}
	}

	start := time.Now()
	// InstantiateGenerics: vta needs the bodies of instantiations, where
	// the types that flow are concrete.
	b.prog = ssa.NewProgram(p.Fset, ssa.InstantiateGenerics)
	created := map[*packages.Package]*ssa.Package{}
	isMod := map[*packages.Package]bool{}
	for _, m := range mods {
		isMod[m] = true
	}
	packages.Visit(mods, nil, func(q *packages.Package) {
		if q.Types == nil {
			return
		}
		if isMod[q] {
			created[q] = b.prog.CreatePackage(q.Types, q.Syntax, q.TypesInfo, true)
		} else {
			created[q] = b.prog.CreatePackage(q.Types, nil, nil, true)
		}
	})
	var built []*ssa.Package
	for _, m := range mods {
		built = append(built, created[m])
	}
	b.prog.Build()
	p.Stats.SSA = time.Since(start)
	p.Stats.Packages = len(mods)

	start = time.Now()
	fns := b.moduleFuncs(built)
	// Generated code (protocol buffers, API servers, sqlc) is most of the
	// functions of many services and little of their flow of interfaces:
	// its calls are followed where they are static, and through the
	// module's interfaces by their types (see addCall), but the type
	// propagation runs over the code people write.
	written := map[*ssa.Function]bool{}
	for fn := range fns {
		if !b.generated(fn) {
			written[fn] = true
		}
	}
	p.Stats.Written = len(written)
	var cg *callgraph.Graph
	switch how {
	case initialCHA:
		cg = vta.CallGraph(written, cha.CallGraph(b.prog))
	case initialVTALazy:
		cg = vta.CallGraph(written, nil)
	default:
		cg = vta.CallGraph(written, b.initial(written))
	}
	b.link(fns, cg)
	b.outwardUses(fns, mods)
	p.Stats.CallGraph = time.Since(start)
	return p, nil
}

// modulePackages picks the packages the graph is built from: the main
// module's, with syntax, not test variants, test packages or test
// support, that type-checked, as did every module package they import.
func (p *Program) modulePackages(pkgs []*packages.Package) []*packages.Package {
	// Test support is left out: nothing the program runs calls it, and
	// its fixtures handed to the program's functions would flow, in a
	// call graph, wherever those functions' other arguments do.
	tests := TestSupport(pkgs)
	var cands []*packages.Package
	for _, q := range pkgs {
		if len(q.Syntax) == 0 || q.Types == nil || isTest(q) || tests[q.PkgPath] {
			continue
		}
		cands = append(cands, q)
	}
	broken := map[string]string{} // path -> why
	for _, q := range cands {
		if len(q.Errors) > 0 || q.IllTyped {
			broken[q.PkgPath] = "does not type-check"
		}
	}
	// A package importing a broken one has calls SSA cannot build.
	for changed := true; changed; {
		changed = false
		for _, q := range cands {
			if _, ok := broken[q.PkgPath]; ok {
				continue
			}
			for path := range q.Imports {
				if _, ok := broken[path]; ok {
					broken[q.PkgPath] = "imports " + path + ", which does not type-check"
					changed = true
					break
				}
			}
		}
	}
	var out []*packages.Package
	for _, q := range cands {
		if why, ok := broken[q.PkgPath]; ok {
			p.skipped = append(p.skipped, q.PkgPath+": "+why)
			continue
		}
		out = append(out, q)
		p.pkgs[q.PkgPath] = q
	}
	sort.Strings(p.skipped)
	return out
}

// generated reports whether fn is written in a generated file (one with
// the "Code generated ... DO NOT EDIT." line).
func (b *builder) generated(fn *ssa.Function) bool {
	return b.gen[b.p.Fset.File(fn.Pos())]
}

// moduleFuncs collects the functions the graph is over: every function
// and method declared in the module's packages, their closures, and the
// instantiations and wrappers the module's code refers to. Dependencies'
// functions are not in it: they have no bodies (export data), and what
// they call back is seen where the module hands them a function.
func (b *builder) moduleFuncs(built []*ssa.Package) map[*ssa.Function]bool {
	fns := map[*ssa.Function]bool{}
	inModule := map[*ssa.Package]bool{}
	for _, pkg := range built {
		inModule[pkg] = true
	}
	var work []*ssa.Function
	add := func(fn *ssa.Function) {
		if fn == nil || fns[fn] {
			return
		}
		fns[fn] = true
		work = append(work, fn)
	}
	for _, pkg := range built {
		for _, m := range pkg.Members {
			switch m := m.(type) {
			case *ssa.Function:
				add(m)
			case *ssa.Type:
				// Methods of T and *T, with the wrappers of methods
				// promoted from embedded fields: an interface call on T
				// dispatches to the wrapper.
				if types.IsInterface(m.Type()) {
					continue
				}
				if n, ok := m.Type().(*types.Named); ok && n.TypeParams().Len() > 0 {
					continue // generic: its instantiations are found from their uses
				}
				for _, t := range []types.Type{m.Type(), types.NewPointer(m.Type())} {
					mset := b.prog.MethodSets.MethodSet(t)
					for i := 0; i < mset.Len(); i++ {
						add(b.prog.MethodValue(mset.At(i)))
					}
				}
			}
		}
	}
	// The closures of each function, and what module code refers to:
	// instantiations of generic functions, method values' wrappers, the
	// methods of instantiated generic types converted to interfaces.
	ours := func(fn *ssa.Function) bool {
		for fn != nil {
			if fn.Pkg != nil {
				return inModule[fn.Pkg]
			}
			if o := fn.Origin(); o != nil && o != fn {
				fn = o
				continue
			}
			if obj, ok := fn.Object().(*types.Func); ok && obj.Pkg() != nil {
				return b.p.pkgs[obj.Pkg().Path()] != nil
			}
			return false
		}
		return false
	}
	for len(work) > 0 {
		fn := work[len(work)-1]
		work = work[:len(work)-1]
		for _, anon := range fn.AnonFuncs {
			add(anon)
		}
		var rands []*ssa.Value
		for _, blk := range fn.Blocks {
			for _, instr := range blk.Instrs {
				if mi, ok := instr.(*ssa.MakeInterface); ok {
					b.addMethods(mi.X.Type(), ours, add)
				}
				rands = instr.Operands(rands[:0])
				for _, r := range rands {
					if g, ok := (*r).(*ssa.Function); ok && ours(g) {
						add(g)
					}
				}
			}
		}
	}
	return fns
}

// addMethods adds the methods of an instantiated generic type of the
// module, converted to an interface: they exist only once some code
// needs them.
func (b *builder) addMethods(t types.Type, ours func(*ssa.Function) bool, add func(*ssa.Function)) {
	n, ok := types.Unalias(derefType(t)).(*types.Named)
	if !ok || n.TypeArgs().Len() == 0 || n.Obj().Pkg() == nil || b.p.pkgs[n.Obj().Pkg().Path()] == nil {
		return
	}
	mset := b.prog.MethodSets.MethodSet(t)
	for i := 0; i < mset.Len(); i++ {
		if fn := b.prog.MethodValue(mset.At(i)); fn != nil && ours(fn) {
			add(fn)
		}
	}
}

func derefType(t types.Type) types.Type {
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		return ptr.Elem()
	}
	return t
}

// link makes a Func of each function of fns and a Call of each of its
// call instructions, with the callees the call graph gives among fns.
func (b *builder) link(fns map[*ssa.Function]bool, cg *callgraph.Graph) {
	p := b.p
	for fn := range fns {
		f := b.newFunc(fn)
		b.funcs[fn] = f
		p.list = append(p.list, f)
	}
	for fn, f := range b.funcs {
		for _, anon := range fn.AnonFuncs {
			if g := b.funcs[anon]; g != nil {
				f.anon = append(f.anon, g)
			}
		}
		sort.Slice(f.anon, func(i, j int) bool { return p.less(f.anon[i], f.anon[j]) })
		f.returns = b.returnedFuncs(fn)
	}
	p.index()
	b.ownHandlerTypes()
	for _, f := range p.list {
		fn := b.ssaOf(f)
		out := map[ssa.CallInstruction][]*Func{}
		if node := cg.Nodes[fn]; node != nil {
			for _, e := range node.Out {
				if g := b.funcs[e.Callee.Func]; g != nil {
					out[e.Site] = append(out[e.Site], g)
				} else {
					if b.outside == nil {
						b.outside = map[ssa.CallInstruction]bool{}
					}
					b.outside[e.Site] = true
				}
			}
		}
		f.flow = newFlow(fn)
		for _, blk := range fn.Blocks {
			for i, instr := range blk.Instrs {
				if ci, ok := instr.(ssa.CallInstruction); ok {
					b.calls[ci] = b.addCall(f, ci, int32(i), out[ci])
				}
			}
		}
	}
	b.registryCalls()
	b.grpcClients()
	b.narrowInvokes(b.uses())
	u := b.uses()
	b.higherOrder(u)
	b.placeHandedOn()
	b.boundFields(u)
	b.listFields(u)
	b.outerFields(u)
	b.madeHandlers()
	b.handlerFieldFuncs()
	b.adapters()
	b.genericWrappers()
	b.structHandlers()
	b.fillCopies()
	b.neverRun()
}

// returnedFuncs are the closures fn returns when its one result is a
// func: a handler constructor of the application's own handler type
// (func Index() web.HandlerFunc { return func(c *web.Context) error
// {...} }), whose closure is what a route registered with Index()
// serves (see handlerFuncs).
func (b *builder) returnedFuncs(fn *ssa.Function) []*Func {
	res := fn.Signature.Results()
	if res.Len() != 1 {
		return nil
	}
	if _, ok := res.At(0).Type().Underlying().(*types.Signature); !ok {
		return nil
	}
	var out []*Func
	b.returnedClosuresOf(fn, 0, &out)
	sort.Slice(out, func(i, j int) bool { return b.p.less(out[i], out[j]) })
	return out
}

// maxReturnedDepth bounds how many factories' calls returnedFuncs
// follows (JWTByHeader(c) { return jwtAuthorization(c, header) }).
const maxReturnedDepth = 3

// returnedClosuresOf adds to out the closures fn returns, and those the
// module's functions it returns a call of return, when they take no
// function: one that does is an adapter, whose closure runs what each
// call hands it (see adapters.go).
func (b *builder) returnedClosuresOf(fn *ssa.Function, depth int, out *[]*Func) {
	for _, v := range returned1(fn) {
		if call, ok := unconverted(v).(*ssa.Call); ok && depth < maxReturnedDepth {
			if g := call.Call.StaticCallee(); g != nil && g != fn && b.funcs[g] != nil && g.Signature.Results().Len() == 1 && !takesFunc(g.Signature) {
				b.returnedClosuresOf(g, depth+1, out)
			}
			continue
		}
		g := b.funcValue(v)
		if g == nil || !g.closure || slices.Contains(*out, g) {
			continue // a declared function returned: not made here
		}
		*out = append(*out, g)
	}
}

// takesFunc reports whether a parameter of sig is a function or a list
// of functions.
func takesFunc(sig *types.Signature) bool {
	for v := range sig.Params().Variables() {
		t := v.Type().Underlying()
		if s, ok := t.(*types.Slice); ok {
			t = s.Elem().Underlying()
		}
		if _, ok := t.(*types.Signature); ok {
			return true
		}
	}
	return false
}

// ssaOf is the SSA function of f, while the builder has it.
func (b *builder) ssaOf(f *Func) *ssa.Function {
	if b.rev == nil {
		b.rev = make(map[*Func]*ssa.Function, len(b.funcs))
		for fn, g := range b.funcs {
			b.rev[g] = fn
		}
	}
	return b.rev[f]
}

// addCall records one call instruction of f, the seq-th of its block.
func (b *builder) addCall(f *Func, ci ssa.CallInstruction, seq int32, callees []*Func) *Call {
	p := b.p
	cc := ci.Common()
	static := cc.StaticCallee()
	c := &Call{Pos: cc.Pos(), Static: static != nil, block: int32(ci.Block().Index), seq: seq}
	f.Calls = append(f.Calls, c)
	p.Stats.Calls++
	if _, builtin := cc.Value.(*ssa.Builtin); builtin {
		return c
	}
	if static != nil && len(callees) == 0 && b.funcs[static] != nil {
		callees = []*Func{b.funcs[static]} // a call of generated code, which the call graph leaves out
	}
	var made []*Func // see madeFieldFuncs
	if static == nil {
		p.Stats.Dynamic++
		if dispatch(cc) || b.callsNext(cc) {
			// A router or middleware handing the request on, unless the
			// handler is one this function made (see madeHere), or
			// promhttp's, which runs the collectors (see metrics.go).
			if fs := b.scraped(cc.Value); len(fs) > 0 {
				f.Calls = append(f.Calls, &Call{Pos: c.Pos, Callees: fs, Callback: true, External: cc.Method, block: c.block, seq: c.seq})
				return c
			}
			if callees = b.madeHere(cc.Value); len(callees) == 0 {
				return c
			}
		} else {
			callees = b.ownLiteral(cc.Value, b.applied(cc, callees))
		}
		if len(callees) == 0 && !cc.IsInvoke() {
			// A func value the call graph gave nothing for (its type
			// propagation skips generated code): the closure this
			// function made, through the middlewares' chain (a strict
			// server's handler, see madeHere), or the closure the
			// enclosing function bound to the variable a closure calls
			// (gqlgen's generated field dispatch: rrm := func(...) {...};
			// out.Concurrently(i, func(...) { return rrm(ctx) })).
			if callees = b.madeHere(cc.Value); len(callees) == 0 {
				callees = b.capturedFuncs(cc.Value)
			}
			if len(callees) == 0 {
				// A function a struct of the module keeps, called in
				// generated code (a dataloader's l.fetch(keys), see
				// funcfields.go).
				callees = b.funcFields(cc.Value)
			}
			if len(callees) == 0 {
				// A parameter of a function a field holds, called with
				// what the field's calls pass (gqlgen's directives, see
				// fieldparams.go).
				callees = b.fieldParamFuncs(cc.Value)
			}
			if len(callees) == 0 {
				// A function a middleware put into the request's
				// context (see ctxfuncs.go).
				callees = b.ctxFuncs(cc.Value)
			}
			if len(callees) == 0 {
				// A value of a named func type, a handler adapter's
				// receiver (see funcconvs.go).
				callees = b.convertedTo(cc.Value)
			}
		}
		if len(callees) == 0 && cc.IsInvoke() {
			// No value VTA saw flows to the receiver: it came through
			// code without bodies here — a dependency injection
			// container, reflection, a context value, generated code.
			// For an interface of the module (a Store, a Service), every
			// implementation in the module is a candidate, as
			// class-hierarchy analysis says; interfaces of other packages
			// (io.Writer, error) are implemented by too much to guess.
			// Unless the module's code shows the value is a
			// dependency's (see outsidevalues.go).
			if b.fromOutside(cc.Value, maxOutsideDepth) {
				p.Stats.Outside++
			} else if callees = b.implementations(cc); len(callees) > 0 {
				c.Assumed = true
				p.Stats.Assumed++
			} else if made = b.madeFieldFuncs(cc.Value); len(made) > 0 {
				p.Stats.Resolved++
			}
		}
		if len(callees) > 0 {
			p.Stats.Resolved++
		}
	}
	if static == nil {
		// Of the implementations, those a guard on a method of the same
		// value rules out (see capguards.go).
		callees, c.capped = b.capGuarded(ci, callees)
	}
	sort.Slice(callees, func(i, j int) bool { return p.less(callees[i], callees[j]) })
	c.Callees = callees
	if g, ok := ci.(*ssa.Go); ok && !b.waited(g, callees) {
		c.Async = true
		b.async[c.Pos] = true
	}
	if len(made) > 0 {
		// A dependency's interface held in the module's field, set with
		// what a dependency's constructor made from the module's
		// functions (see madeFieldFuncs): its method runs each of them,
		// as the constructor's value does, not with this call's
		// arguments.
		for _, g := range made {
			f.Calls = append(f.Calls, &Call{Pos: c.Pos, Callees: []*Func{g}, Callback: true, External: cc.Method, block: c.block, seq: c.seq})
		}
		return c
	}
	if static == nil && len(callees) == 0 && b.outsideFuncField(cc) {
		// A func value a dependency's struct holds (gqlgen's
		// OperationContext.ResolverMiddleware): code outside the module,
		// which runs the module's functions it is handed, as below.
		for _, arg := range cc.Args {
			for _, g := range b.handedFuncs(arg, false) {
				if !registered(g.sig, g.sig) {
					f.Calls = append(f.Calls, &Call{Pos: c.Pos, Callees: []*Func{g}, Callback: true, block: c.block, seq: c.seq})
				}
			}
		}
		return c
	}
	if static == nil && len(callees) == 0 && cc.IsInvoke() && b.outsideIface(cc.Value.Type()) {
		// A method of a dependency's interface whose value the graph
		// does not follow (pocketbase's core.App, held in the request
		// event): code outside the module, which runs the functions it
		// is handed in place, as a function outside does below
		// (app.RunInTransaction(func(tx core.App) error {...})), unless
		// it runs them later (a scheduler's) or they are handlers it
		// registers.
		if _, later := queries.StartsLater(cc.Method); !later {
			for _, arg := range cc.Args {
				for _, g := range b.handedFuncs(arg, false) {
					if !registered(g.sig, g.sig) {
						f.Calls = append(f.Calls, &Call{Pos: c.Pos, Callees: []*Func{g}, Callback: true, External: cc.Method, block: c.block, seq: c.seq})
					}
				}
			}
		}
		return c
	}
	if static == nil || b.funcs[static] != nil {
		return c
	}
	// A function outside the module. It may start serving, and it may run
	// the module's functions it is handed (a transaction helper's body,
	// sync.Once's function, an errgroup's goroutine). A handler or a
	// middleware handed to a router is registered, not run.
	obj, _ := static.Object().(*types.Func)
	if obj != nil && serves[obj.Origin().FullName()] {
		f.Serves = true
	}
	if httpapi.ServesGraphQL(obj) {
		// A gqlgen server serving the request: it runs the schema (see
		// graphql.go), once each: the one it was made with, when its
		// value says.
		if fs := b.graphQLServed(cc.Args[0]); len(fs) > 0 {
			f.Calls = append(f.Calls, &Call{Pos: c.Pos, Callees: fs, Callback: true, External: obj, block: c.block, seq: c.seq})
		}
	}
	if obj != nil && obj.FullName() == "(net/http.HandlerFunc).ServeHTTP" && len(cc.Args) > 0 {
		// gqlgen's older handler.GraphQL(es) makes a plain HandlerFunc:
		// its ServeHTTP runs the schema when the value is traced to such
		// a call (any other HandlerFunc's is not).
		var fs []*Func
		if b.serverSchemas(cc.Args[0], 0, func(gs []*Func) {
			for _, g := range gs {
				if !slices.Contains(fs, g) {
					fs = append(fs, g)
				}
			}
		}) && len(fs) > 0 {
			f.Calls = append(f.Calls, &Call{Pos: c.Pos, Callees: fs, Callback: true, External: obj, block: c.block, seq: c.seq})
		}
	}
	if makesScrape(obj) {
		// promhttp's handler: run per request by the handler, as a
		// route registering it says (see metrics.go, madeHandlers).
		if fs := b.collectors(); len(fs) > 0 {
			if b.made == nil {
				b.made = map[token.Pos][]*Func{}
			}
			b.made[c.Pos] = append(b.made[c.Pos], fs...)
		}
	}
	if httpapi.TakesGraphQLSchema(obj) {
		// A gqlgen handler made from a schema: run per request by the
		// handler, as a route registering it says (see madeHandlers);
		// the schema it is handed, when its value says which.
		if fs := b.graphQLExecOf(cc.Args); len(fs) > 0 {
			if b.made == nil {
				b.made = map[token.Pos][]*Func{}
			}
			b.made[c.Pos] = append(b.made[c.Pos], fs...)
		}
	}
	if l, ok := queries.StartsLater(obj); ok {
		// Run later, on a goroutine of its own (see queries.StartsLater): what
		// it is handed, whatever the value it came as, and marked even
		// when it is none of the module's here (a parameter: the chains
		// through it are, see higherOrder).
		b.async[c.Pos] = true
		if l.Periodic {
			b.scheduled[c.Pos] = true
		}
		for _, h := range b.laterFuncs(cc, l) {
			if h.via != nil {
				b.handedOn = append(b.handedOn, handedOn{h, obj, l.Periodic})
				continue
			}
			f.Calls = append(f.Calls, &Call{Pos: c.Pos, Callees: []*Func{h.fn}, Callback: true, External: obj, Async: true, Scheduled: l.Periodic, Job: h.name, block: c.block, seq: c.seq})
		}
		return c
	}
	makes := makesHandler(static.Signature)
	for _, arg := range cc.Args {
		if makes {
			if inner := madeArg(arg); inner != nil && b.funcs[inner.Call.StaticCallee()] == nil {
				// A handler made outside the module wrapping another
				// made so (otelhttp.NewHandler(kithttp.NewServer(...),
				// "op")): it runs what the inner one runs (madeHandlers).
				if b.madeIn == nil {
					b.madeIn = map[token.Pos][]token.Pos{}
				}
				b.madeIn[c.Pos] = append(b.madeIn[c.Pos], inner.Pos())
			}
		}
		for _, g := range b.handedFuncs(arg, makes) {
			if registered(g.sig, g.sig) && !(makes && !httpapi.IsHandlerType(g.sig) && !httpapi.IsMiddlewareSig(g.sig)) {
				// A handler or middleware handed over is registered
				// (the routes pass resolves one a made handler wraps);
				// a function taking the request that is neither (go-kit's
				// decoder func(ctx, *http.Request) (any, error)) the
				// made handler runs per request.
				continue
			}
			if makes {
				// Run per request by the handler made, not by this call.
				if b.made == nil {
					b.made = map[token.Pos][]*Func{}
				}
				b.made[c.Pos] = append(b.made[c.Pos], g)
				continue
			}
			once := obj != nil && queries.IsOnceDo(obj)
			f.Calls = append(f.Calls, &Call{Pos: c.Pos, Callees: []*Func{g}, Callback: true, External: obj, Once: once, Async: c.Async, block: c.block, seq: c.seq})
		}
	}
	return c
}

// handedOn is a function handed to run later through a helper's
// parameter (see laterFuncs): to is the function of queries.StartsLater
// the helper hands it to, periodic whether that runs it on a schedule.
type handedOn struct {
	later    laterFunc
	to       *types.Func
	periodic bool
}

// placeHandedOn gives the functions handed to run later through a
// helper's parameter their edges: from the helper's call that handed
// each, which starts it as the helper's call of the function of
// queries.StartsLater would. Whoever runs that call registers it; a
// caller of the helper no entry reaches starts nothing. After
// higherOrder, whose edge for a parameter handed on as it is (see
// runsCallback) is the same: it gets the job's name instead.
func (b *builder) placeHandedOn() {
	if len(b.handedOn) == 0 {
		return
	}
	at := map[*ssa.CallCommon]ssa.CallInstruction{}
	for ci := range b.calls {
		at[ci.Common()] = ci
	}
	for _, h := range b.handedOn {
		ci := at[h.later.via]
		if ci == nil {
			continue
		}
		f, c := b.funcs[ci.Parent()], b.calls[ci]
		if f == nil || c == nil {
			continue
		}
		// The helper handing its parameter on as it is: higherOrder
		// gave the call its edge already, without the job's name.
		if i := slices.IndexFunc(f.Calls, func(d *Call) bool {
			return d.Pos == c.Pos && d.Async && d.Scheduled == h.periodic && slices.Equal(d.Callees, []*Func{h.later.fn})
		}); i >= 0 {
			if f.Calls[i].Job == "" {
				f.Calls[i].Job = h.later.name
			}
			continue
		}
		f.Calls = append(f.Calls, &Call{Pos: c.Pos, Callees: []*Func{h.later.fn}, Callback: true, External: h.to, Async: true, Scheduled: h.periodic, Job: h.later.name, block: c.block, seq: c.seq})
	}
	b.handedOn = nil
}

// handedFuncs are the module functions a value handed to code outside the
// module can be: the function it denotes; for the result of a call of a
// module function that makes one (g.Go(task(ctx, repo.Search))), the
// closures that function returns; for a variable a closure captured, what
// its closure was made with. Nothing in the module calls those: the
// outside code does, and without an edge here the call graph would stop
// at the hand-off. With params, a parameter is what its function's callers
// pass, all of them: for a function that runs its callback during the
// call (prime(fn) { once.Do(fn) }), the higher-order rewiring gives each
// caller its own instead (see higher.go); a handler made from it runs
// per request whichever caller made it (RX(r, path, constructor)).
func (b *builder) handedFuncs(v ssa.Value, params bool) []*Func {
	var out []*Func
	b.valueFuncs(v, 0, params, func(g *Func) {
		if !slices.Contains(out, g) {
			out = append(out, g)
		}
	})
	return out
}

// instrs yields every instruction of the module's functions, with its
// function, in no particular order: the walks that index the module once
// (stores into fields, conversions, calls of fields) range over it.
func (b *builder) instrs() iter.Seq2[ssa.Instruction, *ssa.Function] {
	return func(yield func(ssa.Instruction, *ssa.Function) bool) {
		for fn := range b.funcs {
			for _, blk := range fn.Blocks {
				for _, instr := range blk.Instrs {
					if !yield(instr, fn) {
						return
					}
				}
			}
		}
	}
}

// maxHanded bounds the closures, calls and callers handedFuncs follows.
const maxHanded = 8

func (b *builder) valueFuncs(v ssa.Value, depth int, params bool, add func(*Func)) {
	if g := b.funcValue(v); g != nil {
		add(g)
		return
	}
	if depth >= maxHanded {
		return
	}
	switch v := v.(type) {
	case *ssa.ChangeType: // rest.RepositoryConstructor(f)
		b.valueFuncs(v.X, depth, params, add)
	case *ssa.Call: // a function making it
		maker := v.Call.StaticCallee()
		if maker == nil || b.funcs[maker] == nil {
			// A wrapper the module does not declare, returning a
			// function of the type it is handed (go-kit's
			// endpoint.Chain(mw1, mw2)(ep), a circuit breaker's
			// middleware(ep)): what it returns calls what it wraps.
			if _, ok := v.Type().Underlying().(*types.Signature); ok {
				for _, arg := range v.Call.Args {
					if types.Identical(arg.Type(), v.Type()) {
						b.valueFuncs(arg, depth+1, params, add)
					}
				}
			}
			return
		}
		if maker.Signature.Results().Len() != 1 {
			return
		}
		for _, blk := range maker.Blocks {
			if len(blk.Instrs) == 0 {
				continue
			}
			if ret, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.Return); ok && len(ret.Results) == 1 {
				b.valueFuncs(ret.Results[0], depth+1, params, add)
			}
		}
	case *ssa.UnOp: // a load of a variable, maybe one a closure captured
		if v.Op == token.MUL {
			b.varFuncs(v.X, depth+1, params, add)
		}
	case *ssa.FreeVar: // what the closure was made with
		b.bindings(v, func(bound ssa.Value) { b.valueFuncs(bound, depth+1, params, add) })
	case *ssa.Parameter: // what its function's callers pass
		if !params {
			return
		}
		fn := v.Parent()
		i := slices.Index(fn.Params, v)
		for _, cc := range b.staticCallers()[fn] {
			if i >= 0 && i < len(cc.Args) {
				b.valueFuncs(cc.Args[i], depth+1, params, add)
			}
		}
	}
}

// outsideFuncField reports whether a dynamic call calls a func-typed
// field of a struct declared outside the module: a function the
// dependency set, not the module.
func (b *builder) outsideFuncField(cc *ssa.CallCommon) bool {
	if cc.IsInvoke() {
		return false
	}
	v := cc.Value
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		v = u.X
	}
	var st types.Type
	switch x := v.(type) {
	case *ssa.FieldAddr:
		st = x.X.Type().Underlying().(*types.Pointer).Elem()
	case *ssa.Field:
		st = x.X.Type()
	default:
		return false
	}
	n, ok := types.Unalias(st).(*types.Named)
	return ok && n.Obj().Pkg() != nil && b.p.pkgs[n.Obj().Pkg().Path()] == nil
}

// capturedFuncs are the functions a closure's captured variable holds,
// when the function enclosing it assigned it once, with a function or a
// closure (rrm := func(...) {...}; f(func() { rrm(ctx) })): the callees
// of a call of the variable, which the call graph leaves without any in
// generated code. nil for anything else (a parameter captured: a
// middleware's next).
func (b *builder) capturedFuncs(v ssa.Value) []*Func {
	switch x := v.(type) {
	case *ssa.UnOp:
		if _, ok := x.X.(*ssa.FreeVar); !ok || x.Op != token.MUL {
			return nil
		}
	case *ssa.FreeVar:
	default:
		return nil
	}
	var out []*Func
	b.valueFuncs(v, 0, false, func(g *Func) {
		if !slices.Contains(out, g) {
			out = append(out, g)
		}
	})
	return out
}

// varFuncs are the functions the variable at addr holds: a local
// variable (an Alloc, captured by closures) assigned once, found through
// the closures that captured it.
func (b *builder) varFuncs(addr ssa.Value, depth int, params bool, add func(*Func)) {
	if depth >= maxHanded {
		return
	}
	switch addr := addr.(type) {
	case *ssa.Alloc:
		if fs := structFieldStores(addr); fs != nil {
			// A struct of funcs (a library's config: HandlerConfig{GetFunc:
			// func(...) {...}}), handed whole: the funcs its fields were
			// given.
			for _, v := range fs {
				b.valueFuncs(v, depth+1, params, add)
			}
			return
		}
		if stores(addr) != 1 {
			return // assigned again: it may hold anything
		}
		for _, instr := range *addr.Referrers() {
			if st, ok := instr.(*ssa.Store); ok && st.Addr == addr {
				b.valueFuncs(st.Val, depth+1, params, add)
			}
		}
	case *ssa.FreeVar:
		b.bindings(addr, func(bound ssa.Value) { b.varFuncs(bound, depth+1, params, add) })
	}
}

// structFieldStores are the func values stored in the func-typed fields
// of a local struct variable written field by field (a literal) and
// never whole; nil for any other variable.
func structFieldStores(addr *ssa.Alloc) []ssa.Value {
	st, ok := addr.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var out []ssa.Value
	for _, instr := range *addr.Referrers() {
		switch x := instr.(type) {
		case *ssa.Store:
			return nil // written whole
		case *ssa.FieldAddr:
			if _, isFunc := st.Field(x.Field).Type().Underlying().(*types.Signature); !isFunc {
				continue
			}
			for _, r := range *x.Referrers() {
				if s, ok := r.(*ssa.Store); ok && s.Addr == x {
					out = append(out, s.Val)
				}
			}
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// bindings calls f with what each closure of v's function was made with
// for v.
func (b *builder) bindings(v *ssa.FreeVar, f func(ssa.Value)) {
	fn := v.Parent()
	i := slices.Index(fn.FreeVars, v)
	if fn.Parent() == nil || i < 0 {
		return
	}
	for _, blk := range fn.Parent().Blocks {
		for _, instr := range blk.Instrs {
			if mc, ok := instr.(*ssa.MakeClosure); ok && mc.Fn == fn {
				f(mc.Bindings[i])
			}
		}
	}
}

// staticCallers are the static calls of each module function, built on
// first use.
func (b *builder) staticCallers() map[*ssa.Function][]*ssa.CallCommon {
	if b.callers != nil {
		return b.callers
	}
	b.callers = map[*ssa.Function][]*ssa.CallCommon{}
	for instr := range b.instrs() {
		if ci, ok := instr.(ssa.CallInstruction); ok {
			if g := ci.Common().StaticCallee(); g != nil && b.funcs[g] != nil {
				b.callers[g] = append(b.callers[g], ci.Common())
			}
		}
	}
	return b.callers
}

// makesHandler reports whether a function of signature sig returns a
// handler or a middleware: what it is handed runs per request, in what it
// returns.
func makesHandler(sig *types.Signature) bool {
	switch sig.Results().Len() {
	case 1:
	case 2: // (http.Handler, error)
		if !types.Identical(sig.Results().At(1).Type(), types.Universe.Lookup("error").Type()) {
			return false
		}
	default:
		return false
	}
	t := sig.Results().At(0).Type()
	return httpapi.IsHandlerType(t) || httpapi.IsMiddlewareType(t) || servesHTTP(t)
}

// servesHTTP reports whether a value of type t is a handler by its
// method: a concrete type whose method set has ServeHTTP(w, r) (go-kit's
// *kithttp.Server, which NewServer makes from the endpoint, decoder and
// encoder it is handed and runs them per request). An interface's is
// IsHandlerType's.
func servesHTTP(t types.Type) bool {
	if types.IsInterface(t) {
		return false
	}
	sel := types.NewMethodSet(t).Lookup(nil, "ServeHTTP")
	if sel == nil {
		return false
	}
	sig, _ := sel.Obj().Type().(*types.Signature)
	return httpapi.IsHandlerSig(sig)
}

// registered reports whether a function of type t (its signature sig)
// handed to code outside the module is registered to run per request, not
// run then: a handler, a middleware.
func registered(t types.Type, sig *types.Signature) bool {
	return httpapi.IsHandlerType(t) || httpapi.IsMiddlewareSig(sig) || takesRequest(sig)
}

// takesRequest reports whether a function takes an HTTP request or its
// response writer: a handler of a router the table does not know, which
// the code it is handed to registers and runs per request, not then (a
// registration function run at start-up would otherwise run every
// handler it registers).
func takesRequest(sig *types.Signature) bool {
	for i := 0; i < sig.Params().Len(); i++ {
		switch types.TypeString(types.Unalias(sig.Params().At(i).Type()), nil) {
		case "net/http.ResponseWriter", "*net/http.Request":
			return true
		}
	}
	return false
}

// implementations are the module's methods that an invoke of a module
// interface's method can dispatch to.
func (b *builder) implementations(cc *ssa.CallCommon) []*Func {
	named, ok := types.Unalias(cc.Value.Type()).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || b.p.pkgs[named.Obj().Pkg().Path()] == nil {
		return nil
	}
	iface, ok := named.Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	return b.implementing(iface, cc.Method.Id())
}

// implementing are the module's methods of the given id whose receiver
// implements iface.
func (b *builder) implementing(iface *types.Interface, id string) []*Func {
	if b.methods == nil {
		b.methods = map[string][]*Func{}
		for fn, f := range b.funcs {
			if recv := fn.Signature.Recv(); recv != nil && fn.Parent() == nil && !types.IsInterface(recv.Type()) {
				if obj, ok := fn.Object().(*types.Func); ok {
					b.methods[obj.Id()] = append(b.methods[obj.Id()], f)
				}
			}
		}
	}
	var out []*Func
	for _, f := range b.methods[id] {
		if types.Implements(f.sig.Recv().Type(), iface) {
			out = append(out, f)
		}
	}
	return out
}

// funcValue is the module function a value denotes: a function, a method
// value's wrapper, or a closure.
func (b *builder) funcValue(v ssa.Value) *Func {
	switch v := v.(type) {
	case *ssa.Function:
		return b.funcs[v]
	case *ssa.MakeClosure:
		if fn, ok := v.Fn.(*ssa.Function); ok {
			return b.funcs[fn]
		}
	case *ssa.ChangeType:
		return b.funcValue(v.X) // http.HandlerFunc(f) and the like
	}
	return nil
}

// dispatch reports whether a dynamic call hands a request to a handler:
// next.ServeHTTP(w, r) in a middleware, next(w, r) on an
// http.HandlerFunc. What it reaches is the route's handler, already an
// entry of its own; following it would give a middleware the queries of
// every route behind it.
func dispatch(cc *ssa.CallCommon) bool {
	if cc.IsInvoke() {
		return cc.Method.Name() == "ServeHTTP" || httpapi.IsHandlerType(cc.Value.Type())
	}
	return httpapi.IsHandlerType(cc.Value.Type())
}

// madeHere are the functions a handler value v holds when the function
// calling it made it, alone or wrapped in middlewares: generated servers
// (oapi-codegen's wrappers and strict handlers) bind a request's
// parameters in a closure, pass it through the middlewares' chain and
// serve what comes out,
//
//	handler := http.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
//		siw.Handler.GetThing(w, r, id)
//	}))
//	for _, middleware := range siw.HandlerMiddlewares {
//		handler = middleware(handler)
//	}
//	handler.ServeHTTP(w, r)
//
// which is this function's own work, not the request going on to another
// route's handler (see dispatch); a strict server's handler does the
// same with a func type of its own (func(f StrictHandlerFunc, operationID
// string) StrictHandlerFunc middlewares) in generated code, whose calls
// of func values the call graph leaves without callees. v is followed through conversions,
// phis and calls of a middleware (a call with an argument of v's type,
// which it wraps); anything else it may hold (a parameter, a field, a
// variable of a closure: a middleware's next) gives nil.
func (b *builder) madeHere(v ssa.Value) []*Func {
	var out []*Func
	seen := map[ssa.Value]bool{}
	var walk func(v ssa.Value) bool
	walk = func(v ssa.Value) bool {
		if seen[v] {
			return true
		}
		seen[v] = true
		switch x := v.(type) {
		case *ssa.MakeInterface:
			return walk(x.X)
		case *ssa.ChangeType:
			return walk(x.X)
		case *ssa.ChangeInterface:
			return walk(x.X)
		case *ssa.Phi:
			for _, e := range x.Edges {
				if !walk(e) {
					return false
				}
			}
			return true
		case *ssa.Call:
			// middleware(handler): what it wraps is the handler passed.
			wraps := false
			for _, arg := range x.Call.Args {
				if types.Identical(arg.Type(), x.Type()) {
					if !walk(arg) {
						return false
					}
					wraps = true
				}
			}
			return wraps
		}
		g := b.funcValue(v)
		if g == nil {
			return false
		}
		if !slices.Contains(out, g) {
			out = append(out, g)
		}
		return true
	}
	if !walk(v) {
		return nil
	}
	return out
}

// serves are the functions that start serving requests.
var serves = map[string]bool{
	"net/http.ListenAndServe":                           true,
	"net/http.ListenAndServeTLS":                        true,
	"net/http.Serve":                                    true,
	"net/http.ServeTLS":                                 true,
	"(*net/http.Server).ListenAndServe":                 true,
	"(*net/http.Server).ListenAndServeTLS":              true,
	"(*net/http.Server).Serve":                          true,
	"(*net/http.Server).ServeTLS":                       true,
	"(*github.com/gin-gonic/gin.Engine).Run":            true,
	"(*github.com/gin-gonic/gin.Engine).RunTLS":         true,
	"(*github.com/labstack/echo/v4.Echo).Start":         true,
	"(*github.com/labstack/echo/v4.Echo).StartTLS":      true,
	"(*github.com/labstack/echo/v4.Echo).StartServer":   true,
	"(*github.com/labstack/echo.Echo).Start":            true,
	"(*github.com/labstack/echo.Echo).StartTLS":         true,
	"(*github.com/labstack/echo.Echo).StartServer":      true,
	"(*github.com/labstack/echo/v5.Echo).Start":         true,
	"(*github.com/gofiber/fiber/v2.App).Listen":         true,
	"(*github.com/kataras/iris/v12.Application).Listen": true,
	"(*github.com/kataras/iris/v12.Application).Run":    true,
	"(*github.com/gofiber/fiber/v2.App).Listener":       true,
	"(*google.golang.org/grpc.Server).Serve":            true,
	"(*github.com/gogf/gf/v2/net/ghttp.Server).Run":     true,
	"(*github.com/gogf/gf/v2/net/ghttp.Server).Start":   true,
}

// newFunc describes a function of the module.
func (b *builder) newFunc(fn *ssa.Function) *Func {
	f := &Func{key: fn.String(), pos: fn.Pos(), syntax: fn.Syntax(), sig: fn.Signature}
	if fn.Pkg != nil {
		f.pkg = fn.Pkg.Pkg.Path()
	}
	f.closure = fn.Parent() != nil
	f.instance = fn.Origin() != nil
	switch {
	case fn.Synthetic == "package initializer":
		f.init = true
		f.Name = fn.Pkg.Pkg.Name() + ".init"
		return f
	case fn.Synthetic != "" && !strings.HasPrefix(fn.Synthetic, "instance of") && fn.Synthetic != "range-over-func yield":
		f.Synthetic = true // bound, thunk, promotion or instantiation wrapper
	}
	top := fn
	for top.Parent() != nil {
		top = top.Parent()
	}
	if o := top.Origin(); o != nil {
		top = o
	}
	switch obj, ok := top.Object().(*types.Func); {
	case ok:
		f.Decl = obj.Origin()
		f.Name = queries.FuncName(f.Decl)
		if obj.Pkg() != nil && f.pkg == "" {
			f.pkg = obj.Pkg().Path()
		}
	case top.Synthetic == "package initializer":
		f.Name = top.Pkg.Pkg.Name() + ".init" // a closure in a package-level var
	default:
		f.Name = fn.String()
	}
	if f.Synthetic {
		f.syntax = nil
	}
	return f
}

// initial is the call graph vta refines: the static calls, and for a call
// through an interface of the module or through a func value, every
// function of fns that could be the callee by its type (class-hierarchy
// analysis). Calls through interfaces of other packages (error,
// io.Writer, proto.Message) get none: what they reach in the module is
// not a request's query, and matching every method of the module against
// them is most of what vta's own class-hierarchy analysis costs.
func (b *builder) initial(fns map[*ssa.Function]bool) *callgraph.Graph {
	g := callgraph.New(nil)
	// The functions whose address is taken (called through a value), by
	// signature, and the concrete methods, by name and package.
	var bySig typeutil.Map
	methods := map[string][]*ssa.Function{}
	for fn := range fns {
		if recv := fn.Signature.Recv(); recv != nil && fn.Parent() == nil && !types.IsInterface(recv.Type()) {
			if obj, ok := fn.Object().(*types.Func); ok {
				methods[obj.Id()] = append(methods[obj.Id()], fn)
			}
		}
	}
	var rands []*ssa.Value
	for fn := range fns {
		for _, blk := range fn.Blocks {
			for _, instr := range blk.Instrs {
				var callee ssa.Value
				if ci, ok := instr.(ssa.CallInstruction); ok {
					callee = ci.Common().Value
				}
				rands = instr.Operands(rands[:0])
				for _, r := range rands {
					if h, ok := (*r).(*ssa.Function); ok && *r != callee && fns[h] {
						list, _ := bySig.At(h.Signature).([]*ssa.Function)
						if !slices.Contains(list, h) {
							bySig.Set(h.Signature, append(list, h))
						}
					}
				}
			}
		}
	}
	type imethod struct {
		iface *types.Interface
		id    string
	}
	memo := map[imethod][]*ssa.Function{}
	for fn := range fns {
		node := g.CreateNode(fn)
		for _, blk := range fn.Blocks {
			for _, instr := range blk.Instrs {
				site, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				cc := site.Common()
				var callees []*ssa.Function
				switch {
				case cc.StaticCallee() != nil:
					callees = []*ssa.Function{cc.StaticCallee()}
				case cc.IsInvoke():
					named, ok := types.Unalias(cc.Value.Type()).(*types.Named)
					if !ok || named.Obj().Pkg() == nil || b.p.pkgs[named.Obj().Pkg().Path()] == nil {
						continue // an interface of another package
					}
					iface := named.Underlying().(*types.Interface)
					k := imethod{iface, cc.Method.Id()}
					list, seen := memo[k]
					if !seen {
						for _, m := range methods[k.id] {
							if types.Implements(m.Signature.Recv().Type(), iface) {
								list = append(list, m)
							}
						}
						memo[k] = list
					}
					callees = list
				default:
					if _, builtin := cc.Value.(*ssa.Builtin); !builtin {
						callees, _ = bySig.At(cc.Signature()).([]*ssa.Function)
					}
				}
				for _, h := range callees {
					callgraph.AddEdge(node, site, g.CreateNode(h))
				}
			}
		}
	}
	return g
}

// A handler made outside the module from the module's functions — a REST
// library's GetAll(newRepository), whose handler calls newRepository(ctx)
// per request and then the methods of the Repository interface it
// returns — runs those functions per request, and the methods the outside
// code calls on what they return. Which methods it calls, its body (not
// loaded: dependencies come from export data) would say; the graph takes
// every method of the interface the function returns, on each concrete
// type it can return, as a call the outside code may make. The routes
// pass names the call that made a route's handler (routes.Handler.Made);
// Made gives its functions.

// made is what a handler made outside the module runs: the functions
// handed to what made it, and the methods it may call on what they
// return, of which one request runs some.
type made struct {
	handed, methods []*Func
}

// madeHandlers completes made: with each handed function, the methods of
// the interfaces it returns that the outside code may call.
func (b *builder) madeHandlers() {
	if len(b.made) == 0 {
		return
	}
	// A made handler wrapping another runs what that one runs.
	var inner func(pos token.Pos, depth int, out []*Func) []*Func
	inner = func(pos token.Pos, depth int, out []*Func) []*Func {
		for _, g := range b.made[pos] {
			if !slices.Contains(out, g) {
				out = append(out, g)
			}
		}
		if depth < maxHanded {
			for _, in := range b.madeIn[pos] {
				out = inner(in, depth+1, out)
			}
		}
		return out
	}
	for pos := range b.madeIn {
		if fs := inner(pos, 0, nil); len(fs) > 0 {
			b.made[pos] = fs
		}
	}
	b.p.made = map[token.Pos]*made{}
	for pos, fs := range b.made {
		var out []*Func
		for _, g := range fs {
			fn := b.ssaOf(g)
			res := fn.Signature.Results()
			for i := 0; i < res.Len(); i++ {
				iface, ok := res.At(i).Type().Underlying().(*types.Interface)
				if !ok || types.Identical(res.At(i).Type(), types.Universe.Lookup("error").Type()) {
					continue
				}
				for _, t := range b.returned(fn, i, 0, map[*ssa.Function]bool{}) {
					for m := range iface.Methods() {
						sel := b.prog.MethodSets.MethodSet(t).Lookup(m.Pkg(), m.Name())
						if sel == nil {
							continue
						}
						if h := b.funcs[b.prog.MethodValue(sel)]; h != nil && !slices.Contains(out, h) {
							out = append(out, h)
						}
					}
				}
			}
		}
		sort.Slice(out, func(i, j int) bool { return b.p.less(out[i], out[j]) })
		b.p.made[pos] = &made{handed: fs, methods: out}
	}
	b.madeReturns()
}

// madeReturns finds the module's functions that return a handler made
// outside the module (func GraphqlEndpoint(db) *handler.Server { srv :=
// handler.New(schema); srv.AddTransport(...); return srv }): a route
// registering what such a constructor returns serves the made handler,
// as though it had registered the outside constructor's call itself. The
// value is followed through conversions, branches and the module's
// functions returning it, and into a value of the module's own type
// holding it in a handler-typed field (&metrics{handler: h}), up to
// maxReturned calls deep.
func (b *builder) madeReturns() {
	memo := map[*ssa.Function][]token.Pos{}
	var of func(fn *ssa.Function, depth int) []token.Pos
	var value func(v ssa.Value, depth int, seen map[ssa.Value]bool, out *[]token.Pos)
	value = func(v ssa.Value, depth int, seen map[ssa.Value]bool, out *[]token.Pos) {
		if seen[v] {
			return
		}
		seen[v] = true
		switch v := v.(type) {
		case *ssa.MakeInterface:
			value(v.X, depth, seen, out)
		case *ssa.ChangeType:
			value(v.X, depth, seen, out)
		case *ssa.ChangeInterface:
			value(v.X, depth, seen, out)
		case *ssa.Phi:
			for _, e := range v.Edges {
				value(e, depth, seen, out)
			}
		case *ssa.Extract:
			value(v.Tuple, depth, seen, out)
		case *ssa.Alloc:
			// &wrapper{handler: made}: a value of the module's type
			// holding the made handler in a handler-typed field, which
			// its ServeHTTP serves.
			st, ok := v.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Struct)
			if !ok {
				return
			}
			for _, instr := range *v.Referrers() {
				fa, ok := instr.(*ssa.FieldAddr)
				if !ok || !httpapi.IsHandlerType(st.Field(fa.Field).Type()) {
					continue
				}
				for _, r := range *fa.Referrers() {
					if s, ok := r.(*ssa.Store); ok && s.Addr == fa {
						value(s.Val, depth, seen, out)
					}
				}
			}
		case *ssa.Call:
			if b.p.made[v.Pos()] != nil {
				*out = append(*out, v.Pos())
				return
			}
			if g := v.Call.StaticCallee(); g != nil && b.funcs[g] != nil && depth < maxReturned {
				for _, pos := range of(g, depth+1) {
					if !slices.Contains(*out, pos) {
						*out = append(*out, pos)
					}
				}
			}
		}
	}
	of = func(fn *ssa.Function, depth int) []token.Pos {
		if ps, ok := memo[fn]; ok {
			return ps
		}
		memo[fn] = nil // a recursive call returns nothing more
		var out []token.Pos
		seen := map[ssa.Value]bool{}
		for _, v := range returnedAll(fn) {
			value(v, depth, seen, &out)
		}
		memo[fn] = out
		return out
	}
	for fn, g := range b.funcs {
		if fn.Signature.Results().Len() == 0 {
			continue
		}
		if ps := of(fn, 0); len(ps) > 0 {
			if b.p.madeBy == nil {
				b.p.madeBy = map[*Func][]token.Pos{}
			}
			b.p.madeBy[g] = ps
		}
	}
}

// returnedAll are the values fn's return statements return, all results.
func returnedAll(fn *ssa.Function) []ssa.Value {
	var out []ssa.Value
	for _, blk := range fn.Blocks {
		if len(blk.Instrs) == 0 {
			continue
		}
		if ret, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.Return); ok {
			out = append(out, ret.Results...)
		}
	}
	return out
}

// maxReturned bounds the calls returned follows a value through.
const maxReturned = 6

// returned are the concrete types result i of fn can hold: made into an
// interface in fn, or returned by the functions it calls for it (through
// interfaces too, as the graph resolves them), however asserted or
// converted on the way.
func (b *builder) returned(fn *ssa.Function, i, depth int, seen map[*ssa.Function]bool) []types.Type {
	if seen[fn] || depth > maxReturned {
		return nil
	}
	seen[fn] = true
	var out []types.Type
	for _, blk := range fn.Blocks {
		if len(blk.Instrs) == 0 {
			continue
		}
		if ret, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.Return); ok && i < len(ret.Results) {
			out = b.typesOf(ret.Results[i], depth, seen, out)
		}
	}
	return out
}

// typesOf adds to out the concrete types the interface value v can hold.
func (b *builder) typesOf(v ssa.Value, depth int, seen map[*ssa.Function]bool, out []types.Type) []types.Type {
	add := func(ts ...types.Type) {
		for _, t := range ts {
			if !slices.ContainsFunc(out, func(u types.Type) bool { return types.Identical(t, u) }) {
				out = append(out, t)
			}
		}
	}
	switch v := v.(type) {
	case *ssa.MakeInterface:
		add(v.X.Type())
	case *ssa.ChangeInterface:
		return b.typesOf(v.X, depth, seen, out)
	case *ssa.ChangeType: // between interfaces of the same methods
		return b.typesOf(v.X, depth, seen, out)
	case *ssa.TypeAssert:
		if types.IsInterface(v.AssertedType) {
			return b.typesOf(v.X, depth, seen, out)
		}
		add(v.AssertedType)
	case *ssa.Phi:
		for _, e := range v.Edges {
			out = b.typesOf(e, depth, seen, out)
		}
	case *ssa.Call:
		for _, g := range b.callees(v) {
			add(b.returned(g, 0, depth+1, seen)...)
		}
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok {
			for _, g := range b.callees(call) {
				add(b.returned(g, v.Index, depth+1, seen)...)
			}
		}
	}
	return out
}

// callees are the module functions a call instruction runs, as the graph
// resolved it.
func (b *builder) callees(ci ssa.CallInstruction) []*ssa.Function {
	if g := ci.Common().StaticCallee(); g != nil {
		if b.funcs[g] != nil {
			return []*ssa.Function{g}
		}
		return nil
	}
	var out []*ssa.Function
	if c := b.calls[ci]; c != nil {
		for _, g := range c.Callees {
			out = append(out, b.ssaOf(g))
		}
	}
	return out
}

// madeArg is the call of a function an argument is the result of, through
// conversions to an interface (otelhttp.NewHandler(kithttp.NewServer(...),
// "op")'s first); nil for any other value.
func madeArg(v ssa.Value) *ssa.Call {
	if c, ok := stripIface(v).(*ssa.Call); ok && c.Call.StaticCallee() != nil {
		return c
	}
	return nil
}
