package driver

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
	"sort"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
)

// fixSet collects the edits of the suggested fixes of a run, for -fix.
type fixSet struct {
	edits map[string][]edit // by file name
	fixes int
}

// edit replaces bytes [start, end) of a file.
type edit struct {
	start, end int
	text       string
}

func newFixSet() *fixSet { return &fixSet{edits: map[string][]edit{}} }

// add records the first suggested fix of d: a diagnostic's fixes are
// alternatives, and the first is the one its check recommends.
func (s *fixSet) add(act *checker.Action, d analysis.Diagnostic) {
	if len(d.SuggestedFixes) == 0 {
		return
	}
	fset := act.Package.Fset
	for _, te := range d.SuggestedFixes[0].TextEdits {
		file := fset.File(te.Pos)
		if file == nil {
			continue
		}
		end := te.End
		if !end.IsValid() {
			end = te.Pos
		}
		s.edits[file.Name()] = append(s.edits[file.Name()], edit{file.Offset(te.Pos), file.Offset(end), string(te.NewText)})
	}
	s.fixes++
}

// apply writes the edits to the files: per file, sorted, the same edit
// made once (a package and its test variant report the same fix), and an
// edit that overlaps one already taken skipped. Files are rewritten only
// when the result still formats as Go. It returns how many edits it made
// in how many files.
func (s *fixSet) apply() (edits, files int, err error) {
	names := make([]string, 0, len(s.edits))
	for name := range s.edits {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			return edits, files, err
		}
		out, n, err := applyEdits(src, s.edits[name])
		if err != nil {
			return edits, files, fmt.Errorf("%s: %w", name, err)
		}
		if bytes.Equal(out, src) {
			continue
		}
		if _, err := format.Source(out); err != nil {
			return edits, files, fmt.Errorf("%s: the fixes would not leave valid Go: %w", name, err)
		}
		info, err := os.Stat(name)
		if err != nil {
			return edits, files, err
		}
		if err := os.WriteFile(name, out, info.Mode().Perm()); err != nil {
			return edits, files, err
		}
		edits += n
		files++
	}
	return edits, files, nil
}

// applyEdits applies edits to src and says how many it made.
func applyEdits(src []byte, edits []edit) ([]byte, int, error) {
	sort.SliceStable(edits, func(i, j int) bool {
		if edits[i].start != edits[j].start {
			return edits[i].start < edits[j].start
		}
		return edits[i].end < edits[j].end
	})
	var b bytes.Buffer
	last := 0
	var prev *edit
	n := 0
	for i := range edits {
		e := &edits[i]
		if e.start < 0 || e.end < e.start || e.end > len(src) {
			return nil, 0, fmt.Errorf("edit [%d, %d) out of the file's %d bytes", e.start, e.end, len(src))
		}
		if prev != nil && *e == *prev {
			continue // the same fix, reported twice
		}
		if e.start < last {
			continue // overlaps an edit taken already: leave it for another run
		}
		b.Write(src[last:e.start])
		b.WriteString(e.text)
		last = e.end
		prev = e
		n++
	}
	b.Write(src[last:])
	return b.Bytes(), n, nil
}
