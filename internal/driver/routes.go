package driver

import (
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis/checker"

	"github.com/sqlheat/sqlheat/internal/finding"
	"github.com/sqlheat/sqlheat/internal/report"
	"github.com/sqlheat/sqlheat/passes/routes"
)

// routeSet gathers the routes pass's results across packages into the
// report's route inventory, and links each route to the findings its
// requests reach: the query sites its steps end at, and the calls of its
// handlers on the way.
type routeSet struct {
	list  []*routeEntry
	files map[string]string // "pkgpath base.go" -> file relative to the root
}

type routeEntry struct {
	r          report.Route
	registered bool
	names      []string        // its handler's and middlewares' names, to drop their unregistered twins
	sites      map[siteKey]int // query sites reached -> deepest loop there
	calls      map[string]bool // "file:line" of calls of the route's code
}

type siteKey struct {
	pkg, file string
	line      int
}

func newRouteSet() *routeSet { return &routeSet{files: map[string]string{}} }

// add records the routes of one package's action.
func (s *routeSet) add(act *checker.Action, res *routes.Result, rel func(string) string) {
	fset := act.Package.Fset
	for _, f := range act.Package.CompiledGoFiles {
		s.files[act.Package.PkgPath+" "+filepath.Base(f)] = rel(f)
	}
	if res == nil {
		return
	}
	for _, r := range res.Routes {
		pos := fset.Position(r.Pos)
		e := &routeEntry{
			r: report.Route{
				Method:  r.Method,
				Pattern: r.Pattern,
				Handler: r.HandlerName(),
				File:    rel(pos.Filename),
				Line:    pos.Line,
			},
			registered: r.Registered,
			names:      []string{r.Handler.Name},
			sites:      map[siteKey]int{},
			calls:      map[string]bool{},
		}
		for _, m := range r.Middlewares {
			e.names = append(e.names, m.Name)
		}
		if req := r.Request; req != nil {
			e.r.QueriesPerRequest = report.QueriesPerReq{Min: req.Once, Loop: req.Loop}
			for _, st := range req.Steps {
				if st.Query.Loop > 0 {
					e.r.QueriesPerRequest.PerItem++
				}
				file, line, ok := strings.Cut(st.Query.Site, ":")
				if n, err := strconv.Atoi(line); ok && err == nil {
					k := siteKey{st.Query.Pkg, file, n}
					if old, seen := e.sites[k]; !seen || st.Query.Loop > old {
						e.sites[k] = st.Query.Loop
					}
				}
				for _, c := range st.Chain {
					p := fset.Position(c.Pos())
					e.calls[fmt.Sprintf("%s:%d", rel(p.Filename), p.Line)] = true
				}
			}
		}
		s.list = append(s.list, e)
	}
}

// link fills the report's routes: deduplicated (test variants of a
// package find the same routes), without the unregistered twin of a
// handler or middleware some package registers, nor unregistered
// handlers that issue nothing (response helpers with a handler's
// signature), sorted; with the findings each reaches,
// and on each finding, the routes that reach it and, when its check did
// not say, how many times per request it runs.
func (s *routeSet) link(rep *report.Report) {
	registered := map[string]bool{}
	for _, e := range s.list {
		if e.registered {
			for _, n := range e.names {
				registered[n] = true
			}
		}
	}
	seen := map[string]bool{}
	var kept []*routeEntry
	for _, e := range s.list {
		k := fmt.Sprintf("%s %s %s:%d", e.r.Method, e.r.Pattern, e.r.File, e.r.Line)
		q := e.r.QueriesPerRequest
		if seen[k] || !e.registered && (registered[e.names[0]] || q.Min == 0 && !q.Loop) {
			continue
		}
		seen[k] = true
		kept = append(kept, e)
	}
	sort.SliceStable(kept, func(i, j int) bool {
		a, b := kept[i].r, kept[j].r
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Pattern != b.Pattern {
			return a.Pattern < b.Pattern
		}
		return a.Method < b.Method
	})
	for _, e := range kept {
		// Query sites by the file they are in, relative to the root.
		sites := map[string]int{}
		for k, loop := range e.sites {
			if file, ok := s.files[k.pkg+" "+k.file]; ok {
				sites[fmt.Sprintf("%s:%d", file, k.line)] = loop
			}
		}
		e.r.Findings = []int{}
		for i := range rep.Findings {
			f := &rep.Findings[i]
			at := fmt.Sprintf("%s:%d", f.File, f.Line)
			loop, atSite := sites[at]
			for _, l := range f.Related {
				if atSite {
					break
				}
				// A finding on a .sql block: the Go calls that run it
				// are its related places.
				loop, atSite = sites[fmt.Sprintf("%s:%d", l.File, l.Line)]
			}
			if !atSite && !e.calls[at] && !e.callsAny(f.Related) {
				continue
			}
			e.r.Findings = append(e.r.Findings, i)
			f.Routes = append(f.Routes, report.RouteRef{Method: e.r.Method, Pattern: e.r.Pattern, Rate: e.r.Rate})
			if atSite && loop > 0 && finding.LoopDepth(f.Multiplicity) < loop {
				f.Multiplicity = finding.Multiplicity(loop)
			} else if f.Multiplicity == "" {
				f.Multiplicity = "once"
			}
		}
		rep.Routes = append(rep.Routes, e.r)
	}
	rep.Stats.Routes = len(rep.Routes)
}

// callsAny reports whether a finding's related places include a call of
// the route: one finding can name several routes' calls (a store function
// without a context, called from two handlers).
func (e *routeEntry) callsAny(locs []report.Location) bool {
	for _, l := range locs {
		if e.calls[fmt.Sprintf("%s:%d", l.File, l.Line)] {
			return true
		}
	}
	return false
}
