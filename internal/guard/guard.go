// Package guard keeps a bug in one of sqlheat's passes from taking down the
// run that hosts it.
//
// sqlheat runs inside other people's processes — go vet, golangci-lint,
// Bazel's nogo — where a panic in an analyzer kills the whole lint run, for
// every linter. Each pass's Run is wrapped: a panic becomes a diagnostic in
// the "internal-error" category naming the pass and the package, and the
// pass returns an empty result so the checks built on it simply find
// nothing. The standalone driver exits 3 when it sees one.
package guard

import (
	"fmt"
	"go/token"
	"reflect"
	"runtime/debug"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/internal/finding"
	"github.com/sqlheat/sqlheat/internal/suppress"
)

// Category marks the diagnostics guard reports.
const Category = "internal-error"

// Run wraps an analyzer's run function with panic recovery.
func Run(run func(*analysis.Pass) (any, error)) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (result any, err error) {
		defer func() {
			r := recover()
			if r == nil {
				return
			}
			stack := string(debug.Stack())
			pass.Report(analysis.Diagnostic{
				Pos:      anchor(pass),
				Category: Category,
				Message: fmt.Sprintf("internal error in sqlheat's %s pass on package %s: %v (please report it with this trace: %s)",
					pass.Analyzer.Name, pass.Pkg.Path(), r, firstFrames(stack)),
			})
			// A typed nil of the declared result type: dependent passes see
			// "no result" rather than failing their prerequisites.
			result, err = nil, nil
			if t := pass.Analyzer.ResultType; t != nil {
				result = reflect.Zero(t).Interface()
			}
		}()
		if pass.Analyzer.ResultType != finding.ResultType {
			return run(pass) // a foundation pass: it reports nothing
		}
		used := silence(pass)
		result, err = run(pass)
		if d, ok := result.(*finding.Details); ok && d != nil {
			d.Suppressed = used()
		}
		return result, err
	}
}

// silence makes pass.Report drop the diagnostics a suppression comment
// covers. Doing it here, around every check, makes suppressions work the
// same under go vet, golangci-lint and the standalone driver. The returned
// function lists the comments that silenced something.
func silence(pass *analysis.Pass) func() []token.Pos {
	dirs := suppress.Parse(pass.Fset, pass.Files, nil)
	if len(dirs) == 0 {
		return func() []token.Pos { return nil }
	}
	report := pass.Report
	used := map[token.Pos]bool{}
	pass.Report = func(d analysis.Diagnostic) {
		pos := pass.Fset.Position(d.Pos)
		for _, dir := range dirs {
			if dir.Applies(pass.Analyzer.Name, pos.Filename, pos.Line) {
				used[dir.Pos] = true
				return
			}
		}
		report(d)
	}
	return func() []token.Pos {
		var out []token.Pos
		for p := range used {
			out = append(out, p)
		}
		sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
		return out
	}
}

// anchor is a position to report a package-wide problem at.
func anchor(pass *analysis.Pass) token.Pos {
	for _, f := range pass.Files {
		return f.Package
	}
	return token.NoPos
}

// firstFrames keeps the frames of the panic itself: enough to find the
// bug, short enough to read in a vet line.
func firstFrames(stack string) string {
	lines := strings.Split(stack, "\n")
	var out []string
	for i := 0; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		if strings.HasPrefix(l, "github.com/sqlheat/sqlheat/") && !strings.Contains(l, "internal/guard") && i+1 < len(lines) {
			out = append(out, strings.TrimSpace(lines[i+1]))
			if len(out) == 3 {
				break
			}
		}
	}
	return strings.Join(out, " < ")
}
