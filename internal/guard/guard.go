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
	"strings"

	"golang.org/x/tools/go/analysis"
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
		return run(pass)
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

// Trace is the first frames of the stack of the goroutine calling it, for
// a message about a panic it recovered (from a deferred function).
func Trace() string { return firstFrames(string(debug.Stack())) }
