package program

import (
	"go/token"
	"go/types"
	"math/bits"
	"sort"

	"golang.org/x/tools/go/ssa"

	"github.com/sqlheat/sqlheat/passes/queries"
)

// A function's queries are not all run by each call: a switch runs one
// case, an if one branch. Counting every call in the body made a
// dispatcher over twenty message types "run 331 queries", and naming the
// first query by its file put a lookup from a branch the loop never takes
// in the message. What one call runs is what one path through the body
// runs: the costliest path is the count, and the query to name is one
// every call that does not fail runs, else the first on some path.

// flow is a function's control flow, as much as counting needs.
type flow struct {
	// succs are the blocks' successors, a loop's way back left out (the
	// loop's body counts once, like any block: what repeats per item is
	// counted by the loops, not the path).
	succs [][]int32
	// order lists the blocks the entry reaches, each before its
	// successors.
	order []int32
	// must says, by block, that every path from the entry to a return
	// that is not an error's goes through it (the way an `if err != nil
	// { return ... }` takes is left out).
	must []bool
	// guards are, by block, the comparisons of parameters with constants
	// and the assertions of their types every path to it passes (see
	// guards.go, typeguards.go); nil when there are none.
	guards [][]guard
	// paths are its branches on a test of the request's path (see
	// pathguards.go).
	paths []pathTest
}

// newFlow computes fn's flow.
func newFlow(fn *ssa.Function) *flow {
	n := len(fn.Blocks)
	fl := &flow{succs: make([][]int32, n), must: make([]bool, n)}
	if n == 0 {
		return fl
	}
	// Depth first from the entry: an edge to a block still on the stack
	// goes back (a loop); the reverse of the post order is topological
	// over the other edges. Successors are taken last first, so that the
	// order puts a branch's blocks in the order of the source.
	const (
		unseen = iota
		open
		closed
	)
	state := make([]uint8, n)
	type frame struct {
		b    *ssa.BasicBlock
		next int
	}
	stack := []frame{{b: fn.Blocks[0]}}
	state[0] = open
	post := make([]int32, 0, n)
	for len(stack) > 0 {
		fr := &stack[len(stack)-1]
		if fr.next < len(fr.b.Succs) {
			s := fr.b.Succs[len(fr.b.Succs)-1-fr.next]
			fr.next++
			switch state[s.Index] {
			case unseen:
				state[s.Index] = open
				fl.succs[fr.b.Index] = append(fl.succs[fr.b.Index], int32(s.Index))
				stack = append(stack, frame{b: s})
			case closed:
				fl.succs[fr.b.Index] = append(fl.succs[fr.b.Index], int32(s.Index))
			}
			continue
		}
		state[fr.b.Index] = closed
		post = append(post, int32(fr.b.Index))
		stack = stack[:len(stack)-1]
	}
	fl.order = make([]int32, len(post))
	for i, b := range post {
		fl.order[len(post)-1-i] = b
	}
	fl.computeMust(fn)
	fl.guards = guardsOf(fn)
	fl.paths = pathTestsOf(fn)
	return fl
}

// computeMust fills must: a block is on every path from the entry to a
// return, error returns' edges left out, when the paths through it are
// all the paths. Paths are counted modulo a prime (their number grows
// exponentially with the branches one after another).
func (fl *flow) computeMust(fn *ssa.Function) {
	n := len(fn.Blocks)
	errSucc := make([]int32, n) // the successor an error check leaves by, -1 for none
	exit := make([]bool, n)
	for _, b := range fn.Blocks {
		errSucc[b.Index] = -1
		if len(b.Instrs) == 0 {
			continue
		}
		switch last := b.Instrs[len(b.Instrs)-1].(type) {
		case *ssa.Return:
			exit[b.Index] = true
		case *ssa.If:
			if i := errorBranch(last); i >= 0 {
				errSucc[b.Index] = int32(b.Succs[i].Index)
			}
		}
	}
	follows := func(b, s int32) bool { return errSucc[b] != s }
	from := make([]uint64, n) // paths from the entry
	to := make([]uint64, n)   // paths to a return
	from[0] = 1
	for _, b := range fl.order {
		for _, s := range fl.succs[b] {
			if follows(b, s) {
				from[s] = addMod(from[s], from[b])
			}
		}
	}
	for i := len(fl.order) - 1; i >= 0; i-- {
		b := fl.order[i]
		if exit[b] {
			to[b] = 1
		}
		for _, s := range fl.succs[b] {
			if follows(b, s) {
				to[b] = addMod(to[b], to[s])
			}
		}
	}
	all := to[0]
	if all == 0 {
		return // no call returns but by an error or a panic
	}
	for _, b := range fl.order {
		fl.must[b] = mulMod(from[b], to[b]) == all
	}
}

// errorBranch is the successor of an if that an error check takes when
// there is an error (0 for err != nil, 1 for err == nil), -1 when the
// condition is no such check.
func errorBranch(instr *ssa.If) int {
	cond, ok := instr.Cond.(*ssa.BinOp)
	if !ok || cond.Op != token.NEQ && cond.Op != token.EQL {
		return -1
	}
	x := cond.X
	if c, ok := x.(*ssa.Const); ok && c.IsNil() {
		x = cond.Y
	} else if c, ok := cond.Y.(*ssa.Const); !ok || !c.IsNil() {
		return -1
	}
	if !types.IsInterface(x.Type()) || !types.Implements(x.Type(), errorType) {
		return -1
	}
	if cond.Op == token.NEQ {
		return 0
	}
	return 1
}

var errorType = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

// prime is the modulus paths are counted with: 2^61-1.
const prime = 1<<61 - 1

func addMod(a, b uint64) uint64 { return (a + b) % prime }

func mulMod(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	_, rem := bits.Div64(hi%prime, lo, prime)
	return rem
}

// longest is the most that one path from the entry collects, weight
// giving what each block adds.
func (fl *flow) longest(weight []int) int {
	if len(fl.order) == 0 {
		return 0
	}
	best := make([]int, len(fl.succs))
	for i := len(fl.order) - 1; i >= 0; i-- {
		b := fl.order[i]
		most := 0
		for _, s := range fl.succs[b] {
			most = max(most, best[s])
		}
		best[b] = weight[b] + most
	}
	return best[fl.order[0]]
}

// Sequence lists the query sites a call of f runs in the order a message
// should name them: first those every call that does not fail runs, in
// the order it runs them, then the others, in the order of the body
// (calls through interfaces and func values: the costliest callee's
// first). It agrees with Reach on which sites, not on how often.
func (p *Program) Sequence(f *Func) []*queries.Site {
	if f == nil {
		return nil
	}
	p.components()
	var must, other []*queries.Site
	seen := map[*queries.Site]bool{}
	for _, s := range p.sequence(f.scc) {
		if seen[s.site] {
			continue
		}
		seen[s.site] = true
		if s.must {
			must = append(must, s.site)
		} else {
			other = append(other, s.site)
		}
	}
	return append(must, other...)
}

// step is a site in a component's sequence, and whether every call that
// does not fail runs it.
type step struct {
	site *queries.Site
	must bool
}

// sequence is the order of a component's sites (see Sequence), each
// component's computed once; a call into the component being computed
// (recursion) adds nothing.
func (p *Program) sequence(s *scc) []step {
	if s.seqDone {
		return s.seq
	}
	s.seqDone = true
	var out []step
	at := map[*queries.Site]int{}
	add := func(st step) {
		if i, ok := at[st.site]; ok {
			out[i].must = out[i].must || st.must // run on every call by one way
			return
		}
		at[st.site] = len(out)
		out = append(out, st)
	}
	for _, f := range s.members {
		if f.flow == nil {
			continue
		}
		byBlock := make([][]*Call, len(f.flow.succs))
		for _, c := range f.Calls {
			if int(c.block) < len(byBlock) && c.block >= 0 {
				byBlock[c.block] = append(byBlock[c.block], c)
			}
		}
		for _, b := range f.flow.order {
			calls := byBlock[b]
			sort.SliceStable(calls, func(i, j int) bool { return calls[i].seq < calls[j].seq })
			must := f.flow.must[b] && len(s.members) == 1
			for _, c := range calls {
				if !perCall(c) {
					continue
				}
				must := must && !processOnce(c) // a fill runs on one call, not every call
				if c.Site != nil {
					add(step{site: c.Site, must: must})
					continue
				}
				callees := make([]*Func, 0, len(c.Callees))
				for _, g := range c.Callees {
					if g.scc != s {
						callees = append(callees, g)
					}
				}
				p.ByCost(callees)
				for _, g := range callees {
					for _, st := range p.sequence(g.scc) {
						add(step{site: st.site, must: must && st.must && len(callees) == 1})
					}
				}
			}
		}
	}
	s.seq = out
	return out
}

// ByCost orders functions (the callees of a call) costliest first (see
// Cost), ties by their place in the source: the order is the same from
// run to run, whatever order the packages were loaded in.
func (p *Program) ByCost(fs []*Func) {
	p.components()
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := p.cost(fs[i]).once, p.cost(fs[j]).once
		if a != b {
			return a > b
		}
		pa, pb := p.Fset.Position(fs[i].pos), p.Fset.Position(fs[j].pos)
		if pa.Filename != pb.Filename {
			return pa.Filename < pb.Filename
		}
		if pa.Offset != pb.Offset {
			return pa.Offset < pb.Offset
		}
		return fs[i].key < fs[j].key
	})
}
