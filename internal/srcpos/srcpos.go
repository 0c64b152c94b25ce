// Package srcpos orders source positions the same way on every run.
//
// A token.Pos is an offset into a FileSet, and go/packages parses a
// package's files concurrently: which file gets the lower base differs
// from run to run. Sorting by token.Pos is therefore only stable within
// one file. Whatever picks "the first" of several places across files (the
// place a shared finding is reported at, the order of routes, of sites, of
// a migration list) sorts by file name and offset instead.
package srcpos

import (
	"cmp"
	"go/token"
)

// Compare orders a and b by file name, then offset in the file; positions
// that are not valid come first.
func Compare(fset *token.FileSet, a, b token.Pos) int {
	if a == b {
		return 0
	}
	pa, pb := fset.PositionFor(a, false), fset.PositionFor(b, false)
	return cmp.Or(cmp.Compare(pa.Filename, pb.Filename), cmp.Compare(pa.Offset, pb.Offset))
}
