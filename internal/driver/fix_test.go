package driver

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sqlheat/sqlheat/internal/report"
)

// -fix rewrites the demo's two stars (on a copy) into their column lists,
// and a second run finds no star left.
func TestFix(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join("..", "..", "testdata", "demo")
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	Main([]string{"-C", dir, "-fix", "./..."}, &stdout, &stderr)
	if !strings.Contains(stderr.String(), "-fix: 2 edits in 2 files") {
		t.Errorf("stderr: %s", stderr.String())
	}
	for file, want := range map[string]string{
		"internal/store/customers.go": "`SELECT c.id, c.email, c.name, c.created_at FROM customers c WHERE c.id = $1`",
		"internal/store/orders.go":    "`SELECT id, order_id, product_id, quantity, price_cents FROM order_items WHERE order_id = $1`",
	} {
		data, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), want) {
			t.Errorf("%s lacks %s", file, want)
		}
	}
	stdout.Reset()
	Main([]string{"-C", dir, "-format", "json", "./..."}, &stdout, &stderr)
	var rep report.Report
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	for _, f := range rep.Findings {
		if f.Check == "selectstar" {
			t.Errorf("star left after -fix: %s:%d", f.File, f.Line)
		}
	}
}

func TestApplyEdits(t *testing.T) {
	src := []byte("SELECT * FROM t; SELECT * FROM u")
	out, n, err := applyEdits(src, []edit{
		{24, 25, "id"},    // the second star
		{7, 8, "a, b"},    // the first
		{7, 8, "a, b"},    // the same fix again (a test variant)
		{7, 13, "clash"},  // overlaps the first: skipped
		{32, 32, " AS x"}, // an insertion at the end
	})
	if err != nil || n != 3 || string(out) != "SELECT a, b FROM t; SELECT id FROM u AS x" {
		t.Errorf("applyEdits = %q, %d, %v", out, n, err)
	}
	if _, _, err := applyEdits(src, []edit{{30, 40, ""}}); err == nil {
		t.Error("an edit past the end was applied")
	}
}
