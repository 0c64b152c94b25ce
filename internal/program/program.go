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
	"sort"
	"strings"
	"time"

	"golang.org/x/tools/go/callgraph"
	"golang.org/x/tools/go/callgraph/cha"
	"golang.org/x/tools/go/callgraph/vta"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"

	"github.com/sqlheat/sqlheat/passes/queries"
)

// Program is the call graph of the main module, with the query sites and
// loops of the queries pass attached to its calls.
type Program struct {
	Fset *token.FileSet
	SSA  *ssa.Program

	funcs   map[*ssa.Function]*Func
	list    []*Func                      // in a deterministic order
	byDecl  map[*types.Func]*Func        // declared functions and methods
	byLit   map[*ast.FuncLit]*Func       // closures
	sites   map[token.Pos]*queries.Site  // by the call's Lparen
	pkgs    map[string]*packages.Package // module packages in the graph, by path
	methods map[string][]*Func           // concrete methods by types.Func.Id, built on first use
	skipped []string                     // module packages left out, and why

	// Stats says what building the graph cost, for -cpuprofile-free
	// measurements and the driver's verbose output.
	Stats Stats
}

// Stats are the sizes and times of a build.
type Stats struct {
	Packages  int // module packages built from source
	Funcs     int // module functions in the graph
	Calls     int // call instructions in them
	Dynamic   int // calls through an interface or a func value
	Resolved  int // dynamic calls resolved to at least one module function
	Assumed   int // of which resolved by the types alone (see Call.Assumed)
	SSA       time.Duration
	CallGraph time.Duration
}

// Func is a function of the module: a declared function or method, a
// closure, or an instantiation of a generic one.
type Func struct {
	SSA *ssa.Function
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

	scc *scc
}

func (f *Func) String() string { return f.Name }

// Call is one call instruction of a module function.
type Call struct {
	Instr ssa.CallInstruction // nil for a callback edge
	Pos   token.Pos           // the call's Lparen, as the queries pass knows it
	// Loops are the loops around the call within its function, outermost
	// first, from the queries pass.
	Loops []*queries.Loop
	// Site is set when the call itself sends SQL: it is a leaf.
	Site *queries.Site
	// Callees are the module functions the call may run.
	Callees []*Func
	// Assumed says the callees come from the types alone: no value the
	// call graph followed reaches the receiver (see addCall).
	Assumed bool
	// Callback marks the edge to a function value handed to code outside
	// the module (a transaction helper's body, sync.Once's function),
	// which is assumed to run it; External is that outside function.
	Callback bool
	External *types.Func
}

// Build builds the graph of the packages the driver loaded: those of the
// main module with syntax (test variants and test packages excepted: the
// graph is of the program), their dependencies from types. results gives
// the queries pass's result of a package, nil when it has none; it must
// have run with queries.WholeProgram set, so that every call has its
// loops.
//
// Module packages that did not type-check are left out, with every
// package that imports them (their SSA could not be built); Skipped says
// which.
func Build(pkgs []*packages.Package, results func(*packages.Package) *queries.Result) (p *Program, err error) {
	defer func() {
		// go/ssa panics on code it cannot build; a graph is not worth a
		// crash of the whole run.
		if r := recover(); r != nil {
			p, err = nil, fmt.Errorf("building the call graph: %v", r)
		}
	}()
	return build(pkgs, results, initialLazy)
}

// initial says how the call graph's initial, class-hierarchy graph is made.
type initial int

const (
	// initialLazy: vta's own lazy CHA over the module's functions.
	initialLazy initial = iota
	// initialCHA: cha.CallGraph over the whole program, as the x/tools
	// documentation suggests (measured against initialLazy in the tests).
	initialCHA
)

func build(pkgs []*packages.Package, results func(*packages.Package) *queries.Result, how initial) (*Program, error) {
	p := &Program{
		funcs:  map[*ssa.Function]*Func{},
		byDecl: map[*types.Func]*Func{},
		byLit:  map[*ast.FuncLit]*Func{},
		sites:  map[token.Pos]*queries.Site{},
		pkgs:   map[string]*packages.Package{},
	}
	mods := p.modulePackages(pkgs)
	if len(mods) == 0 {
		return p, nil
	}
	p.Fset = mods[0].Fset

	start := time.Now()
	// InstantiateGenerics: vta needs the bodies of instantiations, where
	// the types that flow are concrete.
	p.SSA = ssa.NewProgram(p.Fset, ssa.InstantiateGenerics)
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
			created[q] = p.SSA.CreatePackage(q.Types, q.Syntax, q.TypesInfo, true)
		} else {
			created[q] = p.SSA.CreatePackage(q.Types, nil, nil, true)
		}
	})
	var built []*ssa.Package
	for _, m := range mods {
		built = append(built, created[m])
	}
	p.SSA.Build()
	p.Stats.SSA = time.Since(start)
	p.Stats.Packages = len(mods)

	// The queries pass's sites and loops, by the position of the call.
	loops := map[token.Pos][]*queries.Loop{}
	for _, m := range mods {
		res := results(m)
		if res == nil {
			continue
		}
		for call, ls := range res.Loops {
			loops[call.Lparen] = ls
		}
		for _, s := range res.Sites {
			p.sites[s.Call.Lparen] = s
		}
	}

	start = time.Now()
	fns := p.moduleFuncs(built)
	var cg *callgraph.Graph
	switch how {
	case initialCHA:
		cg = vta.CallGraph(fns, cha.CallGraph(p.SSA))
	default:
		cg = vta.CallGraph(fns, nil)
	}
	p.link(fns, cg, loops)
	p.Stats.CallGraph = time.Since(start)
	return p, nil
}

// modulePackages picks the packages the graph is built from: the main
// module's, with syntax, not test variants or test packages, that type-
// checked, as did every module package they import.
func (p *Program) modulePackages(pkgs []*packages.Package) []*packages.Package {
	var cands []*packages.Package
	for _, q := range pkgs {
		if len(q.Syntax) == 0 || q.Types == nil || isTest(q) {
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

// isTest reports whether q is a test variant, a test package or a test
// main: the graph is of the program as it runs, and a package's test
// variant would duplicate every function of it.
func isTest(q *packages.Package) bool {
	return q.ID != q.PkgPath || strings.HasSuffix(q.PkgPath, "_test") || strings.HasSuffix(q.PkgPath, ".test")
}

// Skipped lists the module packages left out of the graph, with why.
func (p *Program) Skipped() []string { return p.skipped }

// moduleFuncs collects the functions the graph is over: every function
// and method declared in the module's packages, their closures, and the
// instantiations and wrappers the module's code refers to. Dependencies'
// functions are not in it: they have no bodies (export data), and what
// they call back is seen where the module hands them a function.
func (p *Program) moduleFuncs(built []*ssa.Package) map[*ssa.Function]bool {
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
					mset := p.SSA.MethodSets.MethodSet(t)
					for i := 0; i < mset.Len(); i++ {
						add(p.SSA.MethodValue(mset.At(i)))
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
				return p.pkgs[obj.Pkg().Path()] != nil
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
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if mi, ok := instr.(*ssa.MakeInterface); ok {
					p.addMethods(mi.X.Type(), ours, add)
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
func (p *Program) addMethods(t types.Type, ours func(*ssa.Function) bool, add func(*ssa.Function)) {
	n, ok := types.Unalias(derefType(t)).(*types.Named)
	if !ok || n.TypeArgs().Len() == 0 || n.Obj().Pkg() == nil || p.pkgs[n.Obj().Pkg().Path()] == nil {
		return
	}
	mset := p.SSA.MethodSets.MethodSet(t)
	for i := 0; i < mset.Len(); i++ {
		if fn := p.SSA.MethodValue(mset.At(i)); fn != nil && ours(fn) {
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
