package baseline

import (
	"path/filepath"
	"testing"

	"github.com/sqlheat/sqlheat/internal/report"
)

func finding(line int, msg, fp string) report.Finding {
	return report.Finding{Check: "queryinloop", Kind: "read", File: "api/orders.go", Line: line,
		Function: "example.com/api.(*H).List", Message: msg, Fingerprint: fp}
}

// A baseline written before a change hides the same findings after code
// above them moved them down, shows a new one, and counts stale entries.
func TestRoundTripAcrossLineMove(t *testing.T) {
	path := filepath.Join(t.TempDir(), "baseline.json")
	before := &report.Report{Findings: []report.Finding{
		finding(23, "store.(*Store).Items runs \"SELECT ...\" (orders.go:46), and is called once per item of orders", "aa"),
		finding(40, "SELECT * fetches every column of orders", "bb"),
		finding(60, "fixed since", "cc"),
	}}
	if err := Write(path, before); err != nil {
		t.Fatal(err)
	}
	b, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	after := &report.Report{Findings: []report.Finding{
		finding(31, "store.(*Store).Items runs \"SELECT ...\" (orders.go:52), and is called once per item of orders", "aa"),
		finding(48, "SELECT * fetches every column of orders", "bb"),
		finding(48, "SELECT * fetches every column of orders", "bb"), // a second copy is new
		finding(70, "a new N+1", "dd"),
	}}
	hidden, stale := Filter(after, b)
	if hidden != 2 || stale != 1 {
		t.Errorf("hidden %d stale %d, want 2 and 1", hidden, stale)
	}
	if len(after.Findings) != 2 || after.Findings[0].Line != 48 || after.Findings[1].Message != "a new N+1" {
		t.Errorf("left %+v", after.Findings)
	}
}

// Without SQL, the message identifies the finding, numbers masked.
func TestKeyMasksNumbers(t *testing.T) {
	a := finding(1, "GET /x issues 4 queries (orders.go:46)", "")
	b := finding(9, "GET /x issues 5 queries (orders.go:52)", "")
	if Key(a) != Key(b) {
		t.Errorf("%q != %q", Key(a), Key(b))
	}
}

func TestReadRejectsOtherFiles(t *testing.T) {
	if _, err := Read(filepath.Join("testdata", "nope.json")); err == nil {
		t.Error("missing file: no error")
	}
}
