package program

import (
	"go/token"
	"go/types"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/sqlheat/sqlheat/internal/codekind"
	"github.com/sqlheat/sqlheat/internal/httpapi"
	"github.com/sqlheat/sqlheat/passes/queries"
	"github.com/sqlheat/sqlheat/passes/routes"
)

// Role is what an entry point of the program is, which says how often the
// queries it reaches run and how much their findings matter.
type Role uint8

const (
	RoleNone Role = iota
	// RoleRoute: an HTTP route's handler or middleware; runs per request.
	RoleRoute
	// RoleJob: the body of a worker's, scheduler's or consumer's loop;
	// runs per tick or message.
	RoleJob
	// RoleMigration: a schema migration, run once per deployment.
	RoleMigration
	// RoleCLI: a command an operator runs.
	RoleCLI
	// RoleStartup: main, init, and what they run before serving.
	RoleStartup
	// RoleTest: a package only tests import (fixtures, test databases),
	// or a function taking a test's *testing.T or *testing.B.
	RoleTest
)

func (r Role) String() string {
	return [...]string{"", "route", "job", "migration", "cli", "startup", "test"}[r]
}

// Entry is an entry point of the program: where a request, a job's
// iteration, a command or a migration starts running the module's code.
type Entry struct {
	Role Role
	// Name says which: "GET /projects", "worker.(*Reminders).Run",
	// "archive" (a command), "schema.addTaskSlugs" (a migration), "main".
	Name  string
	Parts []Part
	Route *routes.Route // for RoleRoute
	// PathGuarded counts, once Queries has listed the entry's queries,
	// those left out because a test of the request's path (in a
	// middleware) or method rules them out for the route (see
	// pathguards.go); Unrun are
	// those sites that no part runs.
	PathGuarded int
	Unrun       []*queries.Site
	// cut are calls (by Pos) the entry does not follow, wherever they
	// are: for main, the arms of its command switch, which are the
	// commands' entries, not what every start runs.
	cut map[token.Pos]bool
	// Linked says the entry's code runs only when code the graph links
	// to it does: a worker's loop runs when its function is called (or
	// handed over), a goroutine when the code starting it runs. It is no
	// root of what the program runs (see Unreached): a notifier's loop
	// whose backend only a plugin builds is as dead as the backend.
	Linked bool
}

// Part is where some of an entry's code starts.
type Part struct {
	// From names the part: for a route, "handler" or the middleware's
	// name (as routes[].queries[].from has it).
	From string
	Func *Func
	// Loop, for a job, is the worker's loop in Func: the job is its body.
	Loop *queries.Loop
	// Maybe says the part is one of several a request may run, not all
	// of them: the methods a handler made outside the module may call
	// (see madeHandlers). One request runs the costliest at most.
	Maybe bool
	// stripped says the part runs behind http.StripPrefix: the path it
	// sees is not the route's pattern.
	stripped bool
	// Chan, for a route, names the channel (its field or package
	// variable, "Hub.join") whose long-lived receiver runs the part on
	// the route's behalf: Func's worker Loop, only the body from lo to hi
	// that handles a message (see channels.go).
	Chan   string
	lo, hi token.Pos
	// depth counts the loops around the sends that hand the part its
	// messages, in the functions that send: it runs once per item.
	depth int
	// skip are the calls of Func the part does not run: in a route split
	// off a dispatcher, the call on down to it, and the other arms (see
	// dispatch.go).
	skip *callSet
}

// Query is a query site an entry reaches.
type Query struct {
	Reached
	From string // the part that reaches it
	Chan string // the channel it is handed over, when a receiver of it runs it (Part.Chan)
}

// Queries returns the query sites an entry reaches, each once per part
// that reaches it (a middleware and the handler each run it: a request
// runs it twice), ordered by part, then by site. Services whose
// repositories share one base that runs every statement reach the same
// few sites from every part; listing a site once, under the first part,
// would hide what the handler itself runs.
func (p *Program) Queries(e *Entry) []Query {
	if len(e.cut) > 0 {
		return p.queriesCut(e)
	}
	var out []Query
	type key struct {
		site *queries.Site
		from string
	}
	seen := map[key]bool{}
	e.PathGuarded, e.Unrun = 0, nil
	var left []*queries.Site // sites a part's path tests left out
	for _, part := range e.Parts {
		var rs []Reached
		next := p.nextCalls(e, part) // a middleware's call of the rest of its chain: not its own
		switch dead := p.partDead(e, part); {
		case part.Loop != nil:
			rs = p.reachLoop(part.Func, part.Loop, part.holds)
		case dead != nil:
			rs = p.reachSkip(part.Func, func(c *Call) bool { return inDead(c, dead) || next[c] })
			kept := map[*queries.Site]bool{}
			for _, r := range rs {
				kept[r.Site] = true
			}
			all := p.Reach(part.Func)
			if next != nil {
				all = p.reachSkip(part.Func, func(c *Call) bool { return next[c] })
			}
			for _, r := range all {
				if !kept[r.Site] {
					e.PathGuarded++
					left = append(left, r.Site)
				}
			}
		case next != nil:
			rs = p.reachSkip(part.Func, func(c *Call) bool { return next[c] })
		default:
			rs = p.Reach(part.Func)
		}
		for _, r := range rs {
			if part.depth > 0 && !r.Once {
				r.Depth += part.depth
			}
			if k := (key{r.Site, part.From}); !seen[k] {
				seen[k] = true
				out = append(out, Query{Reached: r, From: part.From, Chan: part.Chan})
			}
		}
	}
	if linked := p.entryLinked(e); linked != nil {
		// A site in a package no program registering the entry links
		// (see binaries.go) is another program's.
		out = slices.DeleteFunc(out, func(q Query) bool { return p.otherProgram(linked, q.Site, q.Via) })
	}
	listed := map[*queries.Site]bool{}
	for _, q := range out {
		listed[q.Site] = true
	}
	for _, s := range left {
		if !listed[s] && !slices.Contains(e.Unrun, s) {
			e.Unrun = append(e.Unrun, s)
		}
	}
	return out
}

// queriesCut are the query sites of an entry that does not follow some
// calls: those of the functions it runs (see functions), ordered by
// site. An entry with cuts is main's: it says which sites the start
// reaches, for their role; how often they run per start is not asked.
func (p *Program) queriesCut(e *Entry) []Query {
	var out []Query
	seen := map[*queries.Site]bool{}
	for _, f := range p.functions(e, false, true) {
		for _, c := range f.Calls {
			if c.Site != nil && !seen[c.Site] && perCall(c) && !e.cut[c.Pos] {
				seen[c.Site] = true
				out = append(out, Query{Reached: Reached{Site: c.Site, Via: []*Func{f}}, From: e.Name})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return siteLess(out[i].Site, out[j].Site) })
	return out
}

// RouteEntry is the entry of a route found by the routes pass (of a
// package in the graph): its middlewares, outermost first, then its
// handler. Parts the graph does not have (a handler of a package left out)
// are missing.
func (p *Program) RouteEntry(r *routes.Route) *Entry {
	e := &Entry{Role: RoleRoute, Name: r.String(), Route: r}
	stripped := false
	for _, m := range r.Middlewares {
		stripped = stripped || m.Func == nil && m.Lit == nil && m.Name == stripPrefix
		for _, f := range p.handlerFuncs(m) {
			e.Parts = append(e.Parts, Part{From: m.Name, Func: f, stripped: stripped})
		}
		impls := p.methodValueImpls(r.Framework, m)
		for _, f := range impls {
			e.Parts = append(e.Parts, Part{From: m.Name, Func: f, Maybe: len(impls) > 1, stripped: stripped})
		}
		if len(impls) == 0 && len(p.handlerFuncs(m)) == 0 {
			e.Parts = append(e.Parts, p.callbackParts(m)...) // a library's middleware, configured with the module's functions
		}
		// A chain's call the handler was unwrapped from (alice's
		// c.Then(h)): the chain's middlewares (see chains.go).
		e.Parts = append(e.Parts, p.chainParts(m.Made, nil, false, stripped)...)
	}
	chain := p.chainParts(r.Handler.Made, p.Func(r.Handler.Func), true, stripped)
	e.Parts = append(e.Parts, chain...)
	for _, f := range p.handlerFuncs(r.Handler) {
		if len(chain) > 0 && slices.ContainsFunc(chain, func(c Part) bool { return c.From == "handler" }) {
			break // the builder serves nothing itself: the handler handed over does
		}
		if parts := p.adapt(r.Handler.Made, f); parts != nil {
			e.Parts = append(e.Parts, parts...) // this call's handler, its middlewares
			continue
		}
		e.Parts = append(e.Parts, Part{From: "handler", Func: f})
		e.Parts = append(e.Parts, p.factoryParts(f, false)...)
	}
	impls := p.methodValueImpls(r.Framework, r.Handler)
	for _, f := range impls {
		e.Parts = append(e.Parts, Part{From: "handler", Func: f, Maybe: len(impls) > 1})
	}
	if len(impls) == 0 && len(p.handlerFuncs(r.Handler)) == 0 && p.made[r.Handler.Made] == nil {
		for _, pt := range p.callbackParts(r.Handler) {
			pt.From = "handler" // a library's handler, configured with the module's functions
			e.Parts = append(e.Parts, pt)
		}
	}
	if httpapi.IsRPC(r.Framework) && r.Handler.Func != nil && p.Func(r.Handler.Func) == nil {
		// A service registered as a value of its interface: the module's
		// implementations of the method, of which a request runs one.
		for _, f := range p.implementations(r.Handler.Func) {
			e.Parts = append(e.Parts, Part{From: "handler", Func: f, Maybe: true})
		}
	}
	made := func(m *made) {
		for _, f := range m.handed {
			if slices.ContainsFunc(e.Parts, func(pt Part) bool { return pt.Func != nil && pt.Func.origin == f }) {
				continue // an adapter's closure, the route's own copy of it runs (see factoryParts)
			}
			e.Parts = append(e.Parts, Part{From: "handler", Func: f})
		}
		for _, f := range m.methods {
			e.Parts = append(e.Parts, Part{From: "handler", Func: f, Maybe: true})
		}
	}
	if m := p.made[r.Handler.Made]; m != nil && p.Func(r.Handler.Func) == nil {
		// Made outside the module, from the module's functions.
		made(m)
	} else if f := p.Func(r.Handler.Func); f != nil && len(p.madeBy[f]) > 0 && slices.Equal(p.handlerFuncs(r.Handler), []*Func{f}) {
		// A constructor of the module returning a handler made outside
		// it (see madeReturns), which serves none itself: what the made
		// handler runs, besides the constructor.
		for _, pos := range p.madeBy[f] {
			made(p.made[pos])
		}
	}
	if (r.Framework == httpapi.GRPC || r.Framework == httpapi.Connect) && len(e.Parts) > 0 {
		// The server's interceptors, around the procedure the module
		// serves (see interceptors.go); a generated stub's is no route.
		var around []Part
		for _, f := range p.Interceptors(r.Framework, r.Handler.Func) {
			around = append(around, Part{From: f.Name, Func: f})
		}
		e.Parts = append(around, e.Parts...)
	}
	if parts := p.dispatchParts(r, e.Parts); parts != nil {
		e.Parts = parts
	}
	e.Parts = append(e.Parts, p.connParts(e.Parts)...)
	e.Parts = append(e.Parts, p.chanParts(e)...)
	return e
}

// MadeOutside reports whether a route's handler is made outside the
// module from the module's functions, by the call that made it or by the
// module's constructor it names returning such a handler (see
// madeHandlers, madeReturns): what RouteEntry follows for it.
func (p *Program) MadeOutside(r *routes.Route) bool {
	if r.Handler == nil {
		return false
	}
	if m := p.made[r.Handler.Made]; m != nil && p.Func(r.Handler.Func) == nil {
		return true
	}
	f := p.Func(r.Handler.Func)
	return f != nil && len(p.madeBy[f]) > 0 && slices.Equal(p.handlerFuncs(r.Handler), []*Func{f})
}

// methodValueImpls are the methods a handler registered as a method value
// of an interface runs (router.GET("/webhooks", webhooks.List), webhooks
// holding the WebhookHandler a constructor returned): the methods the
// graph resolves the value's bound wrapper's call to — vta follows the
// concrete types that reach the values bound to that interface method,
// so an EmailHandler's List is not a WebhookHandler's, whatever other
// types the method set would also fit. A request runs one of them: when
// there are several, each is a maybe. nil for any other handler, and for
// an RPC service's, which RouteEntry reads as such.
func (p *Program) methodValueImpls(framework string, h *routes.Handler) []*Func {
	if h == nil || h.Func == nil || h.Lit != nil || httpapi.IsRPC(framework) || p.Func(h.Func) != nil {
		return nil
	}
	if h.Made.IsValid() && p.made[h.Made] != nil {
		// The method of a value made outside the module from the
		// module's functions (otelhttp.NewHandler(kithttp.NewServer(...),
		// "op").ServeHTTP): RouteEntry follows what that call made. A
		// value another package of the module made (webhooks :=
		// handlers.NewWebhookHandler(db)) is resolved here.
		return nil
	}
	sig, _ := h.Func.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil || !types.IsInterface(sig.Recv().Type()) {
		return nil
	}
	p.boundOnce.Do(func() {
		p.bound = map[string]*Func{}
		for _, f := range p.list {
			if f.Synthetic && strings.HasSuffix(f.key, "$bound") {
				p.bound[f.key] = f
			}
		}
	})
	thunk := p.bound["("+sig.Recv().Type().String()+")."+h.Func.Name()+"$bound"]
	if thunk == nil {
		return nil
	}
	var out []*Func
	for _, c := range thunk.Calls {
		for _, g := range c.Callees {
			if g.Decl != nil && !g.Synthetic && !slices.Contains(out, g) {
				out = append(out, g)
			}
		}
	}
	return out
}

// stripPrefix is how the routes pass names http.StripPrefix among a
// route's middlewares.
const stripPrefix = "http.StripPrefix"

// handlerFuncs are the functions that serve a route's handler or
// middleware: its closure, its function, or, for a constructor (a
// middleware of another package, a handler factory), the closures it
// returns that have a handler's signature — at any depth: a middleware's
// constructor returns func(next http.Handler) http.Handler, whose own
// closure is what serves — or, failing those, the closures it returns
// (a handler of the application's own type, func(*Context) error).
func (p *Program) handlerFuncs(h *routes.Handler) []*Func {
	switch {
	case h == nil:
		return nil
	case h.Lit != nil:
		if f := p.Closure(h.Lit); f != nil {
			if hs := p.wrapped[h.Made]; len(hs) > 0 && p.genericClosure(f) {
				// A generic wrapper's closure: the body's, with what the
				// registration's own call hands it (see genericWrappers).
				out := []*Func{f}
				for _, g := range hs {
					out = append(out, p.served(g)...)
				}
				return out
			}
			if g := p.instanceClosure(f, h.Made); g != nil {
				return []*Func{g}
			}
			return []*Func{f}
		}
		return nil
	}
	if h.Field != nil && h.Func == nil {
		// The functions the module stores into the variable: handlers,
		// or middlewares whose closures serve.
		var out []*Func
		for _, g := range p.handlerFields[h.Field] {
			out = append(out, p.served(g)...)
		}
		return out
	}
	f := p.Func(h.Func)
	if f == nil {
		// A constructor called through an interface
		// (deps.Provider.UsersHandler()): what the implementations the
		// graph resolves the call to make.
		var out []*Func
		for _, g := range p.madeVia(h) {
			out = append(out, p.served(g)...)
		}
		return out
	}
	if hs := p.wrapped[h.Made]; len(hs) > 0 && f.Decl != nil && f.Decl.Signature().TypeParams().Len() > 0 {
		// A generic wrapper named by its call: the body's closures, with
		// what the call hands it (see genericWrappers).
		out := p.served(f)
		for _, g := range hs {
			out = append(out, p.served(g)...)
		}
		return out
	}
	if inst := p.instanceAt(f, h.Made); inst != nil {
		f = inst // the instance called, whose closures the graph resolves
	}
	return p.served(f)
}

// instanceAt is the instantiation of the generic function f that the
// call at pos calls, nil when f is not generic or no such call is there.
// A generic constructor's own body is built in its generic form, whose
// closures call nothing the graph resolves; the instance's do.
func (p *Program) instanceAt(f *Func, pos token.Pos) *Func {
	if f == nil || f.Decl == nil || f.Decl.Signature().TypeParams().Len() == 0 || !pos.IsValid() {
		return nil
	}
	at := p.FuncAt(pos)
	if at == nil {
		return nil
	}
	for _, c := range at.Calls {
		if c.Pos != pos {
			continue
		}
		for _, g := range c.Callees {
			if g.instance && g.Decl == f.Decl {
				return g
			}
		}
	}
	return nil
}

// genericClosure reports whether f is a closure of a generic function's
// body (not an instance's).
func (p *Program) genericClosure(f *Func) bool {
	return f.closure && !f.instance && f.Decl != nil && f.Decl.Signature().TypeParams().Len() > 0
}

// instanceClosure is the copy of closure f in the instantiation of its
// generic function the call at pos calls, nil when there is none.
func (p *Program) instanceClosure(f *Func, pos token.Pos) *Func {
	if f.Decl == nil {
		return nil
	}
	inst := p.instanceAt(p.Func(f.Decl), pos)
	if inst == nil {
		return nil
	}
	var find func(g *Func, depth int) *Func
	find = func(g *Func, depth int) *Func {
		for _, c := range g.anon {
			if c.syntax == f.syntax {
				return c
			}
			if depth < 4 {
				if x := find(c, depth+1); x != nil {
					return x
				}
			}
		}
		return nil
	}
	return find(inst, 0)
}

// served are the functions that serve the handler f is, or makes (see
// handlerFuncs).
func (p *Program) served(f *Func) []*Func {
	if httpapi.IsHandlerType(f.sig) || httpapi.IsRPCSig(f.sig) || !f.closure && httpapi.IsControllerMethod(f.Decl) {
		return []*Func{f} // an RPC's method (a controller's action) serves itself, whatever closures it makes
	}
	var out []*Func
	// own is the handler type of a middleware of the application's own
	// shape, func(H) H, H a function type (web.MidFunc over
	// func(ctx, *http.Request) Encoder): its closure of type H serves.
	var walk func(fs []*Func, own *types.Signature, depth int)
	walk = func(fs []*Func, own *types.Signature, depth int) {
		for _, g := range fs {
			switch {
			case httpapi.IsHandlerType(g.sig), own != nil && types.Identical(g.sig, own):
				out = append(out, g)
			case depth < maxServedDepth && httpapi.IsMiddlewareSig(g.sig):
				walk(g.anon, nil, depth+1) // the middleware's closure: what it wraps next in
			case depth < maxServedDepth && ownMiddleware(g.sig) != nil:
				walk(g.anon, ownMiddleware(g.sig), depth+1)
			}
		}
	}
	walk(f.anon, nil, 0)
	if len(out) == 0 {
		// A constructor of a handler of the application's own type,
		// registered through a helper that adapts it: what it returns.
		out = f.returns
	}
	if len(out) == 0 {
		out = []*Func{f}
	}
	return out
}

// madeVia are the module's methods a handler's constructor, called
// through an interface's method, runs at its call (h.Made), as the graph
// resolves it; nil for a handler not made so.
func (p *Program) madeVia(h *routes.Handler) []*Func {
	if h.Func == nil || !h.Made.IsValid() {
		return nil
	}
	if sig, _ := h.Func.Type().(*types.Signature); sig == nil || sig.Recv() == nil || !types.IsInterface(sig.Recv().Type()) {
		return nil
	}
	f := p.FuncAt(h.Made)
	if f == nil {
		return nil
	}
	var out []*Func
	for _, c := range f.Calls {
		if c.Pos != h.Made {
			continue
		}
		for _, g := range c.Callees {
			if g.Decl != nil && !g.closure && !slices.Contains(out, g) {
				out = append(out, g)
			}
		}
	}
	return out
}

// Twins are the names of the module's methods a route's handler and
// middlewares stand for when the route registers what an interface's
// method makes (deps.Provider.UsersHandler()): every method implementing
// it, whether or not the program wires its type. The routes pass of the
// implementations' package lists them as handlers no route registers;
// they are this route's (or, unwired, no request's).
func (p *Program) Twins(r *routes.Route) []string {
	var out []string
	for _, h := range append(slices.Clone(r.Middlewares), r.Handler) {
		if h != nil {
			for _, n := range p.chainNames(h.Made) {
				if !slices.Contains(out, n) {
					out = append(out, n)
				}
			}
		}
		if impls := p.methodValueImpls(r.Framework, h); impls != nil {
			for _, f := range impls {
				if !slices.Contains(out, f.Name) {
					out = append(out, f.Name)
				}
			}
			continue
		}
		if h == nil || h.Func == nil || !h.Made.IsValid() {
			continue
		}
		sig, _ := h.Func.Type().(*types.Signature)
		if sig == nil || sig.Recv() == nil {
			continue
		}
		iface, ok := sig.Recv().Type().Underlying().(*types.Interface)
		if !ok {
			continue
		}
		for _, f := range p.list {
			if f.Decl != nil && f.Decl.Name() == h.Func.Name() && f.implements(iface) && !slices.Contains(out, f.Name) {
				out = append(out, f.Name)
			}
		}
	}
	return out
}

// ownMiddleware is the signature of H for a middleware signature
// func(H) H, H a function type that is no handler of the table; nil for
// any other.
func ownMiddleware(sig *types.Signature) *types.Signature {
	if sig == nil || sig.Params().Len() != 1 || sig.Results().Len() != 1 || sig.Variadic() {
		return nil
	}
	h := sig.Params().At(0).Type()
	if !types.Identical(h, sig.Results().At(0).Type()) || httpapi.IsHandlerType(h) {
		return nil
	}
	hs, _ := h.Underlying().(*types.Signature)
	return hs
}

// maxServedDepth bounds the middleware closures handlerFuncs looks into.
const maxServedDepth = 3

// Jobs are the program's worker, scheduler and consumer loops: each loop
// that runs until something outside stops it (for { select ... }, a
// range over a channel), with its function. Their bodies are not part of
// what a call of the function runs (see Reach): they are entries of their
// own.
func (p *Program) Jobs() []*Entry {
	var out []*Entry
	for _, f := range p.list {
		seen := map[*queries.Loop]bool{}
		for _, c := range f.Calls {
			l := outermostUnbounded(c.Loops)
			if l == nil || seen[l] {
				continue
			}
			seen[l] = true
			out = append(out, &Entry{Role: RoleJob, Name: f.Name, Parts: []Part{{Func: f, Loop: l}}, Linked: true})
		}
	}
	return out
}

func outermostUnbounded(loops []*queries.Loop) *queries.Loop {
	for _, l := range loops {
		if l.Kind.Unbounded() {
			return l
		}
	}
	return nil
}

// reachLoop is what one iteration of a worker's loop in f runs: the calls
// in its body, outside any worker loop nested in it, multiplied by the
// data loops between the two.
func (p *Program) reachLoop(f *Func, loop *queries.Loop, holds func(*Call) bool) []Reached {
	p.components()
	var acc []entry
	for _, c := range f.Calls {
		i := indexOf(c.Loops, loop)
		if i < 0 || c.Async || queries.Unbounded(c.Loops[i+1:]) || !holds(c) {
			continue
		}
		// One iteration's worth: the loops inside the worker's loop.
		inner := *c
		inner.Loops = c.Loops[i+1:]
		acc = append(acc, p.through(nil, f, &inner, nil)...)
	}
	var out []Reached
	for _, e := range deepest(acc) {
		out = append(out, Reached{Site: e.site, Depth: e.depth, Once: e.once, Assumed: e.assume, Via: p.via(f, e)})
	}
	p.sortReached(out)
	return out
}

func indexOf(loops []*queries.Loop, l *queries.Loop) int {
	for i, x := range loops {
		if x == l {
			return i
		}
	}
	return -1
}

// Started are the entries of the goroutines the entries start and do not
// wait for (Call.Async; see goroutines.go), and of those these start in
// turn. What a request starts runs beside it, not as part of it: a
// background job, one per function started, whichever routes start it.
// What the start, a command, a migration or a job starts is part of what
// they run: an entry of their role and name (a command's goroutine "runs
// in CLI command x"), but for a function handed to a scheduler
// (Call.Scheduled), which runs it on its timetable: a background job,
// whoever registered it. Ordered by the function started, then by role and
// name.
func (p *Program) Started(entries []*Entry) []*Entry {
	type key struct {
		role Role
		name string
		f    *Func
	}
	seen := map[key]bool{}
	var out []*Entry
	work := slices.Clone(entries)
	for len(work) > 0 {
		e := work[0]
		work = work[1:]
		for _, c := range p.starts(e) {
			for _, g := range c.Callees {
				k := key{e.Role, e.Name, g}
				if e.Role == RoleRoute || c.Scheduled {
					k = key{RoleJob, g.Name, g}
					if c.Scheduled && c.Job != "" {
						k.name = c.Job
					}
					if !c.Scheduled && p.migrationNamed(g) {
						// A migration a request starts in the background
						// (an admin's upgrade wizard: go c.runMigration()):
						// once per deployment, as any migration.
						k.role = RoleMigration
					}
				}
				if seen[k] {
					continue
				}
				seen[k] = true
				n := &Entry{Role: k.role, Name: k.name, Parts: []Part{{From: k.name, Func: g}}, Linked: true}
				out = append(out, n)
				work = append(work, n)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if fa, fb := a.Parts[0].Func, b.Parts[0].Func; fa != fb {
			return p.less(fa, fb)
		}
		if a.Role != b.Role {
			return a.Role < b.Role
		}
		return a.Name < b.Name
	})
	return out
}

// migrationNamed says whether f's names say migration: its file's, its
// package's or its own (see codekind.MigrationCode).
func (p *Program) migrationNamed(f *Func) bool {
	file := ""
	if tf := p.Fset.File(f.pos); tf != nil {
		file = tf.Name()
	}
	name := f.Name
	if f.Decl != nil {
		name = f.Decl.Name()
	}
	return codekind.MigrationCode(file, f.pkg, name)
}

// Setup cuts from the routes and jobs among entries the calls they make
// into the set-up of the database — code named for migrations or for
// filling a new database (see codekind.MigrationCode and SeedCode) that
// the start, a command or a migration runs too: an admin's restore that
// re-runs InitDB and the migrations on the uploaded file, an installer's
// route, a getter opening the database on first use — and returns a
// migration entry for each function so called. That code runs once per
// deployment or restore, whatever route or job runs it: its loops are a
// migration's, not a request's cost (and the route no longer lists its
// queries). A function of those names that no start-up, command or
// migration runs is the request's own (a "migrate clients" action moving
// a user's clients) and stays the route's. Run after Started: the jobs
// requests start are cut too.
func (p *Program) Setup(entries []*Entry) []*Entry {
	setup := map[*Func]bool{}
	for _, e := range entries {
		switch e.Role {
		case RoleStartup, RoleCLI, RoleMigration:
			for _, f := range p.functions(e, true, true) {
				setup[f] = true
			}
		}
	}
	named := map[*Func]bool{}
	isSetup := func(f *Func) bool {
		v, ok := named[f]
		if !ok {
			v = setup[f] && (p.migrationNamed(f) || p.seedNamed(f))
			named[f] = v
		}
		return v
	}
	var out []*Entry
	seen := map[*Func]bool{}
	for _, e := range entries {
		if e.Role != RoleRoute && e.Role != RoleJob {
			continue
		}
		for _, f := range p.functions(e, false, true) {
			if isSetup(f) {
				continue // inside: the boundary call is cut
			}
			for _, c := range f.Calls {
				if c.Site != nil || len(c.Callees) == 0 || e.cut[c.Pos] || slices.ContainsFunc(c.Callees, func(g *Func) bool { return !isSetup(g) }) {
					continue
				}
				if e.cut == nil {
					e.cut = map[token.Pos]bool{}
				}
				e.cut[c.Pos] = true
				for _, g := range c.Callees {
					if !seen[g] {
						seen[g] = true
						out = append(out, &Entry{Role: RoleMigration, Name: g.Name, Parts: []Part{{Func: g}}})
					}
				}
			}
		}
	}
	return out
}

// seedNamed reports whether f's file, name or receiver's name says it
// fills a database with its first rows (codekind.SeedCode).
func (p *Program) seedNamed(f *Func) bool {
	file := ""
	if tf := p.Fset.File(f.pos); tf != nil {
		file = tf.Name()
	}
	name, recv := f.Name, ""
	if f.Decl != nil {
		name = f.Decl.Name()
		if r := f.Decl.Signature().Recv(); r != nil {
			if n := recvNamed(r.Type()); n != nil {
				recv = n.Name()
			}
		}
	}
	return codekind.SeedCode(file, name, recv)
}

// starts are the calls of an entry's code that start a goroutine and do
// not wait for it. Those in a worker's loop of a function the entry runs
// are that worker's job's.
func (p *Program) starts(e *Entry) []*Call {
	var out []*Call
	for _, part := range e.Parts {
		if part.Loop == nil {
			continue
		}
		for _, c := range part.Func.Calls {
			if i := indexOf(c.Loops, part.Loop); i >= 0 && c.Async && !queries.Unbounded(c.Loops[i+1:]) && part.holds(c) {
				out = append(out, c)
			}
		}
	}
	for _, f := range p.functions(e, false, true) {
		for _, c := range f.Calls {
			if c.Async && !queries.Unbounded(c.Loops) && !e.cut[c.Pos] {
				out = append(out, c)
			}
		}
	}
	return out
}

// Startup is the program's start: each main package's main, every
// package initializer of the module, and what lifecycle frameworks run
// when the program starts (see lifecycle.go).
func (p *Program) Startup() []*Entry {
	var out []*Entry
	for _, f := range p.list {
		isMain := f.Decl != nil && !f.closure && !f.Synthetic && f.Decl.Name() == "main" &&
			f.sig.Recv() == nil && f.Decl.Pkg() != nil && f.Decl.Pkg().Name() == "main"
		if !f.init && !isMain {
			continue
		}
		e := &Entry{Role: RoleStartup, Name: f.Name, Parts: []Part{{Func: f}}}
		if isMain {
			e.cut = p.arms()
		}
		out = append(out, e)
	}
	return append(out, p.startHooks()...)
}

// Roles gives each query site the entries that reach it. A site reached
// by no entry is in none (dead code, or reached in ways the graph cannot
// see). The entries of each site are in the order of entries. What the
// program's own migration registry runs, each function's own entry alone
// reaches (see migregistry.go and functions).
func (p *Program) Roles(entries []*Entry) map[*queries.Site][]*Entry {
	out := map[*queries.Site][]*Entry{}
	var migrated map[*queries.Site]bool // the sites the registry's migrations reach
	if m := p.registryMigrations(); m != nil && len(m.only) > 0 {
		migrated = map[*queries.Site]bool{}
		for _, e := range m.entries {
			maps.Copy(migrated, callSites(p.functions(e, true, true)))
		}
	}
	for _, e := range entries {
		var reached map[*queries.Site]bool // those e's code reaches, not through the registry
		if migrated != nil {
			reached = callSites(p.functions(e, true, true))
		}
		for _, q := range p.Queries(e) {
			if reached != nil && migrated[q.Site] && !reached[q.Site] {
				continue // run by a migration e's code runs
			}
			if es := out[q.Site]; len(es) == 0 || es[len(es)-1] != e {
				out[q.Site] = append(es, e)
			}
		}
	}
	return out
}

// callSites are the query sites the calls of fs make.
func callSites(fs []*Func) map[*queries.Site]bool {
	out := map[*queries.Site]bool{}
	for _, f := range fs {
		for _, c := range f.Calls {
			if c.Site != nil {
				out[c.Site] = true
			}
		}
	}
	return out
}

// Main is the role that decides how a site reached by these entries is
// treated: the one that runs it most often (a request path over a job,
// over a migration), then start-up over a command: what every start of
// the server runs is its set-up (configuration, the database's schema
// and seed rows) even where a command an operator runs shares it.
func Main(entries []*Entry) Role {
	best := RoleNone
	for _, e := range entries {
		if best == RoleNone || precedence[e.Role] < precedence[best] {
			best = e.Role
		}
	}
	return best
}

// precedence orders roles for Main, first first.
var precedence = [...]int{
	RoleRoute:     0,
	RoleJob:       1,
	RoleMigration: 2,
	RoleStartup:   3,
	RoleCLI:       4,
	RoleTest:      5,
	RoleNone:      6,
}

// sortEntries orders entries by role, then name.
func sortEntries(es []*Entry) {
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].Role != es[j].Role {
			return es[i].Role < es[j].Role
		}
		return es[i].Name < es[j].Name
	})
}

// Reaching gives each function the entries that reach it: whose code,
// per request or iteration, calls it at any depth.
func (p *Program) Reaching(entries []*Entry) map[*Func][]*Entry {
	out := map[*Func][]*Entry{}
	for _, e := range entries {
		for _, f := range p.functions(e, false, true) {
			out[f] = append(out[f], e)
			if f.origin != nil {
				out[f.origin] = append(out[f.origin], e) // a copy's code is the closure's
			}
		}
	}
	return out
}

// OnceOnly are the functions that entries reach only through a call that
// runs what it calls once per process — sync.Once's Do, a cache filled
// under `if x == nil` (Call.Once) — however many requests or iterations
// run the entries: a loop in one runs once, like start-up's, not per
// request.
func (p *Program) OnceOnly(entries []*Entry) map[*Func]bool {
	direct := map[*Func]bool{} // reached without such a call
	for _, e := range entries {
		for _, f := range p.functions(e, false, false) {
			direct[f] = true
		}
	}
	out := map[*Func]bool{}
	for _, e := range entries {
		for _, f := range p.functions(e, false, true) {
			if !direct[f] {
				out[f] = true
			}
		}
	}
	return out
}

// partKey is what partFunctions keeps one answer by.
type partKey struct {
	part             Part
	goroutines, once bool
}

// partFunctions are the functions of an entry of the one part, with no
// cut (see functions), found once per part: the driver asks them of
// each route's parts per finding (Runs) and per route (chanParts). The
// slice is shared: append to it only after slices.Clip, as it is.
func (p *Program) partFunctions(part Part, goroutines, once bool) []*Func {
	if p.ownMigBusy {
		return p.functions(&Entry{Parts: []Part{part}}, goroutines, once) // see registryMigrations
	}
	k := partKey{part, goroutines, once}
	p.partFnsMu.Lock()
	fs, ok := p.partFns[k]
	p.partFnsMu.Unlock()
	if ok {
		return fs
	}
	fs = slices.Clip(p.functions(&Entry{Parts: []Part{part}}, goroutines, once))
	p.partFnsMu.Lock()
	if p.partFns == nil {
		p.partFns = map[partKey][]*Func{}
	}
	p.partFns[k] = fs
	p.partFnsMu.Unlock()
	return fs
}

// functions are the functions an entry's code runs, at any depth, per
// request or iteration (not inside a worker's loop of its own); with
// goroutines, also those of the goroutines it starts and does not wait
// for; through the calls that run what they call once (Call.Once) only
// with once. A call made only when one before it failed (Call.Fail)
// runs per request that fails, not once per process: it is followed.
func (p *Program) functions(e *Entry, goroutines, once bool) []*Func {
	var work, out []*Func
	// The runners of the program's own migration registry, each its own
	// entry alone reaches (see migregistry.go): the jobs and the start-up
	// that run a runner do not reach it nor the migrations it runs, nor
	// does one migration another the graph joins to the runner.
	var only map[*Func]bool
	if m := p.registryMigrations(); m != nil {
		only = m.only
	}
	follow := func(fs []*Func) {
		for _, g := range fs {
			if !only[g] && (g.origin == nil || !only[g.origin]) {
				work = append(work, g)
			}
		}
	}
	for _, part := range e.Parts {
		if part.Loop == nil {
			work = append(work, part.Func)
			continue
		}
		// A job is its loop's body: the calls in it.
		for _, c := range part.Func.Calls {
			if indexOf(c.Loops, part.Loop) >= 0 && (goroutines || !c.Async) && part.holds(c) {
				follow(c.Callees)
			}
		}
	}
	seen := map[*Func]bool{}
	for len(work) > 0 {
		f := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[f] {
			continue
		}
		seen[f] = true
		out = append(out, f)
		for _, c := range f.Calls {
			if c.Site == nil && (perCall(c) || goroutines && c.Async && !queries.Unbounded(c.Loops)) && !e.cut[c.Pos] && (once || !c.Once || c.Fail) {
				follow(c.Callees)
			}
		}
	}
	return out
}

// implementations are the module's methods that implement the interface
// method m, each declared on a type that implements m's interface, but
// for those declared in the interface's own package: a generated
// service's stubs, which answer "unimplemented".
func (p *Program) implementations(m *types.Func) []*Func {
	sig, _ := m.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return nil
	}
	iface, ok := sig.Recv().Type().Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	var out []*Func
	for _, f := range p.list {
		if f.Decl == nil || f.Decl.Name() != m.Name() || f.Decl.Pkg() == nil || f.Decl.Pkg().Path() == m.Pkg().Path() {
			continue
		}
		if f.implements(iface) {
			out = append(out, f)
		}
	}
	return out
}

// implements reports whether f is a declared method of a concrete type
// implementing iface.
func (f *Func) implements(iface *types.Interface) bool {
	if f.Decl == nil || f.closure || f.Synthetic || f.instance {
		return false
	}
	recv := f.sig.Recv()
	if recv == nil || types.IsInterface(recv.Type()) {
		return false
	}
	t := recv.Type()
	if _, ptr := t.(*types.Pointer); !ptr {
		t = types.NewPointer(t) // a value receiver's methods are the pointer's too
	}
	return types.Implements(t, iface)
}

// Targets are the declared functions and methods of the module the call
// at pos (its Lparen) may run, as the graph resolves it: through an
// interface, its implementations. assumed says the graph has them from
// the types alone (Call.Assumed).
func (p *Program) Targets(pos token.Pos) (out []*types.Func, assumed bool) {
	f := p.FuncAt(pos)
	if f == nil {
		return nil, false
	}
	for _, c := range f.Calls {
		if c.Pos != pos {
			continue
		}
		assumed = assumed || c.Assumed
		for _, g := range c.Callees {
			if g.Decl != nil && !g.closure && !slices.Contains(out, g.Decl) {
				out = append(out, g.Decl)
			}
		}
	}
	return out, assumed
}
