package suppress

import (
	"go/ast"
	"go/token"
	"slices"
	"sync"
)

// Filter decides whether a directive silences a finding, for the findings
// of one package, and remembers the directives that silenced something
// (so that -report-unused-ignores can name the others).
type Filter struct {
	fset  *token.FileSet
	files []*ast.File
	more  func(file string) []*Directive

	once sync.Once
	dirs []*Directive
	// byFile caches more's answers; used are the directives that silenced
	// a finding. A pass reports from one goroutine, but the driver may
	// consult a filter from several.
	mu     sync.Mutex
	byFile map[string][]*Directive
	used   map[*Directive]bool
}

// NewFilter returns the filter for the Go files of one package. more,
// when not nil, gives the directives of a file that is not one of them
// (a .sql query file), for findings placed there.
func NewFilter(fset *token.FileSet, files []*ast.File, more func(file string) []*Directive) *Filter {
	return &Filter{fset: fset, files: files, more: more, byFile: map[string][]*Directive{}, used: map[*Directive]bool{}}
}

// Silences reports whether a directive silences a finding of check whose
// places are places: the position it is reported at, then the other
// places it stands for. Any directive covering any place silences it.
func (f *Filter) Silences(check string, places ...token.Pos) bool {
	f.once.Do(func() { f.dirs = Parse(f.fset, f.files, nil) })
	for _, p := range places {
		if !p.IsValid() {
			continue
		}
		pos := f.fset.Position(p)
		for _, d := range f.directives(pos.Filename) {
			if d.Applies(check, pos.Filename, pos.Line) {
				f.mu.Lock()
				f.used[d] = true
				f.mu.Unlock()
				return true
			}
		}
	}
	return false
}

// directives are those that may cover a place in file.
func (f *Filter) directives(file string) []*Directive {
	f.mu.Lock()
	defer f.mu.Unlock()
	if ds, ok := f.byFile[file]; ok {
		return ds
	}
	var ds []*Directive
	for _, d := range f.dirs {
		if d.File == file {
			ds = append(ds, d)
		}
	}
	if len(ds) == 0 && f.more != nil {
		ds = f.more(file)
	}
	f.byFile[file] = ds
	return ds
}

// Used returns the positions of the Go comments that silenced a finding,
// in order. (Directives of query files have no position: they are not
// reported as unused.)
func (f *Filter) Used() []token.Pos {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []token.Pos
	for d := range f.used {
		if d.Pos.IsValid() {
			out = append(out, d.Pos)
		}
	}
	slices.Sort(out)
	return out
}
