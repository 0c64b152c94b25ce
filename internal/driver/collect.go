package driver

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/sqlheat/sqlheat/analyzer"
	"github.com/sqlheat/sqlheat/internal/check"
	"github.com/sqlheat/sqlheat/internal/guard"
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

	made    []made // the driver's own findings, not yet filtered
	fixes   *fixSet
	schemas *schemaStats
	routes  *routeSet
	sites   *siteSet
	// traffic and trafficFormat are the profile the settings name;
	// -traffic wins over them.
	traffic, trafficFormat string
	live                   *liveSettings
}

// made is a finding the driver made itself, of the check called check, in
// pkg.
type made struct {
	check string
	pkg   *packages.Package
	f     check.Finding
}

func (r *runner) newCollector(ld *loaded, rep *report.Report) *collector {
	return &collector{
		r: r, ld: ld, rep: rep,
		fixes: newFixSet(), schemas: newSchemaStats(), routes: newRouteSet(),
		sites: newSiteSet(), live: new(liveSettings),
	}
}

// loadErrors reports the requested packages that did not load or
// type-check, with their errors; the others are still analyzed.
func (c *collector) loadErrors() int {
	c.rep.Errors = append(c.rep.Errors, c.ld.warnings...)
	code := ExitClean
	for _, p := range c.ld.pkgs {
		if len(p.Errors) == 0 || !c.ld.isRequested(p) {
			continue // fine, or a module package nobody asked about: its dependents will say
		}
		c.rep.Stats.PackageErrors++
		code = ExitUsage
		for _, e := range p.Errors {
			prob := report.Problem{Package: p.PkgPath, Message: e.Msg}
			if file, line, ok := splitPos(e.Pos); ok {
				prob.File, prob.Line = c.r.rel(file), line
			}
			c.rep.Errors = append(c.rep.Errors, prob)
		}
	}
	return code
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
		}
	}
}

// graph collects every action of the analysis, then what only the whole
// program shows.
func (c *collector) graph(g *checker.Graph) {
	for act := range g.All() {
		c.action(act)
	}
	c.sites.fill(c.rep)
	c.schemas.fill(c.rep)
	if c.r.runs(queryinloop.Analyzer.Name) {
		c.interfaceCalls(g)
	}
}

// action collects one action's result, by its kind.
func (c *collector) action(act *checker.Action) {
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
	switch res := act.Result.(type) {
	case *check.Result:
		if c.r.checks[act.Analyzer] {
			c.findings(act, res)
		}
	case *queries.Result:
		c.querySites(act, res)
	case *routes.Result:
		c.routes.add(act, res, c.r.rel)
	case *catalog.Result:
		c.schemas.add(res, c.r.rel)
		c.live.addCatalog(res, c.r.root)
	case *config.Config:
		c.settings(res)
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
	for _, f := range res.Findings {
		c.rep.Findings = append(c.rep.Findings, c.r.finding(act.Analyzer.Name, act.Package, f))
		if c.r.o.fix {
			c.fixes.add(act, f.Diagnostic)
		}
	}
}

// querySites gathers the query sites of a package: their counts, and
// those whose SQL could not be resolved or parsed (see siteSet).
func (c *collector) querySites(act *checker.Action, res *queries.Result) {
	if res != nil {
		c.sites.add(act, res, c.r.rel)
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
