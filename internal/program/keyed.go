package program

import (
	"github.com/sqlheat/sqlheat/passes/queries"
)

// Keyed caches. A query on a keyed cache's miss runs once per value of
// the key (see the queries pass's keyflow.go): once per process when the
// key is the same on every call, once per item of a loop that makes the
// key anew per item, since each item's key misses on a first pass. The
// pass says what a fill's key is computed from (Call.Key: one of its
// function's parameters); the graph follows that parameter up the calls
// (entry.per, entry.keyed), as it follows a receiver's lazy fill (see
// lazy.go), and at each call asks what the argument there is: computed
// from what the loops around the call make per item (the loop's
// variable, a value built from it, one carried from item to item), the
// call's loops multiply the query; made before them, they do not; a
// constant, the query runs once.

// keyHanded traces what call c of f hands g's parameters of mask (see
// queries.Params) in f: ord is 0 when it is the same on every call of
// f, a mask of f's parameters it comes from, or -1 something else;
// varies says a loop around c makes it anew per item.
func (p *Program) keyHanded(f *Func, c *Call, g *Func, mask int) (ord int, varies bool) {
	if c.Expr == nil {
		// A wrapper the compiler made hands its parameters on in order.
		if f.Synthetic && len(c.Loops) == 0 {
			return mask, false
		}
		return -1, queries.PerItem(c.Loops) > 0
	}
	info := p.info(f)
	var fl *queries.Flow
	if info != nil && f.syntax != nil && g.sig != nil {
		if p.flows == nil {
			p.flows = map[any]*queries.Flow{}
		}
		var ok bool
		if fl, ok = p.flows[f.syntax]; !ok {
			fl = queries.NewFlow(info, f.syntax)
			p.flows[f.syntax] = fl
		}
	}
	recv := g.sig != nil && g.sig.Recv() != nil
	return fl.Through(c.Expr, recv, mask, c.Loops)
}

// KeyRepeats reports whether r, a site callee g of call c of f runs
// under a cache keyed by g's parameters (Reached.Key), runs once for
// the loops around c: c hands those parameters values they do not make
// anew (see above).
func (p *Program) KeyRepeats(f *Func, c *Call, g *Func, r Reached) bool {
	if r.Key == 0 || r.Once {
		return false
	}
	_, varies := p.keyHanded(f, c, g, r.Key)
	return !varies
}
