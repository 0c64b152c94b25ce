package driver

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/passes/queryinloop"
)

// A loop over a parameter that some calls pass a few items and others
// data is about the entries reaching it through the latter
// (testdata/percaller): addMany, which POST /messages calls with a
// one-item literal (through a local copy of the parameter) and the batch
// writer with its batches, is the writer's job, with no route; saveTags,
// which POST /tag calls with one item and POST /tags with the request's
// list, stays a route's, POST /tags's alone; mark, whose only data
// caller runs in no entry point, is silent. And a parameter written in
// one branch (users = []string{first}) passes what its callers passed
// in the other: send stays POST /notify's, though Ping passes one item.
func TestPerCallerLoops(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer}, "-C", "testdata/percaller", "./...")
	var got []string
	for _, f := range rep.Findings {
		routes := findingRoutes(f)
		got = append(got, fmt.Sprintf("%s:%d %s [%s]", f.File, f.Line, f.Role, strings.Join(routes, ", ")))
	}
	slices.Sort(got)
	want := []string{
		"store/store.go:35 job []",
		"store/store.go:47 route [POST /tags]",
		"store/store.go:78 route [POST /notify]",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings %q;\nwant %q (stderr: %s)", got, want, stderr)
	}
}
