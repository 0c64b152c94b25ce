package driver

import (
	"fmt"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/passes/queryinloop"
)

// A loop over a list a call returns is silent when every function the
// call runs makes it with a few items (program.FewReturned): the field a
// store's only Dup sets to one item and rebuilds one per item (dup), a
// helper's one append (one), a mapping of a one-item list (mapped), a
// one-tag struct handed to a function that only reads it (tagged). It
// stays reported when one implementation of two lists rows (listed),
// the list is one per row (rows), the struct is handed to a decoder
// after the write (opaque) or to a function of the module appending the
// rows (grown), kept in a field that another method grows (kept), or the
// list is the request's (decoded).
func TestFewReturned(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer}, "-C", "testdata/fewret", "./...")
	var got []string
	for _, f := range rep.Findings {
		got = append(got, fmt.Sprintf("%s:%d %s", f.File, f.Line, f.Function))
	}
	slices.Sort(got)
	want := []string{
		"main.go:128 (*example.com/fewret.app).listed",
		"main.go:134 (*example.com/fewret.app).rows",
		"main.go:144 (*example.com/fewret.app).opaque",
		"main.go:150 (*example.com/fewret.app).decoded",
		"main.go:167 (*example.com/fewret.app).grown",
		"main.go:171 (*example.com/fewret.app).grown",
		"main.go:210 (*example.com/fewret.app).kept",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings %q;\nwant %q (stderr: %s)", got, want, stderr)
	}
}
