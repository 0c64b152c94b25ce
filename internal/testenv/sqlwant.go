package testenv

import (
	"fmt"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// Run is analysistest.Run for checks that also report in .sql files.
//
// analysistest reads expectations from the `// want` comments of Go files
// and of a package's OtherFiles (cgo and assembly sources), never from
// .sql files, and calls every diagnostic without one unexpected. Run
// leaves Go files to analysistest and checks the diagnostics it reports
// in .sql files against `-- want "regexp"` comments there instead, with
// analysistest's rules: each expectation on the line of the diagnostic,
// matched once, and none left over. The .sql files read are those below
// the directories of the packages named (src/<pattern>).
func Run(t *testing.T, dir string, a *analysis.Analyzer, pkgs ...string) []*analysistest.Result {
	t.Helper()
	results := analysistest.Run(sqlFilter{t}, dir, a, pkgs...)
	want := map[string][]*regexp.Regexp{} // "file:line" -> expectations
	sqlLines(t, dir, pkgs, func(path string, line int, text string) {
		for _, rx := range sqlWants(t, path, line, text) {
			k := path + ":" + strconv.Itoa(line)
			want[k] = append(want[k], rx)
		}
	})
	seen := map[string]bool{} // a package and its test variant report alike
	for _, r := range results {
		for _, d := range r.Diagnostics {
			posn := r.Pass.Fset.Position(d.Pos)
			if !strings.HasSuffix(posn.Filename, ".sql") {
				continue
			}
			k := posn.Filename + ":" + strconv.Itoa(posn.Line)
			if seen[k+"\x00"+d.Message] {
				continue
			}
			seen[k+"\x00"+d.Message] = true
			matched := false
			for i, rx := range want[k] {
				if rx.MatchString(d.Message) {
					want[k] = append(want[k][:i], want[k][i+1:]...)
					matched = true
					break
				}
			}
			if !matched {
				t.Errorf("%s: unexpected diagnostic: %s", rel(dir, posn), d.Message)
			}
		}
	}
	for k, rest := range want {
		for _, rx := range rest {
			t.Errorf("%s: no diagnostic was reported matching %#q", strings.TrimPrefix(k, filepath.Join(dir, "src")+string(filepath.Separator)), rx)
		}
	}
	return results
}

// sqlLines calls fn with each line of the .sql files below the
// directories of the packages named (src/<pattern> of dir), numbered
// from 1.
func sqlLines(t *testing.T, dir string, pkgs []string, fn func(path string, line int, text string)) {
	for _, p := range pkgs {
		root := filepath.Join(dir, "src", filepath.FromSlash(strings.TrimSuffix(p, "/...")))
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".sql") {
				return nil
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Error(err)
				return nil
			}
			for i, line := range strings.Split(string(data), "\n") {
				fn(path, i+1, line)
			}
			return nil
		})
	}
}

// sqlFilter passes analysistest's complaints on, except those about
// diagnostics in .sql files, which Run checks itself.
type sqlFilter struct{ t *testing.T }

func (f sqlFilter) Errorf(format string, args ...any) {
	f.t.Helper()
	if len(args) > 0 && strings.Contains(format, "unexpected") {
		if posn, ok := args[0].(token.Position); ok && strings.HasSuffix(posn.Filename, ".sql") {
			return
		}
	}
	f.t.Errorf(format, args...)
}

// wantRx finds `-- want "re"` (or a raw `re` in backquotes) in a line of SQL.
var wantRx = regexp.MustCompile("--\\s*want\\s+(.*)$")

func sqlWants(t *testing.T, file string, line int, text string) []*regexp.Regexp {
	m := wantRx.FindStringSubmatch(text)
	if m == nil {
		return nil
	}
	return quotedRegexps(t, file, line, m[1])
}

// quotedRegexps reads the regexps of an expectation: Go string literals,
// interpreted or raw, separated by spaces.
func quotedRegexps(t *testing.T, file string, line int, text string) []*regexp.Regexp {
	var out []*regexp.Regexp
	rest := strings.TrimSpace(text)
	for rest != "" {
		var lit string
		var err error
		switch rest[0] {
		case '"':
			end := closingQuote(rest)
			if end < 0 {
				t.Fatalf("%s:%d: unterminated want %s", file, line, rest)
			}
			lit, err = strconv.Unquote(rest[:end+1])
			rest = strings.TrimSpace(rest[end+1:])
		case '`':
			end := strings.IndexByte(rest[1:], '`')
			if end < 0 {
				t.Fatalf("%s:%d: unterminated want %s", file, line, rest)
			}
			lit, rest = rest[1:1+end], strings.TrimSpace(rest[2+end:])
		default:
			t.Fatalf("%s:%d: an expectation needs quoted regexps: %s", file, line, rest)
		}
		if err != nil {
			t.Fatalf("%s:%d: %v", file, line, err)
		}
		rx, err := regexp.Compile(lit)
		if err != nil {
			t.Fatalf("%s:%d: %v", file, line, err)
		}
		out = append(out, rx)
	}
	return out
}

// closingQuote is the index of the quote ending the Go string literal s
// starts, -1 when none.
func closingQuote(s string) int {
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return -1
}

func rel(dir string, posn token.Position) string {
	return fmt.Sprintf("%s:%d:%d", strings.TrimPrefix(posn.Filename, filepath.Join(dir, "src")+string(filepath.Separator)), posn.Line, posn.Column)
}
