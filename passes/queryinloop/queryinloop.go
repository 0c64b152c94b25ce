package queryinloop

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/internal/check"
	"github.com/sqlheat/sqlheat/internal/codekind"
	"github.com/sqlheat/sqlheat/internal/dbapi"
	"github.com/sqlheat/sqlheat/internal/finding"
	"github.com/sqlheat/sqlheat/internal/guard"
	"github.com/sqlheat/sqlheat/internal/sqlparse"
	"github.com/sqlheat/sqlheat/passes/config"
	"github.com/sqlheat/sqlheat/passes/queries"
)

//go:embed doc.go
var doc string

// Categories are the kinds of finding queryinloop reports. A read per item
// is the N+1 proper; a write per item costs as many round trips but is
// often a batch job's, and a statement of unknown kind (SQL built by a
// query builder) may be either.
var Categories = finding.Categories{
	{Name: "read", Severity: finding.High, Title: "reads"},
	{Name: "write", Severity: finding.Medium, Title: "writes"},
	{Name: "unknown", Severity: finding.Medium, Title: "statements of unknown kind"},
	{Name: "const", Severity: finding.Medium, Title: "constant-bound loops under -queryinloop.const"},
}

var Analyzer = &analysis.Analyzer{
	Name:       "queryinloop",
	Doc:        check.MustExtractDoc(doc, "queryinloop"),
	URL:        "https://github.com/sqlheat/sqlheat/blob/main/passes/queryinloop/doc.go",
	Requires:   []*analysis.Analyzer{queries.Analyzer, config.Analyzer},
	ResultType: check.ResultType,
	Run:        guard.Run(run),
}

func init() {
	// Read through config.Flag: each suite has its own copy of the flag.
	Analyzer.Flags.Bool("const", false,
		fmt.Sprintf("also report queries in loops with a small constant bound (%s severity)", Categories.Severity("const")))
}

func run(pass *analysis.Pass) (any, error) {
	rep := check.NewReporter(pass, Categories, nil)
	cfg := config.For(pass)
	c := &checker{
		fset: pass.Fset, pkg: pass.Pkg, info: pass.TypesInfo, emit: rep.Report,
		generated:  generatedFiles(pass.Fset, pass.Files),
		tests:      codekind.TestHelpers(pass.Files, pass.TypesInfo),
		constBound: config.Flag[bool](pass, "const"),
		byName:     !cfg.WholeProgram, // the standalone driver's graph decides
	}
	res := queries.For(pass)
	if res == nil || !cfg.Enabled(pass.Analyzer.Name) {
		return rep.Result(), nil
	}
	for _, s := range res.Sites {
		c.site(s)
	}
	for _, call := range res.Calls {
		c.call(call)
	}
	return rep.Result(), nil
}

// checker checks one package's loops, in a pass or for a whole-program
// driver (see Whole); emit reports a finding.
type checker struct {
	fset       *token.FileSet
	pkg        *types.Package
	info       *types.Info
	emit       func(check.Finding)
	generated  map[*token.File]bool // the package's generated files
	tests      codekind.TestCode    // functions taking a test's *testing.T, *testing.B...
	constBound bool                 // -queryinloop.const: report constant-bound loops
	byName     bool                 // silent on migrations known by their names
	// starts says which functions of the module run a function they are
	// handed on a goroutine (see startsWorkers): the whole program's
	// answer (Package.Starts), nil in a pass, where a call of such a
	// wrapper carries none of the queries of what it is handed.
	starts func(*types.Func) bool
}

// skipFunc is code whose loops are not request paths: tests (in _test.go
// files, or functions that take a test's *testing.T or *testing.B, with
// their closures, or in a benchmark harness's package, see
// codekind.SupportPackage), start-up (main, init) and, when c.byName, migrations
// by their names; or whose
// loops no one can change: generated code. node is the innermost
// function holding the call: a function literal in main is not start-up
// by its name (a handler written inline, a worker), though the whole
// program may still find that only start-up runs it.
func (c *checker) skipFunc(fn *types.Func, node ast.Node, pos token.Pos) bool {
	return skip(c.fset, fn, node, pos) || c.generated[c.fset.File(pos)] || c.tests.Holds(pos) || codekind.SupportPackage(c.pkg.Path()) ||
		c.byName && namedMigration(c.fset, c.pkg, fn, pos)
}

// generatedFiles are the files with the "Code generated ... DO NOT
// EDIT." line. A loop there (gqlgen unmarshalling an input list, a
// protocol buffer's repeated field) is rewritten on the next generation:
// the finding belongs to the hand-written code it calls, which is
// reported where it loops itself, and where it does not, the generated
// loop's count is the input's, which the hand-written resolver can bound.
func generatedFiles(fset *token.FileSet, files []*ast.File) map[*token.File]bool {
	out := map[*token.File]bool{}
	for _, f := range files {
		if ast.IsGenerated(f) {
			out[fset.File(f.FileStart)] = true
		}
	}
	return out
}

// skip is test and start-up code: anything in a _test.go file, main and
// init (not the function literals in them); and code whose names say it
// makes demo or seed data (codekind.SeedCode), with its literals.
func skip(fset *token.FileSet, fn *types.Func, node ast.Node, pos token.Pos) bool {
	file := fset.File(pos).Name()
	if codekind.TestFile(file) {
		return true
	}
	if fn == nil {
		return codekind.SeedCode(file, "", "")
	}
	if codekind.SeedCode(file, fn.Name(), recvName(fn)) {
		return true
	}
	if _, lit := node.(*ast.FuncLit); lit {
		return false
	}
	if fn.Name() == "init" && fn.Type().(*types.Signature).Recv() == nil {
		return true
	}
	return fn.Name() == "main" && fn.Pkg() != nil && fn.Pkg().Name() == "main"
}

// namedMigration reports whether the code at pos, in fn, is a migration
// by its names (codekind.MigrationCode). Migrations run once per
// deployment, not per request: a data migration updating row by row, or
// a runner recording each version, is not what an optimization push is
// after. Under go vet their role shows in their names only; the
// standalone driver's program graph knows them by what runs them, and
// asks the names only where it cannot tell.
func namedMigration(fset *token.FileSet, pkg *types.Package, fn *types.Func, pos token.Pos) bool {
	name := ""
	if fn != nil {
		name = fn.Name()
	}
	return codekind.MigrationCode(fset.File(pos).Name(), pkg.Path(), name)
}

// recvName is the name of the type of fn's receiver, "" for a function.
func recvName(fn *types.Func) string {
	recv := fn.Signature().Recv()
	if recv == nil {
		return ""
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

// perItem returns the loops that multiply the call, outermost first, and
// whether a constant-bound loop encloses it.
func perItem(loops []*queries.Loop) (items []*queries.Loop, constant bool) {
	for _, l := range loops {
		switch {
		case l.Kind.PerItem():
			items = append(items, l)
		case l.Kind == queries.LoopConst:
			constant = true
		}
	}
	return items, constant
}

// carried reports whether the call's arguments depend on the previous
// iteration: a variable declared before the loop and assigned inside it
// (space = parent, cursor = last.ID, page++), or the field of one the
// call reads (state.cursor = last, for a call reading nothing of the
// range's item), also within a literal
// made for the call (&Paging{Offset: (page-1)*size}) or a local the body
// builds for it (params := Params{Cursor: last}). Such a loop walks a chain — up a
// tree, along a path — where each query needs the last one's answer, so
// there is no list of items to fetch at once (only a recursive CTE, which
// is a redesign, not a batching fix).
func (c *checker) carried(call *ast.CallExpr, l *queries.Loop) bool {
	return carried(c.info, call, l)
}

func carried(info *types.Info, call *ast.CallExpr, l *queries.Loop) bool {
	body := l.Body()
	if body == nil {
		return false
	}
	// The body's own locals defined from an expression (params :=
	// Params{Cursor: last}): an argument naming one reads what that
	// expression reads.
	defs := map[types.Object]ast.Expr{}
	results := map[types.Object]ast.Expr{} // locals a call's results define
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE && len(n.Lhs) == len(n.Rhs) {
				for i, lhs := range n.Lhs {
					if id, ok := lhs.(*ast.Ident); ok && info.Defs[id] != nil {
						defs[info.Defs[id]] = n.Rhs[i]
					}
				}
			} else if n.Tok == token.DEFINE && len(n.Rhs) == 1 {
				for _, lhs := range n.Lhs {
					if id, ok := lhs.(*ast.Ident); ok && info.Defs[id] != nil {
						results[info.Defs[id]] = n.Rhs[0] // db, err := get(item.ID)
					}
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, id := range n.Names {
					if info.Defs[id] != nil {
						defs[info.Defs[id]] = n.Values[i]
					}
				}
			}
		}
		return true
	})
	uses := map[types.Object]bool{}
	fields := map[string]bool{} // state.cursor read, state declared before the loop
	var read func(e ast.Expr, depth int)
	read = func(e ast.Expr, depth int) {
		ast.Inspect(e, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if v := rootVar(info, sel); v != nil && (v.Pos() < l.Node.Pos() || v.Pos() > l.Node.End()) {
					fields[types.ExprString(sel)] = true
				}
			}
			if id, ok := n.(*ast.Ident); ok {
				if v, ok := info.Uses[id].(*types.Var); ok && !v.IsField() && v.Parent() != v.Pkg().Scope() {
					if v.Pos() < l.Node.Pos() || v.Pos() > l.Node.End() {
						uses[v] = true
					} else if d := defs[v]; d != nil && depth < 3 {
						read(d, depth+1)
					}
				}
			}
			return true
		})
	}
	for _, arg := range call.Args {
		if t := info.TypeOf(arg); t != nil && types.TypeString(t, nil) == "context.Context" {
			continue
		}
		if u, ok := ast.Unparen(arg).(*ast.UnaryExpr); ok && u.Op == token.AND {
			x := ast.Unparen(u.X)
			if id, ok := x.(*ast.Ident); ok && defs[info.Uses[id]] != nil {
				x = ast.Unparen(defs[info.Uses[id]])
			}
			if _, lit := x.(*ast.CompositeLit); !lit {
				continue // a destination (sqlx's Get(&name, ...)): written, not read
			}
			// &Page{Offset: off}, or &params made so in the body: a value
			// made for the call, read.
		}
		read(arg, 0)
	}
	// An ORM chain's finisher reads what built its receiver, in the call
	// (q.Limit(n).Find(&rows)) and in the body's statements that build
	// the local it starts from (q := db.Where("type = ?", t); q =
	// q.Where("id > ?", start)).
	// The receiver itself is no argument: one set anew per item (it =
	// Open(db, k); it.Next()) is a new value per item, not a carried one.
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && !isPkgName(info, sel.X) {
		for x := ast.Unparen(sel.X); ; {
			if c, ok := x.(*ast.CallExpr); ok {
				for _, arg := range c.Args {
					read(arg, 0)
				}
				x = ast.Unparen(c.Fun)
				continue
			}
			if s, ok := x.(*ast.SelectorExpr); ok {
				x = ast.Unparen(s.X)
				continue
			}
			break
		}
		if v := chainRoot(info, sel.X); v != nil && v.Pos() > l.Node.Pos() && v.Pos() < l.Node.End() {
			ast.Inspect(body, func(n ast.Node) bool {
				if as, ok := n.(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
					for i, lhs := range as.Lhs {
						if id, ok := ast.Unparen(lhs).(*ast.Ident); ok && info.ObjectOf(id) == v {
							read(as.Rhs[i], 0)
						}
					}
				}
				return true
			})
		}
	}
	if len(uses) == 0 {
		return false
	}
	// A field carried from the pass before counts only for a call that
	// reads nothing of the range's item: reCreateDB(db.ID, oldInstall.Env)
	// with oldInstall.Env rewritten as the loop goes, db read by the
	// item's id, runs per item.
	if len(fields) > 0 && readsItem(info, call, l, defs, results) {
		clear(fields)
	}
	found := false
	written := func(e ast.Expr) {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			found = found || uses[info.Uses[x]]
		case *ast.SelectorExpr:
			// state.cursor = lastRowID: a field of a value made before
			// the loop, the one the call reads.
			found = found || fields[types.ExprString(x)]
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				written(lhs)
			}
		case *ast.IncDecStmt:
			written(n.X)
		case *ast.UnaryExpr: // Scan(&parent) writes through the pointer
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND {
				written(id) // not &env.ID, which a call's literal reads
			}
		}
		return !found
	})
	return found
}

// itemStatement reports whether the text of the site's SQL is the item
// of the loop, or a field of it: the loop runs the statements of a list
// (a script split into statements, the steps of an upgrade), each its
// own, not one statement once per item. Text built around the item
// ("DELETE ... WHERE id = " + id) is one statement per item, and its SQL
// is known in part.
func itemStatement(info *types.Info, s *queries.Site, l *queries.Loop) bool {
	if s.Method == nil || s.Method.SQLArg < 0 || s.Method.SQLArg >= len(s.Call.Args) || len(l.Vars) == 0 {
		return false
	}
	x := ast.Unparen(s.Call.Args[s.Method.SQLArg])
	for {
		sel, ok := x.(*ast.SelectorExpr)
		if !ok {
			break
		}
		if v, ok := info.ObjectOf(sel.Sel).(*types.Var); !ok || !v.IsField() {
			return false
		}
		x = ast.Unparen(sel.X)
	}
	id, ok := x.(*ast.Ident)
	return ok && info.Uses[id] == l.Vars[len(l.Vars)-1]
}

// isPkgName reports whether x names an imported package (pkg.Func).
func isPkgName(info *types.Info, x ast.Expr) bool {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return false
	}
	_, isPkg := info.Uses[id].(*types.PkgName)
	return isPkg
}

// chainRoot is the local variable a chain of calls and selections
// starts from (q in q.Where(...).Limit(n)), nil when it starts from
// anything else.
func chainRoot(info *types.Info, x ast.Expr) *types.Var {
	for {
		switch e := ast.Unparen(x).(type) {
		case *ast.CallExpr:
			x = e.Fun
		case *ast.SelectorExpr:
			x = e.X
		case *ast.Ident:
			v, _ := info.Uses[e].(*types.Var)
			return v
		default:
			return nil
		}
	}
}

// readsItem reports whether an argument of call reads the key or value
// of the range l, directly or through the body's locals (defs, and
// results: those a call's results define).
func readsItem(info *types.Info, call *ast.CallExpr, l *queries.Loop, defs, results map[types.Object]ast.Expr) bool {
	if len(l.Vars) == 0 {
		return false
	}
	found := false
	var read func(e ast.Expr, depth int)
	read = func(e ast.Expr, depth int) {
		ast.Inspect(e, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok || found {
				return !found
			}
			obj := info.Uses[id]
			switch {
			case slices.Contains(l.Vars, obj):
				found = true
			case defs[obj] != nil && depth < 3:
				read(defs[obj], depth+1)
			case results[obj] != nil && depth < 3:
				read(results[obj], depth+1)
			}
			return !found
		})
	}
	for _, arg := range call.Args {
		read(arg, 0)
	}
	return found
}

// rootVar is the local variable a selector chain starts from (state in
// state.cursor), nil for a package's name, a field of a call's result.
func rootVar(info *types.Info, sel *ast.SelectorExpr) *types.Var {
	x := ast.Unparen(sel.X)
	for {
		s, ok := x.(*ast.SelectorExpr)
		if !ok {
			break
		}
		x = ast.Unparen(s.X)
	}
	id, ok := x.(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.IsField() || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	return v
}

func (c *checker) site(s *queries.Site) {
	if c.skipFunc(s.Func, s.Node, s.Call.Pos()) {
		return
	}
	kind := s.Kind()
	if kind == sqlparse.KindDDL || kind == sqlparse.KindOther {
		return // migrations, SET, BEGIN: not per-item data access
	}
	if s.Once {
		return // fills a cache: runs once per process
	}
	q := s.Entry
	q.Kind = kind.String()
	items, constant := perItem(s.Loops)
	if len(items) == 0 && s.PerRow != "" {
		c.eager(s, q)
		return
	}
	if len(items) == 0 {
		if constant && c.constBound {
			msg := subject(s) + " runs in a loop with a constant bound: a fixed number of round trips where one would do"
			c.report(s.Func, s.Call, "const", msg, s.Loops, siteDetail(s, 0, advice{q: q, over: "the loop"}))
		}
		return
	}
	if c.carried(s.Call, items[len(items)-1]) {
		return
	}
	if !s.Resolved && itemStatement(c.info, s, items[len(items)-1]) {
		return
	}
	category := "read"
	switch kind {
	case sqlparse.KindUnknown:
		category = "unknown" // SQL built elsewhere: could be a read or a write
	case sqlparse.KindWrite:
		category = "write"
	}
	m := message{subject: subject(s), short: article(s.Entry.Cmd), items: items, depth: len(items)}
	d := siteDetail(s, len(items), advice{q: q, over: items[len(items)-1].Over, same: sameEachItem(c.info, s.Node, s.Call, items)})
	if s.PerRow != "" {
		// One finding, the loop's: its fix first, then the ORM's own
		// queries per row, which the fix leaves (see eager).
		d.Fix += "; and use EagerPreload: Eager loads " + s.PerRow + " with one more query per row read"
	}
	c.report(s.Func, s.Call, category, m.String(), items, d)
}

// eager reports a call that loads associations with one query per row
// it reads, outside any loop of the program: pop's Eager before All
// (see queries.Site.PerRow). The ORM loops over the rows itself. A
// finisher that reads one row (First, Find) sends a fixed number of
// queries, one per association, and is left alone; inside a loop, the
// loop's finding says both (see site).
func (c *checker) eager(s *queries.Site, q queries.Query) {
	rows := q.Table
	if rows == "" {
		rows = "the rows read"
	}
	msg := fmt.Sprintf("Eager loads %s with one query per row of %s: n round trips", clip(s.PerRow, 40), clip(rows, 30))
	if long := msg + "; EagerPreload loads each in one query"; len([]rune(long)) <= maxMessage {
		msg = long // else the fix says it
	}
	d := siteDetail(s, 1, advice{})
	d.Fix = "replace Eager with EagerPreload (same arguments): it reads each association for all the rows at once (WHERE key IN (...))"
	c.report(s.Func, s.Call, "read", msg, nil, d)
}

func (c *checker) call(call *queries.Call) { c.callVia(call, nil) }

// through is what a whole-program driver adds about a call (see Whole).
type through struct {
	// impls are the functions a call through an interface or a func
	// value reaches, named in the fix.
	impls []string
	// per is how many queries one call runs, along one path (the
	// summary lists every branch's and every implementation's).
	per PerCall
}

// callVia checks a call of a function that runs queries; t is nil but
// for a whole-program driver.
func (c *checker) callVia(call *queries.Call, t *through) {
	if c.skipFunc(call.Func, call.Node, call.Call.Pos()) {
		return
	}
	items, _ := perItem(call.Loops)
	if len(call.Whole) > 0 {
		// A helper handing the function each chunk of a list: one call
		// per chunk. What the function does per item of its chunk is
		// its own finding, where it loops.
		items = slices.DeleteFunc(items, func(l *queries.Loop) bool { return slices.Contains(call.Whole, l) })
	}
	if len(items) == 0 || c.startsWorkers(call.Node, call.Call, items) {
		return
	}
	qs := perCall(call.Summary.Queries)
	if len(qs) == 0 {
		return
	}
	// Name the query the callee runs on every call (the least nested one),
	// and count its deepest loop for the nesting.
	first, nested := qs[0], 0
	for _, q := range qs {
		if q.Loop < first.Loop {
			first = q
		}
		nested = max(nested, q.Loop)
	}
	if nested == 0 {
		// A call that takes a loop's chunk runs once per chunk: that loop
		// repeats a single statement, not one per item (a loop over the
		// chunk's items inside it still does).
		items = wholeless(c.info, call, items)
		if len(items) == 0 {
			return // one call per chunk, each a single statement
		}
	} else {
		// A loop walking a list by index a batch at a time, handing each
		// batch whole to a function that loops over its items, is the
		// batching written out: the function's loop is the finding, and
		// is reported where it loops. (A loop over groups a chunking
		// helper made, [][]T or slices.Chunk, is reported: the groups may
		// be anything, and each is looked into item by item.)
		items = slices.DeleteFunc(items, func(l *queries.Loop) bool {
			return l.Batches() && queries.TakesWhole(c.info, call.Call, l)
		})
		if len(items) == 0 {
			return
		}
	}
	if c.carried(call.Call, items[len(items)-1]) {
		return
	}
	n := len(qs) + call.Summary.More
	reach := 0 // statements other branches run, when one call runs fewer
	var impls []string
	if t != nil {
		// Statements, not sites: a statement a call runs twice counts
		// twice on its path, and once in the summary.
		branches := min(t.per.Branches, n)
		k := t.per.Once
		if k == 0 && t.per.Each > 0 {
			// Every query in the callee's own loops: those one pass
			// through them runs, a statement at most once.
			k = min(t.per.Each, max(branches, 1))
		}
		if k > 0 {
			// A callee that loops itself runs more than k per call
			// already ("and loops itself" says so): "up to" is for one
			// that does not.
			if branches > k && nested == 0 {
				reach = branches
			}
			n = k
		}
		if len(t.impls) <= 3 {
			for _, impl := range t.impls {
				if impl != call.Callee {
					impls = append(impls, impl)
				}
			}
		}
	}
	category := summaryCategory(qs)
	q := first
	if category == "unknown" {
		q.Kind = "unknown"
	}
	m := message{callee: call.Callee, n: n, reach: reach, items: items, depth: len(items) + nested, loops: nested > 0}
	if t != nil && t.per.Recursive {
		// The loops around a call back into the recursion are its
		// fan-out: the recursion's one loop, in nested already.
		m.depth, m.loops, m.recursive, m.terse = max(nested, 1), false, true, true
	}
	switch {
	case first.Name != "" && strings.HasSuffix(call.Callee, "."+first.Name):
		m.place = place(first) // sqlc's method, named after its query
	case n == 1 && reach == 0:
		m.subject, m.short, m.place = queryName(first), article(first.Cmd), place(first)
	}
	fix := advice{q: q, over: items[len(items)-1].Over, callee: call.Callee, impls: impls, n: n, reach: reach, same: sameEachItem(c.info, call.Node, call.Call, items)}
	c.report(call.Func, call.Call, category, m.String(), items, finding.Detail{
		SQL: first.SQL, Fingerprint: first.Fingerprint,
		Multiplicity: finding.Multiplicity(m.depth),
		Via:          append([]string{call.Callee}, first.Via...),
		Fix:          fix.fix(),
	})
}

// wholeless are the loops of items less those whose chunk the call takes
// whole (queries.TakesWhole).
func wholeless(info *types.Info, call *queries.Call, items []*queries.Loop) []*queries.Loop {
	var out []*queries.Loop
	for _, l := range items {
		if !queries.TakesWhole(info, call.Call, l) {
			out = append(out, l)
		}
	}
	return out
}

// perCall are the queries a callee runs on each call that a loop around
// the call multiplies: not DDL or session commands, not cache fills.
func perCall(qs []queries.Query) []queries.Query {
	var out []queries.Query
	for _, q := range qs {
		if q.Kind != "ddl" && q.Kind != "other" && !q.Once {
			out = append(out, q)
		}
	}
	return out
}

// summaryCategory is the kind of what a callee runs per call: "write" when
// every statement whose kind is known writes, "unknown" when no kind is
// known (SQL built by a query builder), "read" otherwise.
func summaryCategory(qs []queries.Query) string {
	known, writes := 0, 0
	for _, q := range qs {
		switch q.Kind {
		case "write":
			known++
			writes++
		case "read":
			known++
		}
	}
	switch {
	case known == 0:
		return "unknown"
	case writes == known:
		return "write"
	}
	return "read"
}

// report reports a finding at call, in fn, with the loops as related
// locations. The finding spans the call: a call chained onto another
// (db().Exec(q)) starts where the inner one does, and only its end tells
// the two apart.
func (c *checker) report(fn *types.Func, call ast.Node, category, msg string, loops []*queries.Loop, d finding.Detail) {
	c.emit(check.Finding{
		Diagnostic:     analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Category: category, Message: msg, Related: loopsRelated(loops)},
		Detail:         d,
		Loops:          loopPositions(loops),
		NamedMigration: namedMigration(c.fset, c.pkg, fn, call.Pos()),
	})
}

// loopsRelated are the loops around a call, as related locations.
func loopsRelated(loops []*queries.Loop) []analysis.RelatedInformation {
	var related []analysis.RelatedInformation
	for _, l := range loops {
		related = append(related, analysis.RelatedInformation{Pos: l.Node.Pos(), Message: "loop over " + l.Over})
	}
	return related
}

// loopPositions are where the loops start: a suppression there covers
// the finding (check.Finding.Loops).
func loopPositions(loops []*queries.Loop) []token.Pos {
	var out []token.Pos
	for _, l := range loops {
		out = append(out, l.Node.Pos())
	}
	return out
}

// siteDetail is the detail of a finding about a query call of the
// package, run at the given loop depth.
func siteDetail(s *queries.Site, depth int, fix advice) finding.Detail {
	d := finding.Detail{
		SQL: s.SQL, Fingerprint: s.Fingerprint(),
		Multiplicity: finding.Multiplicity(depth),
		Sites:        []token.Pos{s.Call.Pos()},
		Fix:          fix.fix(),
	}
	if s.Wrapper != nil {
		d.Via = []string{s.Wrapper.Name()}
	}
	return d
}

// subject names a site's statement for a message, shortly, since the
// finding carries the whole SQL: its query in a .sql file, else what it
// does to which table ("DELETE from sessions", as gorm or bun sends it),
// else the expression holding SQL sqlheat could not follow (the prepared
// statement, the variable).
func subject(s *queries.Site) string {
	if s.Block != nil {
		// SQL from a .sql file: its name and place say more than the
		// text of the constant sqlc generated from it.
		return fmt.Sprintf("query %s (%s)", s.Block.Name, s.Block.Where())
	}
	var what string
	switch {
	case len(s.Stmts) > 0 && s.ParseErr == nil:
		what = statements(s.Entry.Shape)
		if s.Entry.Table == "" {
			what = fmt.Sprintf("query %q", queries.Abbreviate(s.SQL, 40))
		}
	case s.Resolved:
		what = fmt.Sprintf("query %q", queries.Abbreviate(s.SQL, 40))
	case s.Role == dbapi.StmtRun:
		if sel, ok := ast.Unparen(s.Call.Fun).(*ast.SelectorExpr); ok {
			return "prepared statement " + clip(queries.ExprName(sel.X), 40)
		}
		return "prepared statement"
	case s.Method != nil && s.Method.SQLArg >= 0 && s.Method.SQLArg < len(s.Call.Args):
		return "query " + clip(queries.ExprName(s.Call.Args[s.Method.SQLArg]), 40)
	case s.Method != nil && s.Role == dbapi.Finisher && s.Entry.Cmd != "":
		return fmt.Sprintf("%s %s", s.Method.Library(), s.Entry.Cmd) // bun INSERT
	case s.Method != nil && s.Role == dbapi.Finisher:
		return fmt.Sprintf("%s %s", s.Method.Library(), s.Method.Name)
	default:
		return "query"
	}
	if s.ORM != "" {
		// SQL the ORM generates, named as it sends it.
		return s.ORM + " " + what
	}
	return what
}

// statement names a statement by its command and table: "SELECT from
// orders", "INSERT into order_items", "UPDATE orders".
func statement(cmd, table string) string {
	switch cmd {
	case "SELECT", "DELETE":
		return cmd + " from " + table
	case "INSERT", "MERGE":
		return cmd + " into " + table
	case "UPDATE", "COPY":
		return cmd + " " + table
	}
	return cmd + " on " + table
}

// statements names what a query sends: its statement, or either of
// two when the code does not say which ("UPDATE results or INSERT into
// results").
func statements(sh queries.Shape) string {
	if sh.Or != "" {
		return statement(sh.Cmd, sh.Table) + " or " + statement(sh.Or, sh.Table)
	}
	return statement(sh.Cmd, sh.Table)
}

// queryName names a query of a callee's summary for a message.
func queryName(q queries.Query) string {
	switch {
	case q.Name != "":
		return "query " + q.Name // kept in a .sql file
	case q.Cmd != "" && q.Table != "":
		return statements(q.Shape)
	case q.SQL != "":
		return fmt.Sprintf("%q", queries.Abbreviate(q.SQL, 40))
	}
	return article(q.Cmd) // an ORM's, on a model known at run time
}

// article names a statement by its command alone: "an INSERT", "a
// SELECT", "a query" when not known.
func article(cmd string) string {
	switch {
	case cmd == "":
		return "a query"
	case strings.ContainsRune("AEIOU", rune(cmd[0])):
		return "an " + cmd
	}
	return "a " + cmd
}

// place is where a query is: its .sql block when it has one, else the
// Go call that runs it.
func place(q queries.Query) string {
	if q.Source != "" {
		return q.Source
	}
	return q.Site
}

// message is a finding's first line: what runs (a statement, or a callee
// and what it runs), how often, and what that costs. It is kept within
// testenv.MaxMessage runes (see String); the finding says the rest.
type message struct {
	subject string // the statement a loop runs, or the one a callee runs
	short   string // subject in a word or two: "an INSERT"
	callee  string // the function called per item, "" when the loop runs the statement
	place   string // where the callee's statement is ("store.go:12", "queries.sql:3")
	n       int    // how many queries a call of callee runs, on its costliest path
	reach   int    // how many it can run by any path, when more than n; else 0
	items   []*queries.Loop
	depth   int  // loops in all, the callee's own included
	loops   bool // the callee loops itself
	// recursive says the call is back into a recursion its function is
	// part of: the loops around it are the recursion's (depth counts it).
	recursive bool

	terse     bool // the cost without "instead of 1"
	unreached bool // "up to n queries" without how many are reachable
	over      int  // names of loops clipped at over runes, 0 for whole
	anon      bool // the outer loop not named
}

// maxMessage is testenv.MaxMessage: what go vet prints on one line.
const maxMessage = 120

// shorter are the steps that shorten a message over maxMessage runes, in
// the order of what a reader misses least: the directory of the callee's
// query, how many round trips a fix leaves, its place, the callee's
// package, long names, the outer loop's name (the related places name
// every loop), the statement's table.
var shorter = []func(m *message){
	func(m *message) {
		if m.place != "" {
			m.place = path.Base(m.place) // notes.sql:12
		}
	},
	func(m *message) { m.unreached = true }, // "up to n queries" still says it
	func(m *message) { m.terse = true },
	func(m *message) { m.place = "" },
	func(m *message) { m.callee = shortName(m.callee) },
	func(m *message) { m.callee, m.over = clip(m.callee, 40), 30 },
	func(m *message) { m.anon = true },
	func(m *message) { m.callee, m.over, m.subject = clip(m.callee, 30), 20, m.short },
	func(m *message) { m.callee, m.over = clip(m.callee, 20), 12 },
}

func (m message) String() string {
	s := m.format()
	for _, step := range shorter {
		if len([]rune(s)) <= maxMessage {
			break
		}
		step(&m)
		s = m.format()
	}
	return s
}

func (m message) format() string {
	var b strings.Builder
	if m.callee != "" {
		b.WriteString(m.callee)
		if m.subject == "" && m.n <= 1 && m.place != "" {
			fmt.Fprintf(&b, " (%s)", m.place) // sqlc's method, named after its query
		}
		switch {
		case m.subject != "":
			b.WriteString(" runs " + m.subject)
			if m.place != "" {
				fmt.Fprintf(&b, " (%s)", m.place)
			}
		case m.reach > 0 && m.n == 1:
			fmt.Fprintf(&b, " runs one of %d statements", m.reach) // by branch
		case m.reach > 0:
			fmt.Fprintf(&b, " runs up to %d queries", m.n)
			if !m.unreached {
				fmt.Fprintf(&b, " (%d statements reachable)", m.reach)
			}
		case m.n > 1:
			fmt.Fprintf(&b, " runs %d queries", m.n)
		default:
			b.WriteString(" runs")
		}
	} else {
		b.WriteString(m.subject + " runs")
	}
	inner := m.items[len(m.items)-1]
	name := func(l *queries.Loop) string {
		if m.over > 0 {
			return clip(l.Over, m.over)
		}
		return l.Over
	}
	if inner.Kind == queries.LoopRows {
		fmt.Fprintf(&b, " once per row of %s while its result set is open", name(inner))
	} else {
		fmt.Fprintf(&b, " once per item of %s", name(inner))
	}
	switch outer := m.items[max(len(m.items)-2, 0)]; {
	case len(m.items) == 1:
	case m.anon:
		b.WriteString(" inside another loop")
	case outer.Kind == queries.LoopRows:
		fmt.Fprintf(&b, ", inside the loop over %s while its result set is open", name(outer))
	default:
		fmt.Fprintf(&b, ", inside the loop over %s", name(outer))
	}
	switch {
	case m.recursive:
		b.WriteString(", recursively")
	case m.loops:
		b.WriteString(", and loops itself")
	}
	b.WriteString(": " + cost(m.depth, max(m.n, 1), m.terse))
	return b.String()
}

// cost says how many round trips the loops make of k queries per call;
// terse leaves out how many a fix leaves.
func cost(depth, k int, terse bool) string {
	switch {
	case depth == 1 && k == 1 && terse:
		return "n round trips"
	case depth == 1 && k == 1:
		return "n round trips instead of 1"
	case depth == 1 && terse:
		return fmt.Sprintf("%dn round trips", k)
	case depth == 1:
		return fmt.Sprintf("%dn round trips instead of %d", k, k)
	case depth == 2:
		return "n×m round trips"
	case depth == 3:
		return "n×m×k round trips"
	}
	return fmt.Sprintf("round trips nested %d deep", depth)
}

// shortName is a function's name without its package: "(*Store).Orders".
func shortName(fn string) string {
	if i := strings.Index(fn, "."); i >= 0 && !strings.HasPrefix(fn, "(") {
		return fn[i+1:]
	}
	return fn
}

// clip cuts s to n runes, with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
