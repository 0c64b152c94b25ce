package driver

import "testing"

// testdata/changedsync keeps customers in step with a payment provider:
// the background sync copies each field the provider changed and writes
// the customer (an UPDATE and an audit INSERT, through the repository's
// interface) only when one did — nothing per customer on a pass over
// rows already in step, and it is counted in
// stats.changed_only_findings, not shown; so is Touch's write of a
// customer whose state it sets. Refresh, which writes every customer,
// and Touch's audit of each one stay reported. The repository's methods
// have value receivers, so the interface's calls reach them through the
// pointer wrappers Go makes, which the chains of Reached.Via leave out:
// the branch is found on the call all the same (Call.Leads).
func TestChangedOnly(t *testing.T) {
	t.Parallel()
	rep := loopFindings(t, "testdata/changedsync", []string{
		"billing/billing.go:104", // Touch: the audit of every customer
		"billing/billing.go:85",  // Refresh: the write of every customer
	})
	// BackgroundSync's SyncWithProvider (37), Touch's UpdateByID (102).
	if got := rep.Stats.ChangedOnlyFindings; got != 2 {
		t.Errorf("stats.changed_only_findings = %d, want 2", got)
	}
	if got := rep.Stats.ErrorPathFindings; got != 0 {
		t.Errorf("stats.error_path_findings = %d, want 0 (no failure branch writes)", got)
	}
}
