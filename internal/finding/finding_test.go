package finding

import "testing"

func TestMultiplicityRoundTrip(t *testing.T) {
	for depth := 0; depth < 5; depth++ {
		if got := LoopDepth(Multiplicity(depth)); got != depth {
			t.Errorf("LoopDepth(Multiplicity(%d)) = %d", depth, got)
		}
	}
	for m, want := range map[string]int{"": 0, "once": 0, "loopx3": 3, "loop*2": 2, "loop×n": 1, "loop×99999999999999999999": maxDepth} {
		if got := LoopDepth(m); got != want {
			t.Errorf("LoopDepth(%q) = %d, want %d", m, got, want)
		}
	}
}

func TestSeverity(t *testing.T) {
	for _, s := range []Severity{Low, Medium, High} {
		if got, ok := ParseSeverity(s.String()); !ok || got != s {
			t.Errorf("ParseSeverity(%q) = %v, %v", s, got, ok)
		}
	}
	if _, ok := ParseSeverity("urgent"); ok {
		t.Error("ParseSeverity accepted urgent")
	}
	if High.Lower() != Medium || Low.Lower() != Low {
		t.Errorf("Lower: high %v, low %v", High.Lower(), Low.Lower())
	}
}

func TestCategoriesSummary(t *testing.T) {
	mixed := Categories{
		{Name: "read", Severity: High, Title: "reads"},
		{Name: "write", Severity: Medium, Title: "writes"},
		{Name: "const", Severity: Medium, Title: "constant loops"},
	}
	if got, want := mixed.Summary(), "high (reads), medium (writes, constant loops)"; got != want {
		t.Errorf("Summary() = %q, want %q", got, want)
	}
	same := Categories{{Name: "a", Severity: Low, Title: "a"}, {Name: "b", Severity: Low, Title: "b"}}
	if got := same.Summary(); got != "low" {
		t.Errorf("Summary() = %q, want low", got)
	}
	if mixed.Max() != High || mixed.Severity("write") != Medium || mixed.Severity("nosuch") != 0 {
		t.Errorf("Max %v, Severity(write) %v, Severity(nosuch) %v", mixed.Max(), mixed.Severity("write"), mixed.Severity("nosuch"))
	}
}
