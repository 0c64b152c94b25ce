package driver

import (
	"flag"
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/analyzer"
)

// What the command says about itself: -h (usage), help and help <check>
// (go vet's -h tells users to run "sqlheat help"), -list and -explain (as
// staticcheck has them). All of it is derived from what the checks
// declare (package analyzer), so that it cannot drift from what they do.

// usage prints -h: the checks, then the flags — each setting once, under
// its plain name (see aliases).
func (r *runner) usage(fs *flag.FlagSet) {
	fmt.Fprintf(r.stderr, "usage: sqlheat [flags] [packages]\n       sqlheat help [check]\n\nsqlheat audits the SQL a Go service issues. Checks:\n\n")
	for _, c := range r.checkList() {
		fmt.Fprintf(r.stderr, "  %-13s %s\n", c.Analyzer.Name, c.Summary())
		if sev := c.Categories.Summary(); sev != "" {
			fmt.Fprintf(r.stderr, "  %13s severity: %s\n", "", sev)
		}
	}
	shown := flag.NewFlagSet("sqlheat", flag.ContinueOnError)
	shown.SetOutput(r.stderr)
	fs.VisitAll(func(f *flag.Flag) {
		if vetSpelling(f.Name) == "" {
			shown.Var(f.Value, f.Name, f.Usage)
		}
	})
	fmt.Fprintf(r.stderr, "\nFlags:\n")
	shown.PrintDefaults()
	var vet []string
	for _, s := range vetSpellings {
		if fs.Lookup(s.vet) != nil {
			vet = append(vet, "-"+s.vet)
		}
	}
	if len(vet) > 0 {
		fmt.Fprintf(r.stderr, "\ngo vet's spellings of the settings (%s) are accepted too.\n", strings.Join(vet, ", "))
	}
}

// help prints an overview of the checks, or everything the checks named
// in args declare about themselves, on stdout, and returns the exit code.
func (r *runner) help(args []string) int {
	if len(args) == 0 {
		fmt.Fprintf(r.stdout, "sqlheat audits the SQL a Go service issues, and ranks what it finds by\nwhat it costs.\n\n")
		fmt.Fprintf(r.stdout, "Usage:\n  sqlheat [flags] [packages]                          the ranked report (sqlheat -h: flags)\n  go vet -vettool=$(command -v sqlheat) [packages]    one package at a time, inside go vet\n\nChecks:\n\n")
		for _, c := range r.checkList() {
			fmt.Fprintf(r.stdout, "  %-13s %s\n", c.Analyzer.Name, c.Summary())
		}
		fmt.Fprintf(r.stdout, "\nBy default every check runs. To select checks, use the -NAME flag for\neach one, or -NAME=false to run all but those (the same under go vet).\n")
		fmt.Fprintf(r.stdout, "\nRun 'sqlheat help <check>' (or sqlheat -explain <check>) for what a check\nreports, why it matters, its flags, and when it stays silent.\n")
		return ExitClean
	}
	code := ExitClean
	for i, name := range args {
		c, ok := r.lookupCheck(name)
		if !ok {
			r.errorf("no check called %s (checks: %s)", name, strings.Join(r.checkNames(), ", "))
			code = ExitUsage
			continue
		}
		if i > 0 {
			fmt.Fprintln(r.stdout)
		}
		fmt.Fprint(r.stdout, c.Explain())
	}
	return code
}

// list prints the checks, one a line (-list).
func (r *runner) list() {
	for _, c := range r.checkList() {
		fmt.Fprintf(r.stdout, "%-13s %s\n", c.Analyzer.Name, c.Summary())
	}
}

// checkList is the run's checks, in order, with what they declare (the
// name and doc alone for an analyzer from outside the suite).
func (r *runner) checkList() []analyzer.Check {
	var out []analyzer.Check
	for _, a := range r.suite {
		if r.checks[a] {
			c, ok := analyzer.Lookup(a.Name)
			if !ok {
				c = analyzer.Check{Analyzer: a}
			}
			out = append(out, c)
		}
	}
	return out
}

func (r *runner) lookupCheck(name string) (analyzer.Check, bool) {
	for _, c := range r.checkList() {
		if c.Analyzer.Name == name {
			return c, true
		}
	}
	return analyzer.Check{}, false
}

func (r *runner) checkNames() []string {
	var names []string
	for _, c := range r.checkList() {
		names = append(names, c.Analyzer.Name)
	}
	return names
}

// triState is the value of a -NAME flag of a check: not given, true or
// false (as go vet's analysisflags has it).
type triState int

const (
	unset triState = iota
	setTrue
	setFalse
)

func (ts *triState) IsBoolFlag() bool { return true }

func (ts *triState) String() string {
	switch *ts {
	case setTrue:
		return "true"
	case setFalse:
		return "false"
	}
	return "unset"
}

func (ts *triState) Set(s string) error {
	switch s {
	case "true", "1", "t", "T", "TRUE", "True":
		*ts = setTrue
	case "false", "0", "f", "F", "FALSE", "False":
		*ts = setFalse
	default:
		return fmt.Errorf("want true or false")
	}
	return nil
}

// selectChecks keeps the checks the -NAME flags select, as go vet does:
// when one is true, only those; otherwise all but those set to false.
func (r *runner) selectChecks(enable map[*analysis.Analyzer]*triState) error {
	anyTrue, before := false, len(r.checks)
	for _, ts := range enable {
		anyTrue = anyTrue || *ts == setTrue
	}
	var kept []*analysis.Analyzer
	for _, a := range r.suite {
		if ts := enable[a]; ts != nil && (*ts == setFalse || anyTrue && *ts != setTrue) {
			delete(r.checks, a)
			continue
		}
		kept = append(kept, a)
	}
	if len(r.checks) == 0 && before > 0 {
		return fmt.Errorf("no check left to run: every one is switched off")
	}
	r.suite = kept
	return nil
}

// vetSpellings are go vet's flags for the settings the command has plain
// flags for (the settings pass's and ignores' flags): both spellings are
// one flag.
var vetSpellings = []struct{ vet, plain string }{
	{"sqlheat.schema", "schema"},
	{"sqlheat.traffic", "traffic"},
	{"sqlheat.traffic-format", "traffic-format"},
	{"sqlheat.budget", "budget"},
	{"ignores.unused", "report-unused-ignores"},
}

// vetSpelling is the plain flag that name, go vet's spelling of a
// setting, stands for; "" when name is not one.
func vetSpelling(name string) string {
	for _, s := range vetSpellings {
		if s.vet == name {
			return s.plain
		}
	}
	return ""
}

// aliases gives the plain flags the values set with go vet's spellings,
// so that a command line written for go vet works here too and paths are
// read as every other path (from -C's directory). Two values for one
// setting that disagree are an error, rather than one silently winning.
func (r *runner) aliases(fs *flag.FlagSet) error {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	for _, s := range vetSpellings {
		if !set[s.vet] {
			continue
		}
		v := fs.Lookup(s.vet).Value.String()
		if set[s.plain] {
			if p := fs.Lookup(s.plain).Value.String(); p != v {
				return fmt.Errorf("-%s %s and -%s %s disagree: give one", s.plain, p, s.vet, v)
			}
			continue
		}
		if err := fs.Set(s.plain, v); err != nil {
			return fmt.Errorf("-%s: %w", s.vet, err)
		}
	}
	return nil
}
