// Package driver is sqlheat's standalone command: it loads packages with
// go/packages, runs the suite with go/analysis/checker in one process (so
// facts cross packages in memory), and turns the diagnostics into a ranked
// report.
//
// go vet runs the same analyzers one package per process through
// unitchecker; the standalone driver exists for what a per-package runner
// cannot do: join findings with routes and a traffic profile, rank them,
// count what could not be resolved across the program, and write JSON,
// SARIF or Markdown.
package driver

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/sqlheat/sqlheat/analyzer"
	"github.com/sqlheat/sqlheat/internal/check"
	"github.com/sqlheat/sqlheat/internal/finding"
	"github.com/sqlheat/sqlheat/internal/guard"
	"github.com/sqlheat/sqlheat/internal/report"
	"github.com/sqlheat/sqlheat/passes/catalog"
	"github.com/sqlheat/sqlheat/passes/config"
	"github.com/sqlheat/sqlheat/passes/ignores"
	"github.com/sqlheat/sqlheat/passes/queries"
	"github.com/sqlheat/sqlheat/passes/queryinloop"
	"github.com/sqlheat/sqlheat/passes/routes"
)

// Version is the tool's version, set at link time for releases.
var Version = "devel"

// Exit codes, as DESIGN.md fixes them.
const (
	ExitClean    = 0 // no finding at or above -fail-on
	ExitFindings = 1 // findings at or above -fail-on
	ExitUsage    = 2 // bad flags, or packages that could not be loaded
	ExitInternal = 3 // a pass panicked (reported as an internal error)
)

// options are the standalone command's flags.
type options struct {
	dir        string
	tags       string
	tests      bool
	format     string
	failOn     string
	schema     string
	traffic    string
	trafficFmt string
	budget     int
	cpuProfile string
	memProfile string
	routes     bool
	fix        bool

	baseline      string
	writeBaseline string
	newFromRev    string
	unusedIgnores bool
	linkBase      string

	dsn     string
	scratch bool
}

// Main runs the standalone driver with args (without the program name) and
// returns the exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	return run(args, stdout, stderr, analyzer.Analyzers())
}

func run(args []string, stdout, stderr io.Writer, checks []*analysis.Analyzer) int {
	fs := flag.NewFlagSet("sqlheat", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	fs.StringVar(&o.dir, "C", "", "run as if started in `dir`")
	fs.StringVar(&o.tags, "tags", "", "comma-separated build tags")
	fs.BoolVar(&o.tests, "test", true, "analyze _test.go files too")
	fs.StringVar(&o.format, "format", "text", "output format: "+strings.Join(report.Formats, ", "))
	fs.StringVar(&o.failOn, "fail-on", "low", "exit 1 when a finding is at or above this severity (low, medium, high)")
	fs.StringVar(&o.schema, "schema", "", "comma-separated schema files, directories or globs")
	fs.StringVar(&o.traffic, "traffic", "", "traffic profile `file`")
	fs.StringVar(&o.trafficFmt, "traffic-format", "", "traffic profile format (sniffed when empty)")
	fs.IntVar(&o.budget, "budget", 0, "per-request query budget for handlerquery (default 10)")
	fs.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile to `file`")
	fs.StringVar(&o.memProfile, "memprofile", "", "write a heap profile to `file`")
	fs.BoolVar(&o.routes, "routes", false, "text format: also print the route inventory (routes, handlers, queries per request)")
	fs.BoolVar(&o.fix, "fix", false, "apply the suggested fixes (selectstar's column lists) to the source files")
	fs.StringVar(&o.baseline, "baseline", "", "hide the findings recorded in this baseline `file`")
	fs.StringVar(&o.writeBaseline, "write-baseline", "", "record the current findings in this baseline `file`")
	fs.StringVar(&o.newFromRev, "new-from-rev", "", "only report findings on lines changed since this git `revision`")
	fs.BoolVar(&o.unusedIgnores, "report-unused-ignores", false, "report //sqlheat:ignore comments that silence nothing")
	fs.StringVar(&o.linkBase, "link-base", "", "markdown: URL prefix for file links (e.g. https://github.com/org/repo/blob/SHA/)")
	fs.StringVar(&o.dsn, "dsn", "", "PostgreSQL `url` to confirm index advice with the planner, read-only (or $SQLHEAT_DSN, or dsn: in the settings)")
	fs.BoolVar(&o.scratch, "scratch", false, "with -dsn naming a server: check the advice on a temporary database built from the migrations, dropped after")
	version := fs.Bool("V", false, "print the version and exit")
	// Per-analyzer flags, spelled as under go vet: -selectstar.x=...
	all := append(append([]*analysis.Analyzer(nil), analyzer.Foundations()...), checks...)
	for _, a := range all {
		a.Flags.VisitAll(func(f *flag.Flag) {
			// Analyzer flags are package state: start every run from the
			// defaults, so one run's flags never leak into the next
			// (tests, or a program calling Main twice).
			f.Value.Set(f.DefValue)
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: sqlheat [flags] [packages]\n\nsqlheat audits the SQL a Go service issues. Checks:\n\n%s\nFlags:\n", analyzer.Usage())
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitClean
		}
		return ExitUsage
	}
	if *version {
		fmt.Fprintf(stdout, "sqlheat version %s\n", Version)
		return ExitClean
	}
	failOn, ok := finding.ParseSeverity(o.failOn)
	if !ok {
		fmt.Fprintf(stderr, "sqlheat: -fail-on %q: want low, medium or high\n", o.failOn)
		return ExitUsage
	}
	if !slices.Contains(report.Formats, o.format) {
		fmt.Fprintf(stderr, "sqlheat: -format %q: want one of %s\n", o.format, strings.Join(report.Formats, ", "))
		return ExitUsage
	}
	if o.scratch && o.dsn == "" && os.Getenv("SQLHEAT_DSN") == "" {
		fmt.Fprintln(stderr, "sqlheat: -scratch needs -dsn (or $SQLHEAT_DSN): the server to create the temporary database on")
		return ExitUsage
	}
	if o.unusedIgnores {
		ignores.Analyzer.Flags.Set("unused", "true")
	}
	// The plain flags are the config pass's, set once before any pass runs;
	// paths are relative to where the user started us.
	cwd, _ := os.Getwd()
	if f := config.Flags().Lookup("config"); f.Value.String() != "" {
		f.Value.Set(absList(cwd, f.Value.String()))
	}
	for name, val := range map[string]string{"schema": absList(cwd, o.schema), "traffic": absList(cwd, o.traffic), "traffic-format": o.trafficFmt} {
		if val != "" {
			config.Flags().Set(name, val)
		}
	}
	if o.budget > 0 {
		config.Flags().Set("budget", fmt.Sprint(o.budget))
	}
	if o.cpuProfile != "" {
		f, err := os.Create(o.cpuProfile)
		if err != nil {
			fmt.Fprintf(stderr, "sqlheat: %v\n", err)
			return ExitUsage
		}
		pprof.StartCPUProfile(f)
		defer func() { pprof.StopCPUProfile(); f.Close() }()
	}
	patterns := fs.Args()
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}

	rep, code := analyze(o, patterns, checks, stderr)
	if rep == nil {
		return code
	}
	if o.memProfile != "" {
		if f, err := os.Create(o.memProfile); err == nil {
			pprof.WriteHeapProfile(f)
			f.Close()
		}
	}
	var err error
	opts := report.Options{PathPrefix: repoPrefix(moduleRoot(o.dir)), LinkBase: o.linkBase}
	for _, a := range checks {
		r := report.NewRule(a.Name, a.Doc, a.URL)
		if c, ok := analyzer.Lookup(a.Name); ok {
			r = c.Rule()
		}
		opts.Rules = append(opts.Rules, r)
	}
	switch o.format {
	case "text":
		err = report.Write(stdout, rep, o.format, opts)
		if err == nil && o.routes {
			err = writeRoutes(stdout, rep)
		}
		for _, p := range rep.Errors {
			fmt.Fprintf(stderr, "sqlheat: %s\n", p)
		}
		s := rep.Stats
		if s.Unresolved+s.Unparsed > 0 {
			fmt.Fprintf(stderr, "sqlheat: %d query sites in %d packages; %d with SQL that could not be resolved, %d that did not parse (see -format json)\n",
				s.QuerySites, s.Packages, s.Unresolved, s.Unparsed)
		}
		if s.BaselineHidden+s.BaselineStale+s.OldHidden > 0 {
			fmt.Fprintf(stderr, "sqlheat: hidden: %d by the baseline (%d stale entries), %d on unchanged lines\n", s.BaselineHidden, s.BaselineStale, s.OldHidden)
		}
	default:
		err = report.Write(stdout, rep, o.format, opts)
	}
	if err != nil {
		fmt.Fprintf(stderr, "sqlheat: %v\n", err)
		return ExitInternal
	}
	if code != ExitClean {
		return code
	}
	for _, f := range rep.Findings {
		if sev, _ := finding.ParseSeverity(f.Severity); sev >= failOn {
			return ExitFindings
		}
	}
	return ExitClean
}

// analyze loads the packages, runs the checks and builds the report. A nil
// report means nothing could be analyzed.
func analyze(o options, patterns []string, checks []*analysis.Analyzer, stderr io.Writer) (*report.Report, int) {
	dir := o.dir
	if dir == "" {
		dir, _ = os.Getwd()
	}
	dir, _ = filepath.Abs(dir)
	cfg := &packages.Config{Dir: dir, Tests: o.tests}
	if o.tags != "" {
		cfg.BuildFlags = []string{"-tags=" + o.tags}
	}
	ld, err := load(cfg, patterns)
	if err != nil {
		fmt.Fprintf(stderr, "sqlheat: %v\n", err)
		return nil, ExitUsage
	}
	pkgs := ld.pkgs
	if msg := newerGo(pkgs); msg != "" {
		fmt.Fprintf(stderr, "sqlheat: %s\n", msg)
		return nil, ExitUsage
	}
	code := ExitClean
	root := config.FindUp(dir, "go.mod")
	if root == "" {
		root = dir
	}
	rel := func(file string) string {
		if r, err := filepath.Rel(root, file); err == nil && !strings.HasPrefix(r, "..") {
			return filepath.ToSlash(r)
		}
		return file
	}
	settingsErrs, settingsWarns := checkSettings(ld, rel)
	for _, p := range settingsErrs {
		fmt.Fprintf(stderr, "sqlheat: %s\n", p)
	}
	if len(settingsErrs) > 0 {
		return nil, ExitUsage
	}
	rep := &report.Report{Version: report.Version, Tool: report.Tool{Name: "sqlheat", Version: Version}}
	rep.Errors = append(rep.Errors, settingsWarns...)
	// Packages that did not load or type-check are reported with their
	// errors; the checker skips them and analyzes the rest.
	var ok []*packages.Package
	for _, p := range pkgs {
		if len(p.Errors) == 0 {
			ok = append(ok, p)
			continue
		}
		if !ld.isRequested(p) {
			continue // a module package nobody asked about: its dependents will say
		}
		rep.Stats.PackageErrors++
		code = ExitUsage
		for _, e := range p.Errors {
			prob := report.Problem{Package: p.PkgPath, Message: e.Msg}
			if file, line, ok := splitPos(e.Pos); ok {
				prob.File, prob.Line = rel(file), line
			}
			rep.Errors = append(rep.Errors, prob)
		}
		// Keep going with what type-checked: a package with type errors
		// still has syntax and partial types, but analyzers would see
		// half-resolved code, so it is skipped as go vet skips it.
	}
	if len(ok) == 0 {
		return rep, code
	}
	// One process holds the whole program: let the foundation pass record
	// interface calls for resolution across packages.
	queries.WholeProgram = true
	roots := append(append([]*analysis.Analyzer(nil), analyzer.Foundations()...), checks...)
	graph, err := checker.Analyze(roots, ok, &checker.Options{})
	if err != nil {
		fmt.Fprintf(stderr, "sqlheat: %v\n", err)
		return nil, ExitInternal
	}
	counted := map[string]bool{} // a package and its test variants count once
	for _, p := range ok {
		path := strings.TrimSuffix(p.PkgPath, "_test")
		if ld.isRequested(p) && !counted[path] && !strings.HasSuffix(p.PkgPath, ".test") {
			counted[path] = true
			rep.Stats.Packages++
		}
	}
	isCheck := map[*analysis.Analyzer]bool{}
	for _, a := range checks {
		isCheck[a] = true
	}
	var trafficPath, trafficFormat string // from the settings; -traffic wins
	schemas, fixes := newSchemaStats(), newFixSet()
	routeSet := newRouteSet()
	live := new(liveSettings)
	seenSite := map[string]bool{}
	var sites queries.Stats
	for act := range graph.All() {
		if !act.IsRoot {
			// Non-root actions run on dependencies for their facts; only
			// their internal errors matter here.
			for _, d := range act.Diagnostics {
				if d.Category == guard.Category {
					rep.Errors = append(rep.Errors, report.Problem{Package: act.Package.PkgPath, Message: d.Message})
					rep.Stats.InternalErrors++
				}
			}
			continue
		}
		if !ld.isRequested(act.Package) {
			continue // loaded for its facts only
		}
		if act.Err != nil {
			rep.Errors = append(rep.Errors, report.Problem{Package: act.Package.PkgPath, Message: fmt.Sprintf("%s: %v", act.Analyzer.Name, act.Err)})
			continue
		}
		switch act.Analyzer {
		case queries.Analyzer:
			if res, _ := act.Result.(*queries.Result); res != nil {
				// A package and its test variant share files: count
				// each site once.
				for _, s := range res.Sites {
					if k := act.Package.Fset.Position(s.Call.Pos()).String(); !seenSite[k] {
						seenSite[k] = true
						sites.Add(s)
					}
				}
			}
		case routes.Analyzer:
			res, _ := act.Result.(*routes.Result)
			routeSet.add(act, res, rel)
		case catalog.Analyzer:
			schemas.add(act.Result, rel)
			live.addCatalog(act.Result, root)
		case config.Analyzer:
			c, _ := act.Result.(*config.Config)
			live.addConfig(c)
			if c != nil && c.Traffic != "" && trafficPath == "" {
				trafficPath, trafficFormat = c.Traffic, c.TrafficFormat
			}
		}
		for _, d := range act.Diagnostics {
			if d.Category == guard.Category {
				rep.Errors = append(rep.Errors, report.Problem{Package: act.Package.PkgPath, Message: d.Message})
				rep.Stats.InternalErrors++
			}
		}
		if res, _ := act.Result.(*check.Result); res != nil && isCheck[act.Analyzer] {
			for _, f := range res.Findings {
				rep.Findings = append(rep.Findings, makeFinding(act.Analyzer.Name, act.Package, f, rel))
				if o.fix {
					fixes.add(act, f.Diagnostic)
				}
			}
		}
	}
	schemas.fill(rep)
	if o.fix && fixes.fixes > 0 {
		edits, files, err := fixes.apply()
		if err != nil {
			rep.Errors = append(rep.Errors, report.Problem{Message: "-fix: " + err.Error()})
		}
		fmt.Fprintf(stderr, "sqlheat: -fix: %d edits in %d files\n", edits, files)
	}
	rep.Stats.QuerySites, rep.Stats.Unresolved = sites.Sites, sites.Unresolved
	rep.Stats.Unparsed, rep.Stats.ORM = sites.Unparsed, sites.ORM
	if rep.Stats.InternalErrors > 0 {
		code = ExitInternal
	}
	if isCheck[queryinloop.Analyzer] {
		found, used := interfaceFindings(graph, ld, rel)
		rep.Findings = append(rep.Findings, found...)
		retractUnused(rep, used)
	}
	dedupe(rep)
	if err := narrow(rep, o, root, stderr); err != nil {
		fmt.Fprintf(stderr, "sqlheat: %v\n", err)
		return nil, ExitUsage
	}
	// Before routes are linked: retracted findings leave the list.
	pgss, err := liveEvidence(rep, o, live, rel, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "sqlheat: %v\n", err)
		return nil, ExitUsage
	}
	routeSet.link(rep)
	if trafficPath == "" {
		trafficPath, trafficFormat = o.traffic, o.trafficFmt
	}
	prof, err := loadTraffic(trafficPath, trafficFormat, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "sqlheat: %v\n", err)
		return nil, ExitUsage
	}
	rankFindings(rep, prof, pgss, stderr)
	rep.GroupIndexes()
	if rep.Traffic != nil {
		rep.Traffic.File = rel(rep.Traffic.File)
	}
	sort.SliceStable(rep.Errors, func(i, j int) bool { return rep.Errors[i].String() < rep.Errors[j].String() })
	return rep, code
}

// absList makes each path of a comma-separated list absolute against base.
func absList(base, list string) string {
	if list == "" {
		return ""
	}
	parts := strings.Split(list, ",")
	for i, p := range parts {
		if p = strings.TrimSpace(p); p != "" && !filepath.IsAbs(p) {
			parts[i] = filepath.Join(base, p)
		}
	}
	return strings.Join(parts, ",")
}

// makeFinding turns a finding of the check called name in pkg into the
// report's form: paths relative to the root, the severity the check
// declares.
func makeFinding(name string, pkg *packages.Package, f *check.Finding, rel func(string) string) report.Finding {
	fset := pkg.Fset
	pos := fset.Position(f.Pos)
	out := report.Finding{
		Check:        name,
		Severity:     analyzer.Severity(name, f.Category, f.Confidence).String(),
		File:         rel(pos.Filename),
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
	for _, r := range f.Related {
		p := fset.Position(r.Pos)
		out.Related = append(out.Related, report.Location{File: rel(p.Filename), Line: p.Line, Column: max(p.Column, 1), Message: r.Message})
	}
	for _, s := range f.Sites {
		p := fset.Position(s)
		out.Sites = append(out.Sites, report.Site{File: rel(p.Filename), Line: p.Line})
	}
	return out
}

// dedupe drops findings repeated by test variants of a package: with tests
// on, go/packages returns a package and its test variant, which share files.
func dedupe(rep *report.Report) {
	seen := map[string]bool{}
	out := rep.Findings[:0]
	for _, f := range rep.Findings {
		k := fmt.Sprintf("%s:%d:%d:%s:%s", f.File, f.Line, f.Column, f.Check, f.Message)
		if !seen[k] {
			seen[k] = true
			out = append(out, f)
		}
	}
	rep.Findings = out
}

// splitPos splits go/packages' "file:line:col" (or "file:line") error
// positions.
func splitPos(pos string) (string, int, bool) {
	rest, last, ok := cutLast(pos)
	if !ok {
		return "", 0, false
	}
	if file, line, ok := cutLast(rest); ok {
		return file, line, true // file:line:col
	}
	return rest, last, true // file:line
}

// cutLast splits "x:N" into x and N.
func cutLast(s string) (string, int, bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return "", 0, false
	}
	n, err := strconv.Atoi(s[i+1:])
	if err != nil {
		return "", 0, false
	}
	return s[:i], n, true
}
