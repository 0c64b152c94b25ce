package traffic

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/sqlheat/sqlheat/internal/httppattern"
)

// Profile is a traffic profile: how often each route is requested, and for
// pg_stat_statements, what each statement costs the database.
type Profile struct {
	Name   string // the file, as given to Load
	Format Format // the format it was read as

	// Relative is true when the source counts requests without saying over
	// how long (Prometheus counters without Options.Window, an access log
	// whose requests all share one timestamp). Each Route.Rate is then the
	// route's percentage of all requests counted, not requests per minute.
	Relative bool

	Routes     []Route     // sorted by Key; one per canonical method and path
	Statements []Statement // pg_stat_statements rows, in file order

	// Access logs only, once resolved: requests that matched no route, and
	// the paths most often among them (at most 10, most frequent first).
	Requests     int64
	Unmatched    int64
	TopUnmatched []PathCount

	// Warnings are things the caller should print but that do not stop the
	// run: an empty profile, skipped lines, unmatched requests.
	Warnings []string

	log       *accessLog // access-log requests, kept for Resolve
	resolved  bool
	nLoadWarn int // Warnings[:nLoadWarn] came from loading, the rest from Resolve
}

// Route is one route's traffic.
type Route struct {
	Method  string  // upper-case, or httppattern.AnyMethod
	Path    string  // canonical path (httppattern.Pattern.Path)
	Pattern string  // display form, as the profile (or the matched route) first spelled it
	Rate    float64 // requests per minute; a percentage when the Profile is Relative
}

// Key is the route's canonical identity, as httppattern.Pattern.Key.
func (r Route) Key() string { return r.Method + " " + r.Path }

// String is the route as the profile spelled it, its method said once:
// "GET /users/{id}" whether the profile wrote the method in the pattern
// or beside it.
func (r Route) String() string {
	if r.Method == httppattern.AnyMethod || httppattern.Parse(r.Pattern).Method != httppattern.AnyMethod {
		return r.Pattern
	}
	return r.Method + " " + r.Pattern
}

// PathCount is a request path and how many requests it had.
type PathCount struct {
	Path  string
	Count int64
}

// Empty reports whether the profile has nothing to rank by.
func (p *Profile) Empty() bool { return len(p.Routes) == 0 && len(p.Statements) == 0 }

// Rate returns the traffic of the route pattern (any router syntax; it may
// carry its method, "GET /users/{id}"). A non-empty method overrides the
// pattern's. A route for one method falls back to the profile's entry for
// any method on the same path (the profile does not tell methods apart);
// a route for any method (a HandleFunc without one) gets the sum of every
// method on its path. ok is false when the profile does not know the route.
func (p *Profile) Rate(method, pattern string) (rate float64, ok bool) {
	want := httppattern.Parse(pattern)
	if method != "" {
		want.Method = strings.ToUpper(method)
	}
	var anyRate, sum float64
	var anyOK, sumOK bool
	for _, r := range p.Routes {
		if r.Path != want.Path {
			continue
		}
		switch {
		case r.Method == want.Method:
			return r.Rate, true
		case r.Method == httppattern.AnyMethod:
			anyRate, anyOK = r.Rate, true
		}
		sum, sumOK = sum+r.Rate, true
	}
	if want.Method == httppattern.AnyMethod {
		return sum, sumOK
	}
	return anyRate, anyOK
}

// NeedsResolve reports whether the profile holds access-log requests that
// Resolve has not yet attributed to routes.
func (p *Profile) NeedsResolve() bool { return p.log != nil && !p.resolved }

func (p *Profile) warnf(format string, args ...any) {
	p.Warnings = append(p.Warnings, p.Name+": "+fmt.Sprintf(format, args...))
}

// routeSet accumulates routes by canonical key, summing the rates of
// patterns spelled differently ("/users/{id}", "/users/:id").
type routeSet struct {
	byKey map[string]*Route
}

func (s *routeSet) add(pat httppattern.Pattern, rate float64) {
	if s.byKey == nil {
		s.byKey = make(map[string]*Route)
	}
	k := pat.Key()
	if r := s.byKey[k]; r != nil {
		r.Rate += rate
		return
	}
	s.byKey[k] = &Route{Method: pat.Method, Path: pat.Path, Pattern: pat.String(), Rate: rate}
}

// routes returns the set sorted by key, so output never depends on map
// order.
func (s *routeSet) routes() []Route {
	out := make([]Route, 0, len(s.byKey))
	for _, r := range s.byKey {
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b Route) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Method, b.Method))
	})
	return out
}

// parseRate reads a rate: a finite, non-negative number. Strings are
// accepted too ("1200" in a JSON export), since spreadsheets quote freely.
func parseRate(s string) (float64, error) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	switch {
	case err != nil:
		return 0, fmt.Errorf("rate %q is not a number", s)
	case math.IsNaN(v) || math.IsInf(v, 0):
		return 0, fmt.Errorf("rate %q is not a finite number", s)
	case v < 0:
		return 0, fmt.Errorf("rate %s is negative", s)
	}
	return v, nil
}

// routePattern combines an explicit method column with a pattern, which
// may carry a method of its own ("GET /x"); they must not disagree.
func routePattern(method, pattern string) (httppattern.Pattern, error) {
	pattern = strings.TrimSpace(pattern)
	if pattern == "" {
		return httppattern.Pattern{}, fmt.Errorf("route pattern is empty")
	}
	p := httppattern.Parse(pattern)
	m := strings.ToUpper(strings.TrimSpace(method))
	switch m {
	case "", "*", httppattern.AnyMethod:
		return p, nil
	}
	if strings.ContainsAny(m, " \t") {
		return p, fmt.Errorf("method %q is not an HTTP method", method)
	}
	if p.Method != httppattern.AnyMethod && p.Method != m {
		return p, fmt.Errorf("method %q disagrees with pattern %q", method, pattern)
	}
	p.Method = m
	return p, nil
}
