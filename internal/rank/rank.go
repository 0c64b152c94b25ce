// Package rank scores sqlheat's findings and puts them in the order a team
// should fix them: the N+1 on the route served 3,000 times a minute before
// the one on an admin page served twice an hour.
//
// The driver calls it once the report holds every finding and route:
//
//	unmatched := rank.FillRates(rep, prof) // route rates from the profile
//	rank.Score(rep, prof, costs)           // score, rep.Rank(), then Savings
//
// A finding's score has one of three bases (report.Finding.ScoreBasis),
// chosen per finding from what is known about it, best evidence first:
//
//   - db_time: the profile is a pg_stat_statements export and the
//     finding's statement (by pg_query fingerprint) was measured. The
//     score is its total_exec_time in milliseconds × severity weight. The
//     measured time already counts every execution, loops included, so no
//     multiplicity is applied.
//   - traffic: a route profile gives a rate to at least one route reaching
//     the finding. The score is the sum, over those routes, of rate
//     (requests per minute) × executions per request at the site on
//     that route (RouteRef.PerRequest, else the finding's Multiplicity)
//     × severity weight × SizeFactor.
//   - static: nothing measured reaches the finding (no profile, a worker
//     loop no route reaches, a route the profile does not name). The
//     score is severity weight × Multiplicity × SizeFactor × max(1,
//     routes reaching it).
//
// SizeFactor is 1 unless a live database (-dsn) measured the table a
// missingindex finding scans.
//
// Milliseconds, requests and bare weights do not compare, so report.Rank
// orders by basis first (db_time, traffic, static) and by score within a
// basis: a measured finding is never outranked by an estimate, and a
// finding no traffic reaches still ranks among its peers by severity and
// loop depth instead of falling to an arbitrary tie.
package rank

import (
	"math"
	"strings"

	"github.com/sqlheat/sqlheat/internal/finding"
	"github.com/sqlheat/sqlheat/internal/httppattern"
	"github.com/sqlheat/sqlheat/internal/report"
	"github.com/sqlheat/sqlheat/internal/traffic"
)

// ItemsPerRequest is the number of items a loop is assumed to run per
// request, for the executions-per-request factor of a query inside it.
//
// The analysis cannot know loop lengths, and the profile counts requests,
// not rows. Ten is the order of magnitude of the loops that N+1 findings
// come from (a page of results, the lines of an order, a user's
// subscriptions), and the smallest factor for which one query per item
// clearly outweighs a once-per-request query, which is what experience
// with N+1 says; nesting compounds it (ten items of ten items). The exact
// value only matters against a once-per-request finding on a route about
// ten times hotter, where the two are genuinely close calls.
const ItemsPerRequest = 10

// maxLoopDepth bounds the nesting that Multiplicity compounds, so that a
// deep chain of loops cannot overflow a score into +Inf.
const maxLoopDepth = 6

// Multiplicity is the executions per request at a site of the given
// multiplicity ("once", "loop", "loop×2", as report.Finding has it):
// ItemsPerRequest to the power of the loop depth, 1 outside loops.
func Multiplicity(m string) float64 {
	return math.Pow(ItemsPerRequest, float64(min(finding.LoopDepth(m), maxLoopDepth)))
}

// SizeFactor weighs a finding by the size of the table a live database
// says it scans (report.Evidence.TableRows): 1 up to a thousand rows, and
// one more for every tenfold beyond (a hundred thousand rows 3, ten
// million 5), so that of two equally hot findings the scan of ten
// million rows outranks the scan of two hundred. A scan costs in
// proportion to its rows, but the rows are an estimate and the finding
// competes with others no size weighs (an N+1), so the factor grows with
// the order of magnitude only. Without evidence it is 1. Measured
// database time needs no factor: it already is what the scans cost.
func SizeFactor(f *report.Finding) float64 {
	if f.Evidence == nil || f.Evidence.TableRows <= 1000 {
		return 1
	}
	return 1 + math.Log10(float64(f.Evidence.TableRows)/1000)
}

// weight is the severity's factor; an unknown severity weighs as low.
func weight(sev string) float64 {
	s, _ := finding.ParseSeverity(sev)
	return s.Weight()
}

// Score sets every finding's Score and ScoreBasis (see the package doc),
// ranks the report with rep.Rank, and fills in what fixing buys (Savings). prof is the traffic profile, nil
// without one; the route rates it gives are read from the findings'
// Routes, so call FillRates first. costs is the database cost of each
// statement fingerprint (traffic.Profile.ByFingerprint of a
// pg_stat_statements profile), nil without one.
func Score(rep *report.Report, prof *traffic.Profile, costs map[string]traffic.StatementCost) {
	for i := range rep.Findings {
		f := &rep.Findings[i]
		w := weight(f.Severity)
		if c, ok := costs[f.Fingerprint]; ok && f.Fingerprint != "" && (c.Calls > 0 || c.TotalTime > 0) {
			f.Score, f.ScoreBasis = c.TotalTime*w, report.BasisDBTime
			continue
		}
		size := SizeFactor(f)
		m := Multiplicity(f.Multiplicity) * size
		routes := distinctRoutes(f.Routes)
		if prof != nil {
			// Each route's requests run the finding's query as often as
			// that route's path to it says (a query run per item on one
			// route may run once on another).
			var perMin float64
			for _, r := range routes {
				rm := m
				if r.PerRequest != "" {
					rm = Multiplicity(r.PerRequest) * size
				}
				perMin += r.Rate * rm
			}
			if perMin > 0 {
				f.Score, f.ScoreBasis = perMin*w, report.BasisTraffic
				continue
			}
		}
		f.Score, f.ScoreBasis = w*m*float64(max(1, len(routes))), report.BasisStatic
	}
	rep.Rank()
	Savings(rep)
}

// distinctRoutes drops repeated routes (a finding reached from one route
// through two call paths), which would otherwise count its traffic twice.
func distinctRoutes(refs []report.RouteRef) []report.RouteRef {
	if len(refs) < 2 {
		return refs
	}
	seen := make(map[string]bool, len(refs))
	out := make([]report.RouteRef, 0, len(refs))
	for _, r := range refs {
		k := parse(r.Method, r.Pattern).Key()
		if !seen[k] {
			seen[k] = true
			out = append(out, r)
		}
	}
	return out
}

// FillRates sets the rate of every route of rep, and of the routes each
// finding lists, from prof, and records the profile in rep.Traffic (left
// nil for an empty profile, and for one none of whose routes is a route
// of rep: neither ranks anything, and the report must not say it is
// ranked by them). Patterns meet in
// httppattern's canonical form, so "/orders/{id}" in the code matches
// "/orders/:id" or "/orders/<id>" in the profile; a route the profile does
// not name gets rate 0. An access log not yet attributed to routes is
// resolved against rep's routes first.
//
// It returns the profile's routes that no route of rep takes its rate
// from, for the driver's warning, and sets rep.Stats.TrafficUnmatched to
// their number, or for an access log to the requests that matched no
// route. A nil prof does nothing.
func FillRates(rep *report.Report, prof *traffic.Profile) (unmatched []traffic.Route) {
	if prof == nil {
		return nil
	}
	if prof.NeedsResolve() {
		prof.Resolve(Matcher(rep))
	}
	used := make(map[string]bool)
	rate := func(method, pattern string) float64 {
		p := parse(method, pattern)
		r, _ := prof.Rate(p.Method, pattern)
		markUsed(used, prof.Routes, p)
		return r
	}
	for i := range rep.Routes {
		r := &rep.Routes[i]
		r.Rate = rate(r.Method, r.Pattern)
	}
	for i := range rep.Findings {
		for j := range rep.Findings[i].Routes {
			r := &rep.Findings[i].Routes[j]
			r.Rate = rate(r.Method, r.Pattern)
		}
	}
	for _, r := range prof.Routes {
		if !used[r.Key()] {
			unmatched = append(unmatched, r)
		}
	}
	if len(prof.Statements) > 0 || len(unmatched) < len(prof.Routes) {
		rep.Traffic = &report.Traffic{File: prof.Name, Format: string(prof.Format), Relative: prof.Relative}
	}
	if prof.Format == traffic.FormatAccessLog {
		rep.Stats.TrafficUnmatched = int(min(prof.Unmatched, math.MaxInt32))
	} else {
		rep.Stats.TrafficUnmatched = len(unmatched)
	}
	return unmatched
}

// markUsed marks the profile routes that Profile.Rate reads for p: the
// entry for p's method, else the profile's any-method entry on the path;
// for a route of any method, every entry on the path.
func markUsed(used map[string]bool, routes []traffic.Route, p httppattern.Pattern) {
	var anyKey string
	for _, r := range routes {
		if r.Path != p.Path {
			continue
		}
		switch {
		case p.Method == httppattern.AnyMethod:
			used[r.Key()] = true
		case r.Method == p.Method:
			used[r.Key()] = true
			return
		case r.Method == httppattern.AnyMethod:
			anyKey = r.Key()
		}
	}
	if anyKey != "" {
		used[anyKey] = true
	}
}

// parse reads a route as the report spells it: a method field (which may
// be empty, "*" or "ANY" for a route of any method) and a pattern in any
// router's syntax, which may carry a method of its own.
func parse(method, pattern string) httppattern.Pattern {
	p := httppattern.Parse(pattern)
	switch m := strings.ToUpper(strings.TrimSpace(method)); m {
	case "", "*":
	default:
		p.Method = m
	}
	return p
}

// Matcher returns a matcher of rep's routes, for attributing an access
// log's requests to them (traffic.Profile.Resolve).
func Matcher(rep *report.Report) *httppattern.Matcher {
	m := httppattern.NewMatcher()
	for _, r := range rep.Routes {
		p := parse(r.Method, r.Pattern)
		if p.Method == httppattern.AnyMethod {
			m.Add(r.Pattern)
		} else {
			m.Add(p.Method + " " + p.Host + p.Raw)
		}
	}
	return m
}
