package queryinloop

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
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
	constBound bool // -queryinloop.const: report constant-bound loops
	byName     bool // silent on migrations known by their names
}

// skipFunc is code whose loops are not request paths: tests, start-up
// (main, init) and, when c.byName, migrations by their names. node is
// the innermost function holding the call: a function literal in main is
// not start-up by its name (a handler written inline, a worker), though
// the whole program may still find that only start-up runs it.
func (c *checker) skipFunc(fn *types.Func, node ast.Node, pos token.Pos) bool {
	return skip(c.fset, fn, node, pos) || c.byName && namedMigration(c.fset, c.pkg, fn, pos)
}

// skip is test and start-up code: anything in a _test.go file, main and
// init (not the function literals in them).
func skip(fset *token.FileSet, fn *types.Func, node ast.Node, pos token.Pos) bool {
	if codekind.TestFile(fset.File(pos).Name()) {
		return true
	}
	if fn == nil {
		return false
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
// (space = parent, cursor = last.ID). Such a loop walks a chain — up a
// tree, along a path — where each query needs the last one's answer, so
// there is no list of items to fetch at once (only a recursive CTE, which
// is a redesign, not a batching fix).
func (c *checker) carried(call *ast.CallExpr, l *queries.Loop) bool {
	return carried(c.info, call, l)
}

func carried(info *types.Info, call *ast.CallExpr, l *queries.Loop) bool {
	var body ast.Node
	switch n := l.Node.(type) {
	case *ast.ForStmt:
		body = n.Body
	case *ast.RangeStmt:
		body = n.Body
	}
	if body == nil {
		return false
	}
	uses := map[types.Object]bool{}
	for _, arg := range call.Args {
		if t := info.TypeOf(arg); t != nil && types.TypeString(t, nil) == "context.Context" {
			continue
		}
		ast.Inspect(arg, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if v, ok := info.Uses[id].(*types.Var); ok && !v.IsField() &&
					(v.Pos() < l.Node.Pos() || v.Pos() > l.Node.End()) && v.Parent() != v.Pkg().Scope() {
					uses[v] = true
				}
			}
			return true
		})
	}
	if len(uses) == 0 {
		return false
	}
	found := false
	written := func(e ast.Expr) {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok && uses[info.Uses[id]] {
			found = true
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
			if n.Op == token.AND {
				written(n.X)
			}
		}
		return !found
	})
	return found
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
	items, constant := perItem(s.Loops)
	if len(items) == 0 {
		if constant && c.constBound {
			c.report(s.Func, s.Call.Pos(), "const", fmt.Sprintf("%s runs in a loop with a constant bound: a fixed number of round trips that one statement could do", what(s)), s.Loops, siteDetail(s, 0))
		}
		return
	}
	if c.carried(s.Call, items[len(items)-1]) {
		return
	}
	var b strings.Builder
	b.WriteString(what(s))
	b.WriteString(" runs ")
	b.WriteString(perPhrase(items))
	if rows := rowsLoop(items); rows != nil {
		fmt.Fprintf(&b, " while the result set %s is open", rows.Over)
	}
	category := "read"
	switch {
	case kind == sqlparse.KindUnknown:
		category = "unknown" // SQL built elsewhere: could be a read or a write
		b.WriteString(": fetch or write all items in one statement before or after the loop")
	case kind == sqlparse.KindWrite:
		category = "write"
		b.WriteString(": batch the writes (multi-row INSERT ... VALUES, unnest($1::bigint[]), COPY, or pgx.Batch)")
	case s.Role == dbapi.Finisher && s.Method != nil && s.Method.Library() == "gorm":
		b.WriteString(": load the association for all items at once with Preload or Joins")
	default:
		b.WriteString(": fetch all items in one query before the loop (= ANY($1) or a JOIN) and match them in Go")
	}
	c.report(s.Func, s.Call.Pos(), category, b.String(), items, siteDetail(s, len(items)))
}

func (c *checker) call(call *queries.Call) { c.callVia(call, nil) }

// through is what a whole-program driver adds about a call (see Whole).
type through struct {
	// impls are the functions a call through an interface or a func
	// value reaches, named after the callee in the message.
	impls []string
	// also gives, for a query (by place) that other implementations run
	// as well, their places.
	also map[string][]string
	// count is how many queries one call runs (the summary lists every
	// implementation's).
	count int
}

// callVia checks a call of a function that runs queries; t is nil but
// for a whole-program driver.
func (c *checker) callVia(call *queries.Call, t *through) {
	if c.skipFunc(call.Func, call.Node, call.Call.Pos()) {
		return
	}
	items, _ := perItem(call.Loops)
	if len(items) == 0 {
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
	if nested == 0 && queries.TakesWhole(c.info, call.Call, items[len(items)-1]) {
		return // one call per chunk, each a single statement
	}
	if c.carried(call.Call, items[len(items)-1]) {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s ", call.Callee)
	n := len(qs) + call.Summary.More
	where := place(first)
	if t != nil {
		if len(t.impls) > 0 && len(t.impls) <= 3 {
			fmt.Fprintf(&b, "(%s) ", strings.Join(t.impls, ", "))
		}
		if t.count > 0 {
			n = t.count
		}
		if more := t.also[where]; len(more) > 0 {
			where = fmt.Sprintf("%s, %s: one per implementation", where, strings.Join(more, ", "))
		}
	}
	if n == 1 {
		fmt.Fprintf(&b, "runs %s (%s)", queryName(first), where)
	} else {
		fmt.Fprintf(&b, "runs %d queries, first %s (%s)", n, queryName(first), where)
	}
	b.WriteString(", and is called ")
	b.WriteString(perPhrase(items))
	if rows := rowsLoop(items); rows != nil {
		fmt.Fprintf(&b, " while the result set %s is open", rows.Over)
	}
	if nested > 0 {
		fmt.Fprintf(&b, "; it loops itself, so that is %s", times(len(items)+nested))
	}
	category := summaryCategory(qs)
	b.WriteString(advice(category))
	depth := len(items) + nested
	c.report(call.Func, call.Call.Pos(), category, b.String(), items, finding.Detail{
		SQL: first.SQL, Fingerprint: first.Fingerprint,
		Multiplicity: finding.Multiplicity(depth),
		Via:          append([]string{call.Callee}, first.Via...),
	})
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

// advice is the fix hint for a callee run once per item.
func advice(category string) string {
	switch category {
	case "write":
		return ": batch the writes (multi-row INSERT ... VALUES, unnest, COPY, or pgx.Batch)"
	case "unknown":
		return ": give it a variant that reads or writes all the items in one statement, and call that once"
	}
	return ": add a variant that takes all the items (= ANY($1)) and call it once before the loop"
}

// report reports a finding at pos, in fn, with the loops as related
// locations.
func (c *checker) report(fn *types.Func, pos token.Pos, category, msg string, loops []*queries.Loop, d finding.Detail) {
	c.emit(check.Finding{
		Diagnostic:     analysis.Diagnostic{Pos: pos, Category: category, Message: msg, Related: loopsRelated(loops)},
		Detail:         d,
		Loops:          loopPositions(loops),
		NamedMigration: namedMigration(c.fset, c.pkg, fn, pos),
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
func siteDetail(s *queries.Site, depth int) finding.Detail {
	d := finding.Detail{
		SQL: s.SQL, Fingerprint: s.Fingerprint(),
		Multiplicity: finding.Multiplicity(depth),
		Sites:        []token.Pos{s.Call.Pos()},
	}
	if s.Wrapper != nil {
		d.Via = []string{s.Wrapper.Name()}
	}
	return d
}

// what names a site's statement for a message.
func what(s *queries.Site) string {
	if s.Block != nil {
		// SQL from a .sql file: its name and place say more than the
		// text of the constant sqlc generated from it.
		return fmt.Sprintf("query %s (%s)", s.Block.Name, s.Block.Where())
	}
	if s.ORM != "" && s.Method != nil {
		// SQL the ORM generates: named by the call the user wrote.
		return fmt.Sprintf("%s %s %q", s.ORM, s.Method.Name, queries.Abbreviate(s.SQL, 50))
	}
	if s.Resolved && len(s.Stmts) > 0 {
		return fmt.Sprintf("%s %q", s.Stmts[0].Command, queries.Abbreviate(s.SQL, 50))
	}
	if s.Resolved {
		return fmt.Sprintf("query %q", queries.Abbreviate(s.SQL, 50))
	}
	if s.Method != nil && s.Role == dbapi.Finisher {
		return fmt.Sprintf("%s %s", s.Method.Library(), s.Method.Name)
	}
	if s.Method != nil {
		return fmt.Sprintf("query (%s %s)", s.Method.Library(), s.Method.Name)
	}
	return "query"
}

func queryName(q queries.Query) string {
	if q.Name != "" {
		return "query " + q.Name // kept in a .sql file
	}
	if q.SQL != "" {
		return fmt.Sprintf("%q", q.SQL)
	}
	return "a query"
}

// place is where a query is: its .sql block when it has one, else the
// Go call that runs it.
func place(q queries.Query) string {
	if q.Source != "" {
		return q.Source
	}
	return q.Site
}

// perPhrase says how often: "once per item of orders", nested loops
// "once per item of items, inside the loop over orders (n×m)".
func perPhrase(items []*queries.Loop) string {
	inner := items[len(items)-1]
	s := "once per item of " + inner.Over
	if inner.Kind == queries.LoopRows {
		s = "once per row of " + inner.Over
	}
	if len(items) > 1 {
		s += fmt.Sprintf(", inside the loop over %s (%s)", items[len(items)-2].Over, times(len(items)))
	}
	return s
}

func times(depth int) string {
	switch depth {
	case 1:
		return "n queries"
	case 2:
		return "n×m queries"
	}
	return fmt.Sprintf("nested %d deep", depth)
}

func rowsLoop(items []*queries.Loop) *queries.Loop {
	for i := len(items) - 1; i >= 0; i-- {
		if items[i].Kind == queries.LoopRows {
			return items[i]
		}
	}
	return nil
}
