package testenv

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis/analysistest"
)

// MaxMessage is the longest first line, in runes, a finding may have in
// the test data: what go vet and golangci-lint print on one line, and
// what a terminal shows unwrapped next to its file:line:col. The fix and
// the details go elsewhere (finding.Detail.Fix, Related).
const MaxMessage = 120

// ShortMessages fails t for each diagnostic of results whose message is
// longer than MaxMessage runes, and logs the longest, so that a check's
// analysistest data bounds what its users read.
func ShortMessages(t *testing.T, results []*analysistest.Result) {
	t.Helper()
	longest, text := 0, ""
	for _, r := range results {
		for _, d := range r.Diagnostics {
			n := utf8.RuneCountInString(d.Message)
			if n > MaxMessage {
				t.Errorf("%s: message of %d runes, over %d: %s", r.Pass.Fset.Position(d.Pos), n, MaxMessage, d.Message)
			}
			if n > longest {
				longest, text = n, d.Message
			}
		}
	}
	t.Logf("longest message, %d runes: %s", longest, text)
}
