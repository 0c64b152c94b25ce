package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sqlheat/sqlheat/internal/driver"
	"github.com/sqlheat/sqlheat/internal/report"
)

// Pre-merge CI, end to end through the driver on scratch copies of the
// demo: a baseline across a line move, -new-from-rev on a git repository
// the test makes, suppressions and -report-unused-ignores, and the SARIF
// and GitHub formats.

// runDemo runs the driver with args and -format json on dir and returns
// the exit code, the report and stderr.
func runDemo(t *testing.T, dir string, args ...string) (int, *report.Report, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	all := append([]string{"-C", dir, "-format", "json"}, args...)
	code := driver.Main(append(all, "./..."), &stdout, &stderr)
	var rep report.Report
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatalf("sqlheat %s: exit %d, not a JSON report: %v\nstderr:\n%s", strings.Join(args, " "), code, err, stderr.String())
	}
	return code, &rep, stderr.String()
}

// keys lists the findings as "check file:line", sorted.
func keys(rep *report.Report) []string {
	var out []string
	for _, f := range rep.Findings {
		out = append(out, f.Check+" "+f.File+":"+itoa(f.Line))
	}
	slices.Sort(out)
	return out
}

// shift inserts n comment lines after the package clause of each file, so
// that every finding in them moves down by n lines.
func shift(t *testing.T, dir string, n int, files ...string) {
	t.Helper()
	for _, name := range files {
		path := filepath.Join(dir, name)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		head, rest, ok := strings.Cut(string(data), "\n")
		if !ok || !strings.HasPrefix(head, "package ") {
			t.Fatalf("%s does not start with its package clause", name)
		}
		pad := strings.Repeat("// moved by an unrelated edit\n", n)
		if err := os.WriteFile(path, []byte(head+"\n"+pad+rest), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// shifted adds n to the line of every "check file:line" whose file is in files.
func shifted(findings []string, n int, files ...string) []string {
	var out []string
	for _, k := range findings {
		check, loc, _ := strings.Cut(k, " ")
		file, line, _ := strings.Cut(loc, ":")
		if slices.Contains(files, file) {
			l := 0
			for _, c := range line {
				l = l*10 + int(c-'0')
			}
			line = itoa(l + n)
		}
		out = append(out, check+" "+file+":"+line)
	}
	slices.Sort(out)
	return out
}

// appendTo appends Go source to a file of the copy.
func appendTo(t *testing.T, dir, name, src string) {
	t.Helper()
	f, err := os.OpenFile(filepath.Join(dir, name), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(src); err != nil {
		t.Fatal(err)
	}
}

// lineOf is the 1-based line of the first occurrence of text in a file.
func lineOf(t *testing.T, dir, name, text string) int {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(string(data), text)
	if i < 0 {
		t.Fatalf("%s: %q not found", name, text)
	}
	return strings.Count(string(data[:i]), "\n") + 1
}

// newNPlusOne is a new N+1, appended to internal/store/orders.go.
const newNPlusOne = `
// CustomerNames looks the names up one customer at a time.
func (s *Store) CustomerNames(ctx context.Context, ids []int64) ([]string, error) {
	var names []string
	for _, id := range ids {
		var name string
		if err := s.db.QueryRowContext(ctx, ` + "`SELECT name FROM customers WHERE id = $1`" + `, id).Scan(&name); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	return names, nil
}
`

var movedFiles = []string{"internal/api/customers.go", "internal/api/orders.go", "internal/store/customers.go", "internal/store/orders.go"}

// -write-baseline records the findings; after every finding moved by
// three lines, -baseline still hides them all, and shows only a new one;
// a finding fixed since is a stale entry.
func TestBaselineAcrossLineMove(t *testing.T) {
	dir := copyDemo(t)
	base := filepath.Join(t.TempDir(), "sqlheat-baseline.json")

	code, rep, stderr := runDemo(t, dir, "-write-baseline", base)
	if code != driver.ExitFindings || !slices.Equal(keys(rep), planted) {
		t.Fatalf("-write-baseline: exit %d, findings:\n%s\nwant exit 1 and the planted findings; stderr:\n%s", code, strings.Join(keys(rep), "\n"), stderr)
	}
	if !strings.Contains(stderr, "wrote 9 findings to the baseline") {
		t.Errorf("-write-baseline does not say what it wrote: %s", stderr)
	}

	shift(t, dir, 3, movedFiles...)
	_, rep, _ = runDemo(t, dir) // the findings really moved
	if want := shifted(planted, 3, movedFiles...); !slices.Equal(keys(rep), want) {
		t.Fatalf("after the move, findings:\n%s\nwant:\n%s", strings.Join(keys(rep), "\n"), strings.Join(want, "\n"))
	}
	code, rep, stderr = runDemo(t, dir, "-baseline", base)
	if code != driver.ExitClean || len(rep.Findings) != 0 || rep.Stats.BaselineHidden != 9 || rep.Stats.BaselineStale != 0 {
		t.Errorf("-baseline after a line move: exit %d, %d findings %v, hidden %d, stale %d; want 0, none, 9, 0\n%s",
			code, len(rep.Findings), keys(rep), rep.Stats.BaselineHidden, rep.Stats.BaselineStale, stderr)
	}

	// A new N+1, and F2 fixed (the columns listed).
	appendTo(t, dir, "internal/store/orders.go", newNPlusOne)
	fixSelectStar(t, dir)
	code, rep, _ = runDemo(t, dir, "-baseline", base)
	want := []string{"queryinloop internal/store/orders.go:" + itoa(lineOf(t, dir, "internal/store/orders.go", "s.db.QueryRowContext(ctx, `SELECT name FROM customers"))}
	if code != driver.ExitFindings || !slices.Equal(keys(rep), want) || rep.Stats.BaselineHidden != 8 || rep.Stats.BaselineStale != 1 {
		t.Errorf("-baseline with a new finding and a fixed one: exit %d, findings %v, hidden %d, stale %d; want 1, %v, 8, 1",
			code, keys(rep), rep.Stats.BaselineHidden, rep.Stats.BaselineStale, want)
	}

	// The text format says what the baseline hid.
	var stdout, errb bytes.Buffer
	driver.Main([]string{"-C", dir, "-baseline", base, "./..."}, &stdout, &errb)
	if !strings.Contains(errb.String(), "hidden: 8 by the baseline (1 stale entries)") {
		t.Errorf("text format does not report the baseline's effect:\n%s", errb.String())
	}
}

// fixSelectStar replaces F2's c.* with the columns.
func fixSelectStar(t *testing.T, dir string) {
	t.Helper()
	path := filepath.Join(dir, "internal/store/customers.go")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fixed := strings.Replace(string(data), "SELECT c.* FROM customers c", "SELECT c.id, c.email, c.name, c.created_at FROM customers c", 1)
	if fixed == string(data) {
		t.Fatal("F2's SELECT c.* not found")
	}
	if err := os.WriteFile(path, []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
}

// gitRepo makes dir a git repository with one commit of its content.
func gitRepo(t *testing.T, dir string) func(args ...string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		if os.Getenv("SQLHEAT_INTEGRATION") != "" {
			t.Fatal("git not found")
		}
		t.Skip("git not found")
	}
	// The user's git configuration must not change the diff sqlheat reads.
	t.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	git := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=sqlheat test", "-c", "user.email=test@sqlheat.invalid", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	git("-c", "init.defaultBranch=main", "init", "-q")
	git("add", "-A")
	git("commit", "-q", "-m", "the demo")
	return git
}

// -new-from-rev shows only findings on lines changed since a revision:
// uncommitted edits, untracked files, and commits since.
func TestNewFromRev(t *testing.T) {
	dir := copyDemo(t)
	git := gitRepo(t, dir)

	code, rep, stderr := runDemo(t, dir, "-new-from-rev", "HEAD")
	if code != driver.ExitClean || len(rep.Findings) != 0 || rep.Stats.OldHidden != 9 {
		t.Errorf("nothing changed: exit %d, findings %v, old hidden %d; want 0, none, 9\n%s", code, keys(rep), rep.Stats.OldHidden, stderr)
	}

	// A new N+1 in a tracked file, a touched line that already had a
	// finding (F2: the author touched it, so it is theirs now), and an
	// untracked file with a SELECT *.
	appendTo(t, dir, "internal/store/orders.go", newNPlusOne)
	path := filepath.Join(dir, "internal/store/customers.go")
	data, _ := os.ReadFile(path)
	touched := strings.Replace(string(data), "WHERE c.id = $1`", "WHERE c.id = $1 `", 1)
	if err := os.WriteFile(path, []byte(touched), 0o644); err != nil {
		t.Fatal(err)
	}
	newFile := "package store\n\nimport \"context\"\n\n// ReportRows reads a whole report.\nfunc (s *Store) ReportRows(ctx context.Context) error {\n\trows, err := s.db.QueryContext(ctx, `SELECT * FROM orders WHERE status = 'done'`)\n\tif err != nil {\n\t\treturn err\n\t}\n\treturn rows.Close()\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "internal/store/report.go"), []byte(newFile), 0o644); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"queryinloop internal/store/orders.go:" + itoa(lineOf(t, dir, "internal/store/orders.go", "SELECT name FROM customers")),
		"selectstar internal/store/customers.go:16",
		"selectstar internal/store/report.go:7",
	}
	slices.Sort(want)
	code, rep, stderr = runDemo(t, dir, "-new-from-rev", "HEAD")
	if code != driver.ExitFindings || !slices.Equal(keys(rep), want) || rep.Stats.OldHidden != 8 {
		t.Errorf("-new-from-rev HEAD with changes: exit %d, findings\n%s\nold hidden %d; want 1,\n%s\nand 8\n%s",
			code, strings.Join(keys(rep), "\n"), rep.Stats.OldHidden, strings.Join(want, "\n"), stderr)
	}
	for _, f := range rep.Findings {
		if f.Rank < 1 || f.Score <= 0 {
			t.Errorf("shown finding not ranked: %+v", f)
		}
	}

	// Committed: the pull request's base is HEAD~1.
	git("add", "-A")
	git("commit", "-q", "-m", "a change")
	if code, rep, _ = runDemo(t, dir, "-new-from-rev", "HEAD~1"); code != driver.ExitFindings || !slices.Equal(keys(rep), want) {
		t.Errorf("-new-from-rev HEAD~1 after the commit: exit %d, findings %v; want 1, %v", code, keys(rep), want)
	}
	if code, rep, _ = runDemo(t, dir, "-new-from-rev", "HEAD"); code != driver.ExitClean || len(rep.Findings) != 0 {
		t.Errorf("-new-from-rev HEAD after the commit: exit %d, findings %v; want 0, none", code, keys(rep))
	}

	// A revision git does not know is a usage error, not a clean run.
	var stdout, errb bytes.Buffer
	if code := driver.Main([]string{"-C", dir, "-new-from-rev", "no-such-rev", "./..."}, &stdout, &errb); code != driver.ExitUsage || !strings.Contains(errb.String(), "-new-from-rev") {
		t.Errorf("-new-from-rev no-such-rev: exit %d, stderr %q; want exit 2 naming the flag", code, errb.String())
	}
}

// Suppressions: //sqlheat:ignore with a reason silences its line, and
// //nolint:sqlheat too; one without a reason or naming an unknown check is
// itself a finding (and silences nothing); with -report-unused-ignores,
// one that silences nothing is reported.
func TestSuppressionsAndUnusedIgnores(t *testing.T) {
	dir := copyDemo(t)
	// Comments at the end of lines: no finding moves.
	endOfLine := func(name string, edits map[int]string) {
		t.Helper()
		path := filepath.Join(dir, name)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		for n, c := range edits {
			lines[n-1] += " " + c
		}
		if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	endOfLine("internal/store/customers.go", map[int]string{
		16: "//sqlheat:ignore selectstar -- the profile page shows every column", // F2, silenced
		8:  "//sqlheat:ignore queryinloop -- not in a loop",                      // silences nothing
		24: "//sqlheat:ignore nplusone -- misspelt",                              // unknown check
	})
	endOfLine("internal/store/orders.go", map[int]string{
		46: "//nolint:sqlheat // reviewed",  // F1, silenced
		19: "//sqlheat:ignore missingindex", // no reason: F6 stays
	})
	silenced := []string{"selectstar internal/store/customers.go:16", "selectstar internal/store/orders.go:46"}
	want := slices.DeleteFunc(slices.Clone(planted), func(s string) bool { return slices.Contains(silenced, s) })
	want = append(want, "ignores internal/store/customers.go:24", "ignores internal/store/orders.go:19")
	slices.Sort(want)

	_, rep, _ := runDemo(t, dir)
	if !slices.Equal(keys(rep), want) {
		t.Errorf("with suppressions, findings:\n%s\nwant:\n%s", strings.Join(keys(rep), "\n"), strings.Join(want, "\n"))
	}
	msgs := map[string]string{}
	for _, f := range rep.Findings {
		msgs[f.Check+" "+f.File+":"+itoa(f.Line)] = f.Message
	}
	if m := msgs["ignores internal/store/orders.go:19"]; !strings.Contains(m, "needs a reason") {
		t.Errorf("a suppression without a reason: %q", m)
	}
	if m := msgs["ignores internal/store/customers.go:24"]; !strings.Contains(m, "unknown check nplusone") {
		t.Errorf("a suppression naming an unknown check: %q", m)
	}

	_, rep, _ = runDemo(t, dir, "-report-unused-ignores")
	want = append(want, "ignores internal/store/customers.go:8")
	slices.Sort(want)
	if !slices.Equal(keys(rep), want) {
		t.Errorf("with -report-unused-ignores, findings:\n%s\nwant:\n%s", strings.Join(keys(rep), "\n"), strings.Join(want, "\n"))
	}
}

// SARIF as GitHub code scanning reads it, and GitHub annotations, through
// the driver: one result per finding with a line-independent fingerprint
// (the same after the line move), repository-relative paths.
func TestCIFormats(t *testing.T) {
	sarifOf := func(dir string) map[string]any {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if code := driver.Main([]string{"-C", dir, "-format", "sarif", "./..."}, &stdout, &stderr); code != driver.ExitFindings {
			t.Fatalf("-format sarif: exit %d; stderr:\n%s", code, stderr.String())
		}
		var log map[string]any
		if err := json.Unmarshal(stdout.Bytes(), &log); err != nil {
			t.Fatalf("-format sarif: not JSON: %v", err)
		}
		return log
	}
	type result struct{ rule, uri, fp string }
	results := func(log map[string]any) []result {
		t.Helper()
		if log["version"] != "2.1.0" {
			t.Errorf("SARIF version %v", log["version"])
		}
		run := get(log, "runs", 0)
		var rules []string
		for _, r := range get(run, "tool", "driver", "rules").([]any) {
			rules = append(rules, get(r, "id").(string))
			if u, _ := get(r, "helpUri").(string); !strings.HasPrefix(u, "https://") {
				t.Errorf("rule %v has no helpUri", get(r, "id"))
			}
		}
		for _, check := range []string{"queryinloop", "selectstar", "missingindex", "handlerquery"} {
			if !slices.Contains(rules, check) {
				t.Errorf("no SARIF rule for %s: %v", check, rules)
			}
		}
		var out []result
		for _, r := range get(run, "results").([]any) {
			loc := get(r, "locations", 0, "physicalLocation")
			uri, _ := get(loc, "artifactLocation", "uri").(string)
			if col, _ := get(loc, "region", "startColumn").(float64); col < 1 {
				t.Errorf("result at %s: startColumn %v", uri, col)
			}
			if strings.HasPrefix(uri, "/") || strings.Contains(uri, "..") {
				t.Errorf("result uri %q is not repository-relative", uri)
			}
			fp, _ := get(r, "partialFingerprints", report.FingerprintKey).(string)
			if fp == "" {
				t.Errorf("result at %s has no %s fingerprint", uri, report.FingerprintKey)
			}
			out = append(out, result{get(r, "ruleId").(string), uri, fp})
		}
		return out
	}

	// In this repository, paths are relative to its root.
	inRepo := results(sarifOf(demo))
	if len(inRepo) != len(planted) {
		t.Errorf("%d SARIF results, want %d", len(inRepo), len(planted))
	}
	if _, err := os.Stat("../../.git"); err == nil {
		for _, r := range inRepo {
			if !strings.HasPrefix(r.uri, "testdata/demo/internal/") {
				t.Errorf("SARIF uri %q: want it relative to the repository root (testdata/demo/...)", r.uri)
			}
		}
	}

	// Fingerprints survive the line move.
	dir := copyDemo(t)
	before := results(sarifOf(dir))
	shift(t, dir, 3, movedFiles...)
	after := results(sarifOf(dir))
	fps := func(rs []result) []string {
		var out []string
		for _, r := range rs {
			out = append(out, r.rule+" "+r.uri+" "+r.fp)
		}
		slices.Sort(out)
		return out
	}
	if !slices.Equal(fps(before), fps(after)) {
		t.Errorf("SARIF fingerprints changed with a line move:\n%s\nafter:\n%s", strings.Join(fps(before), "\n"), strings.Join(fps(after), "\n"))
	}

	// GitHub annotations: one workflow command per finding.
	var stdout, stderr bytes.Buffer
	if code := driver.Main([]string{"-C", dir, "-format", "github", "./..."}, &stdout, &stderr); code != driver.ExitFindings {
		t.Fatalf("-format github: exit %d; stderr:\n%s", code, stderr.String())
	}
	levels := map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
		level, rest, _ := strings.Cut(strings.TrimPrefix(line, "::"), " ")
		if !strings.HasPrefix(line, "::") || !strings.Contains(rest, "file=internal/") || !strings.Contains(rest, ",line=") ||
			!strings.Contains(rest, ",title=sqlheat ") || !strings.Contains(rest, "::") {
			t.Errorf("not a GitHub annotation: %q", line)
		}
		levels[level]++
	}
	// 2 queryinloop reads (high), 5 medium, 2 selectstar (low).
	if levels["error"] != 2 || levels["warning"] != 5 || levels["notice"] != 2 {
		t.Errorf("annotation levels %v, want error 2, warning 5, notice 2:\n%s", levels, stdout.String())
	}
}

// get walks decoded JSON by keys and indexes; nil when a step is missing.
func get(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			s, _ := v.([]any)
			if k >= len(s) {
				return nil
			}
			v = s[k]
		}
	}
	return v
}
