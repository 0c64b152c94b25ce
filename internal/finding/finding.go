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
	"go/token"
	"reflect"
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
