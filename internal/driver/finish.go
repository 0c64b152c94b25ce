package driver

import (
	"fmt"
	"path/filepath"
	"slices"
	"sort"

	"golang.org/x/tools/go/packages"

	"github.com/sqlheat/sqlheat/internal/baseline"
	"github.com/sqlheat/sqlheat/internal/gitdiff"
	"github.com/sqlheat/sqlheat/internal/rank"
	"github.com/sqlheat/sqlheat/internal/report"
	"github.com/sqlheat/sqlheat/internal/sqlparse"
	"github.com/sqlheat/sqlheat/internal/suppress"
	"github.com/sqlheat/sqlheat/internal/traffic"
	"github.com/sqlheat/sqlheat/passes/ignores"
)

// finish turns the collected findings into the report's ranked list, in
// order: the driver's own findings pass the suppression filter; repeats
// go; what pre-merge CI asks to hide is hidden, and what a live database
// retracts leaves, so that ranks and route indexes count only what is
// shown; -fix fixes what is left, which then leaves too; findings are
// linked to the routes that reach them, and ranked. An error (a bad
// baseline, profile or database) ends the run with a usage error.
func (r *runner) finish(c *collector) error {
	rep := c.rep
	r.suppress(c)
	dedupe(rep)
	if err := r.hideUnreached(c); err != nil {
		return err
	}
	c.statements.fullSQL(rep)
	found := slices.Clone(rep.Findings) // for -write-baseline: before anything hides one
	if err := r.narrow(rep); err != nil {
		return err
	}
	pgss, err := liveEvidence(rep, r.o, c.live, r.rel, r.stderr)
	if err != nil {
		return err
	}
	fixed := r.fix(c)
	if err := r.writeBaseline(found, fixed); err != nil {
		return err
	}
	c.routes.link(rep)
	if err := r.rank(c, pgss); err != nil {
		return err
	}
	sort.SliceStable(rep.Errors, func(i, j int) bool { return rep.Errors[i].String() < rep.Errors[j].String() })
	return nil
}

// fix makes the suggested fixes of the findings the report has now, for
// -fix, or works them out as a patch for -diff (r.patch); the findings
// fixed leave the report, and their keys are returned. -diff writes
// nothing, and leaves the report as -fix would.
func (r *runner) fix(c *collector) map[string]bool {
	if !r.o.fix && !r.o.diff {
		return nil
	}
	keys := make([]string, len(c.rep.Findings))
	for i, f := range c.rep.Findings {
		keys[i] = findingKey(f)
	}
	flag := "-fix"
	if r.o.diff {
		flag = "-diff"
	}
	problem := func(err error) {
		c.rep.Errors = append(c.rep.Errors, report.Problem{Message: flag + ": " + err.Error()})
	}
	res, err := c.fixes.apply(keys, r.rel)
	if err != nil {
		problem(err) // fixes left out; res has the others
	}
	if res == nil {
		return nil // a file could not be read: nothing fixed
	}
	if !r.o.diff {
		if err := res.write(); err != nil {
			problem(err)
			return nil // what was written is unknown: keep every finding
		}
	}
	if r.o.diff {
		r.patch = res.diff(r.rel)
	}
	r.errorf("%s: %s in %s", flag, plural(res.edits, "edit"), plural(len(res.files), "file"))
	c.rep.Findings = slices.DeleteFunc(c.rep.Findings, func(f report.Finding) bool { return res.findings[findingKey(f)] })
	c.rep.Stats.Fixed = len(res.findings)
	return res.findings
}

// suppress passes the findings the driver made itself through the
// suppression filter of their package — the test the checks' findings
// passed in their passes (check.Finding.Silenced) — and reports the
// survivors. A comment that silenced one was called unused by the
// ignores pass, which could not know: that finding is taken back.
func (r *runner) suppress(c *collector) {
	filters := map[*packages.Package]*suppress.Filter{}
	used := map[string]bool{} // "file:line:col" of the comments that silenced one
	for _, m := range c.made {
		flt := filters[m.pkg]
		if flt == nil {
			flt = suppress.NewFilter(m.pkg.Fset, m.pkg.Syntax, nil)
			filters[m.pkg] = flt
		}
		if m.f.Silenced(flt, m.check) {
			continue
		}
		if m.bound {
			// After the filter: a comment that silences it is used.
			c.rep.Stats.StartBoundFindings++
			continue
		}
		f := r.finding(m.check, m.pkg, &m.f)
		markRole(&f, m.role, m.by)
		markLow(&f, m.low)
		if m.dead {
			c.dead[findingKey(f)] = true
		}
		c.rep.Findings = append(c.rep.Findings, f)
	}
	for pkg, flt := range filters {
		for _, p := range flt.Used() {
			used[posKey(pkg.Fset.Position(p), r.rel)] = true
		}
	}
	c.rep.Findings = slices.DeleteFunc(c.rep.Findings, func(f report.Finding) bool {
		return f.Check == ignores.Analyzer.Name && f.Kind == "unused" && used[fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Column)]
	})
}

// hideUnreached counts the findings in code no entry point reaches
// (whole.unreached), and leaves them out of the report unless -unreached
// asks for them: a loop nobody runs costs nothing until someone calls it,
// and among the findings that cost it is noise. They leave before
// anything is ranked, fixed or written to a baseline, as if not found.
// Under -new-from-rev, those on changed lines stay (low, saying nothing
// reaches them): a pull request often adds a store method before the
// handler that calls it, and once the method's lines are old no later
// change would show its N+1.
func (r *runner) hideUnreached(c *collector) error {
	if r.o.unreached {
		return nil // shown, low, and said
	}
	changes, err := r.changed()
	if err != nil {
		return err
	}
	c.rep.Findings = slices.DeleteFunc(c.rep.Findings, func(f report.Finding) bool {
		if !c.dead[findingKey(f)] {
			return false
		}
		if changes != nil && changes.Changed(filepath.Join(r.root, filepath.FromSlash(f.File)), f.Line) {
			return false
		}
		c.rep.Stats.UnreachedFindings++
		return true
	})
	return nil
}

// changed reads the lines changed since -new-from-rev once; nil without
// the flag.
func (r *runner) changed() (*gitdiff.Changes, error) {
	if r.o.newFromRev == "" || r.changes != nil {
		return r.changes, nil
	}
	changes, err := gitdiff.Since(r.root, r.o.newFromRev)
	if err != nil {
		return nil, fmt.Errorf("-new-from-rev: %w", err)
	}
	r.changes = changes
	return changes, nil
}

// dedupe drops findings repeated by test variants of a package: with tests
// on, go/packages returns a package and its test variant, which share files.
func dedupe(rep *report.Report) {
	seen := map[string]bool{}
	out := rep.Findings[:0]
	for _, f := range rep.Findings {
		if k := findingKey(f); !seen[k] {
			seen[k] = true
			out = append(out, f)
		}
	}
	rep.Findings = out
}

// narrow applies what pre-merge CI asks for: -baseline hides the
// recorded findings, -new-from-rev keeps only findings on lines changed
// since a revision — read before -fix edits any line.
func (r *runner) narrow(rep *report.Report) error {
	o := r.o
	if o.baseline != "" {
		b, err := baseline.Read(o.baseline)
		if err != nil {
			return fmt.Errorf("-baseline: %w", err)
		}
		rep.Stats.BaselineHidden, rep.Stats.BaselineStale = baseline.Filter(rep, b)
	}
	if o.newFromRev != "" {
		changes, err := r.changed()
		if err != nil {
			return err
		}
		rep.Findings = slices.DeleteFunc(rep.Findings, func(f report.Finding) bool {
			old := !changes.Changed(filepath.Join(r.root, filepath.FromSlash(f.File)), f.Line)
			if old {
				rep.Stats.OldHidden++
			}
			return old
		})
	}
	return nil
}

// writeBaseline records for -write-baseline the findings the run found,
// before the baseline or -new-from-rev hid any, except those -fix fixed.
func (r *runner) writeBaseline(found []report.Finding, fixed map[string]bool) error {
	path := r.o.writeBaseline
	if path == "" {
		return nil
	}
	found = slices.DeleteFunc(found, func(f report.Finding) bool { return fixed[findingKey(f)] })
	if err := baseline.Write(path, &report.Report{Findings: found}); err != nil {
		return fmt.Errorf("-write-baseline: %w", err)
	}
	r.errorf("wrote %d findings to the baseline %s", len(found), r.rel(path))
	return nil
}

// rank scores and ranks the findings (internal/rank): by the routes'
// traffic when a profile is given (-traffic, else the settings'), by
// measured database time for a pg_stat_statements export or, without a
// profile that measures statements, for pg_stat_statements read from the
// live database (live), by severity and loop nesting otherwise. A
// malformed profile is an error naming its file and line; warnings go to
// stderr and the run goes on.
func (r *runner) rank(c *collector, live []traffic.Statement) error {
	rep := c.rep
	path, format := c.traffic, c.trafficFormat
	if path == "" {
		path, format = r.o.traffic, r.o.trafficFmt
	}
	var prof *traffic.Profile
	if path != "" {
		var err error
		if prof, err = traffic.Load(path, format, traffic.Options{Name: r.rel(path)}); err != nil {
			return err
		}
		for _, w := range prof.Warnings {
			r.errorf("%s", w) // each names the file
		}
	}
	var costs map[string]traffic.StatementCost
	if prof != nil {
		costs = r.fillRates(rep, prof)
		if rep.Traffic == nil {
			prof = nil // empty, or no route of it is one of the code's: nothing to rank by
		}
	}
	if costs == nil && len(live) > 0 {
		p := &traffic.Profile{Name: livePGSS, Format: traffic.FormatPGSS, Statements: live}
		var matched int
		costs, matched = r.dbCosts(rep, p, "pg_stat_statements of the live database")
		if matched > 0 && rep.Traffic == nil {
			rep.Traffic = &report.Traffic{File: livePGSS, Format: string(traffic.FormatPGSS)}
		}
	}
	rank.Score(rep, prof, costs)
	rep.GroupIndexes()
	return nil
}

// livePGSS names pg_stat_statements read from the live database where
// the report names a traffic profile's file.
const livePGSS = "pg_stat_statements (live)"

// fillRates gives the routes their rates from prof, and returns the
// database cost of each statement fingerprint for a pg_stat_statements
// export; what does not match is said on stderr.
func (r *runner) fillRates(rep *report.Report, prof *traffic.Profile) map[string]traffic.StatementCost {
	switch unmatched := rank.FillRates(rep, prof); {
	case len(unmatched) > 0 && rep.Traffic == nil:
		r.errorf("%s: no route of the profile is a route found in the code (first: %s): findings are ranked without traffic", prof.Name, unmatched[0])
	case len(unmatched) > 0:
		r.errorf("%s: routes of the profile that are no route found in the code: %d (first: %s)", prof.Name, len(unmatched), unmatched[0])
	}
	if prof.Format != traffic.FormatPGSS {
		return nil
	}
	costs, _ := r.dbCosts(rep, prof, "the pg_stat_statements export")
	return costs
}

// dbCosts joins pg_stat_statements rows (of p, named what on stderr) to
// the findings by fingerprint, saying on stderr what did not join;
// matched counts the findings that have a cost.
func (r *runner) dbCosts(rep *report.Report, p *traffic.Profile, what string) (costs map[string]traffic.StatementCost, matched int) {
	costs, unparsed := p.ByFingerprint(sqlparse.Fingerprint)
	for _, f := range rep.Findings {
		if _, ok := costs[f.Fingerprint]; ok && f.Fingerprint != "" {
			matched++
		}
	}
	if unparsed > 0 {
		r.errorf("%d statements of %s did not parse", unparsed, what)
	}
	if matched == 0 && len(rep.Findings) > 0 {
		r.errorf("no finding's statement appears in %s; ranking without it", what)
	}
	return costs, matched
}
