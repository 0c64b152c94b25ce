// Package gitdiff tells which lines changed since a git revision, for
// -new-from-rev: on a pull request, only findings on lines the change
// touched are the author's to fix.
package gitdiff

import (
	"bufio"
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// Changes maps a file (relative to the repository root, slash-separated)
// to its changed line ranges; a file that is new or untracked has every
// line changed.
type Changes struct {
	Root  string
	files map[string][][2]int
	whole map[string]bool
}

// Since runs git in dir and returns the lines changed between rev and the
// working tree, untracked files included.
func Since(dir, rev string) (*Changes, error) {
	root, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, err
	}
	c := &Changes{Root: strings.TrimSpace(root), files: map[string][][2]int{}, whole: map[string]bool{}}
	diff, err := git(dir, "diff", "--no-color", "--no-ext-diff", "-U0", rev, "--")
	if err != nil {
		return nil, err
	}
	c.parse(diff)
	untracked, err := git(dir, "ls-files", "--others", "--exclude-standard", "--full-name")
	if err != nil {
		return nil, err
	}
	for _, f := range strings.Split(strings.TrimSpace(untracked), "\n") {
		if f != "" {
			c.whole[f] = true
		}
	}
	return c, nil
}

// parse reads a unified diff with zero context lines.
func (c *Changes) parse(diff string) {
	var file string
	sc := bufio.NewScanner(strings.NewReader(diff))
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "+++ "):
			file = strings.TrimPrefix(strings.TrimPrefix(line, "+++ "), "b/")
			if file == "/dev/null" {
				file = ""
			}
		case strings.HasPrefix(line, "@@ ") && file != "":
			// @@ -a,b +c,d @@: lines c .. c+d-1 of the new file.
			fields := strings.Fields(line)
			if len(fields) < 3 {
				continue
			}
			start, count := hunk(strings.TrimPrefix(fields[2], "+"))
			if count > 0 {
				c.files[file] = append(c.files[file], [2]int{start, start + count - 1})
			}
		}
	}
}

func hunk(s string) (start, count int) {
	a, b, found := strings.Cut(s, ",")
	start, _ = strconv.Atoi(a)
	count = 1
	if found {
		count, _ = strconv.Atoi(b)
	}
	return start, count
}

// Changed reports whether line of path (absolute, or relative to the
// repository root) is new since the revision.
func (c *Changes) Changed(path string, line int) bool {
	if filepath.IsAbs(path) {
		if rel, err := filepath.Rel(c.Root, path); err == nil {
			path = rel
		}
	}
	path = filepath.ToSlash(path)
	if c.whole[path] {
		return true
	}
	for _, r := range c.files[path] {
		if line >= r[0] && line <= r[1] {
			return true
		}
	}
	return false
}

func git(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return string(out), nil
}
