package driver

import "testing"

// testdata/snapshot is pocketbase's cached collections: the whole list is
// kept in the app's store under a constant key at start-up and searched
// in memory; the database is read only while it is not loaded. A loop
// calling the lookup through an interface runs that fallback until the
// list is loaded, not per item: counted as a cache fill, not shown. The
// same shape under a key nothing sets is never loaded: reported.
func TestColdSnapshot(t *testing.T) {
	t.Parallel()
	rep := loopFindings(t, "testdata/snapshot", []string{
		"search/search.go:20", // FindView: its key is never set
	})
	if got := rep.Stats.CacheFillFindings; got != 1 {
		t.Errorf("stats.cache_fill_findings = %d, want 1", got)
	}
}
