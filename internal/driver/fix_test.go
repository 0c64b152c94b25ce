package driver

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
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

// A fix is made whole or not at all: not when it overlaps a fix made
// already, nor when it would leave a file that is not Go; the others are
// made, and only they are said to be fixed.
func TestFixSetApply(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.go")
	b := filepath.Join(dir, "b.go")
	const srcA = "package a\n\nconst q = `SELECT * FROM t; SELECT * FROM u`\n"
	const srcB = "package b\n\nconst q = `SELECT * FROM t`\n"
	for name, src := range map[string]string{a: srcA, b: srcB} {
		if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	star, star2 := strings.Index(srcA, "*"), strings.LastIndex(srcA, "*")
	s := newFixSet()
	s.byFinding = map[string][]edit{
		"1 first star":  {{a, star, star + 1, "a, b"}},
		"2 clash":       {{a, star, star + 8, "x"}}, // overlaps the first: left for another run
		"3 second star": {{a, star2, star2 + 1, "id"}},
		"4 breaks b":    {{b, 0, 7, "func"}, {a, len(srcA) - 1, len(srcA) - 1, "// a\n"}},
	}
	res, err := s.apply([]string{"3 second star", "1 first star", "2 clash", "4 breaks b", "5 has no fix"}, filepath.Base)
	if err == nil || !strings.HasPrefix(err.Error(), "b.go: the fixes would not leave valid Go") {
		t.Errorf("err = %v, want b.go's", err)
	}
	var fixed []string
	for k := range res.findings {
		fixed = append(fixed, k)
	}
	sort.Strings(fixed)
	if got := strings.Join(fixed, ","); got != "1 first star,3 second star" || res.edits != 2 {
		t.Errorf("fixed %s with %d edits, want the two stars with 2", got, res.edits)
	}
	if len(res.files) != 1 || string(res.files[0].new) != "package a\n\nconst q = `SELECT a, b FROM t; SELECT id FROM u`\n" {
		t.Fatalf("files %+v", res.files)
	}
	if data, _ := os.ReadFile(a); string(data) != srcA {
		t.Error("apply wrote a file")
	}
	patch := string(res.diff(func(name string) string { return filepath.Base(name) }))
	if !strings.HasPrefix(patch, "diff a/a.go b/a.go\n--- a/a.go\n+++ b/a.go\n") || !strings.Contains(patch, "+const q = `SELECT a, b FROM t; SELECT id FROM u`") {
		t.Errorf("diff:\n%s", patch)
	}
	if err := res.write(); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(a); string(data) != string(res.files[0].new) {
		t.Errorf("a.go after write: %s", data)
	}
}
