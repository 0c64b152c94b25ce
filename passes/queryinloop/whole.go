package queryinloop

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/internal/check"
	"github.com/sqlheat/sqlheat/internal/codekind"
	"github.com/sqlheat/sqlheat/internal/dialect"
	"github.com/sqlheat/sqlheat/passes/queries"
)

// Reached is a query that a call's callee runs, as a whole-program driver
// sees it: through interfaces, func values and struct fields, at any
// depth below the call.
type Reached struct {
	Site token.Pos // the query's call
	// Query is the query as a summary holds it: Loop counts the loops
	// between the callee and the site, Via the functions from the callee
	// to the one holding the site (a call through an interface names the
	// implementation first), Once a cache fill.
	Query queries.Query
	SQL   string // the statement's whole text (Query.SQL is cut for messages)
	// Assumed says the way there goes through a call resolved by the
	// types alone, not by a value the driver followed.
	Assumed bool
	// Fail says the way there goes through a branch run only when a call
	// before it failed (see the queries pass's failure.go).
	Fail bool
	// Changed, of Fail, says every such branch on the way runs only for a
	// value that differs from its source (see the queries pass's
	// changed.go).
	Changed bool
	// Delete says the query runs DELETEs only.
	Delete bool
}

// PerCall is what one call of a function runs, as a whole-program driver
// counts it along the paths through the call (see program.Cost): Once,
// the queries the costliest path runs on every call; Each, those it
// names, the ones its own loops repeat counted once (for a callee that
// runs nothing once per call); Branches, those every path can run, of
// alternative implementations of an interface one's. Implementations of
// one interface in different dialects run their own text of a statement:
// counting one implementation's keeps them from adding up.
type PerCall struct {
	Once, Each, Branches int
	// Recursive says the call goes back into a recursion its caller is
	// part of: the loops around it are the recursion's fan-out, which the
	// reached queries' loops count as one already (a recursion is one
	// loop, not a power of its depth).
	Recursive bool
}

// Package is a package as Whole needs it; one value per package, for
// all its calls.
type Package struct {
	Fset  *token.FileSet
	Types *types.Package
	Info  *types.Info
	Files []*ast.File
	// Starts says which functions of the module run a function they are
	// handed on a goroutine (queries.StartsParam); nil: none.
	Starts func(*types.Func) bool

	generated map[*token.File]bool // filled on first use
	tests     codekind.TestCode    // filled with generated
}

// Whole checks a call in a loop of the package as a whole-program driver
// sees it: what its callees run below it, wherever they are, rather than
// what the facts of the packages it imports say (under go vet, the chain
// stops at the first call through an interface, since the
// implementations live in packages the caller does not import). The
// silences are the check's own (see the package doc); ok is false when one
// applies, or when nothing per item is left.
//
// Implementations of one interface often run the same statement, each in
// its dialect: a statement counts once, and the fix holds for every
// dialect they are written in. The finding's sites are all of them,
// and its related places, besides the loops, are where each runs. When
// every way to the queries goes through a call resolved by the types
// alone, the finding is "possible" (and one severity lower). impls are
// the functions a call through an interface or func value reaches; per
// is what one call runs, along one path. A message counts what one call
// runs, not every statement any branch reaches: those it names apart when
// they are more.
func Whole(pkg *Package, call *queries.Call, impls []string, reached []Reached, per PerCall) (check.Finding, bool) {
	var out check.Finding
	found := false
	if pkg.generated == nil {
		pkg.generated = generatedFiles(pkg.Fset, pkg.Files)
		pkg.tests = codekind.TestHelpers(pkg.Files, pkg.Info)
	}
	c := &checker{fset: pkg.Fset, pkg: pkg.Types, info: pkg.Info, generated: pkg.generated, tests: pkg.tests, starts: pkg.Starts, emit: func(f check.Finding) { out, found = f, true }}
	// One summary entry per statement (by fingerprint; by site when it has
	// none), the shallowest first found.
	sort.SliceStable(reached, func(i, j int) bool { return reached[i].Query.Loop < reached[j].Query.Loop })
	sum := &queries.IssuesQueries{}
	first := map[string]bool{} // statements summarized
	var dialects []string
	var sites []token.Pos
	var related []analysis.RelatedInformation
	assumed := true
	for _, r := range reached {
		q := r.Query
		if len(perCall([]queries.Query{q})) == 0 {
			continue
		}
		sites = append(sites, r.Site)
		assumed = assumed && r.Assumed
		by := "runs it"
		if len(q.Via) > 0 {
			by = "run by " + q.Via[len(q.Via)-1]
		}
		related = append(related, analysis.RelatedInformation{Pos: r.Site, Message: by})
		key := q.Fingerprint
		if key == "" {
			key = q.Pkg + " " + q.Site
		}
		dialects = append(dialects, q.Dialect)
		if first[key] {
			continue
		}
		first[key] = true
		sum.Queries = append(sum.Queries, q)
	}
	if len(sum.Queries) == 0 {
		return out, false
	}
	d := dialect.One(dialects) // "" when implementations differ
	for i := range sum.Queries {
		sum.Queries[i].Dialect = d
	}
	call.Summary = sum
	c.callVia(call, &through{impls: impls, per: per})
	if !found {
		return out, false
	}
	out.Sites = sites
	out.Related = append(out.Related, related...)
	for _, r := range reached { // the whole text of the statement named
		if r.SQL != "" && r.Query.SQL == out.SQL && r.Query.Fingerprint == out.Fingerprint {
			out.SQL = r.SQL
			break
		}
	}
	if assumed {
		out.Confidence = "possible"
	}
	if call.Func != nil {
		out.Function = call.Func.FullName()
	}
	return out, true
}
