package baseline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sqlheat/sqlheat/internal/report"
)

// FuzzRead feeds arbitrary files to Read, the baseline's parser of outside
// input (a file a team commits and edits by hand). Read either rejects the
// file with an error naming it, or returns a baseline that Filter can apply:
// every finding is hidden or kept, never both or neither, and no entry
// hides more findings than its count says.
func FuzzRead(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"version":1,"tool":"sqlheat","entries":[{"key":"queryinloop|read|api/orders.go|example.com/api.(*H).List|aa","count":1}]}`))
	f.Add([]byte(`{"version":1,"entries":[{"key":"k","count":-3},{"key":"k","count":0}]}`))
	f.Add([]byte(`{"version":2,"entries":[]}`))
	f.Add([]byte(`[1,2,3]`))
	f.Add([]byte(``))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "baseline.json")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		b, err := Read(path)
		if err != nil {
			if !strings.Contains(err.Error(), path) {
				t.Errorf("error does not name the file: %v", err)
			}
			return
		}
		allowed := 0
		for _, e := range b.Entries {
			allowed += max(e.Count, 1)
		}
		rep := &report.Report{Findings: []report.Finding{
			finding(23, "store.(*Store).Items runs a query once per item", "aa"),
			finding(40, "SELECT * fetches every column of orders", ""),
			finding(41, "SELECT * fetches every column of orders", ""),
		}}
		n := len(rep.Findings)
		hidden, stale := Filter(rep, b)
		if hidden+len(rep.Findings) != n {
			t.Errorf("hidden %d + kept %d != %d findings", hidden, len(rep.Findings), n)
		}
		if hidden > allowed || stale < 0 || hidden+stale != allowed {
			t.Errorf("hidden %d, stale %d: entries allow %d", hidden, stale, allowed)
		}
	})
}
