package driver

import (
	"fmt"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/passes/queryinloop"
)

// testdata/widetable: an interpreter calls, through one func value, the
// function a script names among the seventy-one the program registered,
// one of which reads a user (see program.dispatches). Its loop over the
// stack's slots, calling each slot's function, runs no query per slot:
// which function runs is the script's, and counting the costliest of
// seventy-one per slot reported every loop of the interpreter. A table
// of three (few[k](...)) in a loop over a request's keys stays reported:
// its costliest reads per item.
func TestWideDispatch(t *testing.T) {
	t.Parallel()
	rep, _, stderr := runJSON(t, []*analysis.Analyzer{queryinloop.Analyzer}, "-C", "testdata/widetable", "./...")
	var got []string
	for _, f := range rep.Findings {
		got = append(got, fmt.Sprintf("%s:%d", f.File, f.Line))
	}
	if want := []string{"cmd/app/main.go:38"}; !slices.Equal(got, want) {
		t.Errorf("findings %q, want %q (stderr: %s)", got, want, stderr)
	}
}
