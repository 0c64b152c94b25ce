package driver

import (
	"fmt"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/passes/queryinloop"
)

// A loop over a parameter every call in the program writes out with a
// few items is silent only when every call is in the program: in a
// library (testdata/fewlib: no main package), an exported function or
// method is for other modules to call, with lists of any length, so
// Tag's and Mark's loops stay reported though the library's own calls
// pass one item; label, unexported, has all its callers in sight.
func TestFewPassedLibrary(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer}, "-C", "testdata/fewlib", "./...")
	var got []string
	for _, f := range rep.Findings {
		got = append(got, fmt.Sprintf("%s:%d %s", f.File, f.Line, f.Function))
	}
	slices.Sort(got)
	want := []string{
		"store/store.go:17 example.com/fewlib/store.Tag",
		"store/store.go:27 (*example.com/fewlib/store.Repo).Mark",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings %q;\nwant %q (stderr: %s)", got, want, stderr)
	}
}
