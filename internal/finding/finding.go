// Package finding carries what a check knows about each diagnostic beyond
// its message — the SQL, the call chain, the suggested statement — from
// the pass to the standalone driver's reports.
//
// analysis.Diagnostic is deliberately small (position, message, fixes), and
// go vet and golangci-lint print only that. The driver's JSON, SARIF and
// ranking need structure, so each check also returns its details as its
// analysis result, keyed by the diagnostic's position.
package finding

import (
	"fmt"
	"go/token"
	"reflect"
	"strings"
	"unicode/utf8"
)

// Detail is the structured side of one diagnostic.
type Detail struct {
	Pos         token.Pos // the diagnostic's position
	Category    string    // the diagnostic's category (the finding's kind)
	Function    string    // full name of the enclosing function
	SQL         string
	Fingerprint string
	// Multiplicity is "once", "loop" (per item) or "loop×2" (per item of
	// an item); Loop is the same as a number.
	Multiplicity string
	Loop         int
	Via          []string
	Suggestion   string
	Confidence   string // "" (certain) or "possible"
}

// Details is the result type of every check.
type Details struct {
	List []*Detail
	// Suppressed are the positions of the //sqlheat:ignore and
	// //nolint:sqlheat comments that silenced a diagnostic of this check,
	// so that unused ones can be reported.
	Suppressed []token.Pos
}

// Add records a detail and returns it.
func (d *Details) Add(x *Detail) *Detail {
	d.List = append(d.List, x)
	return x
}

// ResultType is the reflect.Type checks declare as their ResultType.
var ResultType = reflect.TypeOf((*Details)(nil))

// Multiplicity spells a loop depth as Detail.Multiplicity and the JSON
// report carry it: 0 "once", 1 "loop", n "loop×n".
func Multiplicity(depth int) string {
	switch depth {
	case 0:
		return "once"
	case 1:
		return "loop"
	}
	return fmt.Sprintf("loop×%d", depth)
}

// maxDepth bounds what LoopDepth reads, so a hand-edited "loop×9999999999"
// cannot overflow.
const maxDepth = 99

// LoopDepth reads a multiplicity back: "loop" 1, "loop×2" 2 (also "loopx2"
// and "loop*2", which hand-written baselines use); anything else, "once"
// and "" included, is no loop, and an unreadable "loop×n" is one loop.
func LoopDepth(m string) int {
	rest, ok := strings.CutPrefix(strings.TrimSpace(m), "loop")
	if !ok {
		return 0
	}
	if rest == "" {
		return 1
	}
	r, size := utf8.DecodeRuneInString(rest)
	switch r {
	case '×', 'x', 'X', '*':
		rest = rest[size:]
	default:
		return 1
	}
	n := 0
	for _, c := range rest {
		if c < '0' || c > '9' {
			return 1
		}
		n = min(n*10+int(c-'0'), maxDepth)
	}
	return max(n, 1) // "loop×" alone, or "loop×0": still a loop
}
