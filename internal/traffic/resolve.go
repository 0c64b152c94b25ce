package traffic

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/sqlheat/sqlheat/internal/httppattern"
)

// topUnmatched is how many unmatched paths a profile keeps for the report.
const topUnmatched = 10

// Resolve attributes an access log's requests to the routes of m, the
// patterns the analysis discovered: each request counts for the most
// specific pattern serving it. The rate of a route is its requests over
// the time between the first and last request of the log, per minute.
// Requests no pattern serves are counted in Unmatched, their most frequent
// paths kept in TopUnmatched, and summarized in a warning.
//
// Resolve may be called again with other routes; it does nothing for
// profiles that are not access logs.
func (p *Profile) Resolve(m *httppattern.Matcher) {
	if p.log == nil {
		return
	}
	p.Warnings = p.Warnings[:p.nLoadWarn]
	p.resolved = true
	var set routeSet
	counts := make(map[string]int64)
	unmatched := make(map[string]int64)
	p.Requests, p.Unmatched = p.log.invalid, p.log.invalid
	// Each distinct path is matched once, however often it was requested.
	for key, n := range p.log.hits {
		method, path, _ := strings.Cut(key, " ")
		p.Requests += n
		pat, ok := m.Match(method, path)
		if !ok {
			p.Unmatched += n
			unmatched[path] += n
			continue
		}
		set.add(pat, 0)
		counts[pat.Key()] += n
	}
	if p.Requests == 0 {
		p.Routes, p.TopUnmatched = nil, nil
		return
	}
	// The log's own span, not the wall clock: a log copied off a server
	// an hour after rotation still covers only its requests' time.
	minutes := p.log.last.Sub(p.log.first).Minutes()
	p.Relative = minutes <= 0
	if p.Relative {
		p.warnf("every request has the same timestamp; rates are percentages of the requests")
	}
	for k, r := range set.byKey {
		if p.Relative {
			r.Rate = 100 * float64(counts[k]) / float64(p.Requests)
		} else {
			r.Rate = float64(counts[k]) / minutes
		}
	}
	p.Routes = set.routes()
	p.TopUnmatched = top(unmatched, topUnmatched)
	if p.Unmatched > 0 {
		var most []string
		for _, pc := range p.TopUnmatched[:min(3, len(p.TopUnmatched))] {
			most = append(most, fmt.Sprintf("%s (%d)", pc.Path, pc.Count))
		}
		msg := fmt.Sprintf("%d of %d requests matched no route", p.Unmatched, p.Requests)
		if len(most) > 0 {
			msg += "; most often " + strings.Join(most, ", ")
		}
		p.warnf("%s", msg)
	}
}

// top returns the n paths with the most requests, ties by path, so that
// reports are deterministic.
func top(counts map[string]int64, n int) []PathCount {
	out := make([]PathCount, 0, len(counts))
	for path, c := range counts {
		out = append(out, PathCount{path, c})
	}
	slices.SortFunc(out, func(a, b PathCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Path, b.Path))
	})
	return out[:min(n, len(out))]
}
