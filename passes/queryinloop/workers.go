package queryinloop

import (
	"go/ast"
	"go/types"

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

// localStarters says which functions of a package, in files, run a
// function they are handed on a goroutine (queries.StartsParam); a
// function of another package, never: without the whole program, its
// body is not at hand.
func localStarters(info *types.Info, files []*ast.File) func(*types.Func) bool {
	var decls map[*types.Func]*ast.FuncDecl
	memo := map[*types.Func]bool{}
	var starts func(*types.Func) bool
	starts = func(f *types.Func) bool {
		if v, ok := memo[f]; ok {
			return v
		}
		if decls == nil {
			decls = map[*types.Func]*ast.FuncDecl{}
			for _, file := range files {
				for _, d := range file.Decls {
					if fd, ok := d.(*ast.FuncDecl); ok {
						if obj, ok := info.Defs[fd.Name].(*types.Func); ok {
							decls[obj] = fd
						}
					}
				}
			}
		}
		memo[f] = false // a recursion starts nothing new
		d := decls[f]
		memo[f] = d != nil && queries.StartsParam(info, d, starts)
		return memo[f]
	}
	return starts
}
