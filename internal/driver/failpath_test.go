package driver

import (
	"strings"
	"testing"
)

// testdata/failpath reads items through a store interface and writes
// down the failures: a loop that marks an item only when reading or
// checking it failed (in its own `if err != nil`, or in a function it
// calls that marks on its own failure) runs the write for the failed
// items only, and is counted in stats.error_path_findings, not shown;
// so is a loop within such a branch (a batch that failed, sent again item
// by item), in a loop or not, and the loop of an unexported function
// every call of which is in such a branch (retryEach). Marking every
// item, creating the items not found (errors.Is(err, sql.ErrNoRows), in
// a loop of its own or not), the
// batch sent per block, the loop of a function called on failure and on
// success (createEach), and the loop of an exported function called here
// only on failure (Cleanup: per failed request, not once per process)
// stay reported.
func TestFailurePath(t *testing.T) {
	t.Parallel()
	rep := loopFindings(t, "testdata/failpath", []string{
		"jobs/jobs.go:117", // CreateMissing: the create of each missing item
		"jobs/jobs.go:141", // createEach, called on failure and on success
		"jobs/jobs.go:27",  // Process: the read, per item
		"jobs/jobs.go:56",  // Always: the mark outside the branch
		"jobs/jobs.go:63",  // GetOrCreate: the read
		"jobs/jobs.go:66",  // GetOrCreate: the create of a missing item
		"jobs/jobs.go:76",  // Cleanup, exported, called only on failure, loops over the items
		"jobs/jobs.go:94",  // OneByOne: the batch, per block
	})
	for _, f := range rep.Findings {
		if f.Line == 76 && (f.Severity != "medium" || strings.Contains(f.Message, "once per process")) {
			t.Errorf("Cleanup's loop, run per failed request, lowered: %s %s", f.Severity, f.Message)
		}
	}
	// Process's mark (29), ProcessDeep's tryOne (45), Always's mark in
	// the branch (54), the creates one by one of OneByOne (96) and of
	// Resend (106), retryEach's create (127).
	if got := rep.Stats.ErrorPathFindings; got != 6 {
		t.Errorf("stats.error_path_findings = %d, want 6", got)
	}
}
