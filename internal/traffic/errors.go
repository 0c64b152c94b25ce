package traffic

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
)

// Error is a malformed profile: which file, where in it, and what is wrong.
type Error struct {
	File string
	Line int // 1-based; 0 when unknown
	Col  int // 1-based byte column; 0 when unknown
	Err  error
}

// Error reads "traffic.csv:7:12: rate "abc" is not a number", the form
// editors and CI annotations jump to.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// lineIndex turns byte offsets into line and column numbers, for the
// formats whose decoders report offsets (encoding/json).
type lineIndex []int // offsets of each '\n'

func newLineIndex(data []byte) lineIndex {
	var idx lineIndex
	for off := 0; ; {
		i := bytes.IndexByte(data[off:], '\n')
		if i < 0 {
			return idx
		}
		idx = append(idx, off+i)
		off += i + 1
	}
}

// pos returns the 1-based line and column of byte offset off.
func (idx lineIndex) pos(off int64) (line, col int) {
	n := sort.Search(len(idx), func(i int) bool { return int64(idx[i]) >= off })
	start := int64(0)
	if n > 0 {
		start = int64(idx[n-1]) + 1
	}
	return n + 1, int(off-start) + 1
}
