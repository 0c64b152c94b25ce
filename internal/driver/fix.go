package driver

import (
	"bytes"
	"errors"
	"fmt"
	"go/format"
	"os"
	"slices"
	"sort"

	"github.com/rogpeppe/go-internal/diff"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/sqlheat/sqlheat/internal/report"
)

// fixSet holds the suggested fixes of a run's findings, for -fix and
// -diff: the fix of each finding, by the finding's key (findingKey), so
// that only the findings the report ends up with are fixed.
type fixSet struct {
	byFinding map[string][]edit
}

// edit replaces bytes [start, end) of a file.
type edit struct {
	file       string
	start, end int
	text       string
}

func newFixSet() *fixSet { return &fixSet{byFinding: map[string][]edit{}} }

// add records the first suggested fix of d, the diagnostic of the finding
// keyed key: a diagnostic's fixes are alternatives, and the first is the
// one its check recommends. A package and its test variant report the
// same finding with the same fix: it is recorded once.
func (s *fixSet) add(key string, act *checker.Action, d analysis.Diagnostic) {
	if len(d.SuggestedFixes) == 0 || s.byFinding[key] != nil {
		return
	}
	fset := act.Package.Fset
	var edits []edit
	for _, te := range d.SuggestedFixes[0].TextEdits {
		file := fset.File(te.Pos)
		if file == nil {
			return // an edit outside the package's files: not a fix we can make
		}
		end := te.End
		if !end.IsValid() {
			end = te.Pos
		}
		edits = append(edits, edit{file.Name(), file.Offset(te.Pos), file.Offset(end), string(te.NewText)})
	}
	if len(edits) > 0 {
		s.byFinding[key] = edits
	}
}

// fixed is what applying fixes did: the keys of the findings fixed, the
// edits made and the files they changed, with their content before and
// after.
type fixed struct {
	findings map[string]bool
	edits    int
	files    []fileChange
}

type fileChange struct {
	name     string
	old, new []byte
}

// apply works out the fixes of the findings keyed keys: a fix is made
// whole or not at all — not when one of its edits overlaps an edit made
// already (that finding stays, for another run), nor when a file it
// edits would not be valid Go after the edits. It reads the files, and
// writes nothing; rel names files in errors.
func (s *fixSet) apply(keys []string, rel func(string) string) (*fixed, error) {
	keys = slices.Clone(keys)
	slices.Sort(keys) // the same fixes win an overlap on every run
	var taken []string
	byFile := map[string][]edit{}
	for _, k := range keys {
		edits := s.byFinding[k]
		if len(edits) == 0 || overlaps(byFile, edits) {
			continue
		}
		taken = append(taken, k)
		for _, e := range edits {
			byFile[e.file] = append(byFile[e.file], e)
		}
	}
	src := map[string][]byte{}
	for name := range byFile {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		src[name] = data
	}
	var problems []error
	for {
		res, bad := s.render(taken, src)
		if len(bad) == 0 {
			return res, errors.Join(problems...)
		}
		// Drop the fixes that edit a file the edits would break, and
		// make the others again without them.
		for name, err := range bad {
			problems = append(problems, fmt.Errorf("%s: the fixes would not leave valid Go: %w", rel(name), err))
		}
		taken = slices.DeleteFunc(taken, func(k string) bool {
			return slices.ContainsFunc(s.byFinding[k], func(e edit) bool { return bad[e.file] != nil })
		})
	}
}

// render applies the fixes of the findings keyed taken to src, the
// files' content. bad are the files whose result would not format.
func (s *fixSet) render(taken []string, src map[string][]byte) (*fixed, map[string]error) {
	res := &fixed{findings: map[string]bool{}}
	byFile := map[string][]edit{}
	for _, k := range taken {
		res.findings[k] = true
		for _, e := range s.byFinding[k] {
			byFile[e.file] = append(byFile[e.file], e)
		}
		res.edits += len(s.byFinding[k])
	}
	bad := map[string]error{}
	for _, name := range sortedKeys(byFile) {
		out, err := applyEdits(src[name], byFile[name])
		if err == nil {
			_, err = format.Source(out)
		}
		if err != nil {
			bad[name] = err
			continue
		}
		if !bytes.Equal(out, src[name]) {
			res.files = append(res.files, fileChange{name, src[name], out})
		}
	}
	return res, bad
}

// overlaps reports whether an edit of edits overlaps one of byFile's.
func overlaps(byFile map[string][]edit, edits []edit) bool {
	for _, e := range edits {
		for _, o := range byFile[e.file] {
			if e.start < o.end && o.start < e.end || e.start == o.start && e.end == o.end {
				return true
			}
		}
	}
	return false
}

// write writes the changed files, keeping their permissions.
func (f *fixed) write() error {
	for _, c := range f.files {
		info, err := os.Stat(c.name)
		if err != nil {
			return err
		}
		if err := os.WriteFile(c.name, c.new, info.Mode().Perm()); err != nil {
			return err
		}
	}
	return nil
}

// diff is the changes as a unified diff, with the files' paths as rel
// gives them, under a/ and b/ (git's and patch -p1's form).
func (f *fixed) diff(rel func(string) string) []byte {
	var b bytes.Buffer
	for _, c := range f.files {
		name := rel(c.name)
		b.Write(diff.Diff("a/"+name, c.old, "b/"+name, c.new))
	}
	return b.Bytes()
}

// applyEdits applies edits, which do not overlap, to src.
func applyEdits(src []byte, edits []edit) ([]byte, error) {
	edits = slices.Clone(edits)
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	var b bytes.Buffer
	last := 0
	for _, e := range edits {
		if e.start < last || e.end < e.start || e.end > len(src) {
			return nil, fmt.Errorf("edit [%d, %d) out of the file's %d bytes, or overlapping another", e.start, e.end, len(src))
		}
		b.Write(src[last:e.start])
		b.WriteString(e.text)
		last = e.end
	}
	b.Write(src[last:])
	return b.Bytes(), nil
}

// findingKey identifies a finding in a run: a package and its test
// variant report the same finding, with the same key.
func findingKey(f report.Finding) string {
	return fmt.Sprintf("%s:%d:%d:%s:%s", f.File, f.Line, f.Column, f.Check, f.Message)
}
