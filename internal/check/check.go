// Package check is how sqlheat's checks declare themselves and report
// what they find, so that every runner sees the same findings.
//
// A check declares, once, in its own package:
//
//   - its documentation, in doc.go, embedded and cut out by MustExtractDoc
//     (as x/tools' passes do): go vet's -help, the standalone -h, the
//     SARIF rules and the README's table of checks all read it;
//   - the kinds of finding it reports with their severities, as a
//     finding.Categories table next to its Analyzer.
//
// A finding's message is one short line — what, where, and what it
// costs — and what to do about it is its fix (finding.Detail.Fix), which
// every runner shows apart: go vet on the line below (the Reporter makes
// it the diagnostic's first related information), the standalone reports
// on a line, column or paragraph of its own.
//
// It reports every finding through a Reporter, which makes the
// analysis.Diagnostic that go vet and golangci-lint print and the
// finding.Detail that the standalone driver's reports need in one step,
// and passes both through the package's suppression filter (package
// suppress) before anything is printed: under go vet a diagnostic is out
// the moment it is reported, so the filter has to run inside the pass.
// The standalone driver sends the findings it makes itself through the
// same filter (Finding.Silenced).
package check

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/internal/finding"
	"github.com/sqlheat/sqlheat/internal/suppress"
)

// Finding is one finding: what every runner prints, and what the
// standalone driver's reports add to it.
type Finding struct {
	analysis.Diagnostic
	finding.Detail
	// SQLAt is where the finding's SQL is written when the finding is
	// reported elsewhere: the line of a .sql block, under a runner that
	// shows Go positions only (golangci-lint). A suppression comment
	// there silences the finding too.
	SQLAt token.Pos
	// Loops are the loops a finding is about (queryinloop's, outermost
	// first): a suppression at the end of a loop's line silences the
	// finding too, wherever in the loop it is reported.
	Loops []token.Pos
	// NamedMigration says the code the finding is in is a migration by
	// its names (codekind.MigrationCode). A check silent on migrations
	// drops such a finding itself where names are all there is to go by
	// (go vet, golangci-lint); under the standalone driver it reports it
	// marked, and the driver's program graph decides, asking the names
	// only where it cannot tell.
	NamedMigration bool
}

// places are the positions a suppression comment may silence f at.
func (f *Finding) places() []token.Pos { return append([]token.Pos{f.Pos, f.SQLAt}, f.Loops...) }

// Silenced reports whether flt silences f, a finding of check, and marks
// the directive that did as used. It is the one test every finding
// passes, in a pass (through Reporter) or in a driver.
func (f *Finding) Silenced(flt *suppress.Filter, check string) bool {
	return flt.Silences(check, f.places()...)
}

// Result is the result of every check: its findings, in the order it
// reported them, and the suppression comments that silenced one.
type Result struct {
	Findings []*Finding
	// Suppressed are the positions of the //sqlheat:ignore and
	// //nolint:sqlheat comments that silenced a finding of the check, so
	// that unused ones can be reported (see passes/ignores).
	Suppressed []token.Pos
}

// ResultType is the reflect.Type checks declare as their ResultType.
var ResultType = reflect.TypeOf((*Result)(nil))

// A Reporter reports the findings of one pass of a check.
type Reporter struct {
	pass   *analysis.Pass
	cats   finding.Categories
	filter *suppress.Filter
	result *Result
}

// NewReporter returns the reporter of pass for a check that declared
// cats. more gives the suppression directives of files other than the
// package's Go files, for checks that report in .sql files (see
// suppress.NewFilter); nil for none.
func NewReporter(pass *analysis.Pass, cats finding.Categories, more func(file string) []*suppress.Directive) *Reporter {
	return &Reporter{
		pass:   pass,
		cats:   cats,
		filter: suppress.NewFilter(pass.Fset, pass.Files, more),
		result: new(Result),
	}
}

// Report reports f, unless a suppression comment silences it. Its
// category must be one the check declared: a check that reports another
// is a bug, and panics (which guard turns into an internal error).
// A Function left empty is the declared function around f.Pos.
func (r *Reporter) Report(f Finding) {
	if _, ok := r.cats.Lookup(f.Category); !ok {
		panic(fmt.Sprintf("%s reports category %q, which it does not declare", r.pass.Analyzer.Name, f.Category))
	}
	if f.Silenced(r.filter, r.pass.Analyzer.Name) {
		return
	}
	if f.Function == "" {
		f.Function = enclosingFunc(r.pass.Files, r.pass.TypesInfo, f.Pos)
	}
	r.pass.Report(f.vetDiagnostic())
	r.result.Findings = append(r.result.Findings, &f)
}

// FixPrefix starts the related line that carries a finding's fix.
const FixPrefix = "fix: "

// vetDiagnostic is the diagnostic go vet and golangci-lint print for f:
// its short message, and its fix, when it has one, as the first related
// information, at the finding's own place. go vet prints a related
// message indented on the line below the diagnostic's, golangci-lint as
// an issue of its own after it, and both show every related place, so
// the fix is read where the finding is, and the message stays one line
// long. The standalone driver reads Detail.Fix itself, and f keeps only
// the related places that are places.
func (f *Finding) vetDiagnostic() analysis.Diagnostic {
	d := f.Diagnostic
	if f.Fix != "" {
		fix := analysis.RelatedInformation{Pos: f.Pos, End: f.End, Message: FixPrefix + f.Fix}
		d.Related = append([]analysis.RelatedInformation{fix}, f.Related...)
	}
	return d
}

// Result returns what the pass reported, to return from its run.
func (r *Reporter) Result() *Result {
	r.result.Suppressed = r.filter.Used()
	return r.result
}

// enclosingFunc is the full name of the function declaration around pos
// (types.Func.FullName), "" outside any.
func enclosingFunc(files []*ast.File, info *types.Info, pos token.Pos) string {
	for _, file := range files {
		if file.FileStart > pos || pos > file.FileEnd {
			continue
		}
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if ok && fd.Pos() <= pos && pos <= fd.End() {
				if fn, ok := info.Defs[fd.Name].(*types.Func); ok {
					return fn.FullName()
				}
			}
		}
	}
	return ""
}

// MustExtractDoc returns the documentation of the analyzer called name
// from the source of its package's doc.go, embedded with //go:embed: the
// section of the package comment under the heading "# Analyzer name",
// without the "name: " before its first line. That line is the
// analyzer's one-line summary, a lowercase verb phrase; the paragraphs
// after it, up to the next heading, are the explanation. It panics when
// there is no such section: the check would ship without documentation.
func MustExtractDoc(content, name string) string {
	doc, err := extractDoc(content, name)
	if err != nil {
		panic(fmt.Sprintf("%s: %v", name, err))
	}
	return doc
}

func extractDoc(content, name string) (string, error) {
	text, ok := packageComment(content)
	if !ok {
		return "", fmt.Errorf("doc.go has no package comment")
	}
	for section := range strings.SplitSeq("\n"+text, "\n# ") {
		body, ok := strings.CutPrefix(section, "Analyzer "+name+"\n")
		if !ok {
			continue
		}
		summary, ok := strings.CutPrefix(strings.TrimSpace(body), name+":")
		if !ok {
			return "", fmt.Errorf("the heading '# Analyzer %s' is not followed by a '%s: summary' line", name, name)
		}
		return strings.TrimSpace(summary), nil
	}
	return "", fmt.Errorf("doc.go has no '# Analyzer %s' heading", name)
}

// packageComment is the text of the package comment of a Go file written
// in line comments, as go/ast's CommentGroup.Text gives it: the run of
// "//" lines right above the package clause, their markers and the
// space after them cut, directives (//go:build) left out, blank lines at
// either end dropped and runs of them made one. It reads lines, not Go:
// each analyzer's Doc is cut out at start-up, by every one of go vet's
// processes, and go/parser cost more there than the rest of the start-up
// of the check (a test holds the two to the same answer on every doc.go).
func packageComment(content string) (string, bool) {
	var group []string
	for line := range strings.Lines(content) {
		line = strings.TrimRight(line, "\r\n")
		switch {
		case strings.HasPrefix(line, "//"):
			group = append(group, line)
		case strings.HasPrefix(line, "package ") && strings.TrimSpace(line) != "package":
			if len(group) == 0 {
				return "", false
			}
			return commentText(group), true
		default: // a blank line or anything else ends a group
			group = nil
		}
	}
	return "", false
}

// commentText is CommentGroup.Text of the line comments lines.
func commentText(lines []string) string {
	var out []string
	for _, l := range lines {
		c := l[2:]
		if isDirective(c) {
			continue
		}
		c = strings.TrimPrefix(c, " ")
		out = append(out, strings.TrimRight(c, " \t\n\r"))
	}
	for len(out) > 0 && out[0] == "" {
		out = out[1:]
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	var b strings.Builder
	for i, l := range out {
		if l == "" && i > 0 && out[i-1] == "" {
			continue
		}
		b.WriteString(l + "\n")
	}
	return b.String()
}

// isDirective is go/ast's: "//line", "//extern", "//export", or
// "//name:rest" with a lowercase name ("go:build", "nolint:all").
func isDirective(c string) bool {
	if strings.HasPrefix(c, "line ") || strings.HasPrefix(c, "extern ") || strings.HasPrefix(c, "export ") {
		return true
	}
	colon := strings.Index(c, ":")
	if colon <= 0 || colon+1 >= len(c) {
		return false
	}
	for i := 0; i <= colon+1; i++ {
		if i == colon {
			continue
		}
		b := c[i]
		if !('a' <= b && b <= 'z' || '0' <= b && b <= '9') {
			return false
		}
	}
	return true
}
