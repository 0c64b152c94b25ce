package driver

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/passes/queryinloop"
)

// A storage method every production call hands one leaf
// (testdata/embedfew, trillian's shape): the server calls it through a
// registry struct embedding the storage interface, whose promotion
// wrapper go/ssa makes for the registry's method set; the loop ranges
// over a copy in hash order, make([]T, len(leaves)) with a slot per
// leaf; and the conformance suite's batches of ten run only in tests.
// The loop of queue is silent; the same loop in AddLeaves, over the
// client's list, stays POST /leaves's.
func TestEmbeddedFewPassed(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer}, "-C", "testdata/embedfew", "./...")
	var got []string
	for _, f := range rep.Findings {
		routes := findingRoutes(f)
		got = append(got, fmt.Sprintf("%s:%d [%s]", f.File, f.Line, strings.Join(routes, ", ")))
	}
	want := []string{"storage/sqlstore/sqlstore.go:25 [POST /leaves]"}
	if !slices.Equal(got, want) {
		t.Errorf("findings %q;\nwant %q (stderr: %s)", got, want, stderr)
	}
}
