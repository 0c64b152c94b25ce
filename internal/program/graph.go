package program

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/callgraph"
	"golang.org/x/tools/go/ssa"

	"github.com/sqlheat/sqlheat/passes/queries"
	"github.com/sqlheat/sqlheat/passes/routes"
)

// link makes a Func of each function of fns and a Call of each of its
// call instructions, with the callees the call graph gives among fns, the
// loops the queries pass saw around the call, and its query site.
func (p *Program) link(fns map[*ssa.Function]bool, cg *callgraph.Graph, loops map[token.Pos][]*queries.Loop) {
	for fn := range fns {
		p.funcs[fn] = p.newFunc(fn)
	}
	for _, f := range p.funcs {
		p.list = append(p.list, f)
	}
	// Deterministic order: by position, then name (instantiations and
	// wrappers share their origin's position).
	sort.Slice(p.list, func(i, j int) bool {
		a, b := p.list[i].SSA, p.list[j].SSA
		if a.Pos() != b.Pos() {
			return a.Pos() < b.Pos()
		}
		return a.String() < b.String()
	})
	for _, f := range p.list {
		if f.Synthetic {
			continue
		}
		if f.SSA.Parent() == nil && f.SSA.Origin() == nil && f.Decl != nil && p.byDecl[f.Decl] == nil {
			p.byDecl[f.Decl] = f
		}
		if lit, ok := f.SSA.Syntax().(*ast.FuncLit); ok && p.byLit[lit] == nil {
			p.byLit[lit] = f
		}
	}
	p.Stats.Funcs = len(p.list)

	for _, f := range p.list {
		out := map[ssa.CallInstruction][]*Func{}
		if node := cg.Nodes[f.SSA]; node != nil {
			for _, e := range node.Out {
				if g := p.funcs[e.Callee.Func]; g != nil {
					out[e.Site] = append(out[e.Site], g)
				}
			}
		}
		for _, b := range f.SSA.Blocks {
			for _, instr := range b.Instrs {
				ci, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				p.addCall(f, ci, out[ci], loops)
			}
		}
	}
}

// addCall records one call instruction of f.
func (p *Program) addCall(f *Func, ci ssa.CallInstruction, callees []*Func, loops map[token.Pos][]*queries.Loop) {
	cc := ci.Common()
	pos := cc.Pos()
	c := &Call{Instr: ci, Pos: pos, Loops: loops[pos], Site: p.sites[pos]}
	f.Calls = append(f.Calls, c)
	p.Stats.Calls++
	static := cc.StaticCallee()
	if _, builtin := cc.Value.(*ssa.Builtin); builtin {
		return
	}
	if static == nil {
		p.Stats.Dynamic++
		if dispatch(cc) {
			return // a router or middleware handing the request on
		}
		if len(callees) == 0 && cc.IsInvoke() {
			// No value VTA saw flows to the receiver: it came through
			// code without bodies here — a dependency injection
			// container, reflection, a context value. For an interface
			// of the module (a Store, a Service), every implementation
			// in the module is a candidate, as class-hierarchy analysis
			// says; interfaces of other packages (io.Writer, error) are
			// implemented by too much to guess.
			if callees = p.implementations(cc); len(callees) > 0 {
				c.Assumed = true
				p.Stats.Assumed++
			}
		}
		if len(callees) > 0 {
			p.Stats.Resolved++
		}
	}
	if c.Site != nil {
		return // the query itself: whatever the wrapper does is the query
	}
	sort.Slice(callees, func(i, j int) bool { return p.less(callees[i], callees[j]) })
	c.Callees = callees
	if static == nil || p.funcs[static] != nil {
		return
	}
	// A function outside the module. It may start serving, and it may run
	// the module's functions it is handed (a transaction helper's body,
	// sync.Once's function, an errgroup's goroutine). A handler or a
	// middleware handed to a router is registered, not run.
	obj, _ := static.Object().(*types.Func)
	if obj != nil && serves[obj.Origin().FullName()] {
		f.Serves = true
	}
	for _, arg := range cc.Args {
		g := p.funcValue(arg)
		if g == nil || routes.IsHandlerType(g.SSA.Signature) || routes.IsMiddlewareSig(g.SSA.Signature) {
			continue
		}
		f.Calls = append(f.Calls, &Call{Pos: pos, Callees: []*Func{g}, Callback: true, External: obj})
	}
}

// implementations are the module's methods that an invoke of a module
// interface's method can dispatch to.
func (p *Program) implementations(cc *ssa.CallCommon) []*Func {
	named, ok := types.Unalias(cc.Value.Type()).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || p.pkgs[named.Obj().Pkg().Path()] == nil {
		return nil
	}
	iface, ok := named.Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	if p.methods == nil {
		p.methods = map[string][]*Func{}
		for _, f := range p.list {
			if recv := f.SSA.Signature.Recv(); recv != nil && f.SSA.Parent() == nil && !types.IsInterface(recv.Type()) {
				if obj, ok := f.SSA.Object().(*types.Func); ok {
					p.methods[obj.Id()] = append(p.methods[obj.Id()], f)
				}
			}
		}
	}
	var out []*Func
	for _, f := range p.methods[cc.Method.Id()] {
		if types.Implements(f.SSA.Signature.Recv().Type(), iface) {
			out = append(out, f)
		}
	}
	return out
}

// funcValue is the module function a value denotes: a function, a method
// value's wrapper, or a closure.
func (p *Program) funcValue(v ssa.Value) *Func {
	switch v := v.(type) {
	case *ssa.Function:
		return p.funcs[v]
	case *ssa.MakeClosure:
		if fn, ok := v.Fn.(*ssa.Function); ok {
			return p.funcs[fn]
		}
	case *ssa.ChangeType:
		return p.funcValue(v.X) // http.HandlerFunc(f) and the like
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
		return cc.Method.Name() == "ServeHTTP" || routes.IsHandlerType(cc.Value.Type())
	}
	return routes.IsHandlerType(cc.Value.Type())
}

// serves are the functions that start serving requests.
var serves = map[string]bool{
	"net/http.ListenAndServe":                         true,
	"net/http.ListenAndServeTLS":                      true,
	"net/http.Serve":                                  true,
	"net/http.ServeTLS":                               true,
	"(*net/http.Server).ListenAndServe":               true,
	"(*net/http.Server).ListenAndServeTLS":            true,
	"(*net/http.Server).Serve":                        true,
	"(*net/http.Server).ServeTLS":                     true,
	"(*github.com/gin-gonic/gin.Engine).Run":          true,
	"(*github.com/gin-gonic/gin.Engine).RunTLS":       true,
	"(*github.com/labstack/echo/v4.Echo).Start":       true,
	"(*github.com/labstack/echo/v4.Echo).StartTLS":    true,
	"(*github.com/labstack/echo/v4.Echo).StartServer": true,
	"(*github.com/gofiber/fiber/v2.App).Listen":       true,
	"(*github.com/gofiber/fiber/v2.App).Listener":     true,
	"(*google.golang.org/grpc.Server).Serve":          true,
}

// newFunc names a function of the module.
func (p *Program) newFunc(fn *ssa.Function) *Func {
	f := &Func{SSA: fn}
	switch {
	case fn.Synthetic == "package initializer":
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
	case top.Synthetic == "package initializer":
		f.Name = top.Pkg.Pkg.Name() + ".init" // a closure in a package-level var
	default:
		f.Name = fn.String()
	}
	return f
}

// less orders functions deterministically.
func (p *Program) less(a, b *Func) bool {
	if a.SSA.Pos() != b.SSA.Pos() {
		return a.SSA.Pos() < b.SSA.Pos()
	}
	return a.SSA.String() < b.SSA.String()
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
