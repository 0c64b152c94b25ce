package srcpos_test

import (
	"go/token"
	"testing"

	"github.com/sqlheat/sqlheat/internal/srcpos"
)

// Files added to the set in the "wrong" order (b.go first, as a
// concurrent parse may) still order by name.
func TestCompare(t *testing.T) {
	fset := token.NewFileSet()
	b := fset.AddFile("b.go", -1, 100)
	a := fset.AddFile("a.go", -1, 100)
	if b.Pos(0) >= a.Pos(0) {
		t.Fatal("test set-up: b.go should have the lower base")
	}
	for _, tc := range []struct {
		x, y token.Pos
		want int
	}{
		{a.Pos(50), b.Pos(0), -1},
		{b.Pos(0), a.Pos(50), 1},
		{a.Pos(1), a.Pos(2), -1},
		{a.Pos(7), a.Pos(7), 0},
		{token.NoPos, b.Pos(0), -1},
	} {
		if got := srcpos.Compare(fset, tc.x, tc.y); got != tc.want {
			t.Errorf("Compare(%v, %v) = %d, want %d", fset.Position(tc.x), fset.Position(tc.y), got, tc.want)
		}
	}
}
