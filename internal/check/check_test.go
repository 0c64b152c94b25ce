package check

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/internal/finding"
)

const twoChecks = `// Package p defines two analyzers.
//
// # Analyzer first
//
// first: report the first thing
//
// Why the first thing costs.
//
//	bad()
//
// # Analyzer second
//
// second: report the second thing
package p
`

func TestExtractDoc(t *testing.T) {
	doc, err := extractDoc(twoChecks, "first")
	if err != nil {
		t.Fatal(err)
	}
	if want := "report the first thing\n\nWhy the first thing costs.\n\n\tbad()"; doc != want {
		t.Errorf("first: %q, want %q", doc, want)
	}
	if doc, err := extractDoc(twoChecks, "second"); err != nil || doc != "report the second thing" {
		t.Errorf("second: %q, %v", doc, err)
	}
	for name, src := range map[string]string{
		"third":  twoChecks,                                              // no such heading
		"firs":   twoChecks,                                              // a prefix of a heading is not the heading
		"first":  "// # Analyzer first\n//\n// the summary\npackage p\n", // no "first:" line
		"nodoc":  "package p\n",
		"broken": "// # Analyzer broken\n//\n// broken: x\npackage\n",
	} {
		if doc, err := extractDoc(src, name); err == nil {
			t.Errorf("%s: no error, doc %q", name, doc)
		}
	}
}

func TestMustExtractDocPanics(t *testing.T) {
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "no '# Analyzer third' heading") {
			t.Errorf("recovered %v", r)
		}
	}()
	MustExtractDoc(twoChecks, "third")
}

// Under go vet the fix is the first related line, at the finding's
// place; the finding the driver reads keeps its related places alone.
func TestVetDiagnosticCarriesFix(t *testing.T) {
	f := Finding{
		Diagnostic: analysis.Diagnostic{Pos: 10, End: 20, Message: "no index serves the filter",
			Related: []analysis.RelatedInformation{{Pos: 30, Message: "issued again here"}}},
		Detail: finding.Detail{Fix: "add CREATE INDEX ..."},
	}
	d := f.vetDiagnostic()
	if d.Message != "no index serves the filter" || len(d.Related) != 2 {
		t.Fatalf("vetDiagnostic() = %+v", d)
	}
	if r := d.Related[0]; r.Pos != 10 || r.End != 20 || r.Message != "fix: add CREATE INDEX ..." {
		t.Errorf("fix line: %+v", r)
	}
	if d.Related[1].Message != "issued again here" || len(f.Related) != 1 {
		t.Errorf("related: %+v, finding's %+v", d.Related, f.Related)
	}
	f.Fix = ""
	if d := f.vetDiagnostic(); len(d.Related) != 1 {
		t.Errorf("without a fix: related %+v", d.Related)
	}
}
