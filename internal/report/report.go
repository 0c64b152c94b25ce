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
	"strings"
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
	// Unresolved and Unparsed list the query sites behind the counts of
	// the same names in Stats, so that what the checks could not see is
	// never silent: sites whose SQL could not be followed, and SQL the
	// parser refused. Sorted by file and line.
	Unresolved []UnresolvedSite `json:"unresolved,omitempty"`
	Unparsed   []UnparsedSite   `json:"unparsed,omitempty"`
	// Partial lists the sites whose statement was rebuilt with parts
	// only run time knows (an ent predicate built elsewhere), each
	// standing as a parameter; Why names them.
	Partial []UnresolvedSite `json:"partial,omitempty"`
	// Indexes groups missingindex findings by the index they ask for: one
	// CREATE INDEX often serves many queries, and that is the order in
	// which to add them.
	Indexes []IndexSuggestion `json:"indexes,omitempty"`
	// Traffic names the profile the findings were ranked by; nil when
	// they were ranked without one.
	Traffic *Traffic `json:"traffic,omitempty"`
	// Errors are problems that did not stop the run: packages that did not
	// type-check, settings that could not be read, internal errors.
	Errors []Problem `json:"errors,omitempty"`
	// SchemaSkippedFiles are the migration files written for another
	// database (0001_init_sqlite.up.sql) left out of the schema because
	// their PostgreSQL twin (0001_init_postgres.up.sql) was read.
	SchemaSkippedFiles []string `json:"schema_skipped_files,omitempty"`
	// Skipped are the requested packages that were not analyzed, because
	// they do not compile or import one that does not (Stats.PackageErrors
	// counts them).
	Skipped []Skipped `json:"skipped,omitempty"`
	// Live describes the database asked for evidence (-dsn); nil without
	// one.
	Live *Live `json:"live,omitempty"`
	// Totals are the queries per minute the traffic profile implies and
	// what fixing the top findings removes (see Totals); nil without a
	// profile of requests per minute.
	Totals *Totals `json:"totals,omitempty"`
	// LocalModules are the local modules the program imports, and
	// which of their packages were analyzed (see LocalModule).
	LocalModules []LocalModule `json:"local_modules,omitempty"`
}

// Totals are the run's "what fixing buys" figures, in queries per minute
// counted at one item per loop (a lower bound; internal/rank defines them):
// QueriesPerMin is what the routes' traffic implies, TopSavesPerMin what
// fixing the Top best ranked findings removes, SavesPerMin what fixing
// every finding removes. Savings of two findings about the same query
// count once.
type Totals struct {
	QueriesPerMin  float64 `json:"queries_per_min"`
	Top            int     `json:"top"`
	TopSavesPerMin float64 `json:"top_saves_per_min"`
	SavesPerMin    float64 `json:"saves_per_min"`
}

// Tool names the program that wrote the report.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Traffic describes the traffic profile behind a ranking.
type Traffic struct {
	File   string `json:"file"`
	Format string `json:"format"`
	// Relative is true when rates are each route's percentage of the
	// requests counted rather than requests per minute (a Prometheus
	// counter without a window, say). Rankings compare alike either way.
	Relative bool `json:"relative,omitempty"`
}

// Score bases: what a finding's Score measures (Finding.ScoreBasis).
// Scores of different bases are not comparable, so Rank orders by basis
// first, in this order, and by score within a basis.
const (
	// BasisDBTime: milliseconds of database time measured at the
	// finding's statement (pg_stat_statements total_exec_time) × severity
	// weight.
	BasisDBTime = "db_time"
	// BasisTraffic: requests per minute of the routes reaching the
	// finding × executions per request at the site × severity weight.
	BasisTraffic = "traffic"
	// BasisStatic: severity weight × loop multiplicity × routes reaching
	// the finding, when no profile says anything about it.
	BasisStatic = "static"
)

// Finding is one diagnostic with what the checks know about it.
type Finding struct {
	Check    string `json:"check"`
	Severity string `json:"severity"`
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Function string `json:"function,omitempty"`
	Message  string `json:"message"`
	// Fix is what to do about the finding ("add CREATE INDEX ...",
	// "reuse the first result"), which Message leaves out to stay one
	// short line; empty when the check gives none apart from its message.
	Fix          string     `json:"fix,omitempty"`
	SQL          string     `json:"sql,omitempty"`
	Fingerprint  string     `json:"fingerprint,omitempty"`
	Multiplicity string     `json:"multiplicity,omitempty"`
	Via          []string   `json:"via,omitempty"`
	Routes       []RouteRef `json:"routes,omitempty"`
	Score        float64    `json:"score"`
	ScoreBasis   string     `json:"score_basis,omitempty"` // BasisDBTime, BasisTraffic or BasisStatic
	Rank         int        `json:"rank"`
	Suggestion   string     `json:"suggestion,omitempty"`
	Kind         string     `json:"kind,omitempty"` // the check's own sub-kind (diagnostic category)
	Confidence   string     `json:"confidence,omitempty"`
	Related      []Location `json:"related,omitempty"`
	// Sites are the query calls the finding is about, wherever it is
	// reported (a loop's call of a store function is about the store's
	// query); empty when the check does not know them.
	Sites []Site `json:"sites,omitempty"`
	// Role is what runs the finding's code, as the standalone driver's
	// program graph sees it: "route", "job", "cli", "migration" or
	// "startup"; empty when no entry point reaches it.
	Role string `json:"role,omitempty"`
	// Evidence is what a live database said about a missingindex
	// finding (-dsn); nil without one.
	Evidence *Evidence `json:"evidence,omitempty"`
	// SavesPerMin is how many queries per minute fixing the finding
	// removes, a lower bound (internal/rank defines it); 0 when its fix
	// removes none (an index makes queries cheaper, not fewer) or nothing
	// says how often it runs.
	SavesPerMin float64 `json:"saves_per_min,omitempty"`
}

// Site is a query call: where a statement is sent to the database.
type Site struct {
	File string `json:"file"`
	Line int    `json:"line"`
}

// IndexSuggestion is one index to add and the findings it would fix.
type IndexSuggestion struct {
	Statement string `json:"statement"`
	Findings  []int  `json:"findings"` // indexes into Report.Findings
	// Ranks are the ranks of Findings, in the same order: the numbers the
	// text and HTML reports show (filled when the JSON is written).
	Ranks []int   `json:"ranks"`
	Score float64 `json:"score"` // the findings' scores summed
}

// GroupIndexes fills Indexes from the ranked findings, highest total
// score first (ties by statement).
func (r *Report) GroupIndexes() {
	byStmt := map[string]*IndexSuggestion{}
	r.Indexes = nil
	for i, f := range r.Findings {
		if f.Check != "missingindex" || !strings.HasPrefix(f.Suggestion, "CREATE INDEX") {
			continue
		}
		stmt, _, _ := strings.Cut(f.Suggestion, ";")
		stmt += ";"
		g := byStmt[stmt]
		if g == nil {
			g = &IndexSuggestion{Statement: stmt}
			byStmt[stmt] = g
		}
		g.Findings = append(g.Findings, i)
		g.Score += f.Score
	}
	for _, g := range byStmt {
		r.Indexes = append(r.Indexes, *g)
	}
	sort.Slice(r.Indexes, func(i, j int) bool {
		a, b := r.Indexes[i], r.Indexes[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		return a.Statement < b.Statement
	})
}

// IndexNotes are what the statements of Indexes need said, once per
// report rather than with every finding: that CREATE INDEX CONCURRENTLY
// cannot run in the transaction migration tools wrap each file in, and
// that a trigram index needs its extension. Nil when no statement needs
// a note.
func (r *Report) IndexNotes() []string {
	var concurrently, trigram bool
	for _, g := range r.Indexes {
		concurrently = concurrently || strings.Contains(g.Statement, " CONCURRENTLY ")
		trigram = trigram || strings.Contains(g.Statement, "gin_trgm_ops")
	}
	var notes []string
	if concurrently {
		notes = append(notes, ConcurrentlyNote)
	}
	if trigram {
		notes = append(notes, TrigramNote)
	}
	return notes
}

// The notes of IndexNotes.
const (
	ConcurrentlyNote = "CREATE INDEX CONCURRENTLY builds the index without blocking writes, but cannot run inside a transaction: " +
		"goose needs -- +goose NO TRANSACTION in the migration, golang-migrate the statement alone in its file"
	TrigramNote = "gin_trgm_ops needs the pg_trgm extension: CREATE EXTENSION IF NOT EXISTS pg_trgm"
)

// problemAndFix are what a finding says is wrong and what to do about
// it, for the reports that show them apart: its message and fix, or,
// when its check gave no fix apart from the message (older findings,
// checks that write "problem: advice"), the message cut at its first
// ": " outside quoted SQL. Both are on one line.
func (f Finding) problemAndFix() (problem, fix string) {
	if f.Fix != "" {
		return oneLine(f.Message), oneLine(f.Fix)
	}
	return splitAdvice(oneLine(f.Message))
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
	// PerRequest is how many times one request of the route runs the
	// finding's query ("once", "loop", "loop×2"), when it differs by
	// route; "" means the finding's Multiplicity.
	PerRequest string `json:"per_request,omitempty"`
}

// Route is one HTTP route of the service.
type Route struct {
	Method  string `json:"method"`
	Pattern string `json:"pattern"`
	Handler string `json:"handler"`
	File    string `json:"file"`
	Line    int    `json:"line"`
	// Via, for a route served through a proxy in front of the code that
	// serves it (grpc-gateway), says what serves it and how it is reached.
	Via               string        `json:"via,omitempty"`
	Rate              float64       `json:"rate"`
	QueriesPerRequest QueriesPerReq `json:"queries_per_request"`
	Findings          []int         `json:"findings"` // indexes into Report.Findings
	// Ranks are the ranks of Findings, in the same order: the numbers the
	// text and HTML reports show (filled when the JSON is written).
	Ranks []int `json:"ranks"`
	// Queries is every query a request of the route can run, through its
	// middlewares and handler and every call below them (interfaces,
	// func values and fields included): the standalone driver's
	// whole-program graph. Ordered by From (middlewares outermost first,
	// then the handler), then file and line.
	Queries []RouteQuery `json:"queries,omitempty"`
}

// RouteQuery is one query a request of a route can run.
type RouteQuery struct {
	File        string `json:"file"`
	Line        int    `json:"line"`
	SQL         string `json:"sql,omitempty"`
	Fingerprint string `json:"fingerprint,omitempty"`
	// PerRequest is how many times a request runs it: "once", "loop" (per
	// item of a loop on the way), "loop×2"...
	PerRequest string `json:"per_request"`
	// Via is the chain of functions from the handler or middleware to the
	// one that runs the query, both included.
	Via []string `json:"via,omitempty"`
	// From is "handler", or the name of the middleware that runs it.
	From string `json:"from"`
	// Remote is the gRPC procedure ("/pkg.Service/Method") the request
	// calls on another program of the module, which runs the query: in
	// that program's process, not the route's.
	Remote string `json:"remote,omitempty"`
}

// QueriesPerReq is a route's query count: Min queries on every request,
// plus some per item when Loop.
type QueriesPerReq struct {
	Min  int  `json:"min"`
	Loop bool `json:"loop"`
	// PerItem is how many queries each loop item adds, when known; a
	// route with Loop set adds at least one.
	PerItem int `json:"per_item,omitempty"`
}

// Stats counts what the run saw and what it could not resolve.
// TrafficUnmatched counts what the traffic profile had that no route took:
// its routes, or for an access log, its requests.
type Stats struct {
	Packages   int `json:"packages"`
	QuerySites int `json:"query_sites"`
	Unresolved int `json:"unresolved"`
	Unparsed   int `json:"unparsed"`
	ORM        int `json:"orm"`
	// Partial counts the ORM sites of which a part is not known (see
	// Report.Partial).
	Partial          int `json:"partial,omitempty"`
	Routes           int `json:"routes"`
	TrafficUnmatched int `json:"traffic_unmatched"`
	PackageErrors    int `json:"package_errors"`
	InternalErrors   int `json:"internal_errors"`
	// SchemaFiles counts the schema files (and Go sources of executed
	// DDL) the catalog was built from; SchemaWarnings the DDL statements
	// it could not use (each also in Errors, with its file and line);
	// UnknownTables the tables queried that the catalog does not know,
	// on which missingindex stays silent.
	SchemaFiles    int `json:"schema_files"`
	SchemaWarnings int `json:"schema_warnings"`
	UnknownTables  int `json:"unknown_tables"`
	// SchemaSkipped counts the migration files written for another
	// database that were not read, their PostgreSQL twin being read
	// (Report.SchemaSkippedFiles lists them).
	SchemaSkipped int `json:"schema_skipped,omitempty"`
	// BaselineHidden counts findings -baseline hid, BaselineStale its
	// entries that matched nothing (fixed code: drop them from the
	// baseline), OldHidden findings -new-from-rev hid as not changed.
	BaselineHidden int `json:"baseline_hidden,omitempty"`
	BaselineStale  int `json:"baseline_stale,omitempty"`
	OldHidden      int `json:"old_hidden,omitempty"`
	// Fixed counts the findings -fix fixed (or -diff would), which the
	// report then leaves out.
	Fixed int `json:"fixed,omitempty"`
	// UnreachedFindings counts the findings in code no entry point
	// reaches (a function nothing in the program calls, a handler
	// registered for a message nothing sends) that the report leaves
	// out; -unreached shows them instead (low, and said), and this is 0.
	UnreachedFindings int `json:"unreached_findings,omitempty"`
	// UnreachedRoutes counts the routes the inventory leaves out because
	// the code registering them runs in no entry point (a test server's
	// routes, set up by a function only tests call; a group of routes
	// whose function nothing calls); -unreached lists them, and this is 0.
	UnreachedRoutes int `json:"unreached_routes,omitempty"`
	// CacheFillFindings counts the calls in loops that the report leaves
	// out because every query they run fills a cache: a read-through
	// cache's miss, a cache's loader (GetOrSet(k, func() (V, error))),
	// sync.Once's function, a value's lazily loaded state — or mends a
	// failed attempt before the same call is made again (a session
	// refreshed and saved, then the same request; also when the refresh
	// asks through that request, or mends one case of a switch on the
	// failure's code with the retry after the switch). They run once per
	// key, per value or per process, or on a failure only, not once per
	// item.
	CacheFillFindings int `json:"cache_fill_findings,omitempty"`
	// StartBoundFindings counts the queryinloop findings the report
	// leaves out because their loop runs as often as start-up says, not
	// once per item of data, though a route or a job reaches it: only a
	// sync.Once or a cache fill calls its function (once per process),
	// or every loop ranges over what only start-up fills (a configured
	// list, the implementations the program registers). A loop in
	// start-up code itself is silent as well.
	StartBoundFindings int `json:"start_bound_findings,omitempty"`
	// ErrorPathFindings counts the calls in loops that the report leaves
	// out because what they run, they run only when a call made before
	// them failed, in the loop's function or on the way down to the
	// query (`if err != nil { markFailed(item); continue }`): for the
	// failed items only, not once per item. A test that tells one
	// failure from another (errors.Is(err, ErrNotFound), err == X)
	// keeps counting: a get-or-create creates per item; unless the
	// failed call is another service's and the branch only deletes
	// (a push service's unregistered token: deleted once, ever).
	ErrorPathFindings int `json:"error_path_findings,omitempty"`
	// ChangedOnlyFindings counts the calls in loops that the report
	// leaves out because what they run, they run only for a value that
	// differs from its source, in the loop's function or on the way down
	// to the query: a sync copying each remote field that differs and
	// writing the row when one did (`if a.Name != b.Name { b.Name =
	// a.Name; changed = true }; if changed { update(b) }`). A pass over
	// rows already in sync writes nothing; the next writes only what
	// changed since.
	ChangedOnlyFindings int `json:"changed_only_findings,omitempty"`
	// UnreadLibraries counts, by import path, the packages analyzed that
	// import a SQL library sqlheat does not read (GoFrame's gdb, dbr,
	// rel, reform...): the queries sent through it have no site, no
	// finding and no place in a route's list.
	UnreadLibraries map[string]int `json:"unread_libraries,omitempty"`
	// PathGuarded counts, over the routes, the queries of their
	// middlewares left out of routes[].queries and their counts: the
	// middleware runs them only for paths, tested against a constant
	// (strings.HasPrefix(r.URL.Path, "/api/"), path == "/login"), that
	// the route's pattern never has; and those a middleware or the
	// handler runs only for a method (r.Method == "POST") other than
	// the route's one.
	PathGuarded int `json:"path_guarded,omitempty"`
	// DeadBranchFindings counts the calls in loops that the report leaves
	// out because what they run, they run only in a branch no execution
	// takes: under a guard that the constant every implementation in the
	// module returns decides against (if len(p.Params()) > 0 where every
	// Params returns nil; if ids == nil { continue } after a stub's nil,
	// nil; a range over such a nil).
	DeadBranchFindings int `json:"dead_branch_findings,omitempty"`
	// ExcessLoopFindings counts the calls running queries in loops that
	// the report leaves out because the loop runs over the excess of a
	// list past a limit the code keeps (`if len(s) >= limit { for i :=
	// limit - 1; i < len(s); i++ { del(s[i]) } }`): it trims what each
	// insert put over the limit, one item amortized, not one per item
	// of the list.
	ExcessLoopFindings int `json:"excess_loop_findings,omitempty"`
	// LocalPackages counts the packages of local modules analyzed with
	// the main module's (Report.LocalModules lists them); Packages
	// counts them too.
	LocalPackages int `json:"local_packages,omitempty"`
	// ExcludedByTags are the module's files with database code that the
	// build left out for a build tag the run was not given; nil when
	// there are none.
	ExcludedByTags *ExcludedByTags `json:"excluded_by_tags,omitempty"`
}

// ExcludedByTags are the files with database code that the build left
// out only for a custom build tag (//go:build mysql), not for their
// platform, the compiler, a Go release or //go:build ignore. A service
// that puts each database adapter behind a tag, with a stub under
// !mysql, would otherwise be analyzed as its stubs, with no query sites
// and no word of why. Test files and testdata are not counted; a file
// counts when it imports a database package sqlheat reads.
type ExcludedByTags struct {
	Files []ExcludedFile `json:"files"`
	// Tags are the tags that would include them, Flag the -tags to run
	// with: those and the tags the run was given.
	Tags []string `json:"tags"`
	Flag string   `json:"flag"`
}

// ExcludedFile is one file of ExcludedByTags, relative to the module
// root, and the fewest tags that would include it.
type ExcludedFile struct {
	File string   `json:"file"`
	Tags []string `json:"tags"`
}

// Hint says it in a line: "3 files with database code are left out by
// build tags (mysql, postgres): run with -tags mysql,postgres to analyze
// them".
func (e *ExcludedByTags) Hint() string {
	are, tags, them := "files with database code are", "build tags", "them"
	if len(e.Files) == 1 {
		are, them = "file with database code is", "it"
	}
	if len(e.Tags) == 1 {
		tags = "a build tag"
	}
	return fmt.Sprintf("%d %s left out by %s (%s): run with %s to analyze %s",
		len(e.Files), are, tags, strings.Join(e.Tags, ", "), e.Flag, them)
}

// LocalModule is a module the program imports whose source is a
// directory on disk (a go.work module, or a replacement by a path) other
// than the modules the patterns name. When it is the repository's own
// code, the packages of it that the main module imports (Packages) are
// analyzed as the main module's; otherwise Skipped says why not, and its
// packages are read from export data as any dependency's.
type LocalModule struct {
	Path string `json:"path"`
	// Dir is its directory, relative to the module root.
	Dir string `json:"dir"`
	// Why says how the directory became the module's source: "replace
	// github.com/acme/x => ./x", or the workspace.
	Why      string   `json:"why"`
	Packages []string `json:"packages,omitempty"`
	Skipped  string   `json:"skipped,omitempty"`
}

// UnresolvedSite is a query site whose SQL could not be followed.
type UnresolvedSite struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Why  string `json:"why"`
}

// UnparsedSite is a query site whose SQL was found but did not parse.
type UnparsedSite struct {
	File  string `json:"file"`
	Line  int    `json:"line"`
	SQL   string `json:"sql"`
	Error string `json:"error"`
}

// Problem is an error the run survived, with its place when known.
type Problem struct {
	Package string `json:"package,omitempty"`
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Message string `json:"message"`
	// Kind is "compile" for an error that keeps a package from being
	// analyzed (it does not load, parse or type-check).
	Kind string `json:"kind,omitempty"`
}

// ProblemCompile is the Kind of a package's load, syntax or type error.
const ProblemCompile = "compile"

// String is the problem as one line, in the form of a finding's when it
// has a place: file:line:col: message (kind).
func (p Problem) String() string {
	var s string
	switch {
	case p.File != "" && p.Line > 0 && p.Column > 0:
		s = fmt.Sprintf("%s:%d:%d: %s", p.File, p.Line, p.Column, p.Message)
	case p.File != "" && p.Line > 0:
		s = fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message)
	case p.File != "":
		s = fmt.Sprintf("%s: %s", p.File, p.Message)
	case p.Package != "":
		s = fmt.Sprintf("%s: %s", p.Package, p.Message)
	default:
		s = p.Message
	}
	if p.Kind != "" {
		s += " (" + p.Kind + ")"
	}
	return s
}

// Skipped is a requested package that was not analyzed: Package is its
// go/packages ID ("example.com/m/store", or a test variant,
// "example.com/m/store [example.com/m/store.test]"), Cause the ID of the
// package whose errors it was lost to, when that is another one (a
// package it imports).
type Skipped struct {
	Package string `json:"package"`
	Cause   string `json:"cause,omitempty"`
}

// Rank orders findings by score, highest first, ties broken by file, line,
// column and check so that the output never depends on map order or
// scheduling, then numbers them from 1. Scores of different bases are not
// comparable: findings measured in database time come first, then those
// ranked by route traffic, then the rest (static scores, or no basis), each
// group by score. Route.Findings indexes are rewritten to follow the
// findings to their new places.
func (r *Report) Rank() {
	type ranked struct {
		Finding
		old int
	}
	fs := make([]ranked, len(r.Findings))
	for i, f := range r.Findings {
		fs[i] = ranked{f, i}
	}
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := &fs[i].Finding, &fs[j].Finding
		if ta, tb := basisOrder(a.ScoreBasis), basisOrder(b.ScoreBasis); ta != tb {
			return ta < tb
		}
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
	moved := make([]int, len(fs)) // old index -> new index
	for i := range fs {
		r.Findings[i] = fs[i].Finding
		r.Findings[i].Rank = i + 1
		moved[fs[i].old] = i
	}
	for ri := range r.Routes {
		idx := r.Routes[ri].Findings
		for k, old := range idx {
			if old >= 0 && old < len(moved) {
				idx[k] = moved[old]
			}
		}
		sort.Ints(idx)
	}
}

// basisOrder is the group a score basis ranks in, first group first.
func basisOrder(basis string) int {
	switch basis {
	case BasisDBTime:
		return 0
	case BasisTraffic:
		return 1
	}
	return 2
}

// WriteJSON writes the report as JSON version 1.
func WriteJSON(w io.Writer, r *Report) error {
	if r.Findings == nil {
		r.Findings = []Finding{}
	}
	if r.Routes == nil {
		r.Routes = []Route{}
	}
	for i := range r.Routes {
		rt := &r.Routes[i]
		if rt.Findings == nil {
			rt.Findings = []int{} // "findings": [], as DESIGN.md shows, never null
		}
		rt.Ranks = r.ranks(rt.Findings)
	}
	for i := range r.Indexes {
		r.Indexes[i].Ranks = r.ranks(r.Indexes[i].Findings)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// ranks are the ranks of the findings at indexes idx: what readers call
// them (#3), where the JSON's findings lists hold 0-based indexes, which
// version 1 of the contract keeps.
func (r *Report) ranks(idx []int) []int {
	out := make([]int, 0, len(idx))
	for _, i := range idx {
		if i >= 0 && i < len(r.Findings) {
			out = append(out, r.Findings[i].Rank)
		}
	}
	return out
}

// AtOneItem is the queries one request runs when each of its loops has
// one item: Min, plus the queries run per item (at least one) when Loop.
// It is the lower bound the route figures count ("3 + 1 per item" is 4).
func (q QueriesPerReq) AtOneItem() int {
	if q.Loop {
		return q.Min + max(q.PerItem, 1)
	}
	return q.Min
}

// QueriesPerMin is the queries per minute the route's rate implies, at
// one item per loop (QueriesPerReq.AtOneItem).
func (rt Route) QueriesPerMin() float64 {
	return rt.Rate * float64(rt.QueriesPerRequest.AtOneItem())
}

// SavesOfTop sums the SavesPerMin of the n best ranked findings. Two
// findings about the same query and problem (one N+1 reported at the loop
// of each of two callers) remove the same executions: they count once,
// at the larger figure.
func (r *Report) SavesOfTop(n int) float64 {
	best := map[string]float64{}
	for _, f := range r.Findings[:min(max(n, 0), len(r.Findings))] {
		if f.SavesPerMin <= 0 {
			continue
		}
		where := f.Fingerprint
		if where == "" {
			where = fmt.Sprintf("%s:%d", f.File, f.Line)
		}
		k := f.Check + " " + f.Kind + " " + where
		best[k] = max(best[k], f.SavesPerMin)
	}
	vals := make([]float64, 0, len(best))
	for _, v := range best {
		vals = append(vals, v)
	}
	sort.Float64s(vals) // a float sum in one order, whatever the map's
	var sum float64
	for _, v := range vals {
		sum += v
	}
	return sum
}
