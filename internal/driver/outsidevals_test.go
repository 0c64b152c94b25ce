package driver

import "testing"

// testdata/outsidevals: a call of a method of a module's interface that
// the call graph gives no callee reaches the module's implementations
// (resolved by the types), unless the module's code shows the value is a
// dependency's — a helper's parameter every caller hands a sha256 hash
// (not a method's that runs, through an interface, with the module's
// value too).
func TestOutsideValues(t *testing.T) {
	t.Parallel()
	loopFindings(t, "testdata/outsidevals", []string{
		// (*card).Draw runs through drawer in generated code too, which
		// the call graph does not follow: its w.Write is resolved by
		// the types, for both loops.
		"audit/audit.go:104", // HashCards
		"audit/audit.go:110", // DrawNames
		"audit/audit.go:51",  // Audit: the log's INSERT per record
		"audit/audit.go:65",  // FromRegistry: resolved by the types
		"audit/audit.go:80",  // HashPages: Render also runs, through renderer, with the log
		"audit/audit.go:86",  // RenderAll: the log through renderer
	})
}
