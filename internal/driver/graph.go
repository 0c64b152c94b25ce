package driver

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/internal/check"
	"github.com/sqlheat/sqlheat/internal/codekind"
	"github.com/sqlheat/sqlheat/internal/finding"
	"github.com/sqlheat/sqlheat/internal/program"
	"github.com/sqlheat/sqlheat/internal/report"
	"github.com/sqlheat/sqlheat/passes/handlerquery"
	"github.com/sqlheat/sqlheat/passes/missingindex"
	"github.com/sqlheat/sqlheat/passes/queries"
	"github.com/sqlheat/sqlheat/passes/queryinloop"
	"github.com/sqlheat/sqlheat/passes/routes"
	"github.com/sqlheat/sqlheat/passes/selectstar"
)

// buildProgram builds the whole-program graph (package program) of the
// packages the checker is to analyze. It runs before the passes, so that
// what building it takes is free again when they run. When it cannot be
// built, the problem is reported and the run goes on with what the passes
// find on their own (nil).
func buildProgram(pkgs []*packages.Package, rep *report.Report) *program.Program {
	prog, err := program.Build(pkgs)
	if err != nil {
		rep.Errors = append(rep.Errors, report.Problem{Message: err.Error() + " (routes and findings are from each package alone)"})
		rep.Stats.InternalErrors++
		return nil
	}
	for _, s := range prog.Skipped() {
		// A package that does not type-check is reported as such; one
		// that imports it type-checks, and is left out of the graph only.
		if strings.Contains(s, ": imports ") {
			rep.Errors = append(rep.Errors, report.Problem{Message: "call graph: left out " + s})
		}
	}
	return prog
}

// joinProgram gives the graph what the queries pass found: sites, loops,
// cache fills.
func joinProgram(prog *program.Program, graph *checker.Graph) {
	if prog == nil {
		return
	}
	results := map[*packages.Package]*queries.Result{}
	for act := range graph.All() {
		// The run's suite is its own copy of the passes (config.Suite):
		// the queries pass is known by its result.
		if res, _ := act.Result.(*queries.Result); res != nil {
			results[act.Package] = res
		}
	}
	prog.Join(func(p *packages.Package) *queries.Result { return results[p] })
}

// routeQueries is the route inventory's list of what a request of the
// route runs, from the graph.
func routeQueries(prog *program.Program, e *program.Entry, rel func(string) string) []report.RouteQuery {
	var out []report.RouteQuery
	for _, q := range prog.Queries(e) {
		pos := prog.Fset.Position(q.Site.Call.Pos())
		rq := report.RouteQuery{
			File:       rel(pos.Filename),
			Line:       pos.Line,
			PerRequest: finding.Multiplicity(q.Depth),
			From:       q.From,
		}
		if q.Site.Resolved {
			rq.SQL, rq.Fingerprint = q.Site.SQL, q.Site.Fingerprint()
		}
		if q.Chan != "" {
			rq.Via = append(rq.Via, "chan "+q.Chan) // handed over the channel to its receiver, first in the rest
		}
		for i, f := range q.Via {
			rq.Via = append(rq.Via, f.Name)
			if rq.Remote == "" && i+1 < len(q.Via) {
				rq.Remote = rpcTo(f, q.Via[i+1])
			}
		}
		out = append(out, rq)
	}
	return out
}

// whole is what the program graph adds to what the passes found: the
// entry points that reach each finding and their roles, and queryinloop's
// findings through interfaces, func values and fields.
type whole struct {
	prog    *program.Program
	sites   map[*queries.Site][]*program.Entry      // the entries reaching each query site
	funcs   map[*program.Func][]*program.Entry      // the entries reaching each function
	tests   map[string]bool                         // test-support packages
	helpers map[*packages.Package]codekind.TestCode // see testHelper
	jobs    []*program.Entry                        // the worker loops

	entries  []*program.Entry
	pkgs     []*packages.Package
	once     map[*program.Func]bool // see program.OnceOnly; nil until asked
	dead     map[*program.Func]bool // see program.Unreached, once deadDone
	testOnly map[*program.Func]bool // see program.Unreached, once deadDone
	deadDone bool
}

// newWhole finds the program's entry points: the routes the routes pass
// found (in packages, not their test variants; each where mounts place
// it), jobs, commands,
// migrations, start-up, the goroutines these start and do not wait for;
// and the test-support packages, read from every package loaded: one
// left out for not type-checking (or importing one that does not) is
// production code still, and what it imports is no test support.
func newWhole(prog *program.Program, graph *checker.Graph, pkgs, loaded []*packages.Package, mounts mountTable, rpcs rpcTable) *whole {
	if prog == nil {
		return nil
	}
	var entries []*program.Entry
	for act := range graph.All() {
		if act.Package.ID != act.Package.PkgPath {
			continue
		}
		if res, _ := act.Result.(*routes.Result); res != nil {
			for _, r := range tabledRoutes(prog, res.Routes) {
				for _, placed := range mounts.place(r, 0) {
					served, _ := rpcs.serve(placed)
					ds := prog.Dispatched(served)
					if len(ds) == 0 || !prog.TableReplaced(served) {
						entries = append(entries, prog.RouteEntry(served))
					}
					for _, d := range ds {
						entries = append(entries, prog.RouteEntry(d))
					}
				}
			}
		}
	}
	jobs := prog.Jobs()
	entries = append(entries, jobs...)
	entries = append(entries, prog.Commands()...)
	entries = append(entries, prog.Migrations()...)
	entries = append(entries, prog.Startup()...)
	// The goroutines they start and leave running: a request's are jobs.
	entries = append(entries, prog.Started(entries)...)
	// A request's or a job's calls into the database's set-up (a restore
	// re-running the migrations) are a migration's.
	entries = append(entries, prog.Setup(entries)...)
	prog.KeepLongLived(entries)
	return &whole{
		prog:    prog,
		sites:   prog.Roles(entries),
		funcs:   prog.Reaching(entries),
		tests:   program.TestSupport(loaded),
		jobs:    jobs,
		entries: entries,
		pkgs:    pkgs,
	}
}

// loopJob is the job whose worker loop holds pos, else one of loops (a
// finding's loops, which may be in the functions its call runs: a
// consumer's per-tick loop over the messages it read, calling back the
// function the finding's call hands it, runs per tick: the job's).
func (w *whole) loopJob(pos token.Pos, loops []token.Pos) *program.Entry {
	if j := w.job(pos); j != nil {
		return j
	}
	for _, l := range loops {
		if j := w.job(l); j != nil {
			return j
		}
	}
	return nil
}

// job is the job whose worker loop holds pos, the innermost; nil when no
// worker loop does. A data loop inside a worker's loop runs per tick or
// message, whatever starts the worker: start-up (go w.Run() before
// serving) or a command.
func (w *whole) job(pos token.Pos) *program.Entry {
	var best *program.Entry
	for _, e := range w.jobs {
		n := e.Parts[0].Loop.Node
		if n.Pos() <= pos && pos < n.End() && (best == nil || n.Pos() >= best.Parts[0].Loop.Node.Pos()) {
			best = e
		}
	}
	if best != nil && !w.wired(best) {
		return nil
	}
	return best
}

// wired reports whether an entry runs in the program: one the graph
// links to other code (program.Entry.Linked: a worker's loop, a
// goroutine started) runs only if some function of it is live (see
// program.Unreached); the others are roots. A loop in a notifier whose
// backend only a plugin constructs is no job of the server: its
// findings are in code no entry point reaches. When Unreached cannot
// say (no main package in the graph), every entry is wired.
func (w *whole) wired(e *program.Entry) bool {
	if !e.Linked {
		return true
	}
	if w.unreachedFuncs(); w.dead == nil {
		return true
	}
	for _, part := range e.Parts {
		if !w.dead[part.Func] && !w.testOnly[part.Func] {
			return true
		}
	}
	return false
}

// wiredOnly are the entries of es that run in the program (see wired).
func (w *whole) wiredOnly(es []*program.Entry) []*program.Entry {
	for i, e := range es {
		if !w.wired(e) {
			out := slices.Clone(es[:i])
			for _, e := range es[i+1:] {
				if w.wired(e) {
					out = append(out, e)
				}
			}
			return out
		}
	}
	return es
}

// role is what decides how a finding of check in pkg is treated: the role
// of the entries reaching its query sites (for queryinloop, reaching the
// loop's function), the most frequent first (program.Main), and an entry
// of that role to name; test support for a finding in a package only
// tests import, or in a function taking a test's *testing.T, or in code
// only tests run (see onlyTests).
func (w *whole) role(check string, pkg *packages.Package, f *check.Finding) (program.Role, *program.Entry) {
	if w == nil {
		return program.RoleNone, nil
	}
	if w.tests[strings.TrimSuffix(pkg.PkgPath, "_test")] || w.testHelper(pkg, f.Pos) {
		return program.RoleTest, nil
	}
	var es []*program.Entry
	switch check {
	case handlerquery.Analyzer.Name:
		return program.RoleRoute, nil // about a route
	case queryinloop.Analyzer.Name:
		// About a loop: the job whose worker loop it is in, else what
		// runs the function it is in.
		if j := w.loopJob(f.Pos, f.Loops); j != nil {
			return j.Role, j
		}
		if fn := w.prog.FuncAt(f.Pos); fn != nil {
			es, _ = w.loopEntries(pkg, f, fn)
		}
	default:
		for _, s := range f.Sites {
			if site := w.prog.Site(s); site != nil {
				es = append(es, w.sites[site]...)
			}
		}
	}
	role, by := mainEntry(w.wiredOnly(es))
	if w.onlyTests(check, f, role) {
		return program.RoleTest, nil
	}
	return role, by
}

// testHelper reports whether pos, outside _test.go files, is in test
// code by its types (codekind.TestHelpers): a function taking a test's
// *testing.T or *testing.B, in a production package too. It is test
// support, like a package only tests import; what each check makes of
// _test.go files is its own.
func (w *whole) testHelper(pkg *packages.Package, pos token.Pos) bool {
	if f := pkg.Fset.File(pos); f == nil || codekind.TestFile(f.Name()) {
		return false
	}
	c, ok := w.helpers[pkg]
	if !ok {
		c = codekind.TestHelpers(pkg.Syntax, pkg.TypesInfo)
		if w.helpers == nil {
			w.helpers = map[*packages.Package]codekind.TestCode{}
		}
		w.helpers[pkg] = c
	}
	return c.Holds(pos)
}

// routes are the registrations ("file:line") of the routes whose requests
// run the function around pos: the routes of a loop's finding, which
// other routes running the same queries without the loop do not share.
func (w *whole) routes(pkg *packages.Package, f *check.Finding, rel func(string) string) map[string]bool {
	if w == nil {
		return nil
	}
	pos := f.Pos
	fn := w.prog.FuncAt(pos)
	if fn == nil {
		return nil
	}
	out := map[string]bool{}
	es, _ := w.loopEntries(pkg, f, fn) // the routes that make its loops loops
	for _, e := range es {
		if e.Route != nil && w.prog.Runs(e, fn, pos) {
			p := w.prog.Fset.Position(e.Route.Pos)
			out[routeID(rel(p.Filename), p.Line, e.Route.Method, e.Route.Pattern)] = true
		}
	}
	return out
}

// loopEntries are the entries that make the loops of a queryinloop
// finding, in fn, loops: those reaching fn, but where a loop ranges over
// a parameter some calls pass a few items (addMessages([]*message{m}))
// and others data (program.DataCallers), only the entries reaching it
// through the latter: the job whose worker loop makes the call, or what
// runs the calling function. narrowed says they were so chosen; then
// none (nil) means only callers no entry runs pass data, and the finding
// is silent (see fewCallers).
func (w *whole) loopEntries(pkg *packages.Package, f *check.Finding, fn *program.Func) (es []*program.Entry, narrowed bool) {
	all := w.wiredOnly(w.funcs[fn])
	if len(f.Loops) == 0 || len(all) == 0 {
		return all, false
	}
	keep := map[*program.Entry]bool{}
	for _, pos := range f.Loops {
		rs := rangeAt(pkg, pos)
		if rs == nil {
			return all, false
		}
		callers, calls, ok := w.prog.DataCallers(pkg.TypesInfo, rs.X, pos, queries.SmallBound)
		if !ok {
			return all, false
		}
		for i, g := range callers {
			if j := w.job(calls[i].Expr.Pos()); j != nil {
				keep[j] = true
				continue
			}
			for _, e := range w.funcs[g] {
				keep[e] = true
			}
		}
	}
	for _, e := range all {
		if keep[e] {
			es = append(es, e)
		}
	}
	return es, true
}

// fewCallers reports whether a queryinloop finding loops only for
// callers no entry point runs: every entry reaching its loops reaches
// them only through calls passing a few items (see loopEntries).
func (w *whole) fewCallers(check string, pkg *packages.Package, f *check.Finding) bool {
	if w == nil || check != queryinloop.Analyzer.Name || w.job(f.Pos) != nil {
		return false
	}
	fn := w.prog.FuncAt(f.Pos)
	if fn == nil {
		return false
	}
	es, narrowed := w.loopEntries(pkg, f, fn)
	return narrowed && es == nil
}

func mainEntry(es []*program.Entry) (program.Role, *program.Entry) {
	role := program.Main(es)
	for _, e := range es {
		if e.Role == role {
			return role, e
		}
	}
	return role, nil
}

// silent says whether a finding of check is dropped for the role of what
// runs it: code only tests run is silent like _test.go files; a loop (or
// a missing index) in a migration runs once per deployment, on tables
// being built, and a loop at start-up once per start, not per request.
// Where the graph gives no role that says how often the code runs (no
// entry reaches it, or only a command, which is how migrations are often
// started), the code's names say whether it is a migration (named: see
// check.Finding.NamedMigration), as they do under go vet.
func silent(check string, role program.Role, named bool) bool {
	onceChecks := check == queryinloop.Analyzer.Name || check == missingindex.Analyzer.Name
	switch role {
	case program.RoleTest:
		return true
	case program.RoleMigration:
		return onceChecks
	case program.RoleStartup:
		return check == queryinloop.Analyzer.Name
	case program.RoleNone, program.RoleCLI:
		return named && onceChecks
	}
	return false
}

// markRole records a finding's role; what runs in a command, a migration
// or at start-up is low, and the message says where it runs.
func markRole(f *report.Finding, role program.Role, by *program.Entry) {
	if role == program.RoleNone || role == program.RoleTest {
		return
	}
	f.Role = role.String()
	var where string
	switch role {
	case program.RoleCLI:
		where = "runs in CLI command " + by.Name
	case program.RoleMigration:
		where = "runs in migration " + by.Name
	case program.RoleStartup:
		where = "runs once at start-up"
	default:
		return
	}
	f.Severity = finding.Low.String()
	f.Message += " (" + where + ")"
}

// unreachedWhy is what a finding in code no entry point reaches says,
// shown (low) with -unreached.
const unreachedWhy = "no entry point reaches it"

// unreached reports whether a finding of check, run by no entry the graph
// knows (role), is in code nothing in the program can run
// (program.Unreached): queryinloop's loop, or every query site of a
// missingindex or selectstar finding. The driver leaves such findings
// out unless -unreached (see hideUnreached).
func (w *whole) unreached(check string, f *check.Finding, role program.Role) bool {
	fns := w.deadFuncs(check, f, role)
	if fns == nil {
		return false
	}
	for _, fn := range fns {
		if fn == nil || !w.dead[fn] {
			return false
		}
	}
	return true
}

// onlyTests reports whether a finding of check, run by no entry the graph
// knows (role), is in code only tests run, although no test calls it
// (program.Unreached's testOnly): the method a dependency calls back on a
// handler that only a test's code hands it. Like unreached, about
// queryinloop's loop, or every query site of a missingindex or selectstar
// finding, some of them run by tests and none by anything else.
func (w *whole) onlyTests(check string, f *check.Finding, role program.Role) bool {
	fns := w.deadFuncs(check, f, role)
	some := false
	for _, fn := range fns {
		switch {
		case fn == nil:
			return false
		case w.testOnly[fn]:
			some = true
		case !w.dead[fn]:
			return false
		}
	}
	return some
}

// deadFuncs are the functions holding what a finding of check, run by no
// entry the graph knows, is about (see unreached); nil for a finding an
// entry runs or of another check, and when the graph cannot say.
func (w *whole) deadFuncs(check string, f *check.Finding, role program.Role) []*program.Func {
	if w == nil || role != program.RoleNone {
		return nil
	}
	var at []token.Pos
	switch check {
	case queryinloop.Analyzer.Name:
		at = []token.Pos{f.Pos}
	case missingindex.Analyzer.Name, selectstar.Analyzer.Name:
		at = f.Sites
		if len(at) == 0 {
			at = []token.Pos{f.Pos}
		}
	default:
		return nil
	}
	if w.unreachedFuncs(); w.dead == nil {
		return nil
	}
	fns := make([]*program.Func, len(at))
	for i, pos := range at {
		fns[i] = w.prog.FuncAt(pos)
	}
	return fns
}

// unreachedFuncs computes program.Unreached once.
func (w *whole) unreachedFuncs() {
	if !w.deadDone {
		w.dead, w.testOnly = w.prog.Unreached(w.pkgs, w.entries)
		w.deadDone = true
	}
}

// unreachedAt reports whether the code at pos runs in no entry point:
// in a function nothing in the program runs, or only tests
// (program.Unreached). A route registered there is never served: a test
// server's routes, set up by a function only its tests call.
func (w *whole) unreachedAt(pos token.Pos) bool {
	if w == nil {
		return false
	}
	w.unreachedFuncs()
	fn := w.prog.FuncAt(pos)
	return fn != nil && (w.dead[fn] || w.testOnly[fn])
}

// startBound says whether a finding a route or a job reaches runs as
// often as start-up says, not per item of data (low is lowered's
// reason): it is left out of the report and counted in
// stats.start_bound_findings, as one in start-up code is silent. So is
// one no entry the graph knows reaches (a method a dependency calls, as
// fmt calls String): whatever runs it, request, job or start-up, its
// loop is as long as start-up made it. (What start-up fills needs an
// entry filling it: a library with no program has none, and nothing
// lowered.)
func startBound(role program.Role, low string) bool {
	return low != "" && (role == program.RoleRoute || role == program.RoleJob || role == program.RoleNone)
}

// lowered says why a queryinloop finding run per request or per job is
// low all the same, "" when it is not: its loop runs once per process
// (program.OnceOnly), or every loop it is about ranges over what only
// start-up fills (program.FilledAtStart; program.StartRange through
// locals and getters, with what the code registers), as many items as
// an operator configures — not what start-up read from a table
// (program.ReadAtStart), as many as the table holds. (Where no entry runs it, nothing in the program may: see
// unreached.)
func (w *whole) lowered(check string, pkg *packages.Package, f *check.Finding, role program.Role) string {
	if w == nil || check != queryinloop.Analyzer.Name || len(f.Loops) == 0 {
		return ""
	}
	w.unreachedFuncs() // a write only dead or test code makes changes no list (see program.allAtStart)
	switch role {
	case program.RoleRoute, program.RoleJob, program.RoleNone:
	default:
		return "" // low already, or silent
	}
	fn := w.prog.FuncAt(f.Pos)
	switch {
	case fn == nil, role == program.RoleNone:
	default:
		if w.once == nil {
			w.once = w.prog.OnceOnly(w.entries)
		}
		if w.once[fn] {
			return "runs once per process: only a sync.Once or a cache fill calls it"
		}
	}
	var over []string
	reg := false
	for _, pos := range f.Loops {
		rs := rangeAt(pkg, pos)
		if rs == nil {
			return ""
		}
		name, ok := w.prog.FilledAtStart(pkg.TypesInfo, rs.X, w.funcs)
		if ok && w.prog.ReadAtStart(pkg.TypesInfo, rs.X) {
			return "" // start-up read it from a table: as many items as the table holds
		}
		if !ok {
			name, ok = w.prog.Registered(pos, w.funcs)
			reg = reg || ok
		}
		if !ok {
			if name, ok = w.prog.StartRange(pos, w.funcs); !ok {
				return ""
			}
		}
		if !slices.Contains(over, name) {
			over = append(over, name)
		}
	}
	if reg {
		return "loops over " + strings.Join(over, " and ") + ", a list of the implementations the program registers: as many items as it registers"
	}
	return "loops over " + strings.Join(over, " and ") + ", which only start-up fills: as many items as configured"
}

// fewPassed reports whether every loop a queryinloop finding is about
// ranges over a parameter every call in the program passes a few items
// (program.FewPassed): a list its callers write out, []string{provider}
// or two middlewares, runs its loop as many times as a slice literal
// ranged over in place, on which the pass is silent. So does one over a
// field every write sets to a few (program.FewField), or over a registry
// only init functions and start-up calls fill, read directly or through
// a getter (program.FewRange), or over a list, or a field of a struct,
// that the calls making it fill with a few (program.FewReturned). So
// does one over interface values whose methods reach the queries only
// through implementations the list holds a few values of, whatever
// else it holds (program.FewTypedCall): a fan-out to the integrations
// of which only the one configured database integration runs SQL.
func (w *whole) fewPassed(check string, pkg *packages.Package, f *check.Finding) bool {
	if w == nil || check != queryinloop.Analyzer.Name || len(f.Loops) == 0 {
		return false
	}
	w.unreachedFuncs() // see lowered
	for _, pos := range f.Loops {
		rs := rangeAt(pkg, pos)
		if rs == nil || !w.prog.FewPassed(pkg.TypesInfo, rs.X, pos, queries.SmallBound) && !w.prog.FewField(pkg.TypesInfo, rs.X, queries.SmallBound) && !w.prog.FewRange(pos, queries.SmallBound) && !w.prog.FewReturned(pos, queries.SmallBound) && !w.prog.FewTypedCall(pos, f.Pos, queries.SmallBound, w.funcs) {
			return false
		}
	}
	return true
}

// rangeAt is the range statement of pkg starting at pos, nil when the
// statement there is not one.
func rangeAt(pkg *packages.Package, pos token.Pos) *ast.RangeStmt {
	for _, f := range pkg.Syntax {
		if pos < f.FileStart || pos >= f.FileEnd {
			continue
		}
		path, _ := astutil.PathEnclosingInterval(f, pos, pos)
		for _, n := range path {
			if rs, ok := n.(*ast.RangeStmt); ok && rs.Pos() == pos {
				return rs
			}
		}
	}
	return nil
}

// markLow makes a finding low, saying why.
func markLow(f *report.Finding, why string) {
	if why == "" {
		return
	}
	f.Severity = finding.Low.String()
	f.Message += " (" + why + ")"
}

// loops is queryinloop over the whole program: a call in a data loop
// whose callees, at any depth and through interfaces, func values and
// fields, run queries per call. Where the pass reported the call already
// (its callees' facts said), the graph's finding replaces the pass's:
// the same check's, with what only the graph knows — every query the
// call reaches, their sites, and a count and first query that follow
// the paths through the callees (program.Cost, program.Sequence). The
// findings wait in c.made for finish's suppress, like every finding the
// driver makes.
func (w *whole) loops(c *collector) {
	if w == nil {
		return
	}
	rel := c.r.rel
	// The pass's findings, by place: a package and its test variant
	// report the same one.
	reported := map[string][]int{}
	for i, f := range c.rep.Findings {
		if f.Check == queryinloop.Analyzer.Name {
			at := fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Column)
			reported[at] = append(reported[at], i)
		}
	}
	// passAt are the pass's findings at a call of the graph: those where
	// it starts and, when the pass said, ends (the outer call of a chain,
	// db().Exec(q), starts where the inner one does).
	passAt := func(pkg *packages.Package, call ast.Expr) []int {
		at := posKey(pkg.Fset.Position(call.Pos()), rel)
		end := posKey(pkg.Fset.Position(call.End()), rel)
		var out []int
		for _, i := range reported[at] {
			if e, ok := c.loopEnds[i]; !ok || e == end {
				out = append(out, i)
			}
		}
		return out
	}
	replaced := map[int]bool{}
	seen := map[string]bool{}   // test variants share files
	filled := map[string]bool{} // likewise
	excess := map[string]bool{} // likewise
	// deadBranch leaves out a call in a loop that runs its queries only
	// in a branch that never runs (program.Call.Never), and the pass's
	// findings at it, counted once per call: when the pass reported it,
	// or when the graph would have made a finding of it (made: a call of
	// a function in code whose role does not keep it silent).
	dead := map[*program.Call]bool{}
	deadBranch := func(call *program.Call, pass []int, made bool) {
		for _, i := range pass {
			replaced[i] = true
		}
		if !dead[call] && (len(pass) > 0 || made) {
			dead[call] = true
			c.rep.Stats.DeadBranchFindings++
		}
	}
	wpkgs := map[*packages.Package]*queryinloop.Package{}
	wpkg := func(p *packages.Package) *queryinloop.Package {
		if wpkgs[p] == nil {
			wpkgs[p] = &queryinloop.Package{Fset: p.Fset, Types: p.Types, Info: p.TypesInfo, Files: p.Syntax, Starts: w.prog.StartsParam}
		}
		return wpkgs[p]
	}
	for _, fn := range w.prog.Funcs() {
		pkg := w.prog.Package(fn)
		if fn.Synthetic || pkg == nil || !c.ld.isRequested(pkg) || w.tests[pkg.PkgPath] {
			continue
		}
		for _, call := range fn.Calls {
			if call.Expr != nil && queries.Excess(call.Loops) && !call.Never && (call.Site != nil || len(call.Callees) > 0 && len(w.reached(fn, call)) > 0) {
				// A query per item of the excess of a list past a limit:
				// left out, by the pass too, and counted once per call.
				role, _ := mainEntry(w.funcs[fn])
				if at := posKey(pkg.Fset.Position(call.Expr.Pos()), rel); !excess[at] && !silent(queryinloop.Analyzer.Name, role, false) {
					excess[at] = true
					c.rep.Stats.ExcessLoopFindings++
				}
			}
			if call.Expr != nil && call.Site != nil && call.Never && queries.PerItem(call.Loops) > 0 {
				// A query the loop never runs: the pass, which reads no
				// constant results, reported it.
				deadBranch(call, passAt(pkg, call.Expr), false)
				continue
			}
			if call.Expr == nil || call.Site != nil || call.Callback || call.Scheduled || len(call.Callees) == 0 || queries.PerItem(call.Loops) == 0 {
				// A function handed to a scheduler through a helper of
				// the module (Scheduled) runs on the scheduler's
				// timetable, as a job of its own: registering it once
				// per item runs nothing per item.
				continue
			}
			if yields(pkg.TypesInfo, enclosingFunc(pkg.Syntax, fn, call.Expr), call.Expr) {
				continue
			}
			reached := w.reached(fn, call)
			if len(reached) > 0 && !multiplied(reached) {
				// Only DDL and session settings (a connection's SET
				// ROLE, made again when it is lost): no statement a
				// loop multiplies, as the pass takes them.
				for _, i := range passAt(pkg, call.Expr) {
					replaced[i] = true
				}
				continue
			}
			if call.Cleanup && deletesOnly(reached) {
				// Deletes of the items another service turned down: once
				// per such item (see the queries pass's outside.go).
				at := posKey(pkg.Fset.Position(call.Expr.Pos()), rel)
				if !filled[at] {
					filled[at] = true
					c.rep.Stats.ErrorPathFindings++
				}
				for _, i := range passAt(pkg, call.Expr) {
					replaced[i] = true
				}
				continue
			}
			if !call.Once && !fillsOnly(reached) && onFailure(call, reached) {
				// Every query the call runs, it runs on a failure or
				// deletes what another service turned down, in a
				// function on the way (cleansVia): for those items only.
				at := posKey(pkg.Fset.Position(call.Expr.Pos()), rel)
				if !filled[at] {
					filled[at] = true
					if changesOnly(call, reached) {
						c.rep.Stats.ChangedOnlyFindings++
					} else {
						c.rep.Stats.ErrorPathFindings++
					}
				}
				for _, i := range passAt(pkg, call.Expr) {
					replaced[i] = true
				}
				continue
			}
			if call.Once || fillsOnly(reached) {
				// Every query the call runs fills a cache: left out of
				// the report, as the pass leaves them, and counted.
				at := posKey(pkg.Fset.Position(call.Expr.Pos()), rel)
				if !filled[at] && multiplied(reached) {
					filled[at] = true
					switch {
					case onFailure(call, reached) && changesOnly(call, reached):
						c.rep.Stats.ChangedOnlyFindings++
					case onFailure(call, reached):
						c.rep.Stats.ErrorPathFindings++
					default:
						c.rep.Stats.CacheFillFindings++
					}
				}
				// The pass, which counts a getter's fill guarded by a
				// flag per call, may have reported it: the graph saw
				// the caller keep the fast path.
				for _, i := range passAt(pkg, call.Expr) {
					replaced[i] = true
				}
				continue
			}
			if len(reached) == 0 {
				if w.prog.NeverRuns(fn, call) {
					// The graph would have made a finding of it, but for
					// code whose role keeps it silent.
					role, _ := mainEntry(w.funcs[fn])
					if j := w.job(call.Expr.Pos()); j != nil {
						role = j.Role
					}
					deadBranch(call, passAt(pkg, call.Expr), !silent(queryinloop.Analyzer.Name, role, false))
					continue
				}
				if w.ruledOut(fn, call) {
					// What the call passes rules the queries out (a nil
					// list for the callee's loop): the pass, which saw
					// the callee's queries, reported it all the same.
					for _, i := range passAt(pkg, call.Expr) {
						replaced[i] = true
					}
				}
				continue
			}
			var per queryinloop.PerCall // one call's queries: its costliest callee's
			per.Recursive = true
			for _, g := range call.Callees {
				once, _ := w.prog.Cost(g)
				per.Once, per.Each, per.Branches = max(per.Once, once), max(per.Each, w.prog.Each(g)), max(per.Branches, w.prog.Branches(g))
				per.Recursive = per.Recursive && w.prog.Recursive(fn, g)
			}
			per = boundPer(w.prog, call, reached, per)
			name, impls := callee(pkg.TypesInfo, call)
			qc := &queries.Call{Call: call.Expr, Func: fn.Decl, Node: fn.Syntax(), Callee: name, Loops: call.Loops, Whole: call.Whole}
			pf, ok := queryinloop.Whole(wpkg(pkg), qc, impls, reached, per)
			if !ok {
				continue
			}
			at := posKey(pkg.Fset.Position(pf.Pos), rel)
			if seen[at] {
				continue
			}
			seen[at] = true
			es, _ := w.loopEntries(pkg, &pf, fn)
			role, by := mainEntry(es)
			if j := w.loopJob(pf.Pos, pf.Loops); j != nil {
				role, by = j.Role, j
			}
			if w.onlyTests(queryinloop.Analyzer.Name, &pf, role) {
				role, by = program.RoleTest, nil
			}
			if silent(queryinloop.Analyzer.Name, role, pf.NamedMigration) || w.fewPassed(queryinloop.Analyzer.Name, pkg, &pf) || w.fewCallers(queryinloop.Analyzer.Name, pkg, &pf) {
				continue // and so was the pass's
			}
			if call.Never {
				deadBranch(call, passAt(pkg, call.Expr), true)
				continue
			}
			for _, i := range passAt(pkg, call.Expr) {
				replaced[i] = true
			}
			m := made{check: queryinloop.Analyzer.Name, pkg: pkg, f: pf, role: role, by: by}
			if m.dead = w.unreached(m.check, &pf, role); m.dead {
				m.low = unreachedWhy
			} else {
				m.low = w.lowered(m.check, pkg, &pf, role)
				m.bound = startBound(role, m.low)
			}
			c.made = append(c.made, m)
			c.routes.loopRoutes[at] = w.routes(pkg, &pf, rel)
		}
	}
	if len(replaced) > 0 {
		kept := c.rep.Findings[:0]
		for i, f := range c.rep.Findings {
			if !replaced[i] {
				kept = append(kept, f)
			}
		}
		c.rep.Findings = kept
	}
}

// ruledOut reports whether call c, in fn, runs no query for what it
// passes, where its callees run some for other calls: the constants it
// passes make their queries' calls not run (see program.ReachFrom).
func (w *whole) ruledOut(fn *program.Func, c *program.Call) bool {
	for _, g := range c.Callees {
		if len(w.prog.ReachFrom(fn, c, g)) > 0 {
			return false
		}
	}
	for _, g := range c.Callees {
		if len(w.prog.Reach(g)) > 0 {
			return true
		}
	}
	return false
}

// fillsOnly says whether the queries a call reaches all fill caches (a
// read-through cache's miss, a cache's loader, sync.Once's function: see
// the queries pass's Query.Once), at least one of them a statement a
// loop would multiply: a loop around the call runs them once per key or
// per process, not once per item.
// onFailure says whether the call, which runs only cache fills or
// failure branches, runs its queries on a failure: it is itself in a
// branch run only when a call before it failed, or every query it
// reaches is, or is under a call that is, in a function on the way
// (Call.Fail; see the queries pass's failure.go).
func onFailure(call *program.Call, reached []queryinloop.Reached) bool {
	if call.Fail {
		return true
	}
	for _, r := range reached {
		if r.Query.Kind == "ddl" || r.Query.Kind == "other" || r.Fail {
			continue
		}
		return false
	}
	return len(reached) > 0
}

// failsVia says whether a function of the chain calls the next one only
// in a failure branch (Call.Fail); changes, whether every such call is in
// a branch run only for what changed (Call.Changed).
func failsVia(via []*program.Func) (fails, changes bool) {
	changes = true
	for i := 0; i+1 < len(via); i++ {
		for _, c := range via[i].Calls {
			if c.Fail && c.Leads(via[i+1]) {
				fails = true
				changes = changes && c.Changed
			}
		}
	}
	return fails, fails && changes
}

// changesOnly says, of a call onFailure holds, whether the branches that
// make what it runs rare are all of change (see the queries pass's
// changed.go): it writes only what differs from its source.
func changesOnly(call *program.Call, reached []queryinloop.Reached) bool {
	if call.Fail {
		return call.Changed
	}
	for _, r := range reached {
		if r.Query.Kind == "ddl" || r.Query.Kind == "other" {
			continue
		}
		if !r.Changed {
			return false
		}
	}
	return len(reached) > 0
}

// cleansVia says whether a function of the chain calls the next one only
// in a branch run when another service turned the item down
// (Call.Cleanup; see the queries pass's outside.go): a DELETE reached so
// runs once per stale item, as one in a failure branch runs for the
// failed items only.
func cleansVia(via []*program.Func) bool {
	for i := 0; i+1 < len(via); i++ {
		for _, c := range via[i].Calls {
			if c.Cleanup && c.Leads(via[i+1]) {
				return true
			}
		}
	}
	return false
}

// deletesOnly says whether the queries a call reaches, at least one,
// are all DELETEs (DDL and statements such as SET aside).
func deletesOnly(reached []queryinloop.Reached) bool {
	n := 0
	for _, r := range reached {
		if r.Query.Kind == "ddl" || r.Query.Kind == "other" {
			continue
		}
		if !r.Delete {
			return false
		}
		n++
	}
	return n > 0
}

func fillsOnly(reached []queryinloop.Reached) bool {
	for _, r := range reached {
		if r.Query.Kind != "ddl" && r.Query.Kind != "other" && !r.Query.Once {
			return false
		}
	}
	return multiplied(reached)
}

// multiplied says whether one of the queries reached is a statement a
// loop would multiply: no DDL, no session command.
func multiplied(reached []queryinloop.Reached) bool {
	return slices.ContainsFunc(reached, func(r queryinloop.Reached) bool {
		return r.Query.Kind != "ddl" && r.Query.Kind != "other"
	})
}

// boundPer is per, the callees' counts whoever calls them, for what call
// c passes: when its arguments rule some of the callees' sites out (a
// constant flag, an entity's edges: see program.ReachFrom), or its loops
// run some of them once (a statement prepared lazily into a field of a
// value made before the loop: see program.OncePerValue), no count is
// more than the sites left to run on each call.
func boundPer(p *program.Program, c *program.Call, reached []queryinloop.Reached, per queryinloop.PerCall) queryinloop.PerCall {
	all := map[*queries.Site]bool{}
	for _, g := range c.Callees {
		for _, r := range p.Reach(g) {
			all[r.Site] = true
		}
	}
	n := 0
	for _, r := range reached {
		if !r.Query.Once {
			n++
		}
	}
	if n < len(all) {
		per.Once, per.Each, per.Branches = min(per.Once, n), min(per.Each, n), min(per.Branches, n)
	}
	return per
}

// posKey is a place as "file:line:col", the file relative to the root.
func posKey(p token.Position, rel func(string) string) string {
	return fmt.Sprintf("%s:%d:%d", rel(p.Filename), p.Line, max(p.Column, 1))
}

// reached are the queries the callees of c, in fn, run (each with the
// types c passes it: see program.ReachFrom), each site once, at its
// deepest, as queryinloop.Whole takes them: in the order a message names
// them (program.Sequence), the costliest callee's first. A site only
// other programs than fn's link is left out (program.Unlinked).
func (w *whole) reached(fn *program.Func, c *program.Call) []queryinloop.Reached {
	var out []queryinloop.Reached
	seen := map[*queries.Site]int{}
	callees := slices.Clone(c.Callees)
	w.prog.ByCost(callees)
	rank := map[token.Pos]int{}
	for _, g := range callees {
		for _, s := range w.prog.Sequence(g) {
			if _, ok := rank[s.Call.Pos()]; !ok {
				rank[s.Call.Pos()] = len(rank)
			}
		}
	}
	for _, g := range callees {
		for _, r := range w.prog.ReachFrom(fn, c, g) {
			if w.prog.Unlinked(fn, r) {
				continue // another program's implementation
			}
			q := r.Site.Entry
			if r.Flag > 0 && !w.prog.PassesFalse(fn, c, g, r.Flag-1) {
				r.Depth, r.Once, r.Per = r.Raw, false, 0 // the caller's flag builds again
			}
			q.Loop, q.Once = r.Depth, q.Once || r.Once
			if q.KeyFrom != 0 {
				// A keyed cache's fill: the path says whether its key
				// repeats (see program/keyed.go).
				q.Once = r.Once
			}
			if r.Per > 0 {
				// Under a lazy fill of a value's state (an iterator's, a
				// parameter's): once per value, which the loops around c
				// make anew or not (program.OncePerValue).
				q.Once = w.prog.OncePerValue(fn, c, g, r)
			}
			if r.Key > 0 {
				// Under a keyed cache's fill: once per key, which the
				// loops around c make anew or not (program.KeyRepeats).
				q.Once = w.prog.KeyRepeats(fn, c, g, r)
			}
			q.Via = nil
			for _, f := range r.Via {
				q.Via = append(q.Via, f.Name)
			}
			if c.Static && len(q.Via) > 0 {
				q.Via = q.Via[1:] // the callee, which the message names
			}
			viaFail, viaChange := failsVia(r.Via)
			cleans := r.Site.Deletes() && cleansVia(r.Via)
			reach := queryinloop.Reached{Site: r.Site.Call.Pos(), Query: q, SQL: r.Site.SQL, Assumed: r.Assumed, Fail: r.Site.Fail || viaFail || cleans, Delete: r.Site.Deletes()}
			// What changed only: every branch that makes it rare is one.
			reach.Changed = reach.Fail && !cleans && (!r.Site.Fail || r.Site.Changed) && (!viaFail || viaChange)
			if i, ok := seen[r.Site]; ok {
				if q.Loop > out[i].Query.Loop {
					out[i] = reach
				}
				continue
			}
			seen[r.Site] = len(out)
			out = append(out, reach)
		}
	}
	order := func(p token.Pos) int {
		if r, ok := rank[p]; ok {
			return r
		}
		return len(rank) // not in a sequence: after those that are
	}
	sort.SliceStable(out, func(i, j int) bool { return order(out[i].Site) < order(out[j].Site) })
	return out
}

// callee names what a call calls, as messages do, and for a call through
// an interface or a func value, the functions it reaches.
func callee(info *types.Info, c *program.Call) (string, []string) {
	name := types.ExprString(c.Expr.Fun)
	if fn, ok := typeutil.Callee(info, c.Expr).(*types.Func); ok {
		name = queries.FuncName(fn)
	}
	if c.Static {
		return name, nil
	}
	var impls []string
	add := func(g *program.Func) {
		if !slices.Contains(impls, g.Name) {
			impls = append(impls, g.Name)
		}
	}
	for _, g := range c.Callees {
		if servers := rpcServers(g); len(servers) > 0 {
			// A generated gRPC client: the variant is a procedure of
			// the servers the module implements.
			for _, s := range servers {
				add(s)
			}
			continue
		}
		add(g)
	}
	return name, impls
}

// rpcTo is the procedure f, a generated gRPC client's method, calls g
// over, "" when f does not reach g by an RPC.
func rpcTo(f, g *program.Func) string {
	for _, c := range f.Calls {
		if c.RPC != "" && slices.Contains(c.Callees, g) {
			return c.RPC
		}
	}
	return ""
}

// rpcServers are the servers a generated gRPC client method's call
// reaches, nil for any other function.
func rpcServers(g *program.Func) []*program.Func {
	for _, c := range g.Calls {
		if c.RPC != "" {
			return c.Callees
		}
	}
	return nil
}

// enclosingFunc is the function literal or declaration whose body holds
// call, in fn: fn's own, or, when fn is the body of a range over a
// function (go/ssa makes one a function of its own, whose syntax is the
// range statement), the literal or declaration the range is written in,
// found in files.
func enclosingFunc(files []*ast.File, fn *program.Func, call *ast.CallExpr) ast.Node {
	syn := fn.Syntax()
	if _, ok := syn.(*ast.RangeStmt); !ok {
		return syn
	}
	for _, f := range files {
		if f.Pos() > call.Pos() || call.End() > f.End() {
			continue
		}
		path, _ := astutil.PathEnclosingInterval(f, call.Pos(), call.End())
		for _, n := range path {
			switch n.(type) {
			case *ast.FuncLit, *ast.FuncDecl:
				return n
			}
		}
	}
	return syn
}

// yields reports whether call, in the function body, calls the yield
// function of a range-over-func iterator: body is a function of type
// func(yield func(...) bool), as iter.Seq and iter.Seq2 are. The loop
// that runs per item is the caller's range statement, whose body is the
// yield, and the queries pass reports it there, where it is written; the
// iterator is shared by every caller (a line reader, a chunker), and the
// call graph hands its yield every caller's body at once — no place to
// report what one of them runs.
func yields(info *types.Info, body ast.Node, call *ast.CallExpr) bool {
	var ft *ast.FuncType
	switch b := body.(type) {
	case *ast.FuncLit:
		ft = b.Type
	case *ast.FuncDecl:
		ft = b.Type
	default:
		return false
	}
	// The shape alone is also a visitor's (Walk(visit func(Node) bool)),
	// called directly with a closure, whose per-node queries only its
	// call of visit shows: the parameter must be called yield, as the
	// iter package and range-over-func code name it.
	if ft.Results != nil && len(ft.Results.List) > 0 || ft.Params == nil || len(ft.Params.List) != 1 ||
		len(ft.Params.List[0].Names) != 1 || ft.Params.List[0].Names[0].Name != "yield" {
		return false
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || info.Uses[id] == nil || info.Uses[id] != info.Defs[ft.Params.List[0].Names[0]] {
		return false
	}
	sig, ok := info.Uses[id].Type().Underlying().(*types.Signature)
	if !ok || sig.Results().Len() != 1 {
		return false
	}
	res, ok := sig.Results().At(0).Type().Underlying().(*types.Basic)
	return ok && res.Kind() == types.Bool
}
