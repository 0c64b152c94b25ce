package testenv

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sqlheat/sqlheat/internal/check"
)

// Fixes checks the fixes of a check's findings (finding.Detail.Fix, what
// the message leaves out) against the `fix` expectations of the test
// files, as analysistest checks messages against `want`:
//
//	db.Query(q, id) // fix `add CREATE INDEX .*` // want `no index serves`
//	SELECT ... -- fix `add CREATE INDEX .*` -- want `no index serves`
//
// (the fix first: analysistest reads a comment from its "// want" on).
// Each expectation must match the fix of a finding reported on its line,
// and each finding must have a fix. The .sql files read are those below
// the directories of the packages named, as Run reads them.
func Fixes(t *testing.T, dir string, results []*analysistest.Result, pkgs ...string) {
	t.Helper()
	want := map[string][]*regexp.Regexp{} // "file:line" -> expectations
	add := func(file string, line int, text string) {
		for _, rx := range fixWants(t, file, line, text) {
			k := file + ":" + strconv.Itoa(line)
			want[k] = append(want[k], rx)
		}
	}
	read := map[string]bool{}
	for _, r := range results {
		if r.Pass == nil {
			continue // not analyzed (it does not compile): analysistest said so
		}
		for _, f := range r.Pass.Files {
			name := r.Pass.Fset.File(f.Pos()).Name()
			if read[name] {
				continue
			}
			read[name] = true
			for _, cg := range f.Comments {
				for _, c := range cg.List {
					add(name, r.Pass.Fset.Position(c.Pos()).Line, c.Text)
				}
			}
		}
	}
	sqlLines(t, dir, pkgs, add)
	seen := map[string]bool{} // a package and its test variant report alike
	for _, r := range results {
		res, ok := r.Result.(*check.Result)
		if !ok {
			continue
		}
		for _, f := range res.Findings {
			posn := r.Pass.Fset.Position(f.Pos)
			k := posn.Filename + ":" + strconv.Itoa(posn.Line)
			if seen[k+"\x00"+f.Message] {
				continue
			}
			seen[k+"\x00"+f.Message] = true
			if f.Fix == "" {
				t.Errorf("%s: finding without a fix: %s", rel(dir, posn), f.Message)
				continue
			}
			for i, rx := range want[k] {
				if rx.MatchString(f.Fix) {
					want[k] = append(want[k][:i], want[k][i+1:]...)
					break
				}
			}
		}
	}
	for k, rest := range want {
		for _, rx := range rest {
			t.Errorf("%s: no finding has a fix matching %#q", strings.TrimPrefix(k, filepath.Join(dir, "src")+string(filepath.Separator)), rx)
		}
	}
}

// fixRx finds `fix "re"` (or a raw `re` in backquotes) in a Go or SQL
// comment, up to a `// want` or `-- want` after it.
var fixRx = regexp.MustCompile(`^(?:.*--|//|/\*)\s*fix\s+(.*?)\s*(?:(?://|--)\s*want\b.*)?(?:\*/)?$`)

func fixWants(t *testing.T, file string, line int, text string) []*regexp.Regexp {
	m := fixRx.FindStringSubmatch(text)
	if m == nil {
		return nil
	}
	return quotedRegexps(t, file, line, m[1])
}
