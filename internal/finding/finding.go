// Package finding is sqlheat's model of a finding, shared by the checks
// that make findings and the programs that rank and print them: how urgent
// a kind of finding is (Severity, Category), and what a check knows about
// a finding beyond its message (Detail).
//
// analysis.Diagnostic is deliberately small (position, category, message,
// fixes), and go vet and golangci-lint print only that. The standalone
// driver's JSON, SARIF and ranking need structure: the SQL, the call
// chain, the query calls a finding is about. A check makes both at once
// through package check, so they never have to be matched up afterwards.
//
// The package imports nothing but the standard library, so the ranker,
// the baseline and the report writers can use it without compiling the
// passes or PostgreSQL's parser.
package finding

import (
	"fmt"
	"go/token"
	"strings"
	"unicode/utf8"
)

// Severity ranks a finding's urgency. The zero value is no severity.
type Severity int

const (
	Low Severity = iota + 1
	Medium
	High
)

func (s Severity) String() string {
	switch s {
	case Low:
		return "low"
	case Medium:
		return "medium"
	case High:
		return "high"
	}
	return "none"
}

// ParseSeverity reads "low", "medium" or "high".
func ParseSeverity(s string) (Severity, bool) {
	switch s {
	case "low":
		return Low, true
	case "medium":
		return Medium, true
	case "high":
		return High, true
	}
	return 0, false
}

// Weight is the severity's factor in a finding's score; no severity
// weighs as low.
func (s Severity) Weight() float64 {
	switch s {
	case High:
		return 3
	case Medium:
		return 2
	}
	return 1
}

// Lower is one level below s, never below Low: the severity of a finding
// the analysis is not sure of ("possible", see Detail.Confidence).
func (s Severity) Lower() Severity { return max(s-1, Low) }

// Category is one kind of finding a check reports: the Category of its
// analysis.Diagnostic, with the severity every finding of that kind has.
type Category struct {
	Name     string // the diagnostic's category, as JSON's "kind" shows it
	Severity Severity
	// Title says what the findings of this kind are, plural and
	// lowercase, for help texts and the README: "reads per item".
	Title string
}

// Categories is a check's declaration of everything it reports, in the
// order help texts list them. Each check declares it once, next to its
// Analyzer; the report's severities, the SARIF rules, the -h text and
// the README's table of checks are all derived from it.
type Categories []Category

// Lookup returns the category named name.
func (cs Categories) Lookup(name string) (Category, bool) {
	for _, c := range cs {
		if c.Name == name {
			return c, true
		}
	}
	return Category{}, false
}

// Severity is the severity of the category named name; 0 when the check
// declares no such category.
func (cs Categories) Severity(name string) Severity {
	c, _ := cs.Lookup(name)
	return c.Severity
}

// Max is the highest severity of the categories: the check's default
// level, as SARIF rules carry it.
func (cs Categories) Max() Severity {
	var m Severity
	for _, c := range cs {
		m = max(m, c.Severity)
	}
	return m
}

// Summary says the severities of a check in one phrase: "low" when every
// kind of finding has the same, else each severity, highest first, with
// the kinds that have it: "high (reads per item), medium (writes per
// item, ...)".
func (cs Categories) Summary() string {
	var parts []string
	for sev := High; sev >= Low; sev-- {
		var titles []string
		for _, c := range cs {
			if c.Severity == sev {
				titles = append(titles, c.Title)
			}
		}
		if len(titles) == len(cs) {
			return sev.String()
		}
		if len(titles) > 0 {
			parts = append(parts, fmt.Sprintf("%s (%s)", sev, strings.Join(titles, ", ")))
		}
	}
	return strings.Join(parts, ", ")
}

// Detail is what a check knows about one finding beyond its diagnostic.
type Detail struct {
	Function    string // full name of the function the finding is in or about
	SQL         string
	Fingerprint string
	// Multiplicity is how often the query runs where the finding is: "once",
	// "loop" (per item) or "loop×2" (per item of an item); see LoopDepth.
	Multiplicity string
	Via          []string // the call chain from the reported call to the query
	// Sites are the query calls the finding is about, wherever it is
	// reported: the call of a query in a loop, the calls that run a .sql
	// block. A check fills those its package holds; calls in other
	// packages are known only to a whole-program driver.
	Sites []token.Pos
	// Fix says what to do about the finding, lowercase, no final period:
	// "add CREATE INDEX ...", "reuse the first result". The diagnostic's
	// message stays one short line (what, where, why it costs) and the
	// fix goes under it, where each runner has room: an indented line of
	// the text report, a column of the Markdown and HTML ones, a related
	// line under go vet (see check.Reporter).
	Fix        string
	Suggestion string // a statement to run, such as CREATE INDEX
	Confidence string // "" (certain) or "possible"
}

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
