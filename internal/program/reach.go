package program

import (
	"slices"
	"sort"

	"github.com/sqlheat/sqlheat/passes/queries"
)

// maxDepth caps the loop nesting recorded, as the queries pass does:
// beyond "per item of an item of an item" the exact depth adds nothing.
const maxDepth = 3

// Reached is a query site a call of some function runs.
type Reached struct {
	Site *queries.Site
	// Depth is how many data loops, on the deepest path from the function
	// to the site, multiply it: 0 once per call, 1 once per item... A
	// recursive cycle on the way counts as one loop.
	Depth int
	// Via is the chain of functions from the function asked about (first)
	// to the one holding the site (last), wrappers left out.
	Via []*Func
	// Once says the site fills a cache on every path to it: it runs once
	// per process, and Depth is 0.
	Once bool
	// Per, when not 0, says the site runs under a lazy fill of some
	// value's state (Call.Per) that every call from the function
	// asked about down to it hands on: once per value of the function's
	// parameter Per-1 (the receiver first), not per call (see lazy.go).
	Per int
	// PerItem, of Per, says the fill is of a parameter's state (a value
	// handed in, such as a release to download), not of an iterator's
	// receiver: a loop over a collection of such values runs it once per
	// item (see handedFrom).
	PerItem bool
	// Key, when not 0, says the site fills a cache keyed by what the
	// function asked about is handed in those of its parameters (a mask,
	// see queries.Params): once per value of them, which is once per
	// item only of the loops that make one anew (see keyed.go).
	Key int
	// Assumed says the path goes through a call whose callees come from
	// the types alone (Call.Assumed).
	Assumed bool
	// Flag, when not 0, says Once and Per hold only for a caller passing
	// false as the function's parameter Flag-1 (Call.Unless; see
	// PassesFalse); Raw is the depth otherwise.
	Flag, Raw int
}

// reach is what the functions of one strongly connected component of the
// call graph run: sorted by site, the deepest path to each.
type scc struct {
	members []*Func
	cyclic  bool    // recursion: the component calls itself
	reach   []entry // nil until computed
	done    bool
	// own, when a call within the component fills a cache or mends a
	// failed attempt (Call.Once), holds what each member's own calls
	// reach; mended, what a call of each member runs, computed when
	// asked: what only such calls lead to runs once (see mend).
	own    map[*Func][]entry
	mended map[*Func][]entry

	costs map[*Func]cost // by member, see Program.cost

	seq     []step // see sequence
	seqDone bool
}

// cost is what a call runs in queries: once, the queries run on every
// call; loop, whether some run per item; each, the queries on the
// costliest path counting those run per item once; any, the queries some
// path runs: every branch's, of a call through an interface or a func
// value one callee's (implementations in different dialects each run
// their own text of one statement).
type cost struct {
	once int
	loop bool
	each int
	any  int
}

// entry is one site a component reaches: through call (of owner) into
// callee, or, when callee is nil, at the call itself.
type entry struct {
	site  *queries.Site
	depth int
	once  bool // through a cache fill: no loop multiplies it
	per   int  // see Reached.Per
	item  bool // of per: see Reached.PerItem
	key   int  // see Reached.Key
	// flag, when not 0, says the entry is once (or per value) only if
	// the caller of owner passes false for owner's parameter flag-1 (see
	// Call.Unless); raw is its depth were the fill run on every call.
	flag, raw int
	assume    bool // through a call resolved by types alone
	owner     *Func
	call      *Call
	callee    *Func
	ctx       *bound // what callee runs under the call's binding; nil: its component's reach (see bind.go)
}

// Reach returns the query sites a call of f runs, by file and line, each
// with its deepest multiplicity and a call chain to it. Calls inside a
// worker's or server's loop (for { select ... }) are not part of it:
// they do not run once per call of f (see Jobs).
func (p *Program) Reach(f *Func) []Reached {
	if f == nil {
		return nil
	}
	p.components()
	es := p.member(f)
	out := make([]Reached, 0, len(es))
	for _, e := range es {
		e = flagOf(e, f)
		out = append(out, Reached{Site: e.site, Depth: e.depth, Once: e.once, Per: e.per, PerItem: e.item, Key: e.key, Assumed: e.assume, Via: p.via(f, e), Flag: e.flag, Raw: e.raw})
	}
	p.sortReached(out)
	return out
}

// ReachFrom returns what callee g of call c, in f, runs, as Reach does,
// with the dynamic types c passes g's interface parameters: a helper
// shared by implementations of an interface runs, from a call that hands
// it one of them, that implementation's queries alone (see bind.go).
func (p *Program) ReachFrom(f *Func, c *Call, g *Func) []Reached {
	if g == nil {
		return nil
	}
	p.components()
	es, ctx := p.reachOf(g, p.bindArgs(f, c, g, nil))
	if ctx == nil {
		return p.Reach(g)
	}
	out := make([]Reached, 0, len(es))
	for _, e := range es {
		e = flagOf(e, g)
		out = append(out, Reached{Site: e.site, Depth: e.depth, Once: e.once, Per: e.per, PerItem: e.item, Key: e.key, Assumed: e.assume, Via: p.via(g, e), Flag: e.flag, Raw: e.raw})
	}
	p.sortReached(out)
	return out
}

// sortReached orders reached sites by file, then position in the file.
func (p *Program) sortReached(rs []Reached) {
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := p.Fset.Position(rs[i].Site.Call.Pos()), p.Fset.Position(rs[j].Site.Call.Pos())
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		return a.Offset < b.Offset
	})
}

// via rebuilds the chain from f to e's site, following each function's
// own entry for the site down to the call that runs it.
func (p *Program) via(f *Func, e entry) []*Func {
	var chain []*Func
	add := func(g *Func) {
		if !g.Synthetic && (len(chain) == 0 || chain[len(chain)-1].Name != g.Name) {
			chain = append(chain, g)
		}
	}
	cur := f
	for steps := 0; steps < 64; steps++ {
		// Inside a recursive component, walk to the member that runs it.
		for _, g := range p.path(cur, e.owner) {
			add(g)
		}
		if e.callee == nil {
			break
		}
		cur = e.callee
		next, ok := find(p.reachIn(cur, e.ctx), e.site)
		if !ok {
			break
		}
		e = next
	}
	return chain
}

// path is a shortest chain of calls from a to b within their component,
// both included; just a when a is b.
func (p *Program) path(a, b *Func) []*Func {
	if a == b || a.scc != b.scc {
		return []*Func{a}
	}
	prev := map[*Func]*Func{a: nil}
	queue := []*Func{a}
	for len(queue) > 0 {
		g := queue[0]
		queue = queue[1:]
		if g == b {
			break
		}
		for _, c := range g.Calls {
			if c.Async {
				continue
			}
			for _, h := range c.Callees {
				if _, seen := prev[h]; !seen && h.scc == a.scc {
					prev[h] = g
					queue = append(queue, h)
				}
			}
		}
	}
	var rev []*Func
	for g := b; g != nil; g = prev[g] {
		rev = append(rev, g)
	}
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	return rev
}

func find(es []entry, s *queries.Site) (entry, bool) {
	i := sort.Search(len(es), func(i int) bool { return !siteLess(es[i].site, s) })
	if i < len(es) && es[i].site == s {
		return es[i], true
	}
	return entry{}, false
}

func siteLess(a, b *queries.Site) bool { return a.Call.Lparen < b.Call.Lparen }

// perCall reports whether a call runs as part of each call of its
// function: not in a worker's loop, nor on a goroutine the function does
// not wait for (see goroutines.go), nor in a branch that never runs (see
// never.go).
func perCall(c *Call) bool { return !c.Async && !c.Never && !queries.Unbounded(c.Loops) }

// processOnce says c runs once per process, not on each call of its
// function: sync.Once's function, a package-level cache's fill (not one
// keyed by what varies, nor a value's lazy state, nor a retry).
func processOnce(c *Call) bool { return c.Once && c.Key == 0 && c.Per == 0 && !c.Fail }

// compute fills a component's reach from its members' sites and the
// reach of the components they call, which are computed first.
func (p *Program) compute(s *scc) []entry {
	if s.done {
		return s.reach
	}
	s.done = true // a component calling itself is handled below, not here
	own := make(map[*Func][]entry, len(s.members))
	var acc []entry
	for _, f := range s.members {
		for _, c := range f.Calls {
			if !perCall(c) {
				continue
			}
			es := p.through(s, f, c, nil)
			own[f] = append(own[f], es...)
			acc = append(acc, es...)
		}
	}
	s.reach = deepest(recursed(acc, s.cyclic))
	if s.cyclic && mends(s) {
		s.own = own
	}
	return s.reach
}

// recursed adds, when the functions running es call themselves, the
// recursion's loop to es: a recursive function runs its queries once per
// call of itself, one loop whatever the depth of the recursion.
func recursed(es []entry, cyclic bool) []entry {
	if cyclic {
		for i := range es {
			if !es[i].once {
				es[i].depth++
			}
		}
	}
	return es
}

// member is what a call of f runs: its component's reach, told apart for
// f when a cache fill or a recovery within the component makes it
// depend on where the call comes in (see mend).
func (p *Program) member(f *Func) []entry {
	s := f.scc
	p.compute(s)
	if s.own == nil {
		return s.reach
	}
	es, ok := s.mended[f]
	if !ok {
		es = mend(s, f)
		if s.mended == nil {
			s.mended = map[*Func][]entry{}
		}
		s.mended[f] = es
	}
	return es
}

// mends reports whether a call within recursive component s fills a
// cache or mends a failed attempt (Call.Once).
func mends(s *scc) bool {
	for _, f := range s.members {
		for _, c := range f.Calls {
			if c.Once && perCall(c) && slices.ContainsFunc(c.Callees, func(g *Func) bool { return g.scc == s }) {
				return true
			}
		}
	}
	return false
}

// mend tells apart, in recursive component s, what a call of member f
// runs when some call within s fills a cache or mends a failed attempt
// (Call.Once; see the queries pass's recovery.go). A client's request
// that logs in again on an expired session, its login asking through
// that same request, makes request and login one component: pooled, the
// login's saved token ran per call of request, and so once per item of
// every loop sending requests. From a member f, the members its calls
// reach without such a call run as usual, recursion counted as one loop
// if they call themselves so; those reached only through one run once,
// whatever the loops around the call of f. scc.own holds each member's
// entries, as compute found them.
func mend(s *scc, f *Func) []entry {
	usual, cyclic := usualFrom(s, f)
	if cyclic && len(usual) == len(s.members) {
		return s.reach // every member, as the component's
	}
	var acc []entry
	for _, g := range s.members {
		if !usual[g] {
			for _, e := range s.own[g] {
				// Once whatever the key, or the flag of a getter's fast
				// path (a parameter of g, not of f).
				e.once, e.depth, e.per, e.key, e.flag = true, 0, 0, 0, 0
				acc = append(acc, e)
			}
			continue
		}
		acc = append(acc, recursed(slices.Clone(s.own[g]), cyclic)...)
	}
	return deepest(acc)
}

// usualFrom are the members of s that f's calls reach within s through no
// cache fill nor recovery (f included), and whether they call each other
// so: recursion.
func usualFrom(s *scc, f *Func) (usual map[*Func]bool, cyclic bool) {
	within := func(g *Func, visit func(h *Func)) {
		for _, c := range g.Calls {
			if c.Site != nil || c.Once || !perCall(c) {
				continue
			}
			for _, h := range c.Callees {
				if h.scc == s {
					visit(h)
				}
			}
		}
	}
	usual = map[*Func]bool{f: true}
	queue := []*Func{f}
	for len(queue) > 0 {
		g := queue[0]
		queue = queue[1:]
		within(g, func(h *Func) {
			if !usual[h] {
				usual[h] = true
				queue = append(queue, h)
			}
		})
	}
	// A cycle among them: a depth-first walk meets a function on its way.
	const (
		unseen = iota
		onWay
		finished
	)
	state := map[*Func]int{}
	var walk func(g *Func)
	walk = func(g *Func) {
		state[g] = onWay
		within(g, func(h *Func) {
			switch state[h] {
			case onWay:
				cyclic = true
			case unseen:
				walk(h)
			}
		})
		state[g] = finished
	}
	walk(f)
	return usual, cyclic
}

// maxDispatch is the most functions a dynamic call may run, as the graph
// finds them, for what they run to count per call.
const maxDispatch = 64

// dispatches reports whether c, a call of a func value or through an
// interface, may run more than maxDispatch functions of the module,
// under the binding its caller gives: the function table of an
// interpreter (gopher-lua's callGFunction, calling whichever of the
// hundreds of Go functions a script registered it calls), or a plugin
// host's. Which of them runs is the data's: a script's, a message's.
// What they run is counted once, whatever the loops around the call and
// above it: a loop over a Lua stack's slots calling a metamethod runs no
// query per slot because one of the table's functions authenticates a
// user. Nor does the call make its callees one recursive component with
// its function (the table's functions calling the interpreter back): the
// components leave its edges out. A func value the graph narrows to the
// closures its caller hands (a helper's callback) is no such call.
func dispatches(c *Call, callees []*Func) bool {
	return len(callees) > maxDispatch && !c.Static
}

// through is what call c of f, running under binding b (nil: any
// caller's), reaches: its site, or what its callees outside component s
// reach, each under what c passes it (see bind.go; recursion within s is
// counted by compute), with the loops around c added, unless a cache fill
// is on the way.
func (p *Program) through(s *scc, f *Func, c *Call, b *argTypes) []entry {
	d := queries.PerItem(c.Loops)
	if c.Site != nil {
		d = max(d-c.Chunks, 0) // one statement per chunk it takes whole
		// The pass counts a receiver's or a parameter's fill as a cache
		// fill (Site.Once); the graph follows the value instead.
		raw := d
		loaded := c.Load && queries.Loaded(c.Site.Entry.Kind)
		once := c.Once || (c.Site.Once || c.Unless > 0) && (c.Per == 0 || p.keptFill(f, c)) || loaded
		if once {
			d = 0
		}
		per, key := 0, 0
		if c.Per > 0 && !once {
			per = c.Per
		}
		item := per > 0 && c.perArg(f)
		if once && c.Key != 0 && !loaded {
			// A keyed cache's fill: once per value of its key (see
			// keyed.go), per call when the key cannot be traced.
			once, key = false, max(c.Key, 0)
		}
		flag := c.Unless
		if c.Once || loaded {
			flag = 0 // once whatever the getter's flag
		}
		return []entry{{site: c.Site, depth: d, once: once, per: per, item: item, key: key, owner: f, call: c, flag: flag, raw: raw}}
	}
	var out []entry
	callees := p.callees(f, c, b)
	wide := dispatches(c, callees)
	for _, g := range callees {
		if s != nil && g.scc == s {
			continue
		}
		es, ctx := p.reachOf(g, p.bindArgs(f, c, g, b))
		for _, e := range es {
			d := d
			if e.depth == 0 {
				d = max(d-c.Chunks, 0) // a single statement per chunk
			}
			if e = flagOf(e, g); e.flag > 0 && !p.PassesFalse(f, c, g, e.flag-1) {
				// The caller's flag builds again: the fill runs per call.
				e.once, e.per, e.depth, e.flag = false, 0, e.raw, 0
			}
			loaded := c.Load && queries.Loaded(e.site.Entry.Kind)
			next := entry{site: e.site, depth: e.depth + d, once: e.once || c.Once || p.keptFill(f, c) || loaded || wide, assume: e.assume || c.Assumed, owner: f, call: c, callee: g, ctx: ctx}
			if c.Unless > 0 && c.Per > 0 && !e.once && !c.Once && !loaded {
				// Only what the getter's fill alone makes once: a fill
				// below it, or a loader's read, stays once whatever the
				// flag.
				next.flag, next.raw = c.Unless, e.depth+d
			}
			switch {
			case next.once && !e.once && !loaded && c.Key != 0:
				// Under a keyed cache's fill in f: once per value of its
				// key (see keyed.go).
				next.once, next.depth, next.key = false, 0, max(c.Key, 0)
			case next.once:
				next.depth = 0
			case c.Per > 0:
				next.per, next.item = c.Per, c.perArg(f) // once per value of f's variable, whatever below
			case e.key > 0:
				// Keyed by g's parameters: by what c hands them.
				switch from, varies := p.keyHanded(f, c, g, e.key); {
				case varies:
				case from == 0:
					next.once, next.depth = true, 0
				case from > 0:
					next.depth, next.key = e.depth, from
				default:
					next.depth = e.depth // once per call of f
				}
			case e.per > 0:
				// Once per value of g's parameter: of what c hands it.
				from, outside := p.handedFrom(f, c, g, e.per-1, e.item)
				if outside {
					next.depth = e.depth // c's loops do not make a new one
				}
				next.per, next.item = from, from > 0 && e.item
			}
			out = append(out, next)
		}
	}
	return out
}

// flagOf is e as a call of g runs it: the flag of a getter's fast path
// (entry.flag) is a parameter of the getter, e's owner; reached from
// another function of its recursive component, what that one passes
// there says nothing of it, and the fill runs per call.
func flagOf(e entry, g *Func) entry {
	if e.flag > 0 && e.owner != g {
		e.once, e.per, e.depth, e.flag = false, 0, e.raw, 0
	}
	return e
}

// deepest keeps, per site, the entry with the deepest multiplicity, a
// path that does not go through a cache fill before one that does; ties
// go to the first found, which the deterministic order of functions and
// calls makes stable.
func deepest(acc []entry) []entry {
	for i := range acc {
		acc[i].depth = min(acc[i].depth, maxDepth)
	}
	sort.SliceStable(acc, func(i, j int) bool { return siteLess(acc[i].site, acc[j].site) })
	out := acc[:0]
	for _, e := range acc {
		if n := len(out); n > 0 && out[n-1].site == e.site {
			if last := out[n-1]; better(e, last) {
				out[n-1] = e
			}
			continue
		}
		out = append(out, e)
	}
	return out
}

// better reports whether entry a says more than b about their site: a
// path through no cache fill over one through a cache fill, a path the
// call graph followed over one resolved by types alone, then the deeper.
func better(a, b entry) bool {
	switch {
	case a.once != b.once:
		return !a.once
	case (a.per == 0) != (b.per == 0):
		return a.per == 0 // a path that runs it per call
	case (a.key == 0) != (b.key == 0):
		return a.key == 0 // likewise
	case a.assume != b.assume:
		return !a.assume
	}
	return a.depth > b.depth
}

// components computes, once, the strongly connected components of the
// graph (Tarjan's algorithm, iterative: call chains can be deep).
func (p *Program) components() {
	if len(p.list) == 0 || p.list[0].scc != nil {
		return
	}
	index := map[*Func]int{}
	low := map[*Func]int{}
	onStack := map[*Func]bool{}
	var stack []*Func
	next := 0
	type frame struct {
		f     *Func
		calls int // next call to look at
		succ  int // next callee of that call
	}
	// The copies of closures bound to their constructors' calls (see
	// ctors.go) too: one an adapter's copy calls (a wrapper's closure
	// handed to another, rateLimit(tryAuth(h))) is reached through no
	// call of the list.
	for _, root := range slices.Concat(p.list, p.copies) {
		if _, seen := index[root]; seen {
			continue
		}
		work := []frame{{f: root}}
		index[root], low[root] = next, next
		next++
		stack = append(stack, root)
		onStack[root] = true
		for len(work) > 0 {
			fr := &work[len(work)-1]
			f := fr.f
			if fr.calls < len(f.Calls) {
				c := f.Calls[fr.calls]
				if fr.succ >= len(c.Callees) || c.Site != nil || c.Async || dispatches(c, c.Callees) {
					fr.calls++
					fr.succ = 0
					continue
				}
				g := c.Callees[fr.succ]
				fr.succ++
				if _, seen := index[g]; !seen {
					index[g], low[g] = next, next
					next++
					stack = append(stack, g)
					onStack[g] = true
					work = append(work, frame{f: g})
				} else if onStack[g] {
					low[f] = min(low[f], index[g])
				}
				continue
			}
			// f is done: pop its component if it is the root of one.
			if low[f] == index[f] {
				s := &scc{}
				for {
					g := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[g] = false
					g.scc = s
					s.members = append(s.members, g)
					if g == f {
						break
					}
				}
				sort.Slice(s.members, func(i, j int) bool { return p.less(s.members[i], s.members[j]) })
				s.cyclic = len(s.members) > 1 || callsItself(f)
			}
			work = work[:len(work)-1]
			if len(work) > 0 {
				parent := work[len(work)-1].f
				low[parent] = min(low[parent], low[f])
			}
		}
	}
}

func callsItself(f *Func) bool {
	for _, c := range f.Calls {
		if c.Site != nil || c.Async || dispatches(c, c.Callees) {
			continue
		}
		for _, g := range c.Callees {
			if g == f {
				return true
			}
		}
	}
	return false
}

// Recursive reports whether f and g call each other: both are in one
// recursive component of the graph. A call of g in a loop of f is then
// the recursion's own fan-out, which Reach counts as its one loop
// already.
func (p *Program) Recursive(f, g *Func) bool {
	if f == nil || g == nil {
		return false
	}
	p.components()
	return f.scc == g.scc && f.scc.cyclic
}

// Cost is what one call of f costs: the number of queries it runs on
// every call, and whether some run per item. A call through an interface
// or a func value costs what its costliest callee costs (one of them
// runs); of the branches of an if or a switch, the costliest counts (see
// flow): the count is what the costliest path through the body runs. A
// recursive component runs its queries per level: a loop. A level is
// the costliest path from f down to a call back into a function already
// on the way; adding up every member's body instead made a dispatcher
// whose actions call back into it cost every action at once (sftpgo's
// event rules: 321 queries "per call").
func (p *Program) Cost(f *Func) (once int, loop bool) {
	if f == nil {
		return 0, false
	}
	p.components()
	c := p.cost(f)
	return c.once, c.loop
}

// Each is how many queries one call of f runs along the path through it
// that names the most, those its loops repeat counted once: what a
// message counts for a function whose every query runs per item of its
// own loops (Cost says 0 of them run once per call), in place of every
// statement any of its branches reaches.
func (p *Program) Each(f *Func) int {
	if f == nil {
		return 0
	}
	p.components()
	return p.cost(f).each
}

// Branches is how many queries the paths through one call of f can run
// in all, every branch's, each site counted per call of it: of a call
// through an interface or a func value, the callee whose paths run the
// most. More than Each says one call runs some of them, depending on the
// branch.
func (p *Program) Branches(f *Func) int {
	if f == nil {
		return 0
	}
	p.components()
	return p.cost(f).any
}

// cost is Cost, computed once per function.
func (p *Program) cost(f *Func) cost {
	s := f.scc
	if c, ok := s.costs[f]; ok {
		return c
	}
	if s.costs == nil {
		s.costs = map[*Func]cost{}
	}
	// Within the component, a depth-first walk from f: a call of a
	// member on the way is the recursion (counted as the loop), a call
	// of one done already costs what it cost from here.
	memo := map[*Func]cost{}
	onWay := map[*Func]bool{}
	var visit func(g *Func) cost
	visit = func(g *Func) cost {
		if c, ok := memo[g]; ok {
			return c
		}
		onWay[g] = true
		c := p.bodyCost(g, nil, func(h *Func) cost {
			switch {
			case h.scc != s:
				return p.cost(h)
			case onWay[h]:
				return cost{} // a level down: the loop below
			}
			return visit(h)
		})
		onWay[g] = false
		memo[g] = c
		return c
	}
	c := visit(f)
	if s.cyclic && c.once > 0 {
		c.loop = true
	}
	s.costs[f] = c
	return c
}

// bodyCost is what one pass through f's body runs, a call of g costing
// callee(g), the calls skip says (when not nil) left out.
func (p *Program) bodyCost(f *Func, skip func(*Call) bool, callee func(g *Func) cost) cost {
	var total cost
	// What each block runs on every pass through it; the path through
	// the most is what one call runs.
	weight := make([]int, len(f.flow.succs))
	each := make([]int, len(f.flow.succs))
	once := func(c *Call, n int) {
		if c.block >= 0 && int(c.block) < len(weight) {
			weight[c.block] += n
		} else {
			total.once += n // no block known: on every path
		}
	}
	named := func(c *Call, n int) {
		if c.block >= 0 && int(c.block) < len(each) {
			each[c.block] += n
		} else {
			total.each += n
		}
	}
	for _, c := range f.Calls {
		if !perCall(c) || skip != nil && skip(c) {
			continue
		}
		if c.Unless == 0 && p.keptFill(f, c) {
			continue // a long-lived container's lazy fill: once per process, not per call
		}
		if processOnce(c) {
			// A getter that opens the database on first use cost every
			// caller the set-up's statements (komari's GetDBInstance:
			// "35 queries" per lookup by ID).
			continue
		}
		if dispatches(c, c.Callees) {
			continue // which of a table's functions runs is the data's (see dispatches)
		}
		items := queries.PerItem(c.Loops) > 0
		chunked := queries.PerItem(c.Loops)-c.Chunks == 0
		if c.Site != nil {
			if items && !chunked {
				total.loop = true
			} else {
				once(c, 1)
			}
			named(c, 1)
			total.any++
			continue
		}
		var most cost
		for _, g := range c.Callees {
			k := callee(g)
			most.once = max(most.once, k.once)
			most.loop = most.loop || k.loop
			most.each = max(most.each, k.each)
			most.any = max(most.any, k.any)
		}
		named(c, most.each)
		total.any += most.any
		if items && !(chunked && !most.loop) {
			total.loop = total.loop || most.once > 0 || most.loop
			continue
		}
		once(c, most.once)
		total.loop = total.loop || most.loop
	}
	total.once += f.flow.longest(weight)
	total.each += f.flow.longest(each)
	return total
}
