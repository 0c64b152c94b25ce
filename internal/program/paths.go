package program

import (
	"fmt"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// A type that works over an interface, made over either of its
// implementations (a type system over a resolver: one reads a schema
// compiled in memory, the other the store), has one set of dynamic types
// for its field whoever made the value: every method that calls through
// the field runs both implementations. The trace of wiring.go, asked at
// the call with no context, finds both too: the method's receiver is
// whatever any caller passes. But a function that builds the value over
// the in-memory implementation and loops over its methods (a graph of
// the compiled schema, looking each definition up by name) hands it only
// that one: traced from that function's call, down the calls that hand
// the value on to the call through the field, the receiver is what that
// function made, and the lookups run no query.
//
// For a call through an interface that the trace without context left
// with several callees, the trace is therefore tried again in the
// context of the calls above it: the calls of its function, then of
// theirs, up to maxPath calls, as long as the trace takes a value from
// every call of the outermost function (further up, it could tell
// more). A path whose trace finds fewer callees is kept as a rule: a call
// reached down exactly that path runs those alone (bind.go carries the
// path's progress from call to call, as it carries argument types; the
// members of a recursive component on the way are computed apart down
// the path, their other calls keeping the component's reach). A path
// that comes back to a function already on it is not tried, and what
// the trace does not see whole keeps the graph's answer, and so does a
// call reached down another path. Above the path, a parameter is what
// every call passes: a loop over a type system a parameter holds, which
// one caller makes over the store, still runs the store's query.

// maxPath bounds the calls above the call through an interface that a
// path holds; maxPaths the paths tried per such call, and maxPathSteps
// the values their traces visit, together.
const (
	maxPath      = 4
	maxPaths     = 256
	maxPathSteps = 20 * maxSteps
)

// pathRule says that the last of calls, reached down the others in
// order from the first, runs keep alone: in[i] is the function holding
// calls[i].
type pathRule struct {
	id    int
	calls []*Call
	in    []*Func
	keep  map[*Func]bool
}

// pathAt is a rule's progress: the function running holds calls[k].
type pathAt struct {
	r *pathRule
	k int
}

// narrowOnPaths looks for the paths of calls down to the invoke ci on
// which it runs fewer of its callees (see above), and keeps each as a
// rule.
func (w *wiring) narrowOnPaths(ci ssa.CallInstruction) {
	c := w.b.calls[ci]
	if c == nil || c.Assumed {
		return
	}
	type path struct {
		sites []ssa.CallInstruction // innermost first
		top   *ssa.Function
	}
	queue := []path{{top: ci.Parent()}}
	tries, steps := 0, 0
	for len(queue) > 0 && tries < maxPaths && steps < maxPathSteps {
		pa := queue[0]
		queue = queue[1:]
		for _, s := range w.callers[pa.top] {
			if tries >= maxPaths || steps >= maxPathSteps {
				break
			}
			if s.Parent() == ci.Parent() || slices.ContainsFunc(pa.sites, func(t ssa.CallInstruction) bool { return t.Parent() == s.Parent() }) {
				continue // recursion
			}
			if w.b.calls[s] == nil || w.b.funcs[s.Parent()] == nil {
				continue
			}
			sites := append(slices.Clip(pa.sites), s)
			var ctx *frame
			for i := len(sites) - 1; i >= 0; i-- {
				ctx = w.push(sites[i], ctx)
			}
			if ctx == nil {
				continue
			}
			tries++
			w.top, w.hitTop = s.Parent(), false
			keep, ok := w.dispatched(ci, ctx)
			w.top = nil
			steps += w.steps
			if ok && len(keep) < len(c.Callees) {
				w.rule(sites, ci, keep)
				continue
			}
			if w.hitTop && len(sites) < maxPath {
				queue = append(queue, path{sites: sites, top: s.Parent()})
			}
		}
	}
}

// rule keeps the rule that ci, reached down sites (innermost first),
// runs keep alone.
func (w *wiring) rule(sites []ssa.CallInstruction, ci ssa.CallInstruction, keep map[*Func]bool) {
	p := w.b.p
	r := &pathRule{id: p.Stats.NarrowedOnPaths, keep: keep}
	for i := len(sites) - 1; i >= 0; i-- {
		r.calls = append(r.calls, w.b.calls[sites[i]])
		r.in = append(r.in, w.b.funcs[sites[i].Parent()])
	}
	r.calls = append(r.calls, w.b.calls[ci])
	r.in = append(r.in, w.b.funcs[ci.Parent()])
	if p.paths == nil {
		p.paths = map[*Call][]*pathRule{}
	}
	p.paths[r.calls[0]] = append(p.paths[r.calls[0]], r)
	p.Stats.NarrowedOnPaths++
}

// pathsInto is the progress of the rules that call c of f, running
// with the rules' progress of b, hands callee g: those whose next call c
// is and whose next function g is, and those that start at c.
func (p *Program) pathsInto(c *Call, g *Func, b *argTypes) []pathAt {
	var out []pathAt
	if b != nil {
		for _, pa := range b.paths {
			if pa.k+1 < len(pa.r.calls) && pa.r.calls[pa.k] == c && pa.r.in[pa.k+1] == g {
				out = append(out, pathAt{pa.r, pa.k + 1})
			}
		}
	}
	for _, r := range p.paths[c] {
		if r.in[1] == g {
			out = append(out, pathAt{r, 1})
		}
	}
	return out
}

// pathsOnly is the binding that call c of f, running under b, hands
// callee g, a member of a recursive component: the progress of the rules
// alone (types and constants are bound outside recursion only), and of
// rules that start at c only when f is outside g's component, so that
// every call within it hands on paths further down than it got.
func (p *Program) pathsOnly(f *Func, c *Call, g *Func, b *argTypes) *argTypes {
	var paths []pathAt
	for _, pa := range p.pathsInto(c, g, b) {
		if pa.k > 1 || f.scc != g.scc {
			paths = append(paths, pa)
		}
	}
	if len(paths) == 0 {
		return nil
	}
	return &argTypes{paths: paths, key: pathsKey(paths)}
}

// onPath is the set of callees a rule whose path b has followed to its
// end keeps for call c, nil when none.
func onPath(c *Call, b *argTypes) map[*Func]bool {
	if b == nil {
		return nil
	}
	for _, pa := range b.paths {
		if pa.k == len(pa.r.calls)-1 && pa.r.calls[pa.k] == c {
			return pa.r.keep
		}
	}
	return nil
}

// pathsKey is the part of an argTypes key its rules' progress makes.
func pathsKey(paths []pathAt) string {
	var s string
	for _, pa := range paths {
		s += fmt.Sprintf("p%d@%d;", pa.r.id, pa.k)
	}
	return s
}
