package driver

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/sqlheat/sqlheat/analyzer"
	"github.com/sqlheat/sqlheat/internal/check"
	"github.com/sqlheat/sqlheat/internal/dbapi"
	"github.com/sqlheat/sqlheat/internal/guard"
	"github.com/sqlheat/sqlheat/internal/program"
	"github.com/sqlheat/sqlheat/internal/report"
	"github.com/sqlheat/sqlheat/passes/catalog"
	"github.com/sqlheat/sqlheat/passes/config"
	"github.com/sqlheat/sqlheat/passes/queries"
	"github.com/sqlheat/sqlheat/passes/queryinloop"
	"github.com/sqlheat/sqlheat/passes/routes"
)

// collector gathers what a run's actions produced into the report: one
// method per kind of result. Findings of the checks arrive made and
// filtered by their passes; the findings the driver makes itself wait in
// made for finish's suppress.
type collector struct {
	r   *runner
	ld  *loaded
	rep *report.Report

	made []made // the driver's own findings, not yet filtered
	// dead are the findings in code no entry point reaches, by
	// findingKey: finish hides them unless -unreached.
	dead    map[string]bool
	whole   *whole // what the program graph adds; nil without one
	fixes   *fixSet
	schemas *schemaStats
	routes  *routeSet
	sites   *siteSet
	// statements are the SQL texts of the program's query sites, by
	// fingerprint (see fullSQL).
	statements statementSet
	// traffic and trafficFormat are the profile the settings name;
	// -traffic wins over them.
	traffic, trafficFormat string
	live                   *liveSettings
	// loopEnds are where the calls of the pass's queryinloop findings
	// end, by index in rep.Findings: a chained call (db().Exec(q)) starts
	// where its inner call does (see whole.loops).
	loopEnds map[int]string
}

// made is a finding the driver made itself, of the check called check, in
// pkg, run by an entry of role (by, when known: see markRole).
type made struct {
	check string
	pkg   *packages.Package
	f     check.Finding
	role  program.Role
	by    *program.Entry
	low   string // why it is low all the same (see whole.unreached, whole.lowered)
	dead  bool   // in code no entry point reaches (see whole.unreached)
	bound bool   // runs as often as start-up says (see whole.lowered): left out
}

func (r *runner) newCollector(ld *loaded, rep *report.Report) *collector {
	return &collector{
		r: r, ld: ld, rep: rep,
		fixes: newFixSet(), schemas: newSchemaStats(), routes: newRouteSet(nil),
		sites: newSiteSet(), statements: statementSet{}, live: new(liveSettings),
		dead: map[string]bool{},
	}
}

// loadErrors reports the requested packages that cannot be analyzed,
// and why: the root causes, one line each on stderr as they are found
// (before anything they would explain), then what they cost. The other
// packages are still analyzed.
func (c *collector) loadErrors() int {
	c.rep.Errors = append(c.rep.Errors, c.ld.warnings...)
	c.rep.Stats.ExcludedByTags = c.ld.excluded
	for _, msg := range c.ld.badPatterns { // said on stderr by load
		c.rep.Errors = append(c.rep.Errors, report.Problem{Message: msg})
		c.r.shown[msg] = true
	}
	lostPath := map[string]bool{} // paths whose package itself is lost
	var skipped []*packages.Package
	for _, p := range c.ld.pkgs {
		if c.ld.lostTo[p] != nil && c.ld.isRequested(p) {
			skipped = append(skipped, p)
			if !isTestVariant(p) {
				lostPath[p.PkgPath] = true
			}
		}
	}
	if len(skipped) == 0 {
		return ExitClean
	}
	slices.SortFunc(skipped, func(a, b *packages.Package) int { return strings.Compare(a.ID, b.ID) })
	seen := map[string]bool{}
	var names []string
	for _, p := range skipped {
		cause := c.ld.lostTo[p]
		for _, e := range c.ld.failed[cause] {
			c.loadError(cause, e, seen)
		}
		// A test variant is counted when its package was analyzed:
		// otherwise the package says it.
		if isTestVariant(p) && lostPath[strings.TrimSuffix(p.PkgPath, "_test")] {
			continue
		}
		s := report.Skipped{Package: p.ID}
		if cause != p {
			s.Cause = cause.ID
		}
		c.rep.Skipped = append(c.rep.Skipped, s)
		names = append(names, describePackage(p))
	}
	c.rep.Stats.PackageErrors = len(c.rep.Skipped)
	const listed = 5
	list := strings.Join(names[:min(len(names), listed)], ", ")
	if len(names) > listed {
		list += fmt.Sprintf(" and %d more (-format json lists them)", len(names)-listed)
	}
	c.r.errorf("not analyzed, because of the errors above: %s", list)
	return ExitUsage
}

// loadError reports a root cause of a package that cannot be analyzed,
// unless seen says it was reported already (a package and its test
// variant share files).
func (c *collector) loadError(p *packages.Package, e loadError, seen map[string]bool) {
	prob := report.Problem{Package: p.ID, Message: e.msg, Kind: report.ProblemCompile}
	key := fmt.Sprintf("%s:%d:%d: %s", e.file, e.line, e.col, e.msg)
	if e.file != "" {
		prob.File, prob.Line, prob.Column = c.r.rel(e.file), e.line, e.col
	} else {
		key = p.ID + ": " + key
	}
	if seen[key] {
		return
	}
	seen[key] = true
	c.rep.Errors = append(c.rep.Errors, prob)
	c.r.shown[prob.String()] = true
	fmt.Fprintln(c.r.stderr, prob.String())
}

// packages counts the requested packages analyzed: a package and its test
// variants count once.
func (c *collector) packages(pkgs []*packages.Package) {
	counted := map[string]bool{}
	for _, p := range pkgs {
		path := strings.TrimSuffix(p.PkgPath, "_test")
		if c.ld.isRequested(p) && !counted[path] && !strings.HasSuffix(p.PkgPath, ".test") {
			counted[path] = true
			c.rep.Stats.Packages++
			c.unread(p)
		}
	}
	c.localModules(counted)
}

// unread counts, in stats.unread_libraries, the SQL libraries sqlheat
// does not read that the requested package p imports (see
// dbapi.Unread): what they send, no pass sees, and a run that finds
// nothing says so instead of looking clean.
func (c *collector) unread(p *packages.Package) {
	seen := map[string]bool{}
	for path := range p.Imports {
		if lib := dbapi.Unread(path); lib != "" && !seen[lib] {
			seen[lib] = true
			if c.rep.Stats.UnreadLibraries == nil {
				c.rep.Stats.UnreadLibraries = map[string]int{}
			}
			c.rep.Stats.UnreadLibraries[lib]++
		}
	}
}

// localModules lists the local modules the program imports, and what
// was taken of each; counted are the requested packages analyzed.
func (c *collector) localModules(counted map[string]bool) {
	for _, lm := range c.ld.local {
		c.rep.LocalModules = append(c.rep.LocalModules, report.LocalModule{
			Path: lm.path, Dir: c.r.rel(lm.dir), Why: lm.why, Packages: lm.pkgs, Skipped: lm.skipped,
		})
		for _, path := range lm.pkgs {
			if counted[path] {
				c.rep.Stats.LocalPackages++
			}
		}
	}
}

// graph collects every action of the analysis over pkgs, then what only
// the whole program shows: prog, the program's call graph (nil when it
// could not be built), joined to what the passes found, gives each route
// every query its requests run, each finding the role of what runs it,
// and queryinloop's findings through interfaces, func values and fields.
func (c *collector) graph(g *checker.Graph, prog *program.Program, pkgs []*packages.Package) {
	if prog != nil && graphHook != nil {
		graphHook()
	}
	joinProgram(prog, g)
	c.routes.mounts = newMountTable(g, prog)
	c.routes.rpcs = newRPCTable(g)
	c.routes.filters = newFilterTable(g)
	c.whole = newWhole(prog, g, pkgs, c.ld.pkgs, c.routes.mounts, c.routes.rpcs)
	c.routes.prog = prog
	if !c.r.o.unreached && c.whole != nil {
		c.routes.unreached = c.whole.unreachedAt // -unreached lists every route
	}
	for act := range g.All() {
		c.action(act)
	}
	c.sites.fill(c.rep)
	c.schemas.fill(c.rep)
	if c.r.runs(queryinloop.Analyzer.Name) {
		c.whole.loops(c)
	}
}

// graphHook, when a test sets it, runs before the program's graph is
// joined to the passes' results.
var graphHook func()

// safeGraph is graph, with a panic in what joins the program's graph to
// the passes' results (a bug of sqlheat's, on code it did not expect)
// recovered: its message, "" when there was none.
func (c *collector) safeGraph(g *checker.Graph, prog *program.Program, pkgs []*packages.Package) (msg string) {
	if prog == nil {
		c.graph(g, prog, pkgs)
		return ""
	}
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprintf("internal error in sqlheat's whole-program analysis: %v (routes and findings are from each package alone; please report it with this trace: %s)", r, guard.Trace())
		}
	}()
	c.graph(g, prog, pkgs)
	return ""
}

// action collects one action's result, by its kind.
func (c *collector) action(act *checker.Action) {
	if res, ok := act.Result.(*queries.Result); ok && act.IsRoot && res != nil {
		c.statements.add(res) // every package's: a finding may be about a statement of one not asked about
	}
	if act.IsRoot && !c.ld.isRequested(act.Package) {
		return // loaded for its facts only
	}
	c.internalErrors(act)
	if !act.IsRoot {
		return // run on a dependency for its facts
	}
	if act.Err != nil {
		c.rep.Errors = append(c.rep.Errors, report.Problem{Package: act.Package.PkgPath, Message: fmt.Sprintf("%s: %v", act.Analyzer.Name, act.Err)})
		return
	}
	if v := reflect.ValueOf(act.Result); !v.IsValid() || v.Kind() == reflect.Pointer && v.IsNil() {
		return // a pass that panicked (reported above) leaves a typed nil
	}
	switch res := act.Result.(type) {
	case *check.Result:
		if c.r.checks[act.Analyzer] {
			c.findings(act, res)
		}
	case *queries.Result:
		c.querySites(act, res)
	case *routes.Result:
		c.routes.add(act, res, c.r.rel)
		c.unreadRoutes(act, res)
	case *catalog.Result:
		c.schemas.add(res, c.r.rel)
		c.live.addCatalog(res, c.r.root)
	case *config.Config:
		c.settings(res)
	}
}

// unreadRoutes reports the registrations whose routes the routes pass
// could not read (routes.Result.Unread), once: a package and its test
// variant share files.
func (c *collector) unreadRoutes(act *checker.Action, res *routes.Result) {
	for _, u := range res.Unread {
		p := act.Package.Fset.Position(u.Pos)
		prob := report.Problem{Package: act.Package.PkgPath, Message: u.Message}
		if p.IsValid() {
			prob.File, prob.Line, prob.Column = c.r.rel(p.Filename), p.Line, p.Column
		}
		if !slices.Contains(c.rep.Errors, prob) {
			c.rep.Errors = append(c.rep.Errors, prob)
		}
	}
}

// internalErrors reports the panics guard recovered in a pass, on any
// package: a bug of sqlheat, which makes the run exit 3.
func (c *collector) internalErrors(act *checker.Action) {
	for _, d := range act.Diagnostics {
		if d.Category == guard.Category {
			c.rep.Errors = append(c.rep.Errors, report.Problem{Package: act.Package.PkgPath, Message: d.Message})
			c.rep.Stats.InternalErrors++
		}
	}
}

// exit is the exit code what was collected calls for.
func (c *collector) exit() int {
	if c.rep.Stats.InternalErrors > 0 {
		return ExitInternal
	}
	return ExitClean
}

// findings collects a check's findings, already made and filtered by its
// pass, and their fixes for -fix.
func (c *collector) findings(act *checker.Action, res *check.Result) {
	if res == nil {
		return // the pass panicked: reported by internalErrors
	}
	name := act.Analyzer.Name
	for _, f := range res.Findings {
		role, by := c.whole.role(name, act.Package, f)
		if silent(name, role, f.NamedMigration) || c.whole.fewPassed(name, act.Package, f) || c.whole.fewCallers(name, act.Package, f) {
			continue
		}
		dead := c.whole.unreached(name, f, role)
		low := ""
		if !dead {
			low = c.whole.lowered(name, act.Package, f, role)
		}
		if startBound(role, low) {
			c.rep.Stats.StartBoundFindings++
			continue
		}
		rf := c.r.finding(name, act.Package, f)
		markRole(&rf, role, by)
		if dead {
			markLow(&rf, unreachedWhy)
			c.dead[findingKey(rf)] = true
		} else {
			markLow(&rf, low)
		}
		c.rep.Findings = append(c.rep.Findings, rf)
		if name == queryinloop.Analyzer.Name && f.End.IsValid() {
			if c.loopEnds == nil {
				c.loopEnds = map[int]string{}
			}
			c.loopEnds[len(c.rep.Findings)-1] = posKey(act.Package.Fset.Position(f.End), c.r.rel)
		}
		if name == queryinloop.Analyzer.Name && c.whole != nil {
			c.routes.loopRoutes[posKey(act.Package.Fset.Position(f.Pos), c.r.rel)] = c.whole.routes(act.Package, f, c.r.rel)
		}
		if c.r.o.fix || c.r.o.diff {
			c.fixes.add(findingKey(rf), act, f.Diagnostic)
		}
	}
}

// querySites gathers the query sites of a package: their counts, and
// those whose SQL could not be resolved or parsed (see siteSet).
//
// A wrapper's own call (queries.Result.Inner) is a site where an entry
// reaches it: through a call of the wrapper the passes did not see as
// one (an interface of another package's), which it stands for.
func (c *collector) querySites(act *checker.Action, res *queries.Result) {
	if res == nil {
		return
	}
	c.sites.add(act, res.Sites, c.r.rel)
	if c.whole != nil {
		var reached []*queries.Site
		for _, s := range res.Inner {
			if len(c.whole.sites[s]) > 0 {
				reached = append(reached, s)
			}
		}
		c.sites.add(act, reached, c.r.rel)
	}
}

// settings takes the traffic profile the settings name (the first
// package's that names one) and what asking a live database needs. (Its
// mistakes stopped the run before: see checkSettings.)
func (c *collector) settings(cfg *config.Config) {
	if cfg == nil {
		return
	}
	c.live.addConfig(cfg)
	if cfg.Traffic != "" && c.traffic == "" {
		c.traffic, c.trafficFormat = cfg.Traffic, cfg.TrafficFormat
	}
}

// runs reports whether the check called name is one of the run's.
func (r *runner) runs(name string) bool {
	for a := range r.checks {
		if a.Name == name {
			return true
		}
	}
	return false
}

// finding turns a finding of the check called name in pkg into the
// report's form: paths relative to the root, the severity the check
// declares.
func (r *runner) finding(name string, pkg *packages.Package, f *check.Finding) report.Finding {
	fset := pkg.Fset
	pos := fset.Position(f.Pos)
	out := report.Finding{
		Check:        name,
		Severity:     analyzer.Severity(name, f.Category, f.Confidence).String(),
		File:         r.rel(pos.Filename),
		Line:         pos.Line,
		Column:       max(pos.Column, 1),
		Message:      f.Message,
		Fix:          f.Fix,
		Kind:         f.Category,
		Function:     f.Function,
		SQL:          f.SQL,
		Fingerprint:  f.Fingerprint,
		Multiplicity: f.Multiplicity,
		Via:          f.Via,
		Suggestion:   f.Suggestion,
		Confidence:   f.Confidence,
	}
	for _, rel := range f.Related {
		p := fset.Position(rel.Pos)
		out.Related = append(out.Related, report.Location{File: r.rel(p.Filename), Line: p.Line, Column: max(p.Column, 1), Message: rel.Message})
	}
	for _, s := range f.Sites {
		p := fset.Position(s)
		out.Sites = append(out.Sites, report.Site{File: r.rel(p.Filename), Line: p.Line})
	}
	return out
}
