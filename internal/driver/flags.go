package driver

import (
	"errors"
	"flag"
	"fmt"
	"github.com/sqlheat/sqlheat/internal/gitdiff"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/internal/finding"
	"github.com/sqlheat/sqlheat/internal/report"
	"github.com/sqlheat/sqlheat/passes/config"
	"github.com/sqlheat/sqlheat/passes/ignores"
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
	verbose    bool
	unreached  bool
	fix        bool
	diff       bool

	baseline      string
	writeBaseline string
	newFromRev    string
	unusedIgnores bool
	linkBase      string
	list          bool
	explain       string

	dsn     string
	scratch bool
}

// runner is one run of the command.
type runner struct {
	o        options
	patterns []string
	failSev  finding.Severity
	// suite is the run's own copy of the foundation passes and the checks
	// (config.Suite), which the command line configures; checks are the
	// copies of the checks, whose findings are reported.
	suite  []*analysis.Analyzer
	checks map[*analysis.Analyzer]bool
	// dir is the absolute directory the run works in (-C); root the
	// module root above it, which report paths are relative to.
	dir, root      string
	repo           string // the repository root (holding .git) above root, if any
	stdout, stderr io.Writer
	// shown are the problems printed on stderr already, as they were
	// found, which the summary does not repeat.
	shown map[string]bool
	// patch is what -diff prints instead of the report.
	patch []byte
	// changes are the lines changed since -new-from-rev, read once.
	changes *gitdiff.Changes
}

// newRun parses the command line. done means the run is over (help,
// version, a usage error), with exit code code.
func newRun(args []string, stdout, stderr io.Writer, checks []*analysis.Analyzer) (r *runner, done bool, code int) {
	r = &runner{stdout: stdout, stderr: stderr, shown: map[string]bool{}}
	r.suite, r.checks = newSuite(checks)
	if len(args) > 0 && args[0] == "help" {
		return nil, true, r.help(args[1:]) // as go vet's help tells users to run it
	}
	fs, enable := r.flags()
	var version bool
	fs.BoolVar(&version, "V", false, "print the version and exit")
	fs.BoolVar(&version, "version", false, "print the version and exit")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, true, ExitClean
		}
		return nil, true, ExitUsage
	}
	switch {
	case version:
		fmt.Fprintf(stdout, "sqlheat version %s\n", toolVersion())
		return nil, true, ExitClean
	case r.o.list:
		r.list()
		return nil, true, ExitClean
	case r.o.explain != "":
		return nil, true, r.help([]string{r.o.explain})
	}
	if err := r.aliases(fs); err != nil {
		r.errorf("%v", err)
		return nil, true, ExitUsage
	}
	if err := r.selectChecks(enable); err != nil {
		r.errorf("%v", err)
		return nil, true, ExitUsage
	}
	if err := r.configure(); err != nil {
		r.errorf("%v", err)
		return nil, true, ExitUsage
	}
	if r.patterns = fs.Args(); len(r.patterns) == 0 {
		r.patterns = []string{"./..."}
	}
	return r, false, ExitClean
}

// flags declares the command's flags; those of the run's analyzers,
// spelled as under go vet (-queryinloop.const); and as under go vet, a
// flag -NAME for each check (see selectChecks), whose values it returns.
// The plain flags of the settings and go vet's spellings of them are one
// flag each (see aliases): -h lists the plain one.
func (r *runner) flags() (*flag.FlagSet, map[*analysis.Analyzer]*triState) {
	o := &r.o
	fs := flag.NewFlagSet("sqlheat", flag.ContinueOnError)
	fs.SetOutput(r.stderr)
	fs.StringVar(&o.dir, "C", "", "run as if started in `dir`")
	fs.StringVar(&o.tags, "tags", "", "comma-separated build tags")
	fs.BoolVar(&o.tests, "test", true, "analyze _test.go files too")
	fs.StringVar(&o.format, "format", "text", "output format: "+strings.Join(report.Formats, ", "))
	fs.StringVar(&o.failOn, "fail-on", "low", "exit 1 when a finding is at or above this severity (low, medium, high)")
	fs.StringVar(&o.schema, "schema", "", "comma-separated schema files, directories or globs")
	fs.StringVar(&o.traffic, "traffic", "", "traffic profile `file`")
	fs.StringVar(&o.trafficFmt, "traffic-format", "", "traffic profile format (sniffed when empty)")
	fs.Var((*config.Budget)(&o.budget), "budget", config.BudgetUsage)
	fs.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile to `file`")
	fs.StringVar(&o.memProfile, "memprofile", "", "write a heap profile to `file`")
	fs.BoolVar(&o.routes, "routes", false, "text format: also print the route inventory (routes, handlers, queries per request)")
	fs.BoolVar(&o.verbose, "v", false, "text format: also list the query sites whose SQL could not be resolved or parsed, with why, and the local modules analyzed with the module (or not, and why)")
	fs.BoolVar(&o.unreached, "unreached", false, "also report the findings in code no entry point reaches, as low, and list the routes it registers (counted in stats.unreached_findings and stats.unreached_routes otherwise)")
	fs.BoolVar(&o.fix, "fix", false, "apply the suggested fixes (selectstar's column lists) of the findings reported, after -baseline, -new-from-rev and suppressions")
	fs.BoolVar(&o.diff, "diff", false, "print the edits -fix would make, as a unified diff, instead of the report; write nothing")
	fs.StringVar(&o.baseline, "baseline", "", "hide the findings recorded in this baseline `file`")
	fs.StringVar(&o.writeBaseline, "write-baseline", "", "record the current findings in this baseline `file`")
	fs.StringVar(&o.newFromRev, "new-from-rev", "", "only report findings on lines changed since this git `revision`")
	fs.BoolVar(&o.unusedIgnores, "report-unused-ignores", false, "report //sqlheat:ignore comments that silence nothing")
	fs.StringVar(&o.linkBase, "link-base", "", "markdown and html: URL prefix for file links (e.g. https://github.com/org/repo/blob/SHA/)")
	fs.StringVar(&o.dsn, "dsn", "", "PostgreSQL `url` to confirm index advice with the planner, read-only (or $SQLHEAT_DSN, or dsn: in the settings)")
	fs.BoolVar(&o.scratch, "scratch", false, "with -dsn naming a server: check the advice on a temporary database built from the migrations, dropped after")
	fs.BoolVar(&o.list, "list", false, "list the checks and exit")
	fs.StringVar(&o.explain, "explain", "", "explain what `check` reports, why, and when it is silent, and exit (as sqlheat help check)")
	// The analyzers are this run's copies: setting their flags changes
	// nothing outside the run.
	enable := map[*analysis.Analyzer]*triState{}
	for _, a := range r.suite {
		if r.checks[a] {
			enable[a] = new(triState)
			fs.Var(enable[a], a.Name, fmt.Sprintf("run the %s check; -%s=false: every check but it (see -list)", a.Name, a.Name))
		}
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	fs.Usage = func() { r.usage(fs) }
	return fs, enable
}

// configure checks the flags and hands the plain ones to the run's
// settings pass and checks. As with the go command's -C, the run starts
// in -C's directory: every file a flag names is found from there.
func (r *runner) configure() error {
	var ok bool
	if r.failSev, ok = finding.ParseSeverity(r.o.failOn); !ok {
		return fmt.Errorf("-fail-on %q: want low, medium or high", r.o.failOn)
	}
	if !slices.Contains(report.Formats, r.o.format) {
		return fmt.Errorf("-format %q: want one of %s", r.o.format, strings.Join(report.Formats, ", "))
	}
	if r.o.scratch && r.o.dsn == "" && os.Getenv("SQLHEAT_DSN") == "" {
		return fmt.Errorf("-scratch needs -dsn (or $SQLHEAT_DSN): the server to create the temporary database on")
	}
	if err := r.chdir(); err != nil {
		return err
	}
	o := &r.o
	for _, path := range []*string{&o.traffic, &o.baseline, &o.writeBaseline, &o.cpuProfile, &o.memProfile} {
		*path = absPath(r.dir, *path)
	}
	o.schema = absList(r.dir, o.schema)
	set := map[string]map[string]string{
		config.Analyzer.Name: {"schema": o.schema, "traffic": o.traffic, "traffic-format": o.trafficFmt},
	}
	if o.budget > 0 {
		set[config.Analyzer.Name]["budget"] = fmt.Sprint(o.budget)
	}
	if o.unusedIgnores {
		set[ignores.Analyzer.Name] = map[string]string{"unused": "true"}
	}
	for _, a := range r.suite {
		if a.Name == config.Analyzer.Name {
			// The settings file the analyzer's own flag names.
			if f := a.Flags.Lookup("config"); f != nil && f.Value.String() != "" {
				set[a.Name]["config"] = absPath(r.dir, f.Value.String())
			}
		}
		for name, val := range set[a.Name] {
			if val == "" {
				continue
			}
			if err := a.Flags.Set(name, val); err != nil {
				return fmt.Errorf("-%s.%s: %w", a.Name, name, err)
			}
		}
	}
	return nil
}

// chdir sets the directory the run works in, -C's or the current one,
// and the module root above it.
func (r *runner) chdir() error {
	cwd, err := os.Getwd()
	if err != nil {
		return err
	}
	r.dir = cwd
	if d := r.o.dir; d != "" {
		fi, err := os.Stat(d)
		var pe *fs.PathError
		switch {
		case errors.As(err, &pe):
			return fmt.Errorf("-C %s: %w", d, pe.Err)
		case err != nil:
			return fmt.Errorf("-C %s: %w", d, err)
		case !fi.IsDir():
			return fmt.Errorf("-C %s: not a directory", d)
		}
		r.dir = absPath(cwd, d)
	}
	if r.root = config.FindUp(r.dir, "go.mod"); r.root == "" {
		r.root = r.dir
	}
	r.repo = config.FindUp(r.root, ".git")
	return nil
}

// rel makes a file's path relative to the module root, slash-separated:
// a file of a sibling module in the same repository (see localmods.go)
// gets one starting with "../"; a file outside the repository keeps its
// absolute path.
func (r *runner) rel(file string) string {
	p, err := filepath.Rel(r.root, file)
	if err != nil {
		return file
	}
	if !strings.HasPrefix(p, "..") {
		return filepath.ToSlash(p)
	}
	if r.repo == "" {
		return file
	}
	if q, err := filepath.Rel(r.repo, file); err != nil || strings.HasPrefix(q, "..") {
		return file
	}
	return filepath.ToSlash(p)
}

// absPath makes path absolute against base; "" stays "".
func absPath(base, path string) string {
	if path == "" || filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(base, path)
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

// profile starts the CPU profile -cpuprofile asks for and returns what
// stops it.
func (r *runner) profile() (stop func(), err error) {
	if r.o.cpuProfile == "" {
		return func() {}, nil
	}
	f, err := os.Create(r.o.cpuProfile)
	if err != nil {
		return nil, err
	}
	pprof.StartCPUProfile(f)
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// writeHeapProfile writes the heap profile -memprofile asks for.
func (r *runner) writeHeapProfile() {
	if r.o.memProfile == "" {
		return
	}
	if f, err := os.Create(r.o.memProfile); err == nil {
		pprof.WriteHeapProfile(f)
		f.Close()
	}
}

// errorf prints a problem of the run on stderr.
func (r *runner) errorf(format string, args ...any) {
	fmt.Fprintf(r.stderr, "sqlheat: "+format+"\n", args...)
}
