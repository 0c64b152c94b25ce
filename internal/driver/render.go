package driver

import (
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/sqlheat/sqlheat/analyzer"
	"github.com/sqlheat/sqlheat/internal/report"
	"github.com/sqlheat/sqlheat/passes/queries"
)

// render writes the report in the format -format names, and in the text
// format the problems and counts the run survived on stderr.
func (r *runner) render(rep *report.Report) int {
	if r.o.diff {
		r.summary(rep)
		if _, err := r.stdout.Write(r.patch); err != nil {
			r.errorf("%v", err)
			return ExitInternal
		}
		return ExitClean
	}
	opts := report.Options{PathPrefix: repoPrefix(r.root), LinkBase: r.o.linkBase, Root: r.root}
	for _, a := range r.suite {
		if !r.checks[a] {
			continue
		}
		rule := report.NewRule(a.Name, a.Doc, a.URL) // an analyzer from outside the suite
		if c, ok := analyzer.Lookup(a.Name); ok {
			rule = c.Rule()
		}
		opts.Rules = append(opts.Rules, rule)
	}
	err := report.Write(r.stdout, rep, r.o.format, opts)
	if r.o.format == "text" {
		if err == nil && r.o.routes {
			err = writeRoutes(r.stdout, rep)
		}
		if err == nil && r.o.verbose {
			err = writeSites(r.stdout, rep)
		}
		r.summary(rep)
	}
	if err != nil {
		r.errorf("%v", err)
		return ExitInternal
	}
	return ExitClean
}

// summary says on stderr what the text format leaves out: the problems
// the run survived, what could not be resolved, what was hidden.
func (r *runner) summary(rep *report.Report) {
	for _, p := range rep.Errors {
		if !r.shown[p.String()] {
			r.errorf("%s", p)
		}
	}
	s := rep.Stats
	if n := len(rep.SchemaSkippedFiles); n > 0 {
		// One note for them all: each is another database's copy of a
		// migration sqlheat read, not a problem of its own.
		twins := "its PostgreSQL twin was"
		if n > 1 {
			twins = "their PostgreSQL twins were"
		}
		files := rep.SchemaSkippedFiles
		more := ""
		if len(files) > 3 {
			files, more = files[:3], ", ..."
		}
		r.errorf("schema: %s written for another database not read (%s): %s%s", plural(n, "migration file"), twins, strings.Join(files, ", "), more)
	}
	if s.Unresolved+s.Unparsed > 0 && !r.o.verbose {
		r.errorf("%d query sites in %d packages; %d with SQL that could not be resolved, %d that did not parse (-v lists them; -format json has them as unresolved and unparsed)",
			s.QuerySites, s.Packages, s.Unresolved, s.Unparsed)
	}
	if r.o.verbose {
		r.localSummary(rep)
	}
	for _, lib := range slices.Sorted(maps.Keys(s.UnreadLibraries)) {
		n, verb := s.UnreadLibraries[lib], "imports"
		if n > 1 {
			verb = "import"
		}
		r.errorf("%s %s %s, a SQL library sqlheat does not read: the queries sent through it are not analyzed", plural(n, "package"), verb, lib)
	}
	if n := s.UnreachedFindings; n > 0 {
		r.errorf("%s in code no entry point reaches not shown; -unreached shows them", plural(n, "finding"))
	}
	if n := s.UnreachedRoutes; n > 0 {
		r.errorf("%s registered by code no entry point reaches (or only tests) not listed; -unreached lists them", plural(n, "route"))
	}
	if n := s.CacheFillFindings; n > 0 && r.o.verbose {
		r.errorf("%s in loops not shown: every query they run fills a cache (on a miss only, once per value or once per process) or mends a failed attempt before the same call is tried again", plural(n, "call"))
	}
	if n := s.StartBoundFindings; n > 0 && r.o.verbose {
		r.errorf("%s not shown: though a route or a job runs it, the loop runs as often as start-up says — over a list only start-up fills (configured backends, registered plugins) or in code only a sync.Once runs", plural(n, "finding"))
	}
	if n := s.ErrorPathFindings; n > 0 && r.o.verbose {
		r.errorf("%s in loops not shown: what they run, they run only when a call before them failed (if err != nil { ... }), for the failed items only", plural(n, "call"))
	}
	if n := s.ChangedOnlyFindings; n > 0 && r.o.verbose {
		r.errorf("%s in loops not shown: what they run, they run only for a value that differs from its source (if a.X != b.X { b.X = a.X; changed = true }), for what changed only", plural(n, "call"))
	}
	if n := s.DeadBranchFindings; n > 0 && r.o.verbose {
		r.errorf("%s in loops not shown: what they run is only in branches no implementation in the module lets run (a guard on a result every implementation returns as one constant)", plural(n, "call"))
	}
	if n := s.ExcessLoopFindings; n > 0 && r.o.verbose {
		r.errorf("%s in loops not shown: the loop runs over the excess of a list past a limit each insert keeps (if len(s) >= limit { for i := limit - 1; i < len(s); i++ { ... } }), one item amortized", plural(n, "call"))
	}
	if e := s.ExcludedByTags; e != nil {
		r.errorf("%s", e.Hint())
	}
	if s.BaselineHidden+s.BaselineStale+s.OldHidden > 0 {
		r.errorf("hidden: %d by the baseline (%d stale entries), %d on unchanged lines", s.BaselineHidden, s.BaselineStale, s.OldHidden)
	}
}

// localSummary says, for -v, which packages of local modules were
// analyzed with the main module's, and which local modules were not.
func (r *runner) localSummary(rep *report.Report) {
	for _, m := range rep.LocalModules {
		if m.Skipped != "" {
			r.errorf("local module %s (%s; %s) not analyzed: %s; name its packages to analyze them", m.Path, m.Dir, m.Why, m.Skipped)
			continue
		}
		r.errorf("local module %s (%s; %s): %s the program imports analyzed as the module's own: %s",
			m.Path, m.Dir, m.Why, plural(len(m.Packages), "package"), strings.Join(m.Packages, ", "))
	}
}

// writeRoutes prints the route inventory for -routes, one route a line:
// where it is registered, the route, its handler chain and its cost.
func writeRoutes(w io.Writer, rep *report.Report) error {
	if _, err := fmt.Fprintf(w, "%d routes:\n", len(rep.Routes)); err != nil {
		return err
	}
	for _, r := range rep.Routes {
		route := r.Pattern
		if r.Method != "ANY" {
			route = r.Method + " " + r.Pattern
		}
		q := r.QueriesPerRequest
		cost := fmt.Sprintf("%d %s per request", q.Min, map[bool]string{true: "query", false: "queries"}[q.Min == 1])
		if q.Loop {
			cost += fmt.Sprintf(" + %d per item", max(q.PerItem, 1))
		}
		if _, err := fmt.Fprintf(w, "%s:%d: %s -> %s: %s\n", r.File, r.Line, route, r.Handler, cost); err != nil {
			return err
		}
		if r.Via != "" {
			if _, err := fmt.Fprintf(w, "    via %s\n", r.Via); err != nil {
				return err
			}
		}
		// What a request runs, through every call (routes[].queries).
		for _, q := range r.Queries {
			from := ""
			if q.From != "handler" {
				from = " in " + q.From
			}
			if len(q.Via) > 0 && strings.HasPrefix(q.Via[0], "chan ") {
				// Run by the receiver of a channel the request sends on.
				from += " by the receiver of " + q.Via[0]
			}
			if q.Remote != "" {
				from += " over gRPC " + q.Remote // by the program serving it
			}
			sql := q.SQL
			if sql == "" {
				sql = "(SQL not resolved)"
			}
			if _, err := fmt.Fprintf(w, "    %s:%d: %s%s: %s\n", q.File, q.Line, q.PerRequest, from, queries.Abbreviate(sql, 100)); err != nil {
				return err
			}
		}
	}
	if n := rep.Stats.PathGuarded; n > 0 {
		// Said, not dropped: what the lists leave out, and why.
		if _, err := fmt.Fprintf(w, "%s not listed on the routes a test of the request's path or method rules them out for (stats.path_guarded)\n", plural(n, "query site")); err != nil {
			return err
		}
	}
	return nil
}

// repoPrefix is the module directory relative to the repository root, for
// SARIF and annotations, which GitHub resolves from the repository root.
func repoPrefix(root string) string {
	top, err := gitTop(root)
	if err != nil {
		return ""
	}
	rel, err := filepath.Rel(top, root)
	if err != nil || rel == "." {
		return ""
	}
	return filepath.ToSlash(rel) + "/"
}

func gitTop(dir string) (string, error) {
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", os.ErrNotExist
		}
	}
}
