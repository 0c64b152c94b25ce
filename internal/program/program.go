// Package program is the standalone driver's view of the whole main
// module: one call graph that resolves calls through interfaces, func
// values and struct fields to the module's own functions, joined to the
// queries pass's sites and loops.
//
// A per-package analysis cannot follow a handler into its store when the
// handler holds the store as an interface (for mocking, or one
// implementation per SQL dialect): the implementation is in a package the
// handler never imports, wired together in main. On layered services that
// left the route inventory empty and hid the N+1s one call below an
// interface. The standalone driver holds every package in one process, so
// it can build the program's call graph once and answer, for any function,
// which queries a call of it runs, how many times, and through which calls;
// and, for each query, which entry points (routes, jobs, commands,
// migrations, start-up, tests) reach it.
//
// The graph is built with x/tools: go/ssa for the module's packages (their
// dependencies are created from export data, types only, as the driver
// loads them), then go/callgraph/vta over the module's functions, seeded
// with class-hierarchy analysis restricted to those functions. CHA over
// the whole program (cha.CallGraph) visits every method of every type of
// every dependency, which took 17 s of 18 on a 195-package service with
// many generics; the module's own functions are what a query can be
// reached through, so that is all the graph is built over.
package program

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"sync"
	"time"

	"golang.org/x/tools/go/packages"

	"github.com/sqlheat/sqlheat/internal/codekind"
	"github.com/sqlheat/sqlheat/internal/srcpos"
	"github.com/sqlheat/sqlheat/passes/queries"
	"github.com/sqlheat/sqlheat/passes/routes"
)

// Program is the call graph of the main module, with the query sites and
// loops of the queries pass attached to its calls.
type Program struct {
	Fset *token.FileSet

	list      []*Func          // in a deterministic order
	bound     map[string]*Func // bound method wrappers by key, see methodValueImpls
	boundOnce sync.Once
	byDecl    map[*types.Func]*Func         // declared functions and methods
	byLit     map[*ast.FuncLit]*Func        // closures
	sites     map[token.Pos]*queries.Site   // by the call's Lparen
	siteAt    map[token.Pos]*queries.Site   // by the call's start, as findings cite them
	pkgs      map[string]*packages.Package  // module packages in the graph, by path
	bins      binaries                      // see binaries.go
	recvAt    *recvBinding                  // see fewFilter; nil but while it counts
	callbacks map[*types.TypeName][]*Func   // see callbacks.go; nil until asked
	loaded    []*packages.Package           // the packages Build was given
	deps      map[string][]*types.Signature // see depMethods
	api       *api                          // see calledOutside; nil until asked
	taken     map[token.Pos]bool            // functions referred to other than by a call (see refs, uncalled); nil until asked
	skipped   []string                      // module packages left out, and why
	armCalls  map[token.Pos]bool            // see arms; nil until asked
	wr        *writes                       // see FilledAtStart; nil until asked
	notRun    map[*Func]bool                // what Unreached found dead or test-only; nil until it ran
	tested    map[*Func]bool                // what tests refer to and nothing else takes the value of; nil until Unreached ran
	made      map[token.Pos]*made           // see madeHandlers
	madeBy    map[*Func][]token.Pos         // the made calls whose handlers a function returns, see madeReturns
	adapted   map[token.Pos][]*adapter      // by the constructor call's Lparen, see adapters.go
	factories map[*Func][]token.Pos         // the adapter calls a handler factory returns, see adapters.go
	wrapped   map[token.Pos][]*Func         // the functions a call of a generic wrapper hands it, see adapters.go
	byOrigin  map[*types.Func][]*Func       // see sameFunc; nil until asked
	callers   map[*Func][]caller            // see callerIndex; nil until asked
	started   map[*Func]bool                // see runs; nil until asked
	startsP   map[*types.Func]bool          // see StartsParam; nil until asked
	// configured, while StartRange runs, says a registry start-up fills
	// from configuration may count (see fewGlobal), and whether one did.
	configured *configured
	// typed, while FewTyped runs, says which items count (see typedfew.go).
	typed      *typedFew
	elemWrites []elemWrite           // see elementWritten; nil until asked
	groups     map[string]groupCount // see groupSize; nil until asked
	copies     []*Func               // closures' copies bound to a call of their constructor (see ctors.go)
	// registrars are the functions registering functions on a message
	// bus whose dispatch the graph follows, by the position of their
	// declaration, with the argument that is the function registered
	// (see registrarArgs).
	registrars map[token.Pos]int
	chans      *chanIndex // see channels.go; nil until asked
	// busReach are the registered functions each function's dispatches
	// may run, for Unreached (see mayPass).
	busReach map[*Func][]*Func
	// convs and insts are what makes the module's types reach code
	// outside the module as an interface (see outwardTypes).
	convs []conversion
	insts []instantiation

	// Stats says what building the graph cost.
	Stats Stats

	// What calls run with the types they pass (see bind.go); nil until
	// asked.
	bounds  map[*Func]map[string]*bound         // by the argument types' key
	copied  map[*Func]*copies                   // see copiesOf
	defs    map[*Func]map[*types.Var][]ast.Expr // see localDefs
	flows   map[any]*queries.Flow               // see keyHanded
	used    map[*Func][]bool                    // see usedParams
	guarded map[guardKey][]bool                 // see guardedParams
	live    map[*Func]*liveSet                  // see Runs
	passed  map[passedKey]int                   // see passedParam
	// fewLocals are the locals fewLocal is following, to end a walk
	// that meets one again.
	fewLocals map[*types.Var]bool
	ids       int32                       // the ids given (see numbered)
	sole      map[*types.TypeName]holding // see soleHolders
	within    map[any]bool                // see invokesWithin
	paths     map[*Call][]*pathRule       // by the rule's first call, see paths.go
	// pathLive are the walks of liveOf for middlewares under their
	// path tests (see partLive).
	pathLive map[pathLiveKey]*liveSet
	// cutLive are the walks of liveOf for the parts of entries with
	// calls cut (see partLive), by part and entry.
	cutLive map[cutLiveKey]*liveSet
	// derivedOf are the routes split off a dispatcher (see dispatch.go).
	derivedOf map[*routes.Route]derived
	// tableOf are the routes split off a table a handler dispatches
	// through, tableSplits the handlers' tables (nil for none), see
	// tabledispatch.go.
	tableOf     map[*routes.Route]tableDerived
	tableSplits map[*Func]*tableSplit
	// kept are the types whose values the program makes only at
	// start-up (see KeepLongLived); nil until set.
	kept map[*types.TypeName]bool
	// ownMig are the migrations of the program's own registries (see
	// migregistry.go), nil until asked; ownMigBusy while they are
	// being found.
	ownMig *ownMigrations
	// icpt are the RPC servers' interceptors, by framework (see
	// interceptors.go), nil until asked.
	icpt map[string][]*Func
	// byPos are the functions with a body, by where it starts (see
	// FuncAt), made once.
	byPos     []*Func
	byPosOnce sync.Once
	// partFns are partFunctions' answers, by part.
	partFns   map[partKey][]*Func
	partFnsMu sync.Mutex
	// handlerFields are, by handler-typed field of the module's structs,
	// the module functions stored into it (see handlerFieldFuncs).
	handlerFields map[*types.Var][]*Func
	ownMigBusy    bool
	// ranged are the module's functions by the variables they range
	// over (see rangesOver), made on first use.
	ranged map[*types.Var][]*Func
}

// Stats are the sizes and times of a build.
type Stats struct {
	Packages int // module packages built from source
	Funcs    int // module functions in the graph
	Written  int // of which not generated: those vta propagates types over
	Calls    int // call instructions in them
	Dynamic  int // calls through an interface or a func value
	Resolved int // dynamic calls resolved to at least one module function
	Assumed  int // of which resolved by the types alone (see Call.Assumed)
	Outside  int // left without callees: the value is a dependency's (see fromOutside)
	Narrowed int // calls through interfaces that the trace of their values narrowed (see wiring.go)
	Traced   int // calls through interfaces traced, with more than one callee
	// NarrowedOnPaths counts the paths of calls down which a call through
	// an interface runs fewer of its callees (see paths.go).
	NarrowedOnPaths int
	// Never counts the calls in branches no execution takes, given the
	// constant results of the module's functions (see never.go).
	Never     int
	SSA       time.Duration
	CallGraph time.Duration
	Wiring    time.Duration // of CallGraph, tracing the values of calls through interfaces
}

// Func is a function of the module: a declared function or method, a
// closure, or an instantiation of a generic one.
type Func struct {
	// Decl is the declared function it is, or is written in (for a
	// closure); nil for package initializers.
	Decl *types.Func
	// Name is how messages name it: Decl's name for closures too.
	Name string
	// Synthetic functions (method-value and promotion wrappers) do their
	// callee's work and are left out of call chains.
	Synthetic bool
	Calls     []*Call
	// Serves says the function starts serving requests (calls
	// http.ListenAndServe or a router's equivalent).
	Serves bool
	// flow is its body's control flow (see flow.go).
	flow *flow

	key      string           // go/ssa's name of it: unique, for ordering and tests
	pos      token.Pos        // its declaration's
	syntax   ast.Node         // *ast.FuncDecl or *ast.FuncLit; nil for synthetic functions
	sig      *types.Signature // its signature
	pkg      string           // the path of the package declaring it
	closure  bool             // a function literal (or the body of a range over a function)
	instance bool             // an instantiation of a generic function
	init     bool             // a package initializer
	anon     []*Func          // the closures written directly in it
	returns  []*Func          // the closures it returns, when its one result is a func (see returnedFuncs)
	origin   *Func            // for a closure's copy bound to one call of its constructor (see adapters.go), the closure
	id       int32            // its number for sets of functions, from 1; 0 until numbered (see numbered)

	scc *scc
}

func (f *Func) String() string { return f.Name }

// Leads reports whether the call c runs g: one of its callees is g, a
// copy of g's code, or a synthetic wrapper of it (the method Go makes on
// the pointer type for a value receiver's, a bound method value, a
// promoted method), which the chains of Reached.Via leave out.
func (c *Call) Leads(g *Func) bool {
	return leads(c.Callees, g, 0)
}

func leads(callees []*Func, g *Func, depth int) bool {
	for _, h := range callees {
		if h == g || h.Code() == g.Code() {
			return true
		}
		if h.Synthetic && depth < 3 {
			for _, c := range h.Calls {
				if leads(c.Callees, g, depth+1) {
					return true
				}
			}
		}
	}
	return false
}

// Code is the function whose code f runs: f, or for a copy the graph
// made of it for one caller (a closure bound to its constructor's call,
// an adapter's handler), the function copied.
func (f *Func) Code() *Func {
	if f.origin != nil {
		return f.origin
	}
	return f
}

// Syntax is the function's declaration or literal (*ast.FuncDecl or
// *ast.FuncLit); nil for synthetic functions and package initializers.
func (f *Func) Syntax() ast.Node { return f.syntax }

// Call is one call of a module function: a call instruction, or the edge
// to a function value the call hands to code outside the module.
type Call struct {
	Pos  token.Pos     // the call's Lparen, as the queries pass knows it
	Expr *ast.CallExpr // the call in the source; nil for calls the source does not spell (implicit ones)
	// Static says the callee is known without dispatch.
	Static bool
	// Loops are the loops around the call within its function, outermost
	// first, from the queries pass.
	Loops []*queries.Loop
	// Chunks counts the loops of Loops whose element the call takes whole
	// (queries.Chunks): they do not repeat a single statement below it.
	Chunks int
	// Whole are those loops, for a call through a chain (see Chain):
	// each taken whole by the chain's call it is around.
	Whole []*queries.Loop
	// RPC, when set, is the procedure ("/pkg.Service/Method") a
	// generated gRPC client's Invoke names, its callees the module's
	// servers of it (see grpcclients.go).
	RPC string
	// Site is set when the call itself sends SQL: it is a leaf.
	Site *queries.Site
	// Once says the call fills a cache (sync.Once's Do, or under if x ==
	// nil { x = ... }): what it runs, it runs once, whatever the loops
	// around it or its callers.
	Once bool
	// Fail, of Once, says the call runs only when a call made before it
	// in its function failed (if err != nil { ... }; see the queries
	// pass's failure.go).
	Fail bool
	// Changed, of Fail, says the branch runs only for a value that
	// differs from its source (see the queries pass's changed.go).
	Changed bool
	// Cleanup says the call runs only when another service turned the
	// item down (see the queries pass's outside.go): the DELETEs it
	// reaches run once per such item.
	Cleanup bool
	// Load says the call is a cache's get-or-load, or the edge to the
	// loader it hands over (see the queries pass's loader.go): the reads
	// it runs, it runs on a miss only, as a cache fill; its writes count
	// as usual.
	Load bool
	// Per, when not 0, says the call fills lazily the state of its
	// function's receiver or of a pointer parameter (if t.rows == nil {
	// t.fetch() }; if r.File != "" { return }: see the queries pass), the
	// one of ordinal Per (1 + its index, the receiver first): what it
	// runs, it runs once per value of that variable, which is once per
	// item only of the loops that make a new value (see lazy.go).
	Per int
	// Key, of Once, says the cache filled is keyed by what may vary from
	// call to call: its function's parameters (a mask, see
	// queries.Params), or -1 something else (see queries.Query.KeyFrom).
	// The call then runs once per value of that, not once per process
	// (see keyed.go).
	Key int
	// Unless, for a Per call of a getter whose fast path is also
	// guarded by `!p` (p a bool parameter), is 1 + p's index among the
	// getter's parameters: a caller passing anything but the constant
	// false makes the fill run on that call (see through).
	Unless int
	// Callees are the module functions the call may run.
	Callees []*Func
	// Assumed says the callees come from the types alone: no value the
	// call graph followed reaches the receiver (see addCall).
	Assumed bool
	// Async says the call starts a goroutine its function does not wait
	// for (a go statement; a timer's function; a call of a function
	// handed to a helper that starts it so): what it runs, it runs beside
	// the call, not as part of it (see waited). A goroutine the function
	// waits for (a wait group, a channel it receives from or returns) is
	// part of the call.
	Async bool
	// Scheduled, of Async, says the call hands the function to a
	// scheduler that runs it periodically (robfig/cron, gocron: see
	// queries.StartsLater): it is a background job, whoever registers it.
	Scheduled bool
	// Job, of Scheduled, is the name the registration gives the job
	// (asynq's task type, see queries.Later's Named); "" for none: the
	// job is named after its function.
	Job string
	// Callback marks the edge to a function value handed to code outside
	// the module (a transaction helper's body, sync.Once's function),
	// which is assumed to run it; External is that outside function.
	Callback bool
	External *types.Func
	// Never says the call sits in a branch no execution takes: a guard
	// over results every callee answers with one constant decides
	// against it (see never.go). It runs nothing for its function.
	Never bool
	// block and seq place the call's instruction in its function: the
	// block's index, and the instruction's index in the block.
	block, seq int32
	// Chain, for the call of a function handed to a function that calls
	// it (see higherOrder), are the calls from this one down to the call
	// of the parameter: the loops around each repeat it.
	Chain []token.Pos
	// alts are other chains the call may take instead (one of them
	// runs): Join keeps, as Chain, the one with the most loops per item.
	alts [][]token.Pos
	// wrapper, for a call that is a query site (Site), are the module
	// functions it runs, which Callees leaves out: they run, and what
	// they call (a constructor running its startup statements, which
	// starts a worker) is live (see Unreached).
	wrapper []*Func
	// capped are the callees a guard on a method of the call's receiver
	// left out of Callees (see capguards.go): none of them runs here.
	capped []*Func
}

// Build builds the call graph of the packages the driver loaded: those of
// the main module with syntax (test variants and test packages excepted:
// the graph is of the program), their dependencies from types. It needs
// nothing of the analysis passes, and keeps nothing of go/ssa: the driver
// builds it before the passes run, so that the memory SSA and the call
// graph's propagation take is free again when theirs is taken. Join then
// attaches the queries pass's sites and loops.
//
// Module packages that did not type-check are left out, with every
// package that imports them (their SSA could not be built); Skipped says
// which.
func Build(pkgs []*packages.Package) (p *Program, err error) {
	defer func() {
		// go/ssa panics on code it cannot build; a graph is not worth a
		// crash of the whole run.
		if r := recover(); r != nil {
			p, err = nil, fmt.Errorf("building the call graph: %v", r)
		}
	}()
	return build(pkgs, initialLazy)
}

// initial says how the call graph's initial, class-hierarchy graph is made.
type initial int

const (
	// initialLazy: class-hierarchy analysis restricted to the module's
	// functions and interfaces (builder.initial).
	initialLazy initial = iota
	// initialVTALazy: vta's own lazy CHA over the module's functions,
	// which matches them against every interface the module calls
	// through, its dependencies' too.
	initialVTALazy
	// initialCHA: cha.CallGraph over the whole program, as the x/tools
	// documentation suggests.
	initialCHA
)

// Join attaches what the queries pass found to the graph's calls: which
// call is a query site, the loops around each (the passes must have run
// under config.Host.WholeProgram, so that every call has them), which
// fill a cache. results gives the result of a package, nil when it has
// none.
func (p *Program) Join(results func(*packages.Package) *queries.Result) {
	calls := map[token.Pos]*ast.CallExpr{}
	infos := map[token.Pos]*types.Info{} // of the package of each call of calls
	loops := map[token.Pos][]*queries.Loop{}
	cached := map[token.Pos]bool{}
	keyed := map[token.Pos]int{}
	perValue := map[token.Pos]int{}
	unless := map[token.Pos]int{}
	loads := map[token.Pos]bool{}
	failed := map[token.Pos]bool{}
	changed := map[token.Pos]bool{}
	cleanup := map[token.Pos]bool{}
	for _, m := range p.pkgs {
		res := results(m)
		if res == nil {
			continue
		}
		for call, ls := range res.Loops {
			calls[call.Lparen], loops[call.Lparen] = call, ls
			infos[call.Lparen] = m.TypesInfo
		}
		for call := range res.Cached {
			cached[call.Lparen] = true
		}
		for call, k := range res.Keyed {
			keyed[call.Lparen] = k
		}
		for call, ord := range res.PerValue {
			perValue[call.Lparen] = ord
		}
		for call, k := range res.Unless {
			unless[call.Lparen] = k
		}
		for call := range res.Loads {
			loads[call.Lparen] = true
		}
		for call := range res.Failed {
			failed[call.Lparen] = true
		}
		for call := range res.Changed {
			changed[call.Lparen] = true
		}
		for call := range res.Cleanup {
			cleanup[call.Lparen] = true
		}
		for _, s := range res.Sites {
			p.sites[s.Call.Lparen] = s
			p.siteAt[s.Call.Pos()] = s
		}
		// A wrapper's own call is the site of the calls of it the passes
		// did not see as its: reached only through those (a call the
		// passes saw is a site, which the graph does not go into).
		for _, s := range res.Inner {
			p.sites[s.Call.Lparen] = s
			p.siteAt[s.Call.Pos()] = s
		}
	}
	done := map[*Call]bool{} // a copy shares its closure's calls
	for _, f := range slices.Concat(p.list, p.copies) {
		info := p.pkgs[f.pkg]
		for _, c := range f.Calls {
			if done[c] {
				continue
			}
			done[c] = true
			c.Expr, c.Loops = calls[c.Pos], loops[c.Pos]
			switch {
			case c.Callback:
				c.Loops = nil // run by the outside function: not per item here
			case len(c.Chain) > 0:
				c.Loops = chainLoops(c.Chain, loops)
				for _, alt := range c.alts {
					if ls := chainLoops(alt, loops); queries.PerItem(ls) > queries.PerItem(c.Loops) {
						c.Chain, c.Loops = alt, ls
					}
				}
			}
			if !c.Once && cached[c.Pos] {
				c.Once, c.Key = true, keyed[c.Pos]
			}
			c.Fail = c.Once && failed[c.Pos]
			c.Changed = c.Fail && changed[c.Pos]
			c.Cleanup = cleanup[c.Pos]
			c.Load = loads[c.Pos]
			if ord := perValue[c.Pos]; ord > 0 {
				// A fill of a method's receiver or of a function's
				// pointer parameter; in a copy of it that the graph made
				// without them, a fill as it was.
				if f.sig != nil && !f.closure && ord <= ordinals(f.sig) {
					c.Per = ord
				}
				c.Once = c.Once || c.Per == 0 && unless[c.Pos] == 0
				if c.Per > 0 {
					c.Unless = unless[c.Pos]
				}
			}
			if c.Site = p.sites[c.Pos]; c.Site != nil && !c.Callback && len(c.Chain) == 0 {
				// The query itself: what the wrapper does is the query.
				c.wrapper, c.Callees = c.Callees, nil
			} else {
				c.Site = nil
			}
			switch {
			case len(c.Chain) > 0:
				// Each call of the chain in its own loops: a helper
				// handing the function it was given each chunk of a
				// list (batchExec(ids, n, func(batch []T) error {...}))
				// repeats it once per chunk.
				for _, pos := range c.Chain {
					in, x := infos[pos], calls[pos]
					if in == nil || x == nil {
						continue
					}
					for _, l := range loops[pos] {
						if l.Kind.PerItem() && queries.TakesWhole(in, x, l) {
							c.Chunks++
							c.Whole = append(c.Whole, l)
						}
					}
				}
			case info != nil && c.Expr != nil:
				// A site taking a chunk whole too (the pass leaves that
				// loop out of the site's Loops): one statement per chunk.
				c.Chunks = queries.Chunks(info.TypesInfo, c.Expr, c.Loops)
			}
		}
	}
}

// chainLoops are the loops around the calls of chain, each in its
// function.
func chainLoops(chain []token.Pos, loops map[token.Pos][]*queries.Loop) []*queries.Loop {
	var out []*queries.Loop
	for _, pos := range chain {
		out = append(out, loops[pos]...)
	}
	return out
}

// Skipped lists the module packages left out of the graph, with why.
func (p *Program) Skipped() []string { return p.skipped }

// isTest reports whether q is a test variant, a test package or a test
// main: the graph is of the program as it runs, and a package's test
// variant would duplicate every function of it.
func isTest(q *packages.Package) bool { return codekind.TestPackage(q.ID, q.PkgPath) }

// compare orders functions as less does, for slices.SortFunc.
func (p *Program) compare(a, b *Func) int {
	switch {
	case p.less(a, b):
		return -1
	case p.less(b, a):
		return 1
	}
	return 0
}

// less orders functions deterministically.
func (p *Program) less(a, b *Func) bool {
	if c := srcpos.Compare(p.Fset, a.pos, b.pos); c != 0 {
		return c < 0
	}
	return a.key < b.key
}

// Func returns the graph's function for a declared function or method of
// the module (the origin of a generic one), nil when it is not in the
// graph.
func (p *Program) Func(fn *types.Func) *Func {
	if fn == nil {
		return nil
	}
	return p.byDecl[fn.Origin()]
}

// Closure returns the graph's function for a function literal.
func (p *Program) Closure(lit *ast.FuncLit) *Func { return p.byLit[lit] }

// Funcs lists the module's functions in a deterministic order.
func (p *Program) Funcs() []*Func { return p.list }

// Package is the loaded package a function of the graph is declared in,
// nil for wrappers of other packages' methods.
func (p *Program) Package(f *Func) *packages.Package { return p.pkgs[f.pkg] }

// FuncAt is the innermost function of the graph whose body holds pos: a
// closure before the function it is written in; nil outside any.
func (p *Program) FuncAt(pos token.Pos) *Func {
	p.byPosOnce.Do(p.indexPos)
	// Bodies nest or are disjoint: of those starting at or before pos,
	// the last that holds it is the innermost (an earlier sibling that
	// ended before pos holds nothing of it).
	i := sort.Search(len(p.byPos), func(i int) bool { return p.byPos[i].syntax.Pos() > pos })
	for i--; i >= 0; i-- {
		if syn := p.byPos[i].syntax; pos < syn.End() {
			return p.byPos[i]
		}
	}
	return nil
}

// indexPos orders the functions FuncAt looks in by where their bodies
// start (those of one body in the order of p.list, the last winning).
func (p *Program) indexPos() {
	for _, f := range p.list {
		if !f.Synthetic && !f.instance && f.syntax != nil {
			p.byPos = append(p.byPos, f)
		}
	}
	sort.SliceStable(p.byPos, func(i, j int) bool { return p.byPos[i].syntax.Pos() < p.byPos[j].syntax.Pos() })
}

// Site is the query site whose call starts at pos (as findings give their
// sites), nil when none.
func (p *Program) Site(pos token.Pos) *queries.Site { return p.siteAt[pos] }

// index records the graph's functions by declaration and literal, in a
// deterministic order.
func (p *Program) index() {
	sort.Slice(p.list, func(i, j int) bool { return p.less(p.list[i], p.list[j]) })
	for _, f := range p.list {
		if f.Synthetic || f.instance {
			continue
		}
		if !f.closure && f.Decl != nil && p.byDecl[f.Decl] == nil {
			p.byDecl[f.Decl] = f
		}
		if lit, ok := f.syntax.(*ast.FuncLit); ok && p.byLit[lit] == nil {
			p.byLit[lit] = f
		}
	}
	p.Stats.Funcs = len(p.list)
}

// StartsParam says whether fn, a function of the module, runs a function
// it is handed on a goroutine of its own (queries.StartsParam): a
// module's wrapper of errgroup's Go, say. Not safe for concurrent use.
func (p *Program) StartsParam(fn *types.Func) bool {
	if v, ok := p.startsP[fn]; ok {
		return v
	}
	if p.startsP == nil {
		p.startsP = map[*types.Func]bool{}
	}
	p.startsP[fn] = false // a recursion starts nothing new
	f := p.Func(fn)
	if f == nil {
		return false
	}
	decl, _ := f.Syntax().(*ast.FuncDecl)
	pkg := p.Package(f)
	if decl == nil || pkg == nil {
		return false
	}
	v := queries.StartsParam(pkg.TypesInfo, decl, p.StartsParam)
	p.startsP[fn] = v
	return v
}
