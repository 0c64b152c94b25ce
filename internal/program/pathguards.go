package program

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"net/http"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/sqlheat/sqlheat/internal/httpapi"
	"github.com/sqlheat/sqlheat/internal/httppattern"
	"github.com/sqlheat/sqlheat/passes/routes"
)

// The same reading decides a test of the request's method (r.Method ==
// http.MethodPost, in a middleware or in the handler itself) for a route
// that serves one method: a handler registered for GET and POST and
// branching on r.Method runs, for its GET route, the GET branch alone.
// A GET route of a ServeMux also serves HEAD: a test of HEAD keeps both
// ways there.
//
// A middleware installed for every route often does its work for some
// paths only, and hands the others on at once:
//
//	func StaticFilter(ctx *context.Context) {
//		if strings.HasPrefix(ctx.Request.URL.Path, "/api/") {
//			return // the API's routes: nothing to serve from disk
//		}
//		... // the pages' lookups: several queries
//	}
//
// Counted whole on every route, it gave each of a service's API routes
// the pages' queries. What a middleware runs for a route is therefore
// read with the route's pattern in hand: a branch decided by a test of
// the request's path (from the request the middleware is handed: its
// URL.Path, or a framework's accessor of it; see httpapi.PathMethod)
// against a constant — ==, !=, strings.HasPrefix, HasSuffix, Contains,
// a switch on the path — that the pattern decides runs that way alone,
// and the calls only the other way reaches are not the route's. The
// pattern decides a test when its literal text does: "/api/users/{id}"
// starts with "/api/", so HasPrefix(path, "/api/") holds and path ==
// "/login" does not, while HasPrefix(path, "/api/users/7") could go
// either way and keeps both. Routers differ on a final slash ("/login"
// may serve "/login/"): a test only one of the two spellings passes
// keeps both ways. A test of anything else (a header, a value the
// middleware computed, a path it rewrote) keeps both ways, as does a
// middleware behind http.StripPrefix, which sees the path without the
// prefix.

// pathOp is the test a path guard makes.
type pathOp uint8

const (
	pathEqual pathOp = iota
	pathPrefix
	pathSuffix
	pathContains
)

// pathTest is a branch of a function on a test of the request's path.
type pathTest struct {
	block int32
	// succ are the blocks the branch goes to when the test holds, and
	// when it does not.
	succ [2]int32
	op   pathOp
	val  string
	of   httpapi.PathSource // what is tested: the path, or the route's pattern
	// method says the test is of the request's method (r.Method ==
	// "POST"), not of its path: op is pathEqual, of NoPath.
	method bool
}

// pathTestsOf are fn's branches on a test of the request's path; none
// when fn rewrites the path (r.URL.Path = ..., r.URL = ...): what it
// then tests is not what the route's pattern matched.
func pathTestsOf(fn *ssa.Function) []pathTest {
	for _, blk := range fn.Blocks {
		for _, in := range blk.Instrs {
			if st, ok := in.(*ssa.Store); ok {
				if fa, ok := st.Addr.(*ssa.FieldAddr); ok && (isField(fa, "net/url", "URL", "Path") || isField(fa, "net/http", "Request", "URL")) {
					return nil
				}
			}
		}
	}
	var out []pathTest
	for _, blk := range fn.Blocks {
		ifi := branch(blk)
		if ifi == nil {
			continue
		}
		t, ok := pathCond(ifi.Cond)
		if !ok {
			continue
		}
		t.block = int32(blk.Index)
		t.succ = [2]int32{int32(blk.Succs[0].Index), int32(blk.Succs[1].Index)}
		if t.succ[0] == t.succ[1] {
			continue
		}
		if t.negated {
			t.succ[0], t.succ[1] = t.succ[1], t.succ[0]
		}
		out = append(out, t.pathTest)
	}
	return out
}

type cond struct {
	pathTest
	negated bool
}

// pathCond reads a branch's condition as a test of the request's path
// against a constant string.
func pathCond(v ssa.Value) (cond, bool) {
	switch c := v.(type) {
	case *ssa.UnOp:
		if c.Op == token.NOT {
			t, ok := pathCond(c.X)
			t.negated = !t.negated
			return t, ok
		}
	case *ssa.BinOp:
		if c.Op != token.EQL && c.Op != token.NEQ {
			break
		}
		x, k := c.X, c.Y
		if _, ok := x.(*ssa.Const); ok {
			x, k = k, x
		}
		s, ok := constString(k)
		if !ok {
			break
		}
		if of := pathValue(x); of != httpapi.NoPath {
			return cond{pathTest: pathTest{op: pathEqual, val: s, of: of}, negated: c.Op == token.NEQ}, true
		}
		if methodValue(x) {
			return cond{pathTest: pathTest{op: pathEqual, val: s, method: true}, negated: c.Op == token.NEQ}, true
		}
	case *ssa.Call:
		fn := c.Call.StaticCallee()
		if fn == nil || fn.Pkg == nil || fn.Pkg.Pkg.Path() != "strings" || len(c.Call.Args) != 2 {
			break
		}
		op, known := map[string]pathOp{"HasPrefix": pathPrefix, "HasSuffix": pathSuffix, "Contains": pathContains}[fn.Name()]
		s, isConst := constString(c.Call.Args[1])
		if !known || !isConst {
			break
		}
		if of := pathValue(c.Call.Args[0]); of != httpapi.NoPath {
			return cond{pathTest: pathTest{op: op, val: s, of: of}}, true
		}
	}
	return cond{}, false
}

func constString(v ssa.Value) (string, bool) {
	k, ok := v.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(k.Value), true
}

// pathValue says whether v is the path of the request the function is
// handed (r.URL.Path, c.Request.URL.Path, c.Request().URL.Path, beego's
// ctx.Input.URL()) or its route's pattern (gin's c.FullPath(), echo's
// c.Path()).
func pathValue(v ssa.Value) httpapi.PathSource {
	switch x := v.(type) {
	case *ssa.UnOp: // *(&u.Path)
		fa, ok := x.X.(*ssa.FieldAddr)
		if x.Op != token.MUL || !ok || !isField(fa, "net/url", "URL", "Path") {
			break
		}
		load, ok := fa.X.(*ssa.UnOp) // *(&r.URL)
		if !ok || load.Op != token.MUL {
			break
		}
		if ra, ok := load.X.(*ssa.FieldAddr); ok && isField(ra, "net/http", "Request", "URL") && handed(ra.X, 0) {
			return httpapi.RequestPath
		}
	case *ssa.Call:
		cc := x.Call
		var fn *types.Func
		var recv ssa.Value
		switch {
		case cc.IsInvoke():
			fn, recv = cc.Method, cc.Value
		case cc.StaticCallee() != nil && cc.Signature().Recv() != nil && len(cc.Args) > 0:
			fn, _ = cc.StaticCallee().Object().(*types.Func)
			recv = cc.Args[0]
		}
		if fn == nil || !handed(recv, 0) {
			break
		}
		args := cc.Args
		if !cc.IsInvoke() {
			args = args[1:]
		}
		for _, a := range args {
			if k, ok := a.(*ssa.Const); !ok || !k.IsNil() {
				return httpapi.NoPath // fiber's c.Path("/x") sets the path
			}
		}
		return httpapi.PathMethod(fn)
	}
	return httpapi.NoPath
}

// methodValue says whether v is the method of the request the function
// is handed (r.Method, c.Request.Method, c.Request().Method).
func methodValue(v ssa.Value) bool {
	x, ok := v.(*ssa.UnOp) // *(&r.Method)
	if !ok || x.Op != token.MUL {
		return false
	}
	fa, ok := x.X.(*ssa.FieldAddr)
	return ok && isField(fa, "net/http", "Request", "Method") && handed(fa.X, 0)
}

// isField reports whether fa addresses field name of the struct pkg.typ.
func isField(fa *ssa.FieldAddr, pkg, typ, name string) bool {
	ptr, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(ptr.Elem()).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != pkg || n.Obj().Name() != typ {
		return false
	}
	st, ok := n.Underlying().(*types.Struct)
	return ok && fa.Field < st.NumFields() && st.Field(fa.Field).Name() == name
}

// handed reports whether v is what the function is handed, or reached
// from it by fields and methods (ctx.Request, c.Request()): the
// request being served, not one the function makes (an outgoing
// request, a copy with another URL).
func handed(v ssa.Value, depth int) bool {
	if depth > 6 {
		return false
	}
	switch x := v.(type) {
	case *ssa.Parameter, *ssa.FreeVar:
		return true
	case *ssa.UnOp:
		return x.Op == token.MUL && handed(x.X, depth+1)
	case *ssa.FieldAddr:
		return handed(x.X, depth+1)
	case *ssa.Field:
		return handed(x.X, depth+1)
	case *ssa.Call:
		cc := x.Call
		switch {
		case cc.IsInvoke():
			return len(cc.Args) == 0 && handed(cc.Value, depth+1)
		case cc.StaticCallee() != nil && cc.Signature().Recv() != nil:
			return len(cc.Args) == 1 && handed(cc.Args[0], depth+1) // c.Request(): a getter
		}
	}
	return false
}

// routePath is what a route's pattern says of the paths of its requests.
type routePath struct {
	prefix  string // what every path starts with
	tail    string // what every path ends with, after the pattern's last parameter; "" when none
	exact   bool   // the path is prefix itself (give or take a final slash)
	pattern string // the pattern as written
	ok      bool   // the pattern is a path, with every prefix known
	// method is the one method of the route's requests ("GET"), "" when
	// it serves any or several.
	method string
}

func pathOf(r *routes.Route) routePath {
	if r == nil {
		return routePath{}
	}
	var method string
	if m := r.Method; m != "" && m != httppattern.AnyMethod && !strings.Contains(m, "…") { // a table row's may be unknown
		method = m
	}
	if !strings.HasPrefix(r.Pattern, "/") {
		return routePath{method: method} // a handler's name, a host, an unknown prefix ("…/items")
	}
	pt := httppattern.Parse(r.Pattern)
	prefix, exact, ok := pt.Literal()
	return routePath{prefix: prefix, tail: pt.LiteralTail(), exact: exact, pattern: r.Pattern, ok: ok, method: method}
}

// decide says which way test t goes for every request of a route with
// path rp; known is false when the pattern does not say.
func (t pathTest) decide(rp routePath) (holds, known bool) {
	if t.method {
		// The route's one method decides it; but a GET route of a
		// ServeMux serves HEAD too, and a test of HEAD goes either way.
		if rp.method == "" || t.val == http.MethodHead && rp.method == http.MethodGet {
			return false, false
		}
		return t.val == rp.method, true
	}
	if !rp.ok {
		return false, false
	}
	if t.of == httpapi.RoutePattern {
		if strings.Contains(rp.pattern, "…") {
			return false, false // a part of the pattern only run time knows
		}
		return t.op.test(rp.pattern, t.val), true
	}
	if rp.exact {
		// Routers differ on a final slash: decided when both spellings
		// agree.
		a, b := t.op.test(rp.prefix, t.val), t.op.test(otherSlash(rp.prefix), t.val)
		return a, a == b
	}
	// The path is prefix, then something (maybe nothing), then tail.
	switch t.op {
	case pathSuffix:
		if rp.tail == "" {
			break
		}
		// Known when the tail decides it, whatever is before it, with
		// or without a final slash.
		a, b := suffixOf(rp.tail, t.val), suffixOf(otherSlash(rp.tail), t.val)
		if a == b && a != unknown {
			return a == yes, true
		}
	case pathEqual:
		if !strings.HasPrefix(t.val, rp.prefix) {
			return false, true
		}
	case pathPrefix:
		switch {
		case strings.HasPrefix(rp.prefix, t.val):
			return true, true
		case !strings.HasPrefix(t.val, rp.prefix):
			return false, true
		}
	case pathContains:
		if strings.Contains(rp.prefix, t.val) {
			return true, true
		}
	}
	return false, false
}

// otherSlash is path with a final slash if it has none, without if it
// has one.
func otherSlash(path string) string {
	if strings.HasSuffix(path, "/") && path != "/" {
		return strings.TrimSuffix(path, "/")
	}
	return path + "/"
}

type tri uint8

const (
	unknown tri = iota
	yes
	no
)

// suffixOf says whether a path ending with tail, of which more text may
// come before, ends with val.
func suffixOf(tail, val string) tri {
	switch {
	case strings.HasSuffix(tail, val):
		return yes
	case strings.HasSuffix(val, tail):
		return unknown // val reaches into what comes before
	}
	return no
}

func (op pathOp) test(path, val string) bool {
	switch op {
	case pathEqual:
		return path == val
	case pathPrefix:
		return strings.HasPrefix(path, val)
	case pathSuffix:
		return strings.HasSuffix(path, val)
	}
	return strings.Contains(path, val)
}

// pathDead are, by block of f, those no request of a route with path rp
// runs: the blocks only the ways its path tests (or, with methods, its
// tests of the request's method alone) do not take reach. nil when the
// route rules none out.
func (f *Func) pathDead(rp routePath, methods bool) []bool {
	if f.flow == nil || len(f.flow.paths) == 0 || !rp.ok && rp.method == "" {
		return nil
	}
	taken := map[int32]int32{} // by block, the one successor its test takes
	for _, t := range f.flow.paths {
		if methods && !t.method {
			continue
		}
		if holds, known := t.decide(rp); known {
			if holds {
				taken[t.block] = t.succ[0]
			} else {
				taken[t.block] = t.succ[1]
			}
		}
	}
	if len(taken) == 0 {
		return nil
	}
	n := len(f.flow.succs)
	live := make([]bool, n)
	work := []int32{0}
	live[0] = true
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		next := f.flow.succs[b]
		if s, ok := taken[b]; ok {
			next = []int32{s}
		}
		for _, s := range next {
			if !live[s] {
				live[s] = true
				work = append(work, s)
			}
		}
	}
	dead := make([]bool, n)
	any := false
	for i := range live {
		dead[i] = !live[i]
		any = any || dead[i]
	}
	if !any {
		return nil
	}
	return dead
}

// inDead reports whether call c is in a block of dead.
func inDead(c *Call, dead []bool) bool {
	return c.block >= 0 && int(c.block) < len(dead) && dead[c.block]
}

// partDead are the blocks of a route's part that no request of the
// route runs (see pathDead): for a middleware those the route's path
// and method rule out, the path as the request has it; for the handler,
// and for what runs behind http.StripPrefix, those its method rules out
// (a handler registered for GET and POST that tests r.Method).
func (p *Program) partDead(e *Entry, part Part) []bool {
	if e.Route == nil || part.Loop != nil || part.Chan != "" {
		return nil
	}
	p.components()
	if part.Func.scc.cyclic {
		return nil // a recursion's reach is its component's
	}
	// A handler's tests of the path are its own (a catch-all's, split
	// in dispatch.go), and behind http.StripPrefix the path is not the
	// pattern's; a test of the method is the route's to decide there
	// too.
	return part.Func.pathDead(pathOf(e.Route), part.From == "handler" || part.stripped)
}

// reachLive is what a call of f runs when the calls in the blocks dead
// are not run, as Reach says it. f is in no recursion (see partDead).
func (p *Program) reachLive(f *Func, dead []bool) []Reached {
	return p.reachSkip(f, func(c *Call) bool { return inDead(c, dead) })
}

// reachSkip is what a call of f runs when its calls skip says are not
// run, as Reach says it. f is in no recursion.
func (p *Program) reachSkip(f *Func, skip func(*Call) bool) []Reached {
	p.components()
	var acc []entry
	for _, c := range f.Calls {
		if perCall(c) && !skip(c) {
			acc = append(acc, p.through(nil, f, c, nil)...)
		}
	}
	var out []Reached
	for _, e := range deepest(acc) {
		out = append(out, Reached{Site: e.site, Depth: e.depth, Once: e.once, Per: e.per, PerItem: e.item, Assumed: e.assume, Via: p.via(f, e)})
	}
	p.sortReached(out)
	return out
}

// PartCost is what one call of a part of entry e costs, as Cost says,
// without the calls its path tests rule out for e's route, nor a
// middleware's call of the rest of its chain (see nextCalls).
func (p *Program) PartCost(e *Entry, part Part) (once int, loop bool) {
	dead := p.partDead(e, part)
	next := p.nextCalls(e, part)
	if dead == nil && next == nil {
		return p.Cost(part.Func)
	}
	p.components()
	c := p.bodyCost(part.Func, func(c *Call) bool { return inDead(c, dead) || next[c] }, p.cost)
	return c.once, c.loop
}

// partLive is what a part of entry e runs, as liveOf walks it, without
// the calls its path tests rule out for e's route: a loop in a
// middleware's branch for other paths is none of the route's. Walks
// are kept by the blocks ruled out: the routes under one prefix share
// one.
func (p *Program) partLive(e *Entry, part Part) *liveSet {
	dead := p.partDead(e, part)
	if len(e.cut) > 0 {
		// Asked once per finding the entry may run: walked once per
		// part, as long as the entry's cuts stay as they are.
		k := cutLiveKey{f: part.Func, e: e, n: len(e.cut)}
		if ls := p.cutLive[k]; ls != nil {
			return ls
		}
		ls := p.liveOf(part.Func, e.cut)
		if p.cutLive == nil {
			p.cutLive = map[cutLiveKey]*liveSet{}
		}
		p.cutLive[k] = ls
		return ls
	}
	if dead == nil && part.skip == nil {
		return p.liveOf(part.Func, nil)
	}
	key := pathLiveKey{f: part.Func, dead: fmt.Sprint(dead, skipKey(part.skip))}
	if ls := p.pathLive[key]; ls != nil {
		return ls
	}
	cut := map[token.Pos]bool{}
	for _, c := range part.Func.Calls {
		if inDead(c, dead) || part.skip.has(c) {
			cut[c.Pos] = true
		}
	}
	ls := p.liveOf(part.Func, cut)
	if p.pathLive == nil {
		p.pathLive = map[pathLiveKey]*liveSet{}
	}
	p.pathLive[key] = ls
	return ls
}

type pathLiveKey struct {
	f    *Func
	dead string
}

// cutLiveKey is a part of an entry with calls cut, and how many: cuts
// are only ever added.
type cutLiveKey struct {
	f *Func
	e *Entry
	n int
}

// pathRuledOut reports whether the code at pos in a part of entry e
// (the call at, when one is there) is in blocks the part's path tests
// rule out for e's route: the call's, or those of every call in the
// loop at pos.
func (p *Program) pathRuledOut(e *Entry, part Part, at *Call, pos token.Pos) bool {
	if at != nil && part.skip.has(at) {
		return true // a dispatcher's other arm (see dispatch.go)
	}
	dead := p.partDead(e, part)
	if dead == nil {
		return false
	}
	if at != nil {
		return inDead(at, dead)
	}
	n := 0
	for _, c := range part.Func.Calls {
		for _, l := range c.Loops {
			if l.Node != nil && l.Node.Pos() == pos {
				if !inDead(c, dead) {
					return false
				}
				n++
				break
			}
		}
	}
	return n > 0
}

// skipKey names a part's skipped calls, for pathLiveKey.
func skipKey(skip *callSet) string {
	var ps []int
	if skip == nil {
		return ""
	}
	for c := range skip.calls {
		ps = append(ps, int(c.Pos))
	}
	sort.Ints(ps)
	return fmt.Sprint(ps)
}
