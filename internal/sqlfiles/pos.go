package sqlfiles

import (
	"go/token"
	"sync"
)

// Pos returns the position of byte off of f in fset, adding f to fset the
// first time it is asked for there.
//
// A diagnostic's position is a token.Pos of the pass's file set, which
// holds the package's Go files only: to report on a line of a .sql file,
// the file must be in the set too. Every runner prints positions through
// that same set (go vet's unitchecker, the standalone driver, analysistest),
// so a .sql position prints as query.sql:12:8 like any other. The file is
// added once per file set — the standalone driver shares one set across
// all packages — and token.FileSet.AddFile is safe for concurrent use.
func (f *File) Pos(fset *token.FileSet, off int) token.Pos {
	if f == nil || fset == nil {
		return token.NoPos
	}
	v, _ := tokFiles.LoadOrStore(tokKey{fset, f.Path, len(f.Data)}, new(tokFile))
	t := v.(*tokFile)
	t.once.Do(func() {
		t.tf = fset.AddFile(f.Path, -1, len(f.Data))
		t.tf.SetLinesForContent(f.Data)
	})
	off = min(max(off, 0), len(f.Data))
	return t.tf.Pos(off)
}

// tokFiles maps a file set and a file to the token.File added for it.
// Entries are never removed: a process analyzes with a few file sets, and
// a query file costs one line table in each.
var tokFiles sync.Map

type tokKey struct {
	fset *token.FileSet
	path string
	size int
}

type tokFile struct {
	once sync.Once
	tf   *token.File
}
