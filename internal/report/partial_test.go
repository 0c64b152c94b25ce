package report

import (
	"bytes"
	"strings"
	"testing"
)

// TestCoveragePartial checks that the Markdown and HTML reports say how
// many query sites were rebuilt with parts known only at run time
// (stats.partial), as JSON and -v do: a count the user can act on, not
// one left in JSON alone.
func TestCoveragePartial(t *testing.T) {
	r := &Report{Stats: Stats{Packages: 1, QuerySites: 9, ORM: 9, Partial: 4}}
	var md bytes.Buffer
	if err := WriteMarkdown(&md, r, Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "4 query sites with parts known only at run time") {
		t.Errorf("Markdown coverage lacks stats.partial:\n%s", md.String())
	}
	text := textOf(parseHTML(t, writeHTML(t, r, Options{})))
	if !strings.Contains(text, "with parts known only at run time") {
		t.Errorf("HTML coverage lacks stats.partial:\n%s", text)
	}
}
