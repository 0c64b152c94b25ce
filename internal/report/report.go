// Package report holds sqlheat's report — the findings of a run, ranked,
// with the routes and counts behind them — and writes it in the formats
// people and machines read.
//
// The JSON form is a contract (version 1, in DESIGN.md): fields are added,
// never renamed or removed, so scripts written against it keep working.
package report

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
)

// Version is the JSON report's format version.
const Version = 1

// Report is one run's result.
type Report struct {
	Version  int       `json:"version"`
	Tool     Tool      `json:"tool"`
	Findings []Finding `json:"findings"`
	Routes   []Route   `json:"routes"`
	Stats    Stats     `json:"stats"`
	// Errors are problems that did not stop the run: packages that did not
	// type-check, settings that could not be read, internal errors.
	Errors []Problem `json:"errors,omitempty"`
}

// Tool names the program that wrote the report.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Finding is one diagnostic with what the checks know about it.
type Finding struct {
	Check        string     `json:"check"`
	Severity     string     `json:"severity"`
	File         string     `json:"file"`
	Line         int        `json:"line"`
	Column       int        `json:"column"`
	Function     string     `json:"function,omitempty"`
	Message      string     `json:"message"`
	SQL          string     `json:"sql,omitempty"`
	Fingerprint  string     `json:"fingerprint,omitempty"`
	Multiplicity string     `json:"multiplicity,omitempty"`
	Via          []string   `json:"via,omitempty"`
	Routes       []RouteRef `json:"routes,omitempty"`
	Score        float64    `json:"score"`
	Rank         int        `json:"rank"`
	Suggestion   string     `json:"suggestion,omitempty"`
	Kind         string     `json:"kind,omitempty"` // the check's own sub-kind (diagnostic category)
	Confidence   string     `json:"confidence,omitempty"`
	Related      []Location `json:"related,omitempty"`
}

// Location is a related place: the loop, the callee, the query.
type Location struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message,omitempty"`
}

// RouteRef is a route that reaches a finding, with its traffic.
type RouteRef struct {
	Method  string  `json:"method"`
	Pattern string  `json:"pattern"`
	Rate    float64 `json:"rate"`
}

// Route is one HTTP route of the service.
type Route struct {
	Method            string        `json:"method"`
	Pattern           string        `json:"pattern"`
	Handler           string        `json:"handler"`
	File              string        `json:"file"`
	Line              int           `json:"line"`
	Rate              float64       `json:"rate"`
	QueriesPerRequest QueriesPerReq `json:"queries_per_request"`
	Findings          []int         `json:"findings"`
}

// QueriesPerReq is a route's query count: Min queries on every request,
// plus some per item when Loop.
type QueriesPerReq struct {
	Min  int  `json:"min"`
	Loop bool `json:"loop"`
}

// Stats counts what the run saw and what it could not resolve.
type Stats struct {
	Packages         int `json:"packages"`
	QuerySites       int `json:"query_sites"`
	Unresolved       int `json:"unresolved"`
	Unparsed         int `json:"unparsed"`
	ORM              int `json:"orm"`
	Routes           int `json:"routes"`
	TrafficUnmatched int `json:"traffic_unmatched"`
	PackageErrors    int `json:"package_errors"`
	InternalErrors   int `json:"internal_errors"`
}

// Problem is an error the run survived, with its place when known.
type Problem struct {
	Package string `json:"package,omitempty"`
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Message string `json:"message"`
}

func (p Problem) String() string {
	switch {
	case p.File != "" && p.Line > 0:
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message)
	case p.File != "":
		return fmt.Sprintf("%s: %s", p.File, p.Message)
	case p.Package != "":
		return fmt.Sprintf("%s: %s", p.Package, p.Message)
	}
	return p.Message
}

// Rank orders findings by score, highest first, ties broken by file, line,
// column and check so that the output never depends on map order or
// scheduling, then numbers them from 1.
func (r *Report) Rank() {
	sort.SliceStable(r.Findings, func(i, j int) bool {
		a, b := r.Findings[i], r.Findings[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.Check < b.Check
	})
	for i := range r.Findings {
		r.Findings[i].Rank = i + 1
	}
}

// WriteJSON writes the report as JSON version 1.
func WriteJSON(w io.Writer, r *Report) error {
	if r.Findings == nil {
		r.Findings = []Finding{}
	}
	if r.Routes == nil {
		r.Routes = []Route{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteText writes findings vet-style, one per line:
// file:line:col: message [check, severity].
func WriteText(w io.Writer, r *Report) error {
	for _, f := range r.Findings {
		if _, err := fmt.Fprintf(w, "%s:%d:%d: %s (%s, %s)\n", f.File, f.Line, f.Column, f.Message, f.Check, f.Severity); err != nil {
			return err
		}
	}
	return nil
}
