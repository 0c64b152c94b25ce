package program

import (
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/internal/codekind"
)

// Unreached are the module's functions that nothing in the program runs
// in production: no entry, nothing a dependency can call back; at most
// tests (dead), or the handlers tests hand a dependency (testOnly). An
// N+1 in one costs nothing until someone calls it; ranked with the request
// paths, it buries the findings that cost. Which functions a dependency
// can call is not in the call graph, which is of the module alone, so
// the answer is kept to what the code shows cannot be called from
// outside: a function is a root — live whatever the graph says — when
//
//   - an entry starts at it (a route's handler, start-up, a command, a
//     migration), or it is a package initializer or main. A worker's
//     loop and a goroutine a function starts are entries (Linked) but
//     no roots: the loop runs when its function does, the goroutine
//     when the go statement does, and the graph links both to these;
//   - it is any method of the name of an interface method whose value
//     code outside tests takes;
//   - it is a method whose name is exported, of a type whose values
//     reach code outside the module as an interface from live code (see
//     outwardTypes: a dependency may call it through an interface of its
//     own, a gRPC server's, a GraphQL executor's, a file system's, or by
//     reflection);
//   - it is exported from a package code outside the program may call
//     (not programOnly: a main package, a library module's package, one
//     a package of another module imports): an exported method of it
//     whatever its type, an exported function when other modules can
//     import the package (a library's API);
//   - it is exported to C (//export);
//   - it is referred to other than by calling it (a handler handed to a
//     router sqlheat does not know, a function in a table) outside
//     tests. Handing it to the registrar of a message bus whose
//     dispatch the graph follows (registry.go) is not such a use: the
//     dispatches selecting it run it, and a handler for a message
//     nothing sends is as dead as a function nothing calls.
//
// What roots call, at any depth, is live, and so are the closures of a
// live function (it makes them; where they go the graph may not see),
// and the generic function an instance of which is.
// A type reaches outside only by what live code does (see outwardTypes),
// so liveness grows in steps: what the roots reach, with the types its
// conversions hand over, is what production runs. Then what tests refer
// to, and the methods of the types implementing an interface of the
// module tests call or take a method of (the graph is built without the
// tests, and a test's call through the store's interface runs the
// store's method), with what those reach: code only tests run, dead
// in production like code nothing calls (a store method its unit test
// calls, that no handler does). Then the types tests' code hands over,
// whose methods only tests run: testOnly, test support (a handler a test
// hands a dependency's client, that no production code starts).
//
// The answer needs the whole program: nil unless a main package is in
// the graph and no package of the module was left out of it. pkgs are
// the packages loaded, test variants included (tests start the last
// steps).
func (p *Program) Unreached(pkgs []*packages.Package, entries []*Entry) (dead, testOnly map[*Func]bool) {
	if len(p.skipped) > 0 || !p.hasMain() {
		return nil, nil
	}
	r := p.referenced(pkgs)
	narrow := p.programOnly(pkgs)
	live := map[*Func]bool{}
	var work []*Func
	// A generic function's code runs when an instance of it does: the
	// graph calls the instances, findings are about the code written.
	written := map[ast.Node]*Func{}
	for _, f := range p.list {
		if !f.instance && !f.Synthetic && f.syntax != nil {
			written[f.syntax] = f
		}
	}
	var mark func(f *Func)
	mark = func(f *Func) {
		if !live[f] {
			live[f] = true
			work = append(work, f)
			if f.instance && f.syntax != nil && written[f.syntax] != nil {
				mark(written[f.syntax])
			}
		}
	}
	flood := func() {
		for len(work) > 0 {
			f := work[len(work)-1]
			work = work[:len(work)-1]
			for _, c := range f.Calls {
				for _, g := range c.Callees {
					mark(g)
				}
				for _, g := range c.wrapper {
					mark(g)
				}
			}
			for _, g := range f.anon {
				mark(g)
			}
			for _, g := range p.busReach[f] {
				mark(g)
			}
		}
	}
	// grow floods, and adds the methods of the types live code hands to
	// dependencies, until nothing more is live.
	var out map[*types.TypeName]bool
	var some map[*types.TypeName]map[string]bool
	grow := func() {
		for {
			flood()
			more, someMore := p.outwardTypes(func(f *Func) bool { return live[f] }, narrow)
			if len(more) == len(out) && methodCount(someMore) == methodCount(some) {
				return // only grows
			}
			out, some = more, someMore
			for _, f := range p.list {
				if !live[f] && p.root(f, r, narrow, out, some) {
					mark(f)
				}
			}
		}
	}
	for _, e := range entries {
		if e.Linked {
			continue // runs when what the graph links to it does
		}
		for _, part := range e.Parts {
			mark(part.Func)
		}
	}
	for _, f := range p.list {
		if p.root(f, r, narrow, out, some) {
			mark(f)
		}
	}
	grow()
	shown := maps.Clone(live)
	for _, f := range p.list {
		if !f.closure && f.Decl != nil && (r.tested[f.Decl.Pos()] || r.testCalled(f)) {
			mark(f)
		}
	}
	flood()
	tests := maps.Clone(live)
	grow()
	dead, testOnly = map[*Func]bool{}, map[*Func]bool{}
	for _, f := range p.list {
		switch {
		case !live[f], !shown[f] && tests[f]:
			dead[f] = true
		case !shown[f]:
			testOnly[f] = true
		}
	}
	p.notRun, p.tested = map[*Func]bool{}, map[*Func]bool{}
	maps.Copy(p.notRun, dead)
	maps.Copy(p.notRun, testOnly)
	for _, f := range p.list {
		if !f.closure && f.Decl != nil && r.tested[f.Decl.Pos()] && !r.taken[f.Decl.Pos()] {
			p.tested[f] = true
		}
	}
	return dead, testOnly
}

// methodCount is how many methods callable holds.
func methodCount(callable map[*types.TypeName]map[string]bool) int {
	n := 0
	for _, ms := range callable {
		n += len(ms)
	}
	return n
}

// hasMain reports whether a main package's main is in the graph.
func (p *Program) hasMain() bool {
	for _, f := range p.list {
		if f.Decl != nil && !f.closure && f.Decl.Name() == "main" && f.sig.Recv() == nil &&
			f.Decl.Pkg() != nil && f.Decl.Pkg().Name() == "main" {
			return true
		}
	}
	return false
}

// root reports whether f may run whatever the graph says (see
// Unreached). Closures are not: their function makes them.
func (p *Program) root(f *Func, r *refs, narrow map[string]bool, outward map[*types.TypeName]bool, callable map[*types.TypeName]map[string]bool) bool {
	if f.init {
		return true
	}
	if f.closure || f.Decl == nil {
		return false
	}
	d := f.Decl
	if d.Name() == "main" && d.Pkg() != nil && d.Pkg().Name() == "main" {
		return true
	}
	if r.taken[d.Pos()] || cgoExport(f.syntax) {
		return true
	}
	program := d.Pkg() != nil && narrow[d.Pkg().Path()]
	if recv := d.Type().(*types.Signature).Recv(); recv != nil {
		if r.names[d.Name()] {
			return true
		}
		if !d.Exported() {
			return false
		}
		if !program {
			return true
		}
		t := recv.Type()
		if ptr, ok := t.(*types.Pointer); ok {
			t = ptr.Elem()
		}
		n, ok := types.Unalias(t).(*types.Named)
		return !ok || outward[n.Origin().Obj()] || callable[n.Origin().Obj()][d.Name()]
	}
	return d.Exported() && importable(d.Pkg()) && !program
}

// calledOutside reports whether code outside the program may call g, a
// function of the graph, with arguments the graph does not see: g is
// exported to C; it is exported from a package code outside the program
// may import (see programOnly: a library's API, whatever its own calls
// pass); or it is a method a dependency calls through an interface of
// its own that values of g's type are handed over as (a store handed to
// a server as its interface). Unreached counts as callable from outside
// every exported method of a type any value of which a dependency may
// hold, for it must never call live code dead; here that would keep
// reported a loop over what every call in sight passes because a
// context value holds a struct whose field holds the type. A closure is
// called through its value, which the graph follows.
func (p *Program) calledOutside(g *Func) bool {
	if g.closure || g.Decl == nil {
		return false
	}
	if cgoExport(g.syntax) {
		return true
	}
	d := g.Decl
	if !d.Exported() || d.Pkg() == nil {
		return false
	}
	if p.api == nil {
		p.api = &api{narrow: p.programOnly(p.loaded), viaIface: p.calledViaIface()}
	}
	if !p.api.narrow[d.Pkg().Path()] {
		return d.Type().(*types.Signature).Recv() != nil || importable(d.Pkg())
	}
	return p.api.viaIface[d.Origin()]
}

// api is what calledOutside needs of the program, computed on first use.
type api struct {
	narrow   map[string]bool      // see programOnly
	viaIface map[*types.Func]bool // see calledViaIface
}

// calledViaIface are the module's methods that a value of their type
// converted to an interface code outside the module can call (declared
// outside it, or spelled as a literal) provides for one of the
// interface's methods.
func (p *Program) calledViaIface() map[*types.Func]bool {
	out := map[*types.Func]bool{}
	o := &outward{ours: func(pkg *types.Package) bool { return p.pkgs[pkg.Path()] != nil }}
	sets := map[types.Type]*types.MethodSet{}
	for _, c := range p.convs {
		iface, ok := c.to.Underlying().(*types.Interface)
		if !ok || iface.NumMethods() == 0 || types.IsInterface(c.from) || !o.outside(c.to) {
			continue
		}
		ms := sets[c.from]
		if ms == nil {
			ms = types.NewMethodSet(c.from)
			sets[c.from] = ms
		}
		for i := range iface.NumMethods() {
			m := iface.Method(i)
			if sel := ms.Lookup(m.Pkg(), m.Name()); sel != nil {
				if fn, ok := sel.Obj().(*types.Func); ok {
					out[fn.Origin()] = true
				}
			}
		}
	}
	return out
}

// cgoExport reports whether a declaration is exported to C (//export F):
// C code calls it.
func cgoExport(syntax ast.Node) bool {
	decl, ok := syntax.(*ast.FuncDecl)
	if !ok || decl.Doc == nil {
		return false
	}
	for _, c := range decl.Doc.List {
		if strings.HasPrefix(c.Text, "//export ") {
			return true
		}
	}
	return false
}

// programOnly are the module packages, by path, whose exported functions
// and methods only the program can call: not main packages (a plugin's
// symbols are looked up by name), in a module one of whose main packages
// is in the graph (the module builds a program, not a library), and
// imported by no package of another module the driver loaded (one whose
// module is replaced by a local copy, or in a workspace). A main package
// that is an example, a tool or a generator (see auxiliaryMains) does
// not make its module a program: a library ships those beside its API.
func (p *Program) programOnly(pkgs []*packages.Package) map[string]bool {
	module := func(q *packages.Package) string {
		if q.Module == nil {
			return ""
		}
		return q.Module.Path
	}
	aux := p.auxiliaryMains()
	programs := map[string]bool{} // modules with a main package in the graph
	for path, q := range p.pkgs {
		if q.Name == "main" && !aux[path] {
			programs[module(q)] = true
		}
	}
	out := map[string]bool{}
	for path, q := range p.pkgs {
		if q.Name != "main" && programs[module(q)] {
			out[path] = true
		}
	}
	packages.Visit(pkgs, nil, func(q *packages.Package) {
		for _, imp := range q.Imports {
			if mod := p.pkgs[imp.PkgPath]; mod != nil && module(mod) != module(q) {
				delete(out, imp.PkgPath)
			}
		}
	})
	return out
}

// auxiliaryMains are the main packages of the graph, by path, that are
// no program the module is built for: under a directory the Go
// ecosystem names for them — example, examples, tools, below the
// module's root — or run by a //go:generate directive of the module
// (go run ./internal/cmd/gen, by directory or import path).
func (p *Program) auxiliaryMains() map[string]bool {
	out := map[string]bool{}
	dirs := map[string]string{} // a main package's directory -> its path
	for path, q := range p.pkgs {
		if q.Name != "main" {
			continue
		}
		rel := path
		if q.Module != nil {
			rel = strings.TrimPrefix(strings.TrimPrefix(path, q.Module.Path), "/")
		}
		for _, el := range strings.Split(rel, "/") {
			switch el {
			case "example", "examples", "tools":
				out[path] = true
			}
		}
		if len(q.GoFiles) > 0 {
			dirs[filepath.Dir(q.GoFiles[0])] = path
		}
	}
	for _, q := range p.pkgs {
		for i, file := range q.Syntax {
			if i >= len(q.CompiledGoFiles) {
				break
			}
			dir := filepath.Dir(q.CompiledGoFiles[i])
			for _, cg := range file.Comments {
				for _, c := range cg.List {
					if target := generatorRun(c.Text); target != "" {
						if strings.HasPrefix(target, ".") {
							if path, ok := dirs[filepath.Join(dir, filepath.FromSlash(target))]; ok {
								out[path] = true
							}
						} else if mq := p.pkgs[target]; mq != nil && mq.Name == "main" {
							out[target] = true
						}
					}
				}
			}
		}
	}
	return out
}

// generatorRun is the package a //go:generate directive runs with go run
// (a directory or an import path), "" for any other comment.
func generatorRun(text string) string {
	rest, ok := strings.CutPrefix(text, "//go:generate ")
	if !ok {
		return ""
	}
	args := strings.Fields(rest)
	if len(args) < 3 || args[0] != "go" || args[1] != "run" {
		return ""
	}
	for i := 2; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") {
			return strings.TrimSuffix(a, "@latest")
		}
		if name := strings.TrimLeft(a, "-"); !strings.Contains(name, "=") && valueFlags[name] {
			i++ // -tags generate: the next word is the flag's
		}
	}
	return ""
}

// valueFlags are the go run build flags whose value may be the next
// word (-tags x, as well as -tags=x).
var valueFlags = map[string]bool{
	"C": true, "p": true, "asmflags": true, "buildmode": true, "compiler": true,
	"gccgoflags": true, "gcflags": true, "installsuffix": true, "ldflags": true,
	"mod": true, "modfile": true, "overlay": true, "pgo": true, "pkgdir": true,
	"tags": true, "toolexec": true, "exec": true, "coverpkg": true, "covermode": true,
}

// importable reports whether other modules can import pkg: not a main
// package, not under an internal directory.
func importable(pkg *types.Package) bool {
	if pkg == nil || pkg.Name() == "main" {
		return false
	}
	path := pkg.Path()
	return !strings.HasPrefix(path, "internal/") && !strings.Contains(path, "/internal/") && !strings.HasSuffix(path, "/internal")
}

// refs are what the module's code refers to, for Unreached.
type refs struct {
	// taken are the module's functions referred to other than by a call
	// outside tests, and tested every one a test refers to, by the
	// position of their declaration (a package's test variant
	// type-checks the same files again, into objects of its own).
	taken, tested map[token.Pos]bool
	// names are the names of the module's interface methods whose values
	// code outside tests takes: the graph does not follow where such a
	// value goes, so every method of the name is a root.
	names map[string]bool
	// ifaces are the module's interfaces tests call or take a method of,
	// by the method's name: the graph, built without the tests, does
	// not see those calls, and the methods of the types implementing
	// the interface run in tests (see testCalled).
	ifaces map[string][]*types.Interface
}

// referenced finds what the module's code refers to (see refs).
func (p *Program) referenced(pkgs []*packages.Package) *refs {
	r := &refs{taken: map[token.Pos]bool{}, tested: map[token.Pos]bool{}, names: map[string]bool{}, ifaces: map[string][]*types.Interface{}}
	type method struct {
		name  string
		iface *types.Interface
	}
	seen := map[method]bool{}
	done := map[*token.File]bool{} // a package and its test variant share files
	packages.Visit(pkgs, nil, func(q *packages.Package) {
		if q.TypesInfo == nil || p.pkgs[strings.TrimSuffix(q.PkgPath, "_test")] == nil {
			return // not the module's
		}
		called := map[*ast.Ident]bool{}
		var files []*token.File
		for _, file := range q.Syntax {
			tf := q.Fset.File(file.FileStart)
			if done[tf] {
				continue
			}
			files = append(files, tf)
			ast.Inspect(file, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if id := calleeIdent(call.Fun); id != nil {
						called[id] = true
					}
					if id := p.registration(q.TypesInfo, call); id != nil {
						called[id] = true // runs when a dispatch the graph follows does
					}
				}
				return true
			})
		}
		for id, obj := range q.TypesInfo.Uses {
			fn, ok := obj.(*types.Func)
			if !ok || fn.Pkg() == nil || p.pkgs[strings.TrimSuffix(fn.Pkg().Path(), "_test")] == nil {
				continue
			}
			tf := q.Fset.File(id.Pos())
			if tf == nil || done[tf] {
				continue
			}
			test := codekind.TestFile(tf.Name())
			if test {
				r.tested[fn.Origin().Pos()] = true
			} else if !called[id] {
				r.taken[fn.Origin().Pos()] = true
			}
			recv := fn.Type().(*types.Signature).Recv()
			if recv == nil || !types.IsInterface(recv.Type()) {
				continue
			}
			iface, ok := recv.Type().Underlying().(*types.Interface)
			switch k := (method{fn.Name(), iface}); {
			case test && ok && !seen[k]:
				// A test's call through the interface runs what
				// implements it in tests alone.
				seen[k] = true
				r.ifaces[k.name] = append(r.ifaces[k.name], iface)
			case !test && !called[id]:
				r.names[fn.Name()] = true
			}
		}
		for _, tf := range files {
			done[tf] = true
		}
	})
	return r
}

// registration is the function call registers on a message bus whose
// dispatch the graph follows (bus.AddHandler(getPost), see
// registrarArgs), named as it is handed over; nil when call is no such
// registration.
func (p *Program) registration(info *types.Info, call *ast.CallExpr) *ast.Ident {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok {
		return nil
	}
	i, ok := p.registrars[fn.Origin().Pos()]
	if !ok || i < 0 || i >= len(call.Args) {
		return nil
	}
	switch a := ast.Unparen(call.Args[i]).(type) {
	case *ast.Ident:
		return a
	case *ast.SelectorExpr: // pkg.F, a method value
		return a.Sel
	}
	return nil
}

// calleeIdent is the identifier a call's function is named by: f, x.f,
// pkg.F, f[T].
func calleeIdent(fun ast.Expr) *ast.Ident {
	for {
		switch e := ast.Unparen(fun).(type) {
		case *ast.Ident:
			return e
		case *ast.SelectorExpr:
			return e.Sel
		case *ast.IndexExpr:
			fun = e.X
		case *ast.IndexListExpr:
			fun = e.X
		default:
			return nil
		}
	}
}

// testCalled reports whether f is a method of a type implementing an
// interface of the module that tests call the method of f's name
// through (refs.ifaces). The interface is compared by its methods'
// names and signatures as they print: a package's test variant
// type-checks the interface again, into types of its own.
func (r *refs) testCalled(f *Func) bool {
	if f.Decl == nil || len(r.ifaces[f.Decl.Name()]) == 0 {
		return false
	}
	recv := f.Decl.Signature().Recv()
	if recv == nil {
		return false
	}
	t := recv.Type()
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	have := map[string]string{} // method name -> signature
	ms := types.NewMethodSet(types.NewPointer(t))
	for i := range ms.Len() {
		m := ms.At(i).Obj()
		have[m.Name()] = types.TypeString(m.Type(), pathQualifier)
	}
	for _, iface := range r.ifaces[f.Decl.Name()] {
		all := true
		for m := range iface.Methods() {
			if sig, ok := have[m.Name()]; !ok || sig != types.TypeString(m.Type(), pathQualifier) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// pathQualifier prints a package by its path.
func pathQualifier(pkg *types.Package) string { return pkg.Path() }
