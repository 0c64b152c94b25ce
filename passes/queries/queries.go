// Package queries is sqlheat's foundation pass: it finds every place a
// package sends SQL to a database, and what that SQL is.
//
// It reports nothing itself. Its result (the query sites of the package,
// with their SQL text, parse, and enclosing loops) and its facts (which
// functions issue which queries per call, which function parameters become
// SQL) are what every check builds on, so the hard parts — recognizing a
// query by the type of the function called, following SQL text through
// constants, variables, Sprintf and builders, lists of clauses joined
// (lists.go, where the clauses only some calls send are marked
// optional), data and struct fields,
// following prepared statements from where they are prepared to where
// they run (fields.go), and summarizing functions across packages — are
// done once and done the same for all checks.
package queries

import (
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	astedge "golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/internal/dbapi"
	"github.com/sqlheat/sqlheat/internal/dialect"
	"github.com/sqlheat/sqlheat/internal/guard"
	"github.com/sqlheat/sqlheat/internal/httpapi"
	"github.com/sqlheat/sqlheat/internal/sqlfiles"
	"github.com/sqlheat/sqlheat/internal/sqlparse"
	"github.com/sqlheat/sqlheat/internal/srcpos"
	"github.com/sqlheat/sqlheat/passes/config"
	sqlfilespass "github.com/sqlheat/sqlheat/passes/sqlfiles"
)

var Analyzer = &analysis.Analyzer{
	Name:       "queries",
	Doc:        "find query execution sites and resolve their SQL (no diagnostics; facts for other checks)",
	URL:        "https://github.com/sqlheat/sqlheat#how-it-works",
	Requires:   []*analysis.Analyzer{inspect.Analyzer, config.Analyzer, sqlfilespass.Analyzer},
	ResultType: reflect.TypeOf((*Result)(nil)),
	FactTypes:  []analysis.Fact{(*IssuesQueries)(nil), (*SQLParam)(nil), (*SQLText)(nil), (*FieldSQL)(nil), (*StmtTable)(nil), (*StmtFrom)(nil), (*TableName)(nil), (*FixedList)(nil), (*BuilderAdds)(nil), (*BatchQueues)(nil), (*Rewrites)(nil), (*Appends)(nil), (*InRow)(nil), (*GdbModel)(nil)},
	Run:        guard.Run(run),
}

// Result is what the checks read: the package's query sites and the calls
// into functions that issue queries, both with their enclosing loops.
type Result struct {
	Sites []*Site // in source order
	Calls []*Call // calls to functions that issue queries, in source order
	// Inner are the package's wrappers' own query calls, each with its
	// SQL the wrapper's parameter: not sites, since the wrapper's calls
	// are (see wrapperParam). A call the passes cannot see as the
	// wrapper's — through an interface declared in a package that cannot
	// see the wrapper's (adapters.QueryExecutor, implemented by
	// postgres.(*Adapter)), or a method value of one — runs the wrapper all
	// the same: the whole-program graph, which follows such calls into
	// it, makes its own call the site there. In source order.
	Inner []*Site
	// Loops holds, under WholeProgram, every call of the package's
	// function bodies (declared functions and closures alike) with the
	// loops around it within its own body, outermost first: a
	// whole-program driver joins them to its call graph, whose calls
	// through interfaces and func values this package cannot resolve.
	Loops map[*ast.CallExpr][]*Loop
	// Cached holds, under WholeProgram, the calls that fill a cache
	// (if x == nil { x = load() }, or a keyed cache's miss): they run
	// once (per key), whatever the loops.
	Cached map[*ast.CallExpr]bool
	// Failed holds, of those, the calls in a branch run only when a call
	// before it failed (if err != nil { ... }, see failure.go).
	Failed map[*ast.CallExpr]bool
	// Changed holds, of Failed, the calls in a branch run only for a
	// value that differs from its source (see changed.go).
	Changed map[*ast.CallExpr]bool
	// Cleanup holds the calls in a branch run only when another
	// service turned the item down (see outside.go): their DELETEs run
	// once per such item.
	Cleanup map[*ast.CallExpr]bool
	// Keyed holds, of those, the ones filling a keyed cache whose key may
	// vary from call to call: the key, as Query.KeyFrom says it.
	Keyed map[*ast.CallExpr]int
	// Loads holds, under WholeProgram, the get-or-load calls of caches
	// (see loader.go): the reads they run, through their loader, run on
	// a miss only.
	Loads map[*ast.CallExpr]bool
	// PerValue holds, under WholeProgram, the calls that fill the state
	// of their function's receiver or of a pointer parameter lazily (if
	// t.rows == nil { t.fetch() }; if r.File != "" { return }): they run
	// once per value of that variable, which the map says by ordinal (1 +
	// its index among the receiver, first, and the parameters; see
	// lazy.go). The pass's own summaries count them as cache fills.
	PerValue map[*ast.CallExpr]int
	// Unless holds, of PerValue, the calls of a getter's fill that a
	// caller's true flag runs anyway: 1 + the flag's parameter index.
	Unless map[*ast.CallExpr]int
	// What this package exports as facts, for checks that want them for
	// local functions without a fact lookup.
	Summaries map[*types.Func]*IssuesQueries
	Wrappers  map[*types.Func]*SQLParam
	SQLVars   map[*types.Var]*SQLText
	// Fields are the fields (and package-level statement variables) of
	// this package that hold a statement or SQL text; StmtFrom the
	// functions that return the statement they are given.
	Fields   map[*types.Var]*FieldSQL
	StmtFrom map[*types.Func]int
	// Tables are the statement tables learned here: the statement field
	// of a struct entry, or a named map type (see StmtTable).
	Tables map[types.Object]*StmtTable
	// Builders are the squirrel builder helpers, Batches the functions
	// filling a pgx batch they are given (see BuilderAdds, BatchQueues).
	Builders map[*types.Func]*BuilderAdds
	Batches  map[*types.Func]*BatchQueues
	// Rewriters are the exported functions that rewrite and return
	// their SQL (see Rewrites).
	Rewriters map[*types.Func]*Rewrites
	// Appenders are the exported functions that return their SQL
	// parameter with text appended (see Appends).
	Appenders map[*types.Func]*Appends
	Stats     Stats

	imported func(*types.Func) *IssuesQueries // a fact of another package's function
}

// Summary is what a call of fn issues per call, for a function of this
// package or (through its fact) of another; nil when nothing. It is how
// passes that see a function as a value — a handler registered on a
// router — learn its queries: facts belong to the pass that exports them.
func (r *Result) Summary(fn *types.Func) *IssuesQueries {
	if r == nil || fn == nil {
		return nil
	}
	if sum := r.Summaries[fn.Origin()]; sum != nil {
		return sum
	}
	if r.imported != nil {
		return r.imported(fn)
	}
	return nil
}

// Stats counts what the pass found and what it could not resolve, so that
// nothing is dropped silently.
type Stats struct {
	Sites      int // round trips found
	Unresolved int // raw-SQL sites whose text could not be resolved
	Unparsed   int // resolved SQL the parser refused
	ORM        int // ORM finishers whose SQL is generated
	// Partial counts the ORM sites rebuilt with parts only run time
	// knows (Site.Partial), among ORM.
	Partial int
}

// Site is one call that sends SQL to the database.
type Site struct {
	Call   *ast.CallExpr
	Func   *types.Func // the declared function holding the call ("" for package-level closures)
	Node   ast.Node    // the innermost *ast.FuncDecl or *ast.FuncLit holding the call
	Method *dbapi.Method
	// Wrapper is the user's function the SQL was passed to, when the call
	// is to a wrapper rather than to the database API itself.
	Wrapper *types.Func
	Role    dbapi.Role
	Write   bool
	// ORM is the library ("gorm", "bun", "xorm") that generates the SQL, which
	// the pass rebuilt from the chain (see orm.go); "" for SQL the
	// program writes.
	ORM string
	// ModelDDL is the DDL the ORM's Sync would send for the model of the
	// chain (xorm: its tags are the table as the ORM creates it), for a
	// schema that has no other word on the table.
	ModelDDL string

	SQL      string
	Resolved bool
	Why      string    // why the SQL is unresolved
	Lit      token.Pos // the SQL literal, when in this package
	// Block is the block of a .sql file the SQL comes from: the query of
	// an sqlc-generated constant, or a named query (goyesql, dotsql, a
	// field tagged query:"name"). Checks of the SQL text report on the
	// block, where the user edits it, rather than on the Go code.
	Block    *sqlfiles.Block
	Stmts    []*sqlparse.Statement
	ParseErr error
	// Many says one execution covers many items: a statement taking a
	// list (sqlparse.Statement.Many), or an ORM writing a slice.
	Many bool
	// OneOf says Stmts are the statements one execution chooses one of
	// (a text set on different paths, a Save that updates or inserts),
	// not statements each execution sends.
	OneOf bool
	// PerRow names what the ORM loads with one query of its own per row
	// the statement reads — pop's Eager on All: "Addresses of
	// identities" — "" when nothing: the call is an N+1 by itself.
	PerRow string
	// Partial names the parts of an ORM statement not known here (an
	// ent predicate built elsewhere), each standing as a parameter in
	// SQL: the statement's table and other clauses are checked, and the
	// site is counted (Stats.Partial) and listed, not dropped.
	Partial []string
	// Optional says SQL holds clauses that only some executions send
	// (items appended to a list of clauses under a condition, see
	// list in resolve.go): their filters are marked Optional in Stmts,
	// and ORDER BY and LIMIT are those every execution has.
	Optional bool
	// Loops are the loops of the function around the call, outermost
	// first, that repeat it (see callLoops).
	Loops []*Loop
	// Once says the call fills a cache: it runs once per process, or
	// once per key, KeyFrom says which.
	Once    bool
	KeyFrom int
	// Fail, of Once, says the call runs only when a call before it in
	// its function failed (see failure.go).
	Fail bool
	// Changed, of Fail, says the call runs only for a value that differs
	// from its source (see changed.go).
	Changed bool
	// Ctx is the context argument passed to the call, nil when the API
	// takes none.
	Ctx ast.Expr
	// Entry is the site as the function holding it summarizes it (what
	// facts carry), with Ctx classified; set once the package is summarized.
	Entry Query

	// head is the constant text an unresolved SQL starts with, before
	// the part only run time knows (see sqlText.head).
	head string

	param int        // >= 0: the SQL is the enclosing function's parameter (a wrapper's own call)
	pvar  *types.Var // that parameter
	// buffered says the site adds a row to a bulk copy (stmt.Exec(row...)
	// on a statement prepared from pq.CopyIn): no round trip; the copy
	// is sent at stmt.Exec() with no row, which is the site.
	buffered bool
}

// rowArgs reports whether a statement's Exec call passes values, a row,
// besides a leading context.
func rowArgs(info *types.Info, call *ast.CallExpr) bool {
	args := call.Args
	if len(args) > 0 && isContext(info.TypeOf(args[0])) {
		args = args[1:]
	}
	return len(args) > 0
}

// Kind is the kind of the site's statement: read, write, ...
func (s *Site) Kind() sqlparse.Kind {
	for _, st := range s.Stmts {
		if st.Kind == sqlparse.KindWrite || st.Kind == sqlparse.KindDDL {
			return st.Kind
		}
	}
	if len(s.Stmts) > 0 {
		return s.Stmts[0].Kind
	}
	if s.Resolved { // not PostgreSQL: INSERT IGNORE, PRAGMA...
		if k, _ := sqlparse.Guess(s.SQL); k != sqlparse.KindUnknown {
			return k
		}
	}
	if !s.Resolved && s.head != "" {
		// "CREATE TABLE " + name: DDL, whatever the name.
		if k := sqlparse.Leading(s.head); k != sqlparse.KindUnknown {
			return k
		}
	}
	if s.Method != nil && s.Method.Schema {
		// db.AutoMigrate(&t) of a model not known: DDL all the same.
		return sqlparse.KindDDL
	}
	if s.Write {
		return sqlparse.KindWrite
	}
	if s.Role == dbapi.Finisher {
		return sqlparse.KindRead
	}
	return sqlparse.KindUnknown
}

// ReportPos is where a finding about the site's SQL text is reported: its
// literal when this package holds it, else the call.
func (s *Site) ReportPos() token.Pos {
	if s.Lit.IsValid() {
		return s.Lit
	}
	return s.Call.Pos()
}

// FuncFullName is the full name of the function that issues the query
// (types.Func.FullName), "" for a package-level closure. The SQL literal
// may stand outside any function (a package-level const, as sqlc writes
// them): reports name the code that runs it.
func (s *Site) FuncFullName() string {
	if s.Func != nil {
		return s.Func.FullName()
	}
	return ""
}

// Fingerprint is the first statement's fingerprint, "" when unparsed.
func (s *Site) Fingerprint() string {
	if len(s.Stmts) > 0 {
		return s.Stmts[0].Fingerprint
	}
	return ""
}

// Call is a call to a function that issues queries per call, in this or
// another package.
type Call struct {
	Call    *ast.CallExpr
	Func    *types.Func // the declared function holding the call
	Node    ast.Node
	Callee  string // printable name of the function called
	Summary *IssuesQueries
	Loops   []*Loop
	// Whole are the loops of Loops whose chunk another call on the way
	// takes whole, not Call (a whole-program driver's chain through a
	// helper: batchExec(ids, n, fn) calling fn(ids[i:end])): they repeat
	// nothing per item here.
	Whole []*Loop
}

// For returns the result of the queries pass for pass, which must
// Require Analyzer; nil when it failed.
func For(pass *analysis.Pass) *Result { return config.Result[*Result](pass) }

func run(pass *analysis.Pass) (any, error) {
	res := &Result{
		Summaries: map[*types.Func]*IssuesQueries{},
		Wrappers:  map[*types.Func]*SQLParam{},
		SQLVars:   map[*types.Var]*SQLText{},
		Fields:    map[*types.Var]*FieldSQL{},
		StmtFrom:  map[*types.Func]int{},
		Tables:    map[types.Object]*StmtTable{},
		Builders:  map[*types.Func]*BuilderAdds{},
		Batches:   map[*types.Func]*BatchQueues{},
		Rewriters: map[*types.Func]*Rewrites{},
		Appenders: map[*types.Func]*Appends{},
	}
	declared := config.For(pass).Functions
	if len(pass.Files) == 0 || !mayQuery(pass.Pkg, declared) && !(config.For(pass).WholeProgram && !isLibrary(pass.Pkg)) {
		// Imports no database package: nothing to find. (A whole-program
		// driver still wants the package's interface calls in loops: a
		// controller reaches its store only through an interface.)
		// Its validation may cap the lists others loop over.
		exportCaps(pass, fieldCaps(pass.TypesInfo, config.Inspector(pass)))
		return res, nil
	}
	a := &analyzer{
		pass:     pass,
		res:      res,
		r:        newResolver(pass),
		nodes:    map[ast.Node]*funcNode{},
		pending:  map[*edge]*ast.FuncLit{},
		ifaces:   map[*types.Interface]*handle{},
		wrappers: map[*types.Func]*SQLParam{},
		extra:    map[string]config.Function{},
		models:   map[ormKey]ormEntry{},
		helpers:  map[*types.Func]*helperMemo{},
		batches:  map[*types.Func]*batchMemo{},

		fields:    map[*types.Var]*fieldInfo{},
		tables:    map[*types.Var]*StmtTable{},
		mapTables: map[*types.TypeName]bool{},
		stmtFrom:  map[*types.Func]int{},
	}
	a.r.field = a.fieldSQL
	a.r.built, a.r.builtArg = a.toSQL, a.builtSQL
	a.r.handleMethod = a.handleMethod
	files := sqlfilespass.For(pass)
	a.r.files, a.dir = files.Set, files.Dir // read on first use
	// Not the method value a.imported: the result outlives the pass, and
	// the method value would keep the whole analyzer (every function's
	// calls, the resolver's memos) for as long as the result is read.
	res.imported = func(fn *types.Func) *IssuesQueries { return importedFact(pass, fn) }
	for _, f := range declared {
		for _, name := range f.FullNames() { // either spelling (see config.Function)
			a.extra[name] = f
		}
	}
	a.collect()
	a.failOnly() // see failure.go
	a.learnStmtFrom()
	a.findWrappers()
	a.learnTables()
	a.collectFields()
	a.collectPgxNames()
	a.buildSites()
	a.limitLoops()
	a.summarize()
	a.exportFacts()
	if config.For(pass).WholeProgram {
		res.Loops = map[*ast.CallExpr][]*Loop{}
		res.Cached = map[*ast.CallExpr]bool{}
		res.Failed = map[*ast.CallExpr]bool{}
		res.Changed = map[*ast.CallExpr]bool{}
		res.Cleanup = map[*ast.CallExpr]bool{}
		res.Keyed = map[*ast.CallExpr]int{}
		res.PerValue = map[*ast.CallExpr]int{}
		res.Unless = map[*ast.CallExpr]int{}
		res.Loads = map[*ast.CallExpr]bool{}
		for _, n := range a.funcs {
			for _, c := range n.calls {
				res.Loops[c.call] = c.loops
				if c.load {
					res.Loads[c.call] = true
				}
				if c.clean {
					res.Cleanup[c.call] = true
				}
				switch {
				case c.per > 0:
					res.PerValue[c.call] = c.per
					if c.unless > 0 {
						res.Unless[c.call] = c.unless
					}
				case c.once:
					res.Cached[c.call] = true
					if c.fail {
						res.Failed[c.call] = true
					}
					if c.fail && c.change {
						res.Changed[c.call] = true
					}
					if c.key != 0 {
						res.Keyed[c.call] = c.key
					}
				}
			}
		}
	}
	return res, nil
}

// calledBy is sum, its callee's summary, as call c of n runs it (see
// analyzer.atCall): a cache fill's queries run once (under `if s.cache
// == nil`, on a keyed cache's miss, by a key the loops around c do not
// make anew), and a cache keyed by what c's loops make per item runs
// its queries per item.
func (a *analyzer) calledBy(n *funcNode, c *callInfo, sum *IssuesQueries) *IssuesQueries {
	out := *sum
	out.Queries = slices.Clone(sum.Queries)
	for i, q := range out.Queries {
		q = a.atCall(n, c, q)
		q.Loop = sum.Queries[i].Loop
		out.Queries[i] = q
	}
	return &out
}

// isLibrary reports whether pkg is one of the database libraries
// themselves, whose insides are not the user's queries.
func isLibrary(pkg *types.Package) bool {
	for _, p := range dbapi.Packages {
		if pkg.Path() == p || strings.HasPrefix(pkg.Path(), p+"/") {
			return true
		}
	}
	return false
}

// mayQuery reports whether pkg imports, directly or not, a database
// package, or the package of a function declared in the settings (an
// in-house client, which imports none). It is the cheap early exit for
// most packages of a build, and it skips the database libraries
// themselves, whose insides are not the user's queries.
func mayQuery(pkg *types.Package, declared []config.Function) bool {
	if isLibrary(pkg) {
		return false
	}
	dbPkgs := dbapi.Packages
	for _, f := range declared {
		dbPkgs = append(slices.Clip(dbPkgs), f.PackagePaths()...)
	}
	seen := map[*types.Package]bool{}
	var walk func(p *types.Package) bool
	walk = func(p *types.Package) bool {
		for _, imp := range p.Imports() {
			if seen[imp] {
				continue
			}
			seen[imp] = true
			if slices.Contains(dbPkgs, imp.Path()) || walk(imp) {
				return true
			}
		}
		return false
	}
	return walk(pkg)
}

// funcNode is a function body: a declared function or a closure.
type funcNode struct {
	node  ast.Node // *ast.FuncDecl or *ast.FuncLit
	fn    *types.Func
	name  string
	body  *ast.BlockStmt
	sig   *types.Signature
	calls []*callInfo
	// edges are calls to closures run in place (called directly or passed
	// to a function as a callback, such as a transaction helper's body).
	edges []*edge
	sites []*Site
	sum   []Query
	more  int
}

type callInfo struct {
	call   *ast.CallExpr
	loops  []*Loop
	callee *types.Func
	method *dbapi.Method
	once   bool // fills a cache: runs once, whatever the loops around it
	key    int  // of once: the cache's key, as Query.KeyFrom says it (see keyflow.go)
	per    int  // of once: fills the state of its function's receiver or pointer parameter alone, this ordinal (see lazy.go)
	unless int  // of per: 1 + the bool parameter whose true value builds on every call (see stateHit)
	load   bool // a cache's get-or-load call: its reads run on a miss only (see loader.go)
	fail   bool // of once: runs only when a call before it failed (see failure.go)
	change bool // of fail: runs only for a value that differs from its source (see changed.go)
	clean  bool // runs only when another service turned the item down (see outside.go)
}

type edge struct {
	to    *funcNode
	loops []*Loop
	once  bool // the closure runs at most once (sync.Once's Do, a cache fill)
	key   int  // of once: the cache's key, as Query.KeyFrom says it
	load  bool // the closure is a cache's loader: its reads run on a miss only (see loader.go)
}

type analyzer struct {
	pass     *analysis.Pass
	res      *Result
	r        *resolver
	funcs    []*funcNode // in source order
	loops    []*Loop     // every loop, in the order of the walk
	nodes    map[ast.Node]*funcNode
	pending  map[*edge]*ast.FuncLit // edges to closures not met yet
	ifaces   map[*types.Interface]*handle
	deps     map[string]*types.Package // what the package imports, directly or not, by path (see implementedMethods)
	wrappers map[*types.Func]*SQLParam // local wrappers found in this package
	extra    map[string]config.Function
	dir      string              // the package's directory
	models   map[ormKey]ormEntry // the ORM models of chains (see orm.go)
	// gorpTables are the types gorp maps to tables here (see orm_gorp.go),
	// once read.
	gorpTables map[*types.TypeName]*gorpTable
	// pkgDialect is the dialect the package's imports, or its module's
	// requirements, say (see dialect), once known.
	pkgDialect *string
	// caching counts the cache fills (if x == nil { x = ... }, a keyed
	// cache's miss) the walk is in.
	caching int
	// onFailure counts, of those, the branches run only when a call
	// failed (see failure.go).
	onFailure int
	// onChange counts, of those, the branches run only for a value that
	// differs from its source (see changed.go).
	onChange int
	// failedWith are the other results of the calls whose failure the
	// walk is in; answered, those of the condition failing just read
	// (see failure.go).
	failedWith, answered []*types.Var
	// failCalls are the calls whose failure the condition just read
	// tests; failOutside says, per failure branch the walk is in,
	// innermost last, whether they are all another service's (see
	// outside.go).
	failCalls   []*ast.CallExpr
	failOutside []bool
	// ifBodies are the package's ifs by body, once needed (see
	// failedFlag).
	ifBodies map[ast.Node]*ast.IfStmt
	// cleanup counts the branches the walk is in that run only when
	// another service turned an item down (see outside.go).
	cleanup int
	// keyed are, of those, the keyed caches' fills, innermost last: the
	// key of each, as Query.KeyFrom says it (see fillKey).
	keyed []int
	// flows trace the values of the package's functions (see keyflow.go),
	// once needed.
	flows map[ast.Node]*Flow
	// perVal are, of those, the lazy fills of the state of the
	// receiver or of a pointer parameter, outermost first: the ordinal
	// of each one's variable (see lazy.go).
	perVal []int
	// unless is, in a getter's fill guarded by `&& !p` too, 1 + p's
	// index (see stateHit); 0 elsewhere.
	unless int
	// cacheFinder finds keyed read-through caches (see cache.go), once
	// needed.
	cacheFinder *caches
	// reset are the fields the package sets to nil (see resets), once
	// needed.
	reset map[*types.Var]bool

	// What the package writes to fields that hold statements or SQL,
	// and the statement tables and helpers learned (see fields.go).
	fields    map[*types.Var]*fieldInfo
	tables    map[*types.Var]*StmtTable
	mapTables map[*types.TypeName]bool
	anonMaps  []types.Type
	stmtFrom  map[*types.Func]int
	// pgxNames are the statements prepared by name with pgx (see batch.go).
	pgxNames map[string][]sqlText
	// helpers are the builder helpers read (see builderHelper), batches
	// the functions filling a batch they are given (see batchQueues).
	helpers map[*types.Func]*helperMemo
	batches map[*types.Func]*batchMemo
}

// collect walks every function body once, on the inspector's cursors,
// recording its calls with the loops around them.
func (a *analyzer) collect() {
	info := a.pass.TypesInfo
	in := config.Inspector(a.pass)
	for file := range in.Root().Children() {
		for d := range file.Children() {
			fd, ok := d.Node().(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, _ := info.Defs[fd.Name].(*types.Func)
			if fn == nil {
				continue
			}
			n := &funcNode{node: fd, fn: fn, name: FuncName(fn), body: fd.Body, sig: fn.Type().(*types.Signature)}
			a.add(n, d.ChildAt(astedge.FuncDecl_Body, -1))
		}
		// Closures outside any function (package-level var initializers).
		for d := range file.Children() {
			if _, ok := d.Node().(*ast.GenDecl); ok {
				d.Inspect([]ast.Node{(*ast.FuncLit)(nil)}, func(c inspector.Cursor) bool {
					a.lit(c, nil, "func literal")
					return false
				})
			}
		}
	}
	// Closures called before the walk reached them (f declared, called in
	// an earlier closure, assigned later): every closure is known now.
	for e, lit := range a.pending {
		e.to = a.nodes[lit]
	}
	for _, n := range a.funcs {
		n.edges = slices.DeleteFunc(n.edges, func(e *edge) bool { return e.to == nil })
	}
}

func (a *analyzer) add(n *funcNode, body inspector.Cursor) {
	a.funcs = append(a.funcs, n)
	a.nodes[n.node] = n
	a.walk(n, body, nil)
}

// lit registers the closure at c as a function of its own.
func (a *analyzer) lit(c inspector.Cursor, outer *funcNode, name string) *funcNode {
	lit := c.Node().(*ast.FuncLit)
	if n := a.nodes[lit]; n != nil {
		return n
	}
	sig, _ := a.pass.TypesInfo.TypeOf(lit).(*types.Signature)
	n := &funcNode{node: lit, name: name, body: lit.Body, sig: sig}
	if outer != nil {
		n.fn = outer.fn
		n.name = outer.name + ".func"
	}
	a.add(n, c.ChildAt(astedge.FuncLit_Body, -1))
	return n
}

// call adds an edge from n to the closure lit, which runs at a call (at
// most once when once is set): the closure's node is linked once collect
// has met every closure.
func (a *analyzer) call(n *funcNode, lit *ast.FuncLit, loops []*Loop, once bool) {
	e := &edge{loops: loops, once: once, key: a.fillKey()}
	if e.to = a.nodes[lit]; e.to == nil {
		a.pending[e] = lit
	}
	n.edges = append(n.edges, e)
}

// walk records the calls under cur, tracking the loops whose body holds
// them.
func (a *analyzer) walk(n *funcNode, cur inspector.Cursor, loops []*Loop) {
	info := a.pass.TypesInfo
	cur.Inspect(nil, func(c inspector.Cursor) bool {
		switch x := c.Node().(type) {
		case *ast.FuncLit:
			child := a.lit(c, n, "")
			if a.runsInPlace(c) {
				// A callback's queries count toward this function, but not
				// per item of the loops around it: whether the callee runs
				// it now, once, or later is not visible here.
				n.edges = append(n.edges, &edge{to: child, once: a.caching > 0 || a.onceDo(c), key: a.fillKey(), load: a.loaderArg(n.node, c)})
			}
			return false
		case *ast.CaseClause:
			if a.recovers(n, x.Body) {
				a.walkRecovery(n, c, loops) // see recovery.go
				return false
			}
			return !a.readThrough(n, c, loops)
		case *ast.SwitchStmt:
			if a.onFailure > 0 && x.Tag != nil && a.tellsFailure(x.Tag) {
				a.walkTold(n, c, loops) // see failure.go
				return false
			}
			if a.retriedAfter(n, c) {
				a.walkBeforeRetry(n, c, loops) // see recovery.go
				return false
			}
		case *ast.IfStmt:
			if a.onFailure > 0 && a.tellsFailure(x.Cond) {
				a.walkTold(n, c, loops) // see failure.go
				return false
			}
			if a.recovers(n, x.Body.List) || a.retriesCall(c, x) {
				a.walkRecovery(n, c, loops) // see recovery.go
				return false
			}
			if a.retriedAfter(n, c) {
				a.walkBeforeRetry(n, c, loops) // see recovery.go
				return false
			}
			if a.toldOutside(x) {
				a.walkCleanup(n, c, loops) // see outside.go
				return false
			}
			if body, els := a.failing(x); body || els {
				a.walkFailure(n, c, loops, els) // see failure.go
				return false
			}
			if a.changedOnly(x) {
				a.walkChanged(n, c, loops) // see changed.go
				return false
			}
			// for i, x := range xs { if i == 0 { ... } }: the body runs on
			// one pass of the loop (see firstpass.go).
			if j := onePass(info, x, loops); j >= 0 {
				for part := range c.Children() {
					if part.ParentEdgeKind() == astedge.IfStmt_Body {
						a.walk(n, part, slices.Delete(slices.Clone(loops), j, j+1))
					} else {
						a.walk(n, part, loops)
					}
				}
				return false
			}
			// if t.rows == nil { t.fetch() }: what the body runs, it runs
			// once per receiver (see lazy.go).
			if ord := a.stateFill(n, x); ord > 0 {
				a.perVal = append(a.perVal, ord)
				a.walkFill(n, c, loops)
				a.perVal = a.perVal[:len(a.perVal)-1]
				return false
			}
			// all := s.all; if all == nil { return q() }; for ... range all:
			// the body runs until a whole snapshot is loaded (see
			// snapshot.go).
			if a.coldSnapshot(n, c) {
				a.walkFill(n, c, loops)
				return false
			}
			if !fillsCache(info, x) {
				return true
			}
			// if s.cache == nil { s.cache = load() }: what the body runs,
			// it runs once, however often the function is called.
			a.walkFill(n, c, loops)
			return false
		case *ast.BlockStmt, *ast.CommClause:
			if a.readThrough(n, c, loops) {
				return false
			}
			if b, ok := x.(*ast.BlockStmt); ok {
				if i := a.sameSkip(b.List); i >= 0 {
					a.walkAfterSkip(n, c, loops, i) // see changed.go
					return false
				}
			}
			return true
		case *ast.ForStmt:
			// Init, Cond and Post run once or per iteration, but only the
			// body is what the loop repeats per item.
			for part := range c.Children() {
				if part.ParentEdgeKind() != astedge.ForStmt_Body {
					a.walk(n, part, loops)
				}
			}
			l := classifyLoop(a.pass, a.r, c)
			a.loops = append(a.loops, l)
			a.walkLoop(n, c.ChildAt(astedge.ForStmt_Body, -1), loops, l)
			return false
		case *ast.RangeStmt:
			a.walk(n, c.ChildAt(astedge.RangeStmt_X, -1), loops)
			l := classifyLoop(a.pass, a.r, c)
			a.loops = append(a.loops, l)
			a.walkLoop(n, c.ChildAt(astedge.RangeStmt_Body, -1), loops, l)
			return false
		case *ast.CallExpr:
			loops := a.callLoops(c, loops)
			ci := &callInfo{call: x, loops: loops, once: a.caching > 0, fail: a.onFailure > 0, change: a.onChange > 0, clean: a.cleanup > 0, key: a.fillKey(), load: getOrLoad(info, n.node, x)}
			// Under fills of a receiver's or a pointer parameter's state
			// alone, in a declared function: once per value, which the
			// whole-program graph follows.
			if _, declared := n.node.(*ast.FuncDecl); ci.once && len(a.perVal) > 0 && a.caching == len(a.perVal) {
				switch {
				case declared:
					ci.per = a.perVal[0]
				case a.paramFill(n):
					// In a closure under a parameter's fill: the graph
					// cannot follow the parameter into it, and a process-
					// wide fill it is not (a value per item fills anew).
					ci.once = false
				}
			}
			if ci.per > 0 && a.unless > 0 {
				// Once only for the callers passing false: the
				// package's summary, which every caller reads, counts
				// it per call; the whole-program graph decides per call.
				ci.unless, ci.once = a.unless, false
			}
			if fn := a.r.callee(x); fn != nil {
				ci.callee = fn
				ci.method = a.lookup(fn, x)
			} else if lit, ok := ast.Unparen(x.Fun).(*ast.FuncLit); ok {
				// func() { ... }(): the closure runs here.
				a.call(n, lit, loops, ci.once)
			} else if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok {
				// f := func() {...}; f(): follow a local closure variable.
				if v, ok := info.Uses[id].(*types.Var); ok {
					for _, w := range a.r.writes[v] {
						if lit, ok := ast.Unparen(w.rhs).(*ast.FuncLit); ok && w.index < 0 {
							a.call(n, lit, loops, ci.once)
						}
					}
				}
			}
			n.calls = append(n.calls, ci)
		}
		return true
	})
}

// readThrough walks the block at c when it reads through a keyed cache
// (see caches.readThrough): what runs only on a miss is walked as
// a cache fill, run once per key for the life of the process, not per
// item of a loop around the call. It says whether it walked the block.
// A case of a switch or a select is read like a block: its body is one
// (`select { case <-ctx.Done(): ...; default: v, ok := memo[k] ... }`).
func (a *analyzer) readThrough(n *funcNode, c inspector.Cursor, loops []*Loop) bool {
	var list []ast.Stmt
	switch b := c.Node().(type) {
	case *ast.BlockStmt:
		list = b.List
	case *ast.CaseClause:
		list = b.Body
	case *ast.CommClause:
		list = b.Body
	}
	if !slices.ContainsFunc(list, func(st ast.Stmt) bool { _, ok := st.(*ast.IfStmt); return ok }) {
		return false
	}
	sc := a.scopeAt(n, c)
	sc.loops = loops
	at, kind, key := -1, noMiss, 0
	per := 0 // the fill is of a state variable's, this ordinal (see stateHit)
	unless := 0
	for i := range list {
		if ord, flag := a.stateHit(n, list, i); ord > 0 {
			at, kind, per, unless = i, missRest, ord, flag
			break
		}
		var l *lookup
		if kind, l = a.caches().readThrough(sc, list, i); kind != noMiss {
			var varies bool
			if key, varies = a.keyOf(n, l, loops); varies {
				// Keyed by what the loop makes anew per item: every item
				// of a first pass misses (see keyflow.go).
				return false
			}
			at = i
			break
		}
		if atomicHit(a.pass.TypesInfo, list, i) {
			at, kind = i, missRest // see atomic_cache.go
			break
		}
		if a.globalHit(list, i) {
			at, kind = i, missRest // see global_memo.go
			break
		}
	}
	if at < 0 {
		return false
	}
	// The key is the fill's alone: what runs before the test, or after
	// a miss in its body, fills under no key of it (see fillKey).
	miss := func(walk func()) {
		a.keyed = append(a.keyed, key)
		walk()
		a.keyed = a.keyed[:len(a.keyed)-1]
	}
	i := 0
	for st := range c.Children() {
		if k := st.ParentEdgeKind(); k == astedge.CaseClause_List || k == astedge.CommClause_Comm {
			// A case's expressions, or a select case's communication:
			// they run before its body, as any statement.
			a.walk(n, st, loops)
			continue
		}
		switch {
		case i == at && kind == missBody:
			miss(func() { a.walkFill(n, st, loops) })
		case i > at && kind == missRest && per > 0:
			// Once per value, which the whole-program graph follows.
			a.caching++
			a.perVal = append(a.perVal, per)
			outer := a.unless
			a.unless = unless
			miss(func() { a.walk(n, st, loops) })
			a.unless = outer
			a.perVal = a.perVal[:len(a.perVal)-1]
			a.caching--
		case i > at && kind == missRest:
			a.caching++
			miss(func() { a.walk(n, st, loops) })
			a.caching--
		default:
			a.walk(n, st, loops)
		}
		i++
	}
	return true
}

// fillKey is the key of the cache fills the walk is in, as
// Query.KeyFrom says it: 0 when it is in none, or in a fill that runs
// once whatever the key (if x == nil { x = ... }, sync.Once), else the
// innermost keyed cache's.
func (a *analyzer) fillKey() int {
	if a.caching == 0 || a.caching > len(a.keyed) {
		return 0
	}
	return a.keyed[len(a.keyed)-1]
}

// keyOf traces the key of lookup l in n (see keyflow.go), nil for an
// atomic value's cache (no key: one value): what it is computed from, and
// whether one of loops, around the lookup, makes it anew per item.
func (a *analyzer) keyOf(n *funcNode, l *lookup, loops []*Loop) (ord int, varies bool) {
	f := a.flow(n)
	if l == nil {
		return 0, false
	}
	if f == nil {
		return -1, false
	}
	if l.memo || l.process {
		// A memo made before the loop, for the keys its items share
		// (memo[it.GroupID]; one by the item itself is none, see
		// caches.memo): its entries live as long as the loop. A cache
		// of the process's keeps each key's entry for the calls after:
		// once warm, the loop's items hit whatever their keys (see
		// keyflow.go).
		return 0, false
	}
	per := itemLoops(loops)
	if l.keyExpr != nil {
		return f.From(l.keyExpr, per)
	}
	return f.FromVars(l.key.vars, per)
}

// flow is the Flow of the declared function n is (or is in: a closure's
// values come from its function's).
func (a *analyzer) flow(n *funcNode) *Flow {
	node := n.node
	if _, isLit := node.(*ast.FuncLit); isLit && n.fn != nil {
		if d := a.r.funcs[n.fn]; d != nil {
			node = d
		}
	}
	if a.flows == nil {
		a.flows = map[ast.Node]*Flow{}
	}
	f, ok := a.flows[node]
	if !ok {
		f = NewFlow(a.pass.TypesInfo, node)
		a.flows[node] = f
	}
	return f
}

// atCall is q, a query of the callee of c in n, as c runs it: a query
// filling a cache keyed by one of the callee's parameters is keyed by
// what c passes there, and when a loop around c makes that anew per
// item, it runs per item (see keyflow.go); c itself may fill a cache.
func (a *analyzer) atCall(n *funcNode, c *callInfo, q Query) Query {
	if q.Once && q.KeyFrom != 0 {
		ord, varies := a.flow(n).Through(c.call, c.callee.Type().(*types.Signature).Recv() != nil, q.KeyFrom, c.loops)
		if varies {
			q.Once, q.KeyFrom = false, 0
		} else {
			q.KeyFrom = ord
		}
	}
	if c.once {
		q = fillKeyed(q, c.key)
	}
	if c.load && Loaded(q.Kind) {
		q.Once, q.KeyFrom = true, 0
	}
	if c.clean && q.Cmd == "DELETE" && q.Or == "" {
		q.Once, q.KeyFrom = true, 0 // deletes what another service turned down (see outside.go)
	}
	return q
}

// fillKeyed is q as a cache fill keyed by key runs it: once per key, or
// once whatever the key when either is the same on every call.
func fillKeyed(q Query, key int) Query {
	if q.Once && q.KeyFrom == 0 {
		return q
	}
	q.Once, q.KeyFrom = true, key
	return q
}

// walkFill walks the if statement at c whose body fills a cache: the
// body as a cache fill, the rest (init, condition, else) as usual.
func (a *analyzer) walkFill(n *funcNode, c inspector.Cursor, loops []*Loop) {
	for part := range c.Children() {
		if part.ParentEdgeKind() != astedge.IfStmt_Body {
			a.walk(n, part, loops)
		}
	}
	a.caching++
	a.walk(n, c.ChildAt(astedge.IfStmt_Body, -1), loops)
	a.caching--
}

func appendLoop(loops []*Loop, l *Loop) []*Loop {
	out := make([]*Loop, len(loops), len(loops)+1)
	copy(out, loops)
	return append(out, l)
}

// runsInPlace decides whether the closure at c, written as a call
// argument, runs during that call. Callbacks such as a transaction
// helper's body do; an HTTP handler passed to a router does not run at
// registration, and counting it there is what made earlier tools see
// queries in router set-up. Only closures passed directly as arguments
// are followed.
func (a *analyzer) runsInPlace(c inspector.Cursor) bool {
	sig, _ := a.pass.TypesInfo.TypeOf(c.Node().(*ast.FuncLit)).(*types.Signature)
	if sig == nil || httpapi.IsHandlerSig(sig) {
		return false
	}
	for c.ParentEdgeKind() == astedge.ParenExpr_X {
		c = c.Parent()
	}
	if c.ParentEdgeKind() != astedge.CallExpr_Args {
		return false
	}
	// http.HandlerFunc(func...) is a conversion, not a call.
	tv, ok := a.pass.TypesInfo.Types[c.Parent().Node().(*ast.CallExpr).Fun]
	return !ok || !tv.IsType()
}

// lookup finds the database API a call reaches: the built-in table, a
// user interface (such as sqlc's DBTX) implemented by a known handle, or
// a function declared in the settings.
func (a *analyzer) lookup(fn *types.Func, call *ast.CallExpr) *dbapi.Method {
	if m := dbapi.Lookup(fn); m != nil {
		return m
	}
	if m := dotsqlMethod(fn); m != nil {
		return m // dot.Query(db, "get-user"): a named query
	}
	if f, ok := a.extra[fn.FullName()]; ok {
		role := dbapi.Query
		if f.Write {
			role = dbapi.Exec
		}
		return &dbapi.Method{Pkg: fn.Pkg().Path(), Name: fn.Name(), Role: role, SQLArg: f.SQLArg}
	}
	sig := fn.Type().(*types.Signature)
	if sig.Recv() == nil {
		return nil
	}
	h := a.handleOf(fn)
	if h == nil {
		return nil
	}
	return h.methods[fn.Name()]
}

// handle is what a user's interface (such as sqlc's DBTX, or a store's
// own Handler taking a database or a transaction) stands for when a known
// database handle implements it: the table entries of its methods, and
// the handle's methods themselves, whose effect on a text (sqlx's Rebind
// keeps the statement) the resolver knows by their names.
type handle struct {
	methods  map[string]*dbapi.Method
	concrete map[string]*types.Func
}

// handleOf is the known handle the interface declaring fn stands for, nil
// when fn is no interface method or no handle implements its interface.
func (a *analyzer) handleOf(fn *types.Func) *handle {
	sig := fn.Type().(*types.Signature)
	if sig.Recv() == nil {
		return nil
	}
	return a.handleOfType(sig.Recv().Type())
}

// handleOfType is the known handle an interface type stands for, nil when
// t is no interface or no handle implements it.
func (a *analyzer) handleOfType(t types.Type) *handle {
	iface, ok := t.Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	h, ok := a.ifaces[iface]
	if !ok {
		h = a.implementedMethods(iface)
		a.ifaces[iface] = h
	}
	return h
}

// handleMethod is the method of the known handle an interface method
// stands for (sqlx's (*DB).Rebind for a Handler's Rebind), or nil. recv
// is the type of the value it is called on, nil when unknown: a method an
// interface embeds from another (BindNamed, from sqlx's unexported
// binder inside ExtContext) is declared by that one, which alone may be
// no handle, while the interface the program holds is.
func (a *analyzer) handleMethod(fn *types.Func, recv types.Type) *types.Func {
	if h := a.handleOf(fn); h != nil {
		return h.concrete[fn.Name()]
	}
	if recv == nil || !types.IsInterface(recv) {
		return nil
	}
	if h := a.handleOfType(recv); h != nil {
		return h.concrete[fn.Name()]
	}
	return nil
}

// implementedMethods maps the methods of a user's interface to the table
// entries of a known database handle that implements it. An interface
// with no query method among them (a lone Rebind) is no handle: any type
// may implement it.
func (a *analyzer) implementedMethods(iface *types.Interface) *handle {
	pkgs := a.deps
	if pkgs == nil {
		// Once a pass: a package of a service imports hundreds.
		pkgs = map[string]*types.Package{}
		var walk func(p *types.Package)
		walk = func(p *types.Package) {
			for _, imp := range p.Imports() {
				if _, ok := pkgs[imp.Path()]; !ok {
					pkgs[imp.Path()] = imp
					walk(imp)
				}
			}
		}
		walk(a.pass.Pkg)
		a.deps = pkgs
	}
	for _, impl := range dbapi.Implementers {
		p := pkgs[impl.Pkg]
		if p == nil {
			continue
		}
		obj, _ := p.Scope().Lookup(impl.Name).(*types.TypeName)
		if obj == nil {
			continue
		}
		t := obj.Type()
		if !types.IsInterface(t) {
			t = types.NewPointer(t)
		}
		if !types.Implements(t, iface) {
			continue
		}
		out := &handle{methods: map[string]*dbapi.Method{}, concrete: map[string]*types.Func{}}
		for i := 0; i < iface.NumMethods(); i++ {
			name := iface.Method(i).Name()
			// The handle's method may be promoted from an embedded type
			// (sqlx.DB's Query is database/sql's).
			sel, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
			if m, ok := sel.(*types.Func); ok {
				out.concrete[name] = m
				if e := dbapi.Lookup(m); e != nil {
					out.methods[name] = e
				}
			}
		}
		if len(out.methods) > 0 {
			return out
		}
	}
	return nil
}

// findWrappers finds the functions that pass a string parameter through
// to a database API (or to another wrapper) as its SQL, to a fixpoint.
func (a *analyzer) findWrappers() {
	for changed := true; changed; {
		changed = false
		for _, n := range a.funcs {
			if !isDecl(n) {
				continue
			}
			if a.wrappers[n.fn] != nil {
				continue
			}
			for _, c := range inPlaceCalls(n) {
				idx, role := a.sqlArg(c)
				stmt := role == dbapi.StmtRun
				var t sqlText
				switch {
				case isNamedAPI(c.method):
					continue // a query's name, not its text
				case stmt:
					t = a.stmtArg(c.call, idx)
				case idx >= 0 && idx < len(c.call.Args):
					t = a.argSQL(c.call, idx, a.wrapperOf(c.callee))
				case role == dbapi.Finisher:
					t = a.ormRaw(c.call) // db.NewQuery(q).One(&x), gorm's Raw(q).Scan(&x)
					role = dbapi.Query
				default:
					continue // no SQL
				}
				if !t.paramOf(n.sig) {
					continue
				}
				pt := n.sig.Params().At(t.Param).Type()
				builder := !stmt && isSqlizer(pt)
				if stmt && !dbapi.IsStmt(pt) || !stmt && !builder && !isString(pt) {
					continue
				}
				write := role == dbapi.Exec || c.method != nil && c.method.Write
				a.wrappers[n.fn] = &SQLParam{Index: t.Param, Role: role.String(), Write: write, Ctx: a.wrapperCtx(c), Stmt: stmt, Builder: builder}
				changed = true
				break
			}
		}
		if a.interfaceWrappers() {
			changed = true
		}
	}
}

// interfaceWrappers makes wrappers of the methods of this package's
// interfaces that every type of the package implementing them wraps the
// same way. A service often hides its driver behind an interface of its
// own, declared beside the one type that implements it:
//
//	type Pool interface {
//		Query(sql string, args ...any) (pgx.Rows, error)
//	}
//	type poolImpl struct{ conn *pgxpool.Pool }
//	func (p *poolImpl) Query(sql string, args ...any) (pgx.Rows, error) {
//		return p.conn.Query(ctx, sql, args...) // and metrics
//	}
//
// and the rest of the program holds a Pool. A call of Pool.Query is a
// query site as a call of (*poolImpl).Query is. Only implementations in
// sight count: an interface that no type of its package implements, or
// one whose method some implementation does not wrap (a cache, a fake in
// the package's tests), or wraps with its SQL in another parameter, is
// none. Reports whether it found a new one.
func (a *analyzer) interfaceWrappers() bool {
	scope := a.pass.Pkg.Scope()
	var impls []types.Type
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) {
			continue
		}
		if named, ok := tn.Type().(*types.Named); ok && named.TypeParams().Len() == 0 {
			impls = append(impls, named)
		}
	}
	found := false
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		named, ok := tn.Type().(*types.Named)
		if !ok || named.TypeParams().Len() > 0 {
			continue
		}
		iface, ok := named.Underlying().(*types.Interface)
		if !ok || iface.Empty() {
			continue
		}
		var of []types.Type
		for _, t := range impls {
			switch {
			case types.Implements(t, iface):
				of = append(of, t)
			case types.Implements(types.NewPointer(t), iface):
				of = append(of, types.NewPointer(t))
			}
		}
		if len(of) == 0 {
			continue
		}
		for i := range iface.NumMethods() {
			m := iface.Method(i)
			if m.Pkg() != a.pass.Pkg || a.wrappers[m] != nil {
				continue
			}
			if w := a.sameWrapper(of, m.Name()); w != nil {
				a.wrappers[m] = w
				found = true
			}
		}
	}
	return found
}

// sameWrapper is the wrapper every one of the types' methods of that
// name is, when all are wrappers of the same parameter and kind; nil
// otherwise.
func (a *analyzer) sameWrapper(types_ []types.Type, name string) *SQLParam {
	var w *SQLParam
	for _, t := range types_ {
		obj, _, _ := types.LookupFieldOrMethod(t, true, a.pass.Pkg, name)
		fn, ok := obj.(*types.Func)
		if !ok {
			return nil
		}
		fw := a.wrappers[fn]
		if fw == nil {
			return nil
		}
		if w == nil {
			c := *fw
			w = &c
			continue
		}
		if fw.Index != w.Index || fw.Stmt != w.Stmt || fw.Builder != w.Builder || fw.Role != w.Role {
			return nil
		}
		w.Write = w.Write || fw.Write
		if fw.Ctx != w.Ctx {
			w.Ctx = ""
		}
	}
	return w
}

// inPlaceCalls lists the calls of a function and of the closures it runs
// in place (a transaction helper's callback): a wrapper may run its SQL
// parameter in one of them.
func inPlaceCalls(n *funcNode) []*callInfo {
	var out []*callInfo
	seen := map[*funcNode]bool{}
	var walk func(n *funcNode)
	walk = func(n *funcNode) {
		if seen[n] {
			return
		}
		seen[n] = true
		out = append(out, n.calls...)
		for _, e := range n.edges {
			walk(e.to)
		}
	}
	walk(n)
	return out
}

func isDecl(n *funcNode) bool { _, ok := n.node.(*ast.FuncDecl); return ok }

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// sqlArg returns the index of the SQL argument of a call to a database
// API or a wrapper, and the role of the call; -1 when none.
func (a *analyzer) sqlArg(c *callInfo) (int, dbapi.Role) {
	if c.method != nil {
		return c.method.SQLArg, c.method.Role
	}
	if w := a.wrapperOf(c.callee); w != nil {
		role := dbapi.Query
		switch {
		case w.Stmt:
			role = dbapi.StmtRun
		case w.Role == dbapi.Prepare.String():
			role = dbapi.Prepare
		case w.Write:
			role = dbapi.Exec
		}
		return w.Index, role
	}
	return -1, 0
}

func (a *analyzer) wrapperOf(fn *types.Func) *SQLParam {
	if fn == nil {
		return nil
	}
	if w := a.wrappers[fn]; w != nil {
		return w
	}
	if fn.Pkg() != nil && fn.Pkg() != a.pass.Pkg {
		var w SQLParam
		if a.pass.ImportObjectFact(fn.Origin(), &w) {
			return &w
		}
	}
	return nil
}

// wrapperParam reports whether v is the SQL (or statement) parameter of a
// wrapper of this package.
func (a *analyzer) wrapperParam(v *types.Var) bool {
	for fn, w := range a.wrappers {
		if ps := fn.Type().(*types.Signature).Params(); w.Index < ps.Len() && ps.At(w.Index) == v {
			return true
		}
	}
	return false
}

// buildSites turns calls into query sites, resolving and parsing their SQL.
func (a *analyzer) buildSites() {
	for _, n := range a.funcs {
		for _, c := range n.calls {
			idx, role := a.sqlArg(c)
			if c.method == nil && idx < 0 {
				continue
			}
			if c.method != nil && !c.method.Role.RoundTrip() {
				continue // Batch.Queue, gorm Raw: nothing is sent yet
			}
			if c.method != nil && c.method.Lib == "ent" && a.entGenerated(c.call) {
				continue // ent's builders calling each other: the program's calls are the sites
			}
			loops := withoutChunks(a.pass.TypesInfo, c.call, c.loops)
			s := &Site{Call: c.call, Func: n.fn, Node: n.node, Method: c.method, Role: role, Loops: loops, Once: c.once, Fail: c.fail, Changed: c.fail && c.change, param: -1}
			if c.once {
				s.KeyFrom = c.key
			} else if a.gdbCached(c.call, c.method) {
				s.Once = true // served from gdb's cache but for the first read of each statement
			}
			if c.method == nil {
				s.Wrapper = c.callee
				s.Write = role == dbapi.Exec
			} else {
				s.Write = c.method.Write || role == dbapi.Exec
			}
			s.Ctx = ctxArg(a.pass.TypesInfo, c.call)
			a.resolveSQL(s, idx)
			if s.param >= 0 && a.wrapperParam(s.pvar) {
				a.res.Inner = append(a.res.Inner, s)
				continue // a wrapper's own call: its callers are the sites
			}
			if s.buffered {
				continue // a row added to a bulk copy: sent with the rest, at its flush
			}
			if c.clean && !s.Once && s.Deletes() {
				s.Once, s.Fail = true, true // see outside.go
			}
			n.sites = append(n.sites, s)
			a.res.Sites = append(a.res.Sites, s)
		}
	}
	sort.SliceStable(a.res.Sites, func(i, j int) bool {
		return srcpos.Compare(a.pass.Fset, a.res.Sites[i].Call.Pos(), a.res.Sites[j].Call.Pos()) < 0
	})
	for _, s := range a.res.Sites {
		a.res.Stats.Add(s)
	}
}

// Add counts one site.
func (st *Stats) Add(s *Site) {
	st.Sites++
	switch {
	case s.Unparsed():
		st.Unparsed++
	case s.ORM != "":
		st.ORM++ // SQL the ORM generates, rebuilt from its chain
		if len(s.Partial) > 0 {
			st.Partial++
		}
	case s.Unresolved():
		st.Unresolved++
	case !s.Resolved:
		st.ORM++
	}
}

// Unresolved reports whether the site's SQL could not be followed (Why
// says why): raw SQL, not SQL an ORM generates.
func (s *Site) Unresolved() bool { return !s.Resolved && s.Why != whyORM }

// Unparsed reports whether the site's SQL was resolved but the parser
// refused it (ParseErr says why).
func (s *Site) Unparsed() bool { return s.Resolved && s.ParseErr != nil }

const whyORM = "SQL is generated by the ORM"

// oneOfSQL is the SQL of a site given one of several statements (see
// oneOf): each of them, as the statements of one text, so that every
// check reads each; a call runs one, and the site counts one round trip.
// A statement PostgreSQL refuses, beside one it reads, is another
// database's variant of it (SQLite's AUTOINCREMENT, MySQL's
// AUTO_INCREMENT): left out, as the checks could not read it.
func oneOfSQL(t sqlText) sqlText {
	if t.OK || len(t.alts) == 0 {
		return t
	}
	var parsed, all []string
	seen := map[string]bool{}
	for _, a := range t.alts {
		text := strings.TrimRight(strings.TrimSpace(a.SQL), "; \t\n")
		k := statementKey(text)
		if seen[k] {
			continue // the same statement on two paths
		}
		seen[k] = true
		all = append(all, text)
		if _, _, err := sqlparse.ParseTemplate(numberParams(text)); err == nil {
			parsed = append(parsed, text)
		}
	}
	if len(parsed) == 0 {
		parsed = all
	}
	return sqlText{SQL: strings.Join(parsed, ";\n"), OK: true, Param: -1}
}

// resolveSQL finds the SQL text of a site from its argument, its prepared
// statement, its batch, or its ORM chain, then parses it.
func (a *analyzer) resolveSQL(s *Site, idx int) {
	call := s.Call
	var t sqlText
	switch {
	case idx >= 0 && idx < len(call.Args) && isNamedAPI(s.Method):
		t = a.r.named(call.Args[idx], call.Pos(), 0)
	case s.Role == dbapi.StmtRun:
		t = a.stmtArg(call, idx)
	case idx >= 0 && idx < len(call.Args) && s.Wrapper != nil:
		t = a.argSQL(call, idx, a.wrapperOf(s.Wrapper))
	case idx >= 0 && idx < len(call.Args):
		t = a.pgxNamed(s.Method, a.r.resolve(call.Args[idx], call.Pos()))
	case s.Method != nil && s.Method.SQL != "":
		t = sqlText{SQL: s.Method.SQL, OK: true, Param: -1} // the library's own statement
	case s.Role == dbapi.SendBatch:
		t = a.batchSQL(s)
	case s.Role == dbapi.Finisher:
		t = a.ormRaw(call)
		if t.OK && s.Method.Library() == "dbx" {
			t.SQL, _ = a.bind(&ormChain{lib: "dbx"}, t.SQL, nil) // {:name} parameters, {{table}} names
		}
		if !t.OK && t.Why == whyORM {
			if t = a.ormSQL(s); t.OK || len(t.alts) > 0 {
				s.ORM = s.Method.Library()
				s.ModelDDL = t.modelDDL
			}
		}
	default:
		t = unresolved("no SQL argument")
	}
	s.OneOf = !t.OK && len(t.alts) > 1
	s.buffered = t.copy && s.Role == dbapi.StmtRun && rowArgs(a.pass.TypesInfo, call)
	t = a.r.finish(oneOfSQL(t))
	s.param, s.pvar = t.Param, t.pvar
	s.Loops = eachStatement(s.Loops, t.each)
	s.Many, s.PerRow, s.Partial = t.many, t.perRow, t.partial
	if !t.OK {
		// A text known in part (a name built with Sprintf) is said with
		// … for what only run time knows, never with the resolver's mark.
		s.Why = shownPattern(t.Why)
		s.head = t.head
		return
	}
	s.SQL, s.Resolved, s.Lit = t.SQL, true, t.Lit
	s.Block = a.linkBlock(t)
	// A named query may be a template whose holes are filled at run
	// time: parsed with each hole as a neutral expression.
	s.Stmts, _, s.ParseErr = sqlparse.ParseTemplate(t.SQL)
	if s.ParseErr != nil && sqlparse.Pragmas(t.SQL) {
		s.ParseErr = nil // SQLite's settings: nothing to check, nothing refused
	}
	s.Many = s.Many || len(s.Stmts) > 0 && s.Stmts[0].Many
	if t.opt && s.ParseErr == nil {
		s.Optional = true
		s.Stmts = optionalClauses(s.Stmts, t.must)
	}
}

// eachStatement marks the loop whose items are the site's statements
// (see LoopStatements), in a copy of the site's loops.
func eachStatement(loops []*Loop, each ast.Stmt) []*Loop {
	if each == nil {
		return loops
	}
	for i, l := range loops {
		if l.Node == each {
			out := append([]*Loop(nil), loops...)
			c := *l
			c.Kind = LoopStatements
			out[i] = &c
			return out
		}
	}
	return loops
}

// argSQL resolves the SQL argument idx of a call to wrapper w (nil for
// a database API): the chain a builder argument builds, or the text.
func (a *analyzer) argSQL(call *ast.CallExpr, idx int, w *SQLParam) sqlText {
	if w != nil && w.Builder {
		return a.builtSQL(call.Args[idx], call.Pos())
	}
	return a.r.resolve(call.Args[idx], call.Pos())
}

// stmtArg resolves the statement a call runs: argument idx (a wrapper
// given the statement), or the receiver of a statement's method.
func (a *analyzer) stmtArg(call *ast.CallExpr, idx int) sqlText {
	if idx >= 0 {
		if idx >= len(call.Args) {
			return unresolved("missing argument")
		}
		return a.stmtSQL(call.Args[idx], -1, call.Pos(), 0)
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return unresolved("statement is not a variable")
	}
	return a.stmtSQL(sel.X, -1, call.Pos(), 0)
}

// ormRaw finds a Raw/NewRaw builder in the receiver chain of an ORM
// finisher (db.Raw(q, args).Scan(&out)); otherwise the SQL is generated.
func (a *analyzer) ormRaw(call *ast.CallExpr) sqlText {
	x := call.Fun
	for {
		sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
		if !ok {
			break
		}
		inner, ok := ast.Unparen(sel.X).(*ast.CallExpr)
		if !ok {
			break
		}
		if fn, ok := typeutil.Callee(a.pass.TypesInfo, inner).(*types.Func); ok {
			if m := dbapi.Lookup(fn); m != nil && m.Role == dbapi.Builder && m.SQLArg < len(inner.Args) {
				return a.r.resolve(inner.Args[m.SQLArg], inner.Pos())
			}
		}
		x = inner.Fun
	}
	return unresolved(whyORM)
}

// ctxArg returns the context.Context argument of a call, if any.
func ctxArg(info *types.Info, call *ast.CallExpr) ast.Expr {
	for _, arg := range call.Args {
		if t := info.TypeOf(arg); t != nil && types.TypeString(t, nil) == "context.Context" {
			return arg
		}
	}
	return nil
}

// summarize computes, to a fixpoint over the package's call graph, the
// queries each function issues per call, and the calls into functions
// (here or imported) that issue queries.
func (a *analyzer) summarize() {
	// Direct sites first.
	for _, n := range a.funcs {
		for _, s := range n.sites {
			s.Entry = a.siteQuery(s)
			if !unbounded(s.Loops) {
				n.sum = mergeQuery(n.sum, s.Entry)
			}
		}
	}
	local := map[*types.Func]*funcNode{}
	for _, n := range a.funcs {
		if isDecl(n) {
			local[n.fn] = n
		}
	}
	// Then calls, until nothing changes. Loop depth is capped so that
	// recursion converges.
	for iter := 0; iter < 32; iter++ {
		changed := false
		for _, n := range a.funcs {
			before := len(n.sum)
			snapshot := sumKey(n.sum)
			for _, c := range n.calls {
				if c.method != nil || c.callee == nil || a.wrapperOf(c.callee) != nil || unbounded(c.loops) {
					continue
				}
				var qs []Query
				var more int
				var name string
				if callee := local[c.callee.Origin()]; callee != nil {
					qs, more, name = callee.sum, callee.more, callee.name
				} else if sum := a.imported(c.callee); sum != nil {
					qs, more, name = sum.Queries, sum.More, FuncName(c.callee)
				}
				if len(qs) == 0 && more == 0 {
					continue
				}
				n.more = max(n.more, more)
				chunks := Chunks(a.pass.TypesInfo, c.call, c.loops)
				for _, q := range qs {
					q.Ctx = a.callCtx(q.Ctx, c.call)
					q = a.atCall(n, c, q)
					loops := perItem(c.loops)
					if q.Loop == 0 {
						loops -= chunks // one statement per chunk
					}
					n.sum = mergeQuery(n.sum, via(q, name, loops))
				}
			}
			for _, e := range n.edges {
				for _, q := range e.to.sum {
					if e.once {
						q = fillKeyed(q, e.key)
					}
					if e.load && Loaded(q.Kind) {
						q.Once, q.KeyFrom = true, 0
					}
					n.sum = mergeQuery(n.sum, via(q, "", perItem(e.loops)))
				}
				n.more = max(n.more, e.to.more)
			}
			if len(n.sum) != before || sumKey(n.sum) != snapshot {
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	// Calls into query-issuing functions, for the checks.
	for _, n := range a.funcs {
		for _, c := range n.calls {
			if c.method != nil || c.callee == nil || a.wrapperOf(c.callee) != nil {
				continue
			}
			var sum *IssuesQueries
			if callee := local[c.callee.Origin()]; callee != nil {
				sum = capSummary(callee.sum, callee.more)
			} else {
				sum = a.imported(c.callee)
			}
			if sum == nil || len(sum.Queries) == 0 && sum.More == 0 {
				continue // an interface's implementations: the whole-program driver's to resolve
			}
			sum = a.calledBy(n, c, sum)
			a.res.Calls = append(a.res.Calls, &Call{Call: c.call, Func: n.fn, Node: n.node, Callee: FuncName(c.callee), Summary: sum, Loops: c.loops})
		}
	}
	sort.SliceStable(a.res.Calls, func(i, j int) bool {
		return srcpos.Compare(a.pass.Fset, a.res.Calls[i].Call.Pos(), a.res.Calls[j].Call.Pos()) < 0
	})
	for fn, n := range local {
		if len(n.sum) > 0 || n.more > 0 {
			a.res.Summaries[fn] = capSummary(n.sum, n.more)
		}
	}
}

func (a *analyzer) imported(fn *types.Func) *IssuesQueries { return importedFact(a.pass, fn) }

// importedFact is the fact pass imports about fn, a function of another
// package; nil when none.
func importedFact(pass *analysis.Pass, fn *types.Func) *IssuesQueries {
	if fn.Pkg() == nil || fn.Pkg() == pass.Pkg {
		return nil
	}
	var sum IssuesQueries
	if pass.ImportObjectFact(fn.Origin(), &sum) {
		return &sum
	}
	return nil
}

// maxLoop caps the recorded nesting: beyond "per item of an item of an
// item" the exact depth adds nothing, and the cap makes recursion converge.
const maxLoop = 3

// unbounded reports whether a worker, scheduler or server loop encloses a
// call: what runs there is not a cost of each call of the function, and
// counting it would make every caller of a worker's Run look like a query.
func unbounded(loops []*Loop) bool {
	for _, l := range loops {
		if l.Kind.Unbounded() {
			return true
		}
	}
	return false
}

func perItem(loops []*Loop) int {
	n := 0
	for _, l := range loops {
		if l.Kind.PerItem() {
			n++
		}
	}
	return n
}

func via(q Query, name string, loops int) Query {
	if !q.Once { // a cache is filled once, in whatever loop
		q.Loop = min(q.Loop+loops, maxLoop)
	}
	if name != "" {
		q.Via = append([]string{name}, q.Via...)
		if len(q.Via) > maxVia {
			q.Via = q.Via[:maxVia]
		}
	}
	return q
}

// mergeQuery adds q to a summary, keeping per site the deepest loop; a
// site reached both through a cache fill and not is not a cache's.
func mergeQuery(sum []Query, q Query) []Query {
	for i := range sum {
		if sum[i].Pkg == q.Pkg && sum[i].Site == q.Site {
			ctx := worseCtx(sum[i].Ctx, q.Ctx)
			once := sum[i].Once && q.Once
			key := 0
			if once {
				key = UnionKeys(sum[i].KeyFrom, q.KeyFrom) // a site reached by two paths
			}
			if q.Loop > sum[i].Loop {
				sum[i] = q
			}
			sum[i].Ctx, sum[i].Once, sum[i].KeyFrom = ctx, once, key
			return sum
		}
	}
	return append(sum, q)
}

func sumKey(sum []Query) string {
	var b strings.Builder
	for _, q := range sum {
		b.WriteString(q.Site)
		b.WriteString(strconv.Itoa(q.Loop))
		b.WriteString(q.Ctx)
		b.WriteString(strconv.FormatBool(q.Once))
		b.WriteString(strconv.Itoa(q.KeyFrom))
	}
	return b.String()
}

// capSummary sorts a summary deterministically and bounds its size.
func capSummary(qs []Query, more int) *IssuesQueries {
	qs = append([]Query(nil), qs...)
	sort.Slice(qs, func(i, j int) bool {
		if qs[i].Loop != qs[j].Loop {
			return qs[i].Loop > qs[j].Loop
		}
		if qs[i].Pkg != qs[j].Pkg {
			return qs[i].Pkg < qs[j].Pkg
		}
		return siteLess(qs[i].Site, qs[j].Site)
	})
	if len(qs) > maxQueries {
		more += len(qs) - maxQueries
		qs = qs[:maxQueries]
	}
	return &IssuesQueries{Queries: qs, More: more}
}

// siteLess orders "file.go:line" by file, then numerically by line.
func siteLess(a, b string) bool {
	fa, la, _ := strings.Cut(a, ":")
	fb, lb, _ := strings.Cut(b, ":")
	if fa != fb {
		return fa < fb
	}
	na, _ := strconv.Atoi(la)
	nb, _ := strconv.Atoi(lb)
	return na < nb
}

// siteQuery is the summary entry of a direct site.
func (a *analyzer) siteQuery(s *Site) Query {
	pos := a.pass.Fset.Position(s.Call.Pos())
	q := Query{
		Site: filepath.Base(pos.Filename) + ":" + strconv.Itoa(pos.Line),
		Pkg:  a.pass.Pkg.Path(),
		Kind: s.Kind().String(),
		Loop: min(perItem(s.Loops), maxLoop),
	}
	if s.Resolved {
		q.SQL = Abbreviate(s.SQL, 60)
		q.Fingerprint = s.Fingerprint()
	}
	if s.Wrapper != nil {
		q.Via = []string{FuncName(s.Wrapper)}
	}
	if s.Block != nil {
		q.Name, q.Source = s.Block.Name, s.Block.Where()
	}
	q.Ctx = a.siteCtx(s)
	q.Once = s.Once
	q.KeyFrom = s.KeyFrom
	q.Shape = a.shape(s)
	return q
}

// shape is what advice needs to know of a site's statement (see Shape).
func (a *analyzer) shape(s *Site) Shape {
	sh := Shape{Many: s.Many, Dialect: a.dialect(s), GormV1: s.Method != nil && s.Method.Pkg == dbapi.GormV1}
	switch {
	case s.Block != nil && s.Block.File.Kind == sqlfiles.SQLC:
		sh.Lib = "sqlc"
	case s.ORM != "":
		sh.Lib = s.ORM
	case s.Method != nil:
		sh.Lib = s.Method.Library()
	}
	if len(s.Stmts) == 0 {
		if s.Method != nil && s.Role == dbapi.Finisher {
			sh.Cmd = ormCmd(s.Method) // the SQL is not known, what the ORM does is
		}
		return sh
	}
	st := s.Stmts[0]
	sh.Cmd, sh.Params, sh.Limit = st.Command, st.Params, st.LimitCount
	if s.OneOf {
		for _, other := range s.Stmts[1:] {
			if other.Command != st.Command && len(other.Tables) > 0 && len(st.Tables) > 0 && other.Tables[0].Name == st.Tables[0].Name {
				sh.Or = other.Command // Save: UPDATE, or INSERT
				break
			}
		}
	}
	if len(st.Tables) > 0 {
		sh.Table = st.Tables[0].Name
	}
	// The key is the one column compared for equality with parameters,
	// and no other filter takes a parameter: with two (org_id = $1 AND
	// id = $2, or an OR of them), which one an item gives is not known.
	params, keyParams := map[int]bool{}, map[int]bool{}
	for _, f := range st.Filters {
		for _, p := range f.Params {
			params[p] = true
		}
		if f.Optional || f.Func != "" || f.Column.Column == "" || f.Column.Outer || f.Value != "param" {
			continue
		}
		if f.Op != "=" && !(st.Many && (f.Op == "ANY" || f.Op == "IN")) {
			continue
		}
		if sh.Key != "" && sh.Key != f.Column.Column {
			sh.Key = ""
			return sh // two keys
		}
		sh.Key = f.Column.Column
		for _, p := range f.Params {
			keyParams[p] = true
		}
	}
	if len(params) != len(keyParams) {
		sh.Key = ""
	}
	return sh
}

// dialect is the SQL dialect of a site's statement: the engine of its
// sqlc query file, PostgreSQL for pgx, else the one dialect of the
// drivers the package imports, else of those its module requires, else
// of its module's sqlc queries; "" when none, or several, are known.
func (a *analyzer) dialect(s *Site) string {
	switch {
	case s.Block != nil && s.Block.File.Kind == sqlfiles.SQLC:
		return dialect.Engine(s.Block.File.Engine)
	case s.Method != nil && s.Method.Library() == "pgx":
		return dialect.Postgres
	}
	if a.pkgDialect == nil {
		var ds []string
		for _, imp := range a.pass.Pkg.Imports() {
			ds = append(ds, dialect.Of(imp.Path()))
		}
		d := dialect.One(ds)
		if d == "" && !slices.ContainsFunc(ds, func(d string) bool { return d != "" }) {
			ds = dialect.Module(config.For(a.pass).ModuleRoot)
			if len(ds) == 0 { // no driver in sight: the engine of the module's sqlc queries
				if set := a.r.files(); set != nil {
					for _, f := range set.Files {
						if f.Kind == sqlfiles.SQLC {
							ds = append(ds, dialect.Engine(f.Engine))
						}
					}
				}
			}
			d = dialect.One(ds)
		}
		a.pkgDialect = &d
	}
	return *a.pkgDialect
}

// exportFacts publishes the summaries, wrappers and SQL variables of this
// package's declared functions for the packages that import it.
func (a *analyzer) exportFacts() {
	for fn, sum := range a.res.Summaries {
		if fn.Pkg() == a.pass.Pkg {
			a.pass.ExportObjectFact(fn, sum)
		}
	}
	a.exportTableNames()
	a.exportGdbModels()
	a.exportHelpers()
	exportCaps(a.pass, a.r.cappedFields())
	a.r.exportInRow()
	a.exportBatches()
	for fn, w := range a.wrappers {
		a.pass.ExportObjectFact(fn, w)
		a.res.Wrappers[fn] = w
	}
	for fn := range a.r.funcs {
		if !fn.Exported() {
			continue
		}
		if n, ok := a.r.returnsFixed(fn); ok {
			a.pass.ExportObjectFact(fn, &FixedList{Len: n})
		}
		if p := a.r.rewriter(fn); p >= 0 {
			f := &Rewrites{Param: p}
			a.pass.ExportObjectFact(fn, f)
			a.res.Rewriters[fn] = f
		} else if f := a.r.appender(fn); f != nil {
			a.pass.ExportObjectFact(fn, f)
			a.res.Appenders[fn] = f
		}
	}
	for v, init := range a.r.pkgInit {
		if n, ok := fixedLen(init); ok && v.Exported() && !a.r.addressed[v] {
			a.pass.ExportObjectFact(v, &FixedList{Len: n})
		}
		if !isString(v.Type()) {
			continue
		}
		if t := a.r.expr(init, token.NoPos, 0); t.OK && looksLikeSQL(t.SQL) {
			f := &SQLText{SQL: t.SQL}
			a.pass.ExportObjectFact(v, f)
			a.res.SQLVars[v] = f
		}
	}
	a.exportFields()
}

// looksLikeSQL keeps SQLText and FieldSQL facts to strings that parse as
// SQL, so that every string variable and field of a package does not
// become a fact; most strings are turned away before the parser.
func looksLikeSQL(s string) bool {
	if !sqlparse.StartsLikeSQL(s) {
		return false
	}
	stmts, err := sqlparse.Parse(s)
	return err == nil && len(stmts) > 0
}

// FuncName prints a function as pkg.(*T).M or pkg.F, with the package's
// name rather than its path: what users read in messages, and how call
// chains (Query.Via) name functions.
func FuncName(fn *types.Func) string {
	sig, _ := fn.Type().(*types.Signature)
	pkg := ""
	if fn.Pkg() != nil {
		pkg = fn.Pkg().Name() + "."
	}
	if sig == nil || sig.Recv() == nil {
		return pkg + fn.Name()
	}
	t := sig.Recv().Type()
	ptr := false
	if p, ok := t.(*types.Pointer); ok {
		t, ptr = p.Elem(), true
	}
	name := types.TypeString(t, func(*types.Package) string { return "" })
	if i := strings.IndexByte(name, '['); i >= 0 {
		name = name[:i]
	}
	if ptr {
		return pkg + "(*" + name + ")." + fn.Name()
	}
	return pkg + name + "." + fn.Name()
}
