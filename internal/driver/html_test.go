package driver

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/passes/selectstar"
)

// -format html reads each finding's source lines from the module root,
// wherever the command starts, and links them under -link-base.
func TestHTMLFormat(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"-format", "html", "-link-base", "https://example.com/r/blob/main/", "-C", "testdata/twopkgs", "./a"},
		&stdout, &stderr, []*analysis.Analyzer{selectstar.Analyzer})
	if code != ExitFindings {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, ExitFindings, stderr.String())
	}
	page := stdout.String()
	for _, want := range []string{
		"<title>sqlheat report: example.com/twopkgs</title>", // the module, from go.mod
		`<span class="line hit"><span class="ln" aria-hidden="true">5</span>func A(db *sql.DB) { db.Query(&#34;SELECT * FROM a&#34;) }`,
		`href="https://example.com/r/blob/main/internal/driver/testdata/twopkgs/a/a.go#L5"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}
