package check

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
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

// TestPackageComment holds packageComment, which reads lines, to
// go/parser's package comment on every doc.go of the checks, and on
// comments that test its corners: directives, blank runs, a comment a
// blank line keeps from the package clause.
func TestPackageComment(t *testing.T) {
	files, err := filepath.Glob("../../passes/*/doc.go")
	if err != nil || len(files) < 5 {
		t.Fatalf("doc.go files: %v, %v", files, err)
	}
	srcs := map[string]string{
		"corners": "//go:build linux\n\n// Package p\n//\n//\n//   indented  \n//nolint:all\n// end\n//\npackage p\n",
		"loose":   "// not the package's\n\npackage p\n",
		"none":    "package p\n",
		"two":     twoChecks,
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		srcs[f] = string(b)
	}
	for name, src := range srcs {
		f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.ParseComments|parser.PackageClauseOnly)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want := ""
		if f.Doc != nil {
			want = f.Doc.Text()
		}
		got, ok := packageComment(src)
		if got != want || ok != (f.Doc != nil) {
			t.Errorf("%s: packageComment = %q, %v; go/parser's doc = %q", name, got, ok, want)
		}
	}
}
