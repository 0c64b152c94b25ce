package queryinloop

import (
	"go/ast"

	"github.com/sqlheat/sqlheat/passes/queries"
)

// A loop that starts the same function on n goroutines, handing each
// nothing of its own (`for i := 0; i < cfg.Workers; i++ { g.Go(s.work)
// }`), starts a worker pool: the workers share one input, a channel or a
// queue, and split its work between them. Whatever a worker runs per
// call (a flush of what it holds when its context ends, a lease at
// start) runs once per worker, and n is the pool's configured size, not
// items of data. The work itself is per message, where the worker loops.

// startsWorkers says whether call, in fn, starts a goroutine that every
// item of the loops items starts alike: a go statement's call, or a call
// handing a function to a group's Go or to a module's wrapper of one
// (see queries.StartsGoroutine), that passes nothing made per item (see
// sameEachItem).
func (c *checker) startsWorkers(fn ast.Node, call *ast.CallExpr, items []*queries.Loop) bool {
	return queries.StartsGoroutine(c.info, fn, call, c.starts) && sameEachItem(c.info, fn, call, items)
}
