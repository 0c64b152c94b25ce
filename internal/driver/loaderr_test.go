package driver

import (
	"strings"
	"testing"
)

// The go command's copy of the compiler's output is split into one error
// a line, positions made absolute; another error is kept whole.
func TestCompilerOutput(t *testing.T) {
	got := compilerOutput("", "# example.com/m/store\nstore/a.go:3:8: undefined: x\n./b.go:4: syntax error\nnote: module requires Go 1.99", "/m")
	want := []loadError{
		{"/m/store/a.go", 3, 8, "undefined: x"},
		{"/m/b.go", 4, 0, "syntax error"},
		{"", 0, 0, "note: module requires Go 1.99"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if got[i].loadError != want[i] || !got[i].compiled {
			t.Errorf("%d: %+v, want %+v", i, got[i], want[i])
		}
	}
	one := compilerOutput("store/a.go:3:8", "no required module provides package x; to add it:\n\tgo get x", "/m")
	if len(one) != 1 || one[0].compiled || one[0].loadError != (loadError{"/m/store/a.go", 3, 8, "no required module provides package x; to add it: go get x"}) {
		t.Errorf("got %+v", one)
	}
}

// Whatever the go command prints, splitting it neither panics nor makes
// an error of more than one line.
func FuzzCompilerOutput(f *testing.F) {
	f.Add("store/a.go:3:8", "# p\nstore/a.go:3:8: undefined: x")
	f.Add("", "# p [p.test]\n\n:1:2: x\nC:\\a.go:1:1: y")
	f.Add("a:b:c", "x:\n")
	f.Fuzz(func(t *testing.T, pos, msg string) {
		for _, e := range compilerOutput(pos, msg, "/m") {
			if strings.ContainsAny(e.msg, "\n\r") {
				t.Errorf("message of several lines: %q", e.msg)
			}
			if e.file != "" && !strings.HasPrefix(e.file, "/") {
				t.Errorf("relative file %q", e.file)
			}
		}
	})
}
