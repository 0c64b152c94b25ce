package driver

import (
	"fmt"
	"go/token"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis/checker"

	"github.com/sqlheat/sqlheat/internal/finding"
	"github.com/sqlheat/sqlheat/internal/httpapi"
	"github.com/sqlheat/sqlheat/internal/program"
	"github.com/sqlheat/sqlheat/internal/report"
	"github.com/sqlheat/sqlheat/passes/handlerquery"
	"github.com/sqlheat/sqlheat/passes/routes"
)

// routeSet gathers the routes pass's results across packages into the
// report's route inventory, and links each route to the findings its
// requests reach: the query sites its steps end at, and the calls of its
// handlers on the way.
type routeSet struct {
	list  []*routeEntry
	files map[string]string // "pkgpath base.go" -> file relative to the root
	// prog is the whole-program graph, nil without one: it gives each
	// route every query its requests run, through interfaces too.
	prog *program.Program
	// mounts say where the routers of routes whose package cannot see it
	// are mounted (see mountTable).
	mounts mountTable
	// rpcs serve the grpc-gateway's routes that go out over gRPC.
	rpcs rpcTable
	// filters run on the beego routes they cover (see filterTable).
	filters filterTable
	// loopRoutes gives, for a queryinloop finding ("file:line:col"), the
	// routes that run its loop (routeID: the procedures of one RPC
	// service's registration share its place), when
	// the graph knows them: other routes may run the same queries without
	// the loop.
	loopRoutes map[string]map[string]bool
	// unreached reports whether the code at a registration runs in no
	// entry point (whole.unreachedAt); nil when -unreached lists every
	// route, or without the graph.
	unreached func(token.Pos) bool
}

type routeEntry struct {
	r          report.Route
	registered bool
	variant    bool            // found in a package's test variant
	unreached  bool            // registered by code no entry point runs (routeSet.unreached); a handler no registration reaches stays, unless nothing refers to it (program.Dead)
	rpc        bool            // an RPC procedure: one route wherever registered
	unserved   bool            // an RPC procedure no method of the module serves
	called     bool            // unregistered, and called by the module's code (program.Called)
	replaced   bool            // a subtree its table's rows' routes stand for
	names      []string        // its handler's and middlewares' names, to drop their unregistered twins
	sites      map[siteKey]int // query sites reached -> deepest loop there
	reached    map[string]int  // "file:line" of the query sites the graph reaches -> deepest loop
	calls      map[string]bool // "file:line" of calls of the route's code
	// pathGuarded counts the queries left out of Queries: a test of the
	// request's path (in a middleware) or method rules them out for it.
	pathGuarded int
	unrun       []string // "file:line" of those no part of it runs: the pass's steps there are not its
}

type siteKey struct {
	pkg, file string
	line      int
}

func newRouteSet(prog *program.Program) *routeSet {
	return &routeSet{files: map[string]string{}, prog: prog, loopRoutes: map[string]map[string]bool{}}
}

// add records the routes of one package's action.
func (s *routeSet) add(act *checker.Action, res *routes.Result, rel func(string) string) {
	fset := act.Package.Fset
	for _, f := range act.Package.CompiledGoFiles {
		s.files[act.Package.PkgPath+" "+filepath.Base(f)] = rel(f)
	}
	if res == nil {
		return
	}
	variant := act.Package.ID != act.Package.PkgPath
	var placed []*routes.Route
	// A route standing for the rows of a table a call returns is its
	// rows' routes, when the graph reads them (program.Tabled).
	for _, r := range s.tabled(res.Routes, variant) {
		if variant {
			placed = append(placed, r)
			continue
		}
		placed = append(placed, s.mounts.place(r, 0)...)
	}
	// A catch-all's dispatcher splits it into routes (see
	// program.Dispatched), read right after it.
	split := map[*routes.Route]bool{}
	for len(placed) > 0 {
		r := placed[0]
		placed = placed[1:]
		if !split[r] {
			r = s.filters.apply(r)
		}
		pos := fset.Position(r.Pos)
		rpc := httpapi.IsRPC(r.Framework) && r.Gateway == nil // a gateway's path is an HTTP route
		r, impl := s.rpcs.serve(r)
		var at string
		if impl != nil {
			p := fset.Position(impl.Pos)
			at = fmt.Sprintf("%s:%d", rel(p.Filename), p.Line)
		}
		e := &routeEntry{
			r: report.Route{
				Method:  r.Method,
				Pattern: r.Pattern,
				Handler: r.HandlerName(),
				File:    rel(pos.Filename),
				Line:    pos.Line,
				Via:     gatewayVia(r, impl, at),
			},
			registered: r.Registered,
			called:     !r.Registered && !variant && s.prog != nil && r.Handler.Lit == nil && s.prog.Called(r.Handler.Func),
			variant:    variant,
			unreached:  !variant && s.unreached != nil && (r.Registered && s.unreached(r.Pos) || !r.Registered && r.Handler.Lit == nil && s.prog != nil && s.prog.Dead(r.Handler.Func)),
			rpc:        rpc,
			names:      []string{r.Handler.Name},
			sites:      map[siteKey]int{},
			reached:    map[string]int{},
			calls:      map[string]bool{},
		}
		for _, m := range r.Middlewares {
			e.names = append(e.names, m.Name)
		}
		var ds []*routes.Route
		if s.prog != nil && !e.variant && !split[r] {
			ds = s.prog.Dispatched(r)
		}
		// A catch-all split into its endpoints keeps what the graph says
		// none of them claims; the pass's steps are every endpoint's.
		if req := r.Request; req != nil && len(ds) == 0 {
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
		if s.prog != nil && !e.variant {
			s.addGraph(e, r, rel)
			if len(ds) > 0 || split[r] {
				// Without the pass's steps, the calls of the route's
				// code that findings about its calls cite are its
				// query sites.
				for k := range e.reached {
					e.calls[k] = true
				}
				for _, pos := range s.prog.ViaCalls(s.prog.RouteEntry(r)) {
					p := s.prog.Fset.Position(pos)
					e.calls[fmt.Sprintf("%s:%d", rel(p.Filename), p.Line)] = true
				}
			}
			for _, d := range ds {
				split[d] = true
			}
			placed = append(ds, placed...)
			// A subtree whose handler dispatches through a table is
			// its rows' routes whole (see program.TableReplaced): not
			// listed, its place kept from its test variant's copy.
			if e.replaced = len(ds) > 0 && s.prog.TableReplaced(r); e.replaced {
				e.names = append(e.names, s.prog.Dispatchers(r)...)
			}
		}
		s.list = append(s.list, e)
	}
}

// tabled are a package's routes with those standing for a table's rows
// replaced by the rows' routes (see program.Tabled), the whole graph's
// entries and the report's alike.
func (s *routeSet) tabled(rs []*routes.Route, variant bool) []*routes.Route {
	if variant {
		return slices.DeleteFunc(slices.Clone(rs), func(r *routes.Route) bool { return r.Served })
	}
	return tabledRoutes(s.prog, rs)
}

// tabledRoutes replaces each route standing for the rows of a table a
// call returns by its rows' routes, once for the registration's methods
// when the table gives the method; it stays when some function the call
// runs returns rows the graph cannot read. A server's route stays where
// the graph says a library made its handler from the module's functions
// (program.MadeOutside), and nowhere without the graph.
func tabledRoutes(prog *program.Program, rs []*routes.Route) []*routes.Route {
	if prog == nil {
		return slices.DeleteFunc(slices.Clone(rs), func(r *routes.Route) bool { return r.Served })
	}
	var out []*routes.Route
	done := map[string]bool{}
	for _, r := range rs {
		if r.Served && !prog.MadeOutside(r) {
			continue // a server's handler no library made from the module's functions
		}
		if r.Table == nil {
			out = append(out, r)
			continue
		}
		k := fmt.Sprintf("%d %s", r.Pos, r.Pattern)
		if r.Table.Method == "" {
			k += " " + r.Method
		}
		if done[k] {
			continue
		}
		rows, all := prog.Tabled(r)
		if !all {
			out = append(out, r) // the rows of functions returning something else
		}
		done[k] = true
		out = append(out, rows...)
	}
	return out
}

// addGraph gives a route what the whole-program graph says a request of
// it runs: every query, through interfaces and func values too, and the
// count, where it is more than the routes pass could follow in one
// package.
func (s *routeSet) addGraph(e *routeEntry, r *routes.Route, rel func(string) string) {
	entry := s.prog.RouteEntry(r)
	e.names = append(e.names, s.prog.Twins(r)...)
	e.unserved = e.rpc && len(entry.Parts) == 0 // registered as an interface that only generated stubs implement
	e.r.Queries = routeQueries(s.prog, entry, rel)
	e.pathGuarded = entry.PathGuarded
	for _, site := range entry.Unrun {
		pos := s.prog.Fset.Position(site.Call.Pos())
		e.unrun = append(e.unrun, fmt.Sprintf("%s:%d", rel(pos.Filename), pos.Line))
	}
	for _, q := range e.r.Queries {
		k := fmt.Sprintf("%s:%d", q.File, q.Line)
		if d, seen := e.reached[k]; !seen || finding.LoopDepth(q.PerRequest) > d {
			e.reached[k] = finding.LoopDepth(q.PerRequest)
		}
	}
	once, loop, maybe := 0, false, 0
	for _, part := range entry.Parts {
		if part.Chan != "" {
			continue // a receiver's, which runs on some of the requests (see program/channels.go)
		}
		o, l := s.prog.PartCost(entry, part)
		if part.Maybe {
			maybe = max(maybe, o) // one of them, at most
		} else {
			once += o
		}
		loop = loop || l
	}
	once += maybe
	q := &e.r.QueriesPerRequest
	q.Min = max(q.Min, once)
	q.Loop = q.Loop || loop
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
	// Where the unregistered twins left out are, and the handler each is:
	// a budget finding reported at one (a handler another package
	// registers is counted where it lives) is the registered routes'.
	twins := map[string]string{}
	var kept []*routeEntry
	// A route found in a package and in its test variant is kept from the
	// package, where the graph has its handler. The variant also sees the
	// package's tests calling a function that registers on the router it
	// is given (h.RegisterRoutes(chi.NewRouter())): its routes there are
	// the same registrations under the test's prefix, which no request
	// of the service has. A registration the package lists is the
	// package's routes alone.
	sort.SliceStable(s.list, func(i, j int) bool { return !s.list[i].variant && s.list[j].variant })
	places := map[string]bool{}
	for _, e := range s.list {
		if !e.variant {
			places[fmt.Sprintf("%s:%d", e.r.File, e.r.Line)] = true
		}
	}
	for _, e := range s.list {
		if e.variant && places[fmt.Sprintf("%s:%d", e.r.File, e.r.Line)] {
			continue
		}
		k := fmt.Sprintf("%s %s %s:%d", e.r.Method, e.r.Pattern, e.r.File, e.r.Line)
		if e.rpc {
			// A procedure registered by two packages (grpc in one, its
			// gateway in another) is served once per request.
			k = e.r.Method + " " + e.r.Pattern
		}
		q := e.r.QueriesPerRequest
		if !e.registered && registered[e.names[0]] {
			twins[fmt.Sprintf("%s:%d", e.r.File, e.r.Line)] = e.names[0]
		}
		// e.called: a function with a handler's signature that code
		// calls, part of its callers' routes.
		if seen[k] || e.unserved || e.replaced || e.called || !e.registered && (registered[e.names[0]] || q.Min == 0 && !q.Loop) {
			continue
		}
		seen[k] = true
		if e.unreached {
			rep.Stats.UnreachedRoutes++
			continue
		}
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
	// A finding at a route's registration (handlerquery's budget) is
	// about that route alone, whatever calls its related places share
	// with other routes (a middleware's query, say).
	registeredAt := map[string]bool{}
	for _, e := range kept {
		registeredAt[fmt.Sprintf("%s:%d", e.r.File, e.r.Line)] = true
	}
	for _, e := range kept {
		// Query sites by the file they are in, relative to the root.
		sites := map[string]int{}
		for k, loop := range e.sites {
			if file, ok := s.files[k.pkg+" "+k.file]; ok {
				sites[fmt.Sprintf("%s:%d", file, k.line)] = loop
			}
		}
		for _, k := range e.unrun {
			// A middleware's branch for other paths, which the routes
			// pass counts as the middleware's (see program.Entry.Unrun).
			delete(sites, k)
		}
		e.r.Findings = []int{}
		for i := range rep.Findings {
			f := &rep.Findings[i]
			at := fmt.Sprintf("%s:%d", f.File, f.Line)
			loop, atSite, ok := e.reaches(f, sites)
			if by, known := s.loopRoutes[fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Column)]; known {
				// A loop's finding is its loop's routes': the loop's
				// multiplicity, whatever depth others run its queries at.
				loop, atSite, ok = 0, false, by[routeID(e.r.File, e.r.Line, e.r.Method, e.r.Pattern)]
			}
			if own := fmt.Sprintf("%s:%d", e.r.File, e.r.Line); registeredAt[at] {
				if at != own {
					continue // another route's
				}
				ok = true
			}
			if name, twin := twins[at]; twin && !ok && f.Check == handlerquery.Analyzer.Name && f.Kind == "budget" {
				ok = slices.Contains(e.names, name)
			}
			if ok && f.Check == handlerquery.Analyzer.Name && f.Kind == "budget" && len(f.Sites) == 0 {
				// Over the budget: about every query the route runs.
				for _, q := range e.r.Queries {
					f.Sites = append(f.Sites, report.Site{File: q.File, Line: q.Line})
				}
			}
			if !ok {
				continue
			}
			e.r.Findings = append(e.r.Findings, i)
			ref := report.RouteRef{Method: e.r.Method, Pattern: e.r.Pattern, Rate: e.r.Rate}
			if atSite {
				ref.PerRequest = finding.Multiplicity(loop)
			}
			f.Routes = append(f.Routes, ref)
			if atSite && loop > 0 && finding.LoopDepth(f.Multiplicity) < loop {
				f.Multiplicity = finding.Multiplicity(loop)
			} else if f.Multiplicity == "" {
				f.Multiplicity = "once"
			}
		}
		rep.Routes = append(rep.Routes, e.r)
		rep.Stats.PathGuarded += e.pathGuarded
	}
	rep.Stats.Routes = len(rep.Routes)
}

// routeID names a route by its registration and pattern.
func routeID(file string, line int, method, pattern string) string {
	return fmt.Sprintf("%s:%d %s %s", file, line, method, pattern)
}

// reaches reports whether a request of the route runs what finding f is
// about, and if through one of its query sites (atSite), how deep in
// loops. A finding is about its sites (findings[].sites: the calls that
// run its SQL, wherever the SQL is written), or failing those, the place
// it is reported at and its related places (a .sql block's Go calls).
//
// handlerquery's findings are about routes, not queries: the route over
// the budget (reported at its registration), the route that runs a
// statement twice or passes no context (reported at its calls). Their
// query sites are shared by every route that runs the statement, and a
// middleware's calls by every route behind it; the finding is the routes'
// whose own count or calls it cites.
func (e *routeEntry) reaches(f *report.Finding, walked map[string]int) (loop int, atSite, ok bool) {
	at := fmt.Sprintf("%s:%d", f.File, f.Line)
	if f.Check == handlerquery.Analyzer.Name {
		if f.Kind == "budget" {
			return 0, false, at == fmt.Sprintf("%s:%d", e.r.File, e.r.Line)
		}
		return 0, false, e.calls[at] || e.callsAny(f.Related)
	}
	site := func(k string) {
		for _, m := range []map[string]int{walked, e.reached} {
			if d, hit := m[k]; hit {
				loop, atSite = max(loop, d), true
			}
		}
	}
	for _, s := range f.Sites {
		site(fmt.Sprintf("%s:%d", s.File, s.Line))
	}
	if atSite {
		return loop, true, true
	}
	site(at)
	for _, l := range f.Related {
		// A finding on a .sql block: the Go calls that run it are its
		// related places.
		site(fmt.Sprintf("%s:%d", l.File, l.Line))
	}
	if atSite {
		return loop, true, true
	}
	return 0, false, e.calls[at] || e.callsAny(f.Related)
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
