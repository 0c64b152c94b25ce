package analyzer

import (
	"flag"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/sqlheat/sqlheat/passes/config"
)

var update = flag.Bool("update", false, "rewrite the README's table of checks from the declarations")

// The README's table of checks is the one Table derives from the checks'
// doc.go and categories: edit those, then run go test -update.
func TestREADMETable(t *testing.T) {
	const readme = "../README.md"
	data, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- checks: generated", "<!-- checks: end -->"
	text := string(data)
	i := strings.Index(text, begin)
	j := strings.Index(text, end)
	if i < 0 || j < i {
		t.Fatalf("%s has no %q ... %q section", readme, begin, end)
	}
	i += strings.IndexByte(text[i:], '\n') + 1 // the table starts below the marker
	if got, want := text[i:j], Table(); got != want {
		if *update {
			if err := os.WriteFile(readme, []byte(text[:i]+want+text[j:]), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("the README's table of checks differs from the checks' declarations (go test ./analyzer -update rewrites it):\n%s\nwant:\n%s", got, want)
	}
}

// Each check declares its documentation in doc.go, with a summary line,
// and at least one category, each with a severity and a title.
func TestDeclarations(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Checks() {
		a := c.Analyzer
		if seen[a.Name] {
			t.Errorf("%s declared twice", a.Name)
		}
		seen[a.Name] = true
		if summary(a.Doc) == "" || !strings.HasPrefix(a.Doc, "report ") || !strings.Contains(a.Doc, "\n\n") {
			t.Errorf("%s: Doc is not a summary line and an explanation: %q", a.Name, a.Doc)
		}
		if !strings.HasSuffix(a.URL, "/passes/"+a.Name+"/doc.go") {
			t.Errorf("%s: URL %s is not its doc.go", a.Name, a.URL)
		}
		if len(c.Categories) == 0 {
			t.Errorf("%s declares no category", a.Name)
		}
		names := map[string]bool{}
		for _, cat := range c.Categories {
			if cat.Name == "" || cat.Title == "" || cat.Severity == 0 || names[cat.Name] {
				t.Errorf("%s: category %+v is unnamed, untitled, without severity or repeated", a.Name, cat)
			}
			names[cat.Name] = true
		}
		if r := c.Rule(); r.Severity != c.Categories.Max().String() || r.Title == "" || r.Text == "" {
			t.Errorf("%s: SARIF rule %+v", a.Name, r)
		}
	}
}

// The settings know the checks by name (checks:, and the names a
// suppression may give) without importing them: the list is theirs.
func TestSettingsKnowTheChecks(t *testing.T) {
	var names []string
	for _, c := range Checks() {
		names = append(names, c.Analyzer.Name)
	}
	slices.Sort(names)
	if !slices.Equal(names, config.Checks) {
		t.Errorf("config.Checks = %v, want the suite's %v", config.Checks, names)
	}
}
