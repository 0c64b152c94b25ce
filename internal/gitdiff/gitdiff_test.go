package gitdiff

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A scratch repository: a commit, then an edit, a new line and an
// untracked file.
func TestSince(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@t", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@t")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(name string, lines ...string) {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		os.WriteFile(filepath.Join(dir, name), []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	}
	run("init", "-q")
	write("a/a.go", "package a", "", "func A() {}", "func B() {}")
	run("add", ".")
	run("commit", "-q", "-m", "one")
	write("a/a.go", "package a", "", "func A() { changed() }", "func B() {}", "func C() {}")
	write("b/new.go", "package b")

	c, err := Since(dir, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		file string
		line int
		want bool
	}{
		{"a/a.go", 1, false}, {"a/a.go", 3, true}, {"a/a.go", 4, false}, {"a/a.go", 5, true},
		{"b/new.go", 1, true}, {filepath.Join(c.Root, "a/a.go"), 3, true},
	} {
		if got := c.Changed(tc.file, tc.line); got != tc.want {
			t.Errorf("Changed(%s, %d) = %v, want %v", tc.file, tc.line, got, tc.want)
		}
	}
	if _, err := Since(dir, "no-such-rev"); err == nil {
		t.Error("bad revision: no error")
	}
}
