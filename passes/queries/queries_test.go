package queries_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sqlheat/sqlheat/internal/testenv"
	"github.com/sqlheat/sqlheat/passes/queries"
)

// sites reports every query site and query-issuing call the foundation
// pass found, so that analysistest's `// want` comments can assert them:
// the pass itself reports nothing.
var sites = &analysis.Analyzer{
	Name:     "sites",
	Doc:      "test helper: report the query sites of the queries pass",
	Requires: []*analysis.Analyzer{queries.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[queries.Analyzer].(*queries.Result)
		// What the pass exports as facts, reported where the object is
		// declared (TestFacts checks the facts themselves).
		for fn, f := range res.Summaries {
			pass.Reportf(fn.Pos(), "%s", f)
		}
		for fn, f := range res.Wrappers {
			pass.Reportf(fn.Pos(), "%s", f)
		}
		for v, f := range res.SQLVars {
			pass.Reportf(v.Pos(), "%s", f)
		}
		for v, f := range res.Fields {
			pass.Reportf(v.Pos(), "%s", f)
		}
		for obj, t := range res.Tables {
			pass.Reportf(obj.Pos(), "%s", t)
		}
		for fn, p := range res.StmtFrom {
			pass.Reportf(fn.Pos(), "stmtFrom(%d)", p)
		}
		for fn, f := range res.Builders {
			pass.Reportf(fn.Pos(), "%s", f)
		}
		for fn, f := range res.Batches {
			pass.Reportf(fn.Pos(), "%s", f)
		}
		for fn, f := range res.Rewriters {
			pass.Reportf(fn.Pos(), "%s", f)
		}
		for fn, f := range res.Appenders {
			pass.Reportf(fn.Pos(), "%s", f)
		}
		for _, s := range res.Sites {
			var b strings.Builder
			fmt.Fprintf(&b, "site %s %s ", s.Role, s.Kind())
			if s.Resolved {
				fmt.Fprintf(&b, "%q", s.SQL)
				if s.ParseErr != nil {
					b.WriteString(" unparsed")
				}
				if s.Optional {
					// The filters of clauses only some paths add.
					var opt []string
					for _, st := range s.Stmts {
						for _, f := range st.Filters {
							if f.Optional {
								opt = append(opt, f.Column.Table+"."+f.Column.Column+" "+f.Op)
							}
						}
					}
					if len(opt) > 0 {
						fmt.Fprintf(&b, " optional %s", strings.Join(opt, ", "))
					}
				}
			} else {
				fmt.Fprintf(&b, "unresolved: %s", s.Why)
			}
			if len(s.Partial) > 0 {
				fmt.Fprintf(&b, " partial: %s", strings.Join(s.Partial, ", "))
			}
			if n := len(s.Loops); n > 0 {
				fmt.Fprintf(&b, " in %s loop", s.Loops[n-1].Kind)
			}
			if s.Block != nil {
				fmt.Fprintf(&b, " from %s %s", s.Block.Name, s.Block.Where())
			}
			pass.Reportf(s.Call.Pos(), "%s", b.String())
		}
		st := res.Stats
		pass.Reportf(pass.Files[0].Package, "stats: %d sites, %d unresolved, %d unparsed, %d orm", st.Sites, st.Unresolved, st.Unparsed, st.ORM)
		for _, c := range res.Calls {
			msg := "call " + c.Callee
			if n := len(c.Loops); n > 0 {
				msg += fmt.Sprintf(" in %s loop", c.Loops[n-1].Kind)
			}
			pass.Reportf(c.Call.Pos(), "%s", msg)
		}
		return nil, nil
	},
}

func TestQueries(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	analysistest.Run(t, dir, sites, "store", "api", "libs", "dialect", "builders", "goqubuilders", "reformat")
}

// SQL joined from lists of clauses resolves to one statement with every
// clause, those only some paths add marked optional; placeholder helpers
// are parameters. Lists from elsewhere stay unresolved, with the reason.
func TestLists(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	analysistest.Run(t, dir, sites, "lists", "items")
}

// A loop walking a list in chunks by index (i += size, or lb += size as
// the last statement of `for lb < n`, or lb = ub) sends a statement taking
// the chunk once per chunk: its site is in no loop. One per item of the
// chunk, one the chunk does not reach, and loops stepping one item or a
// length read per item stay in a data loop.
func TestChunks(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	analysistest.Run(t, dir, sites, "chunks")
}

// Queries kept in .sql files: sqlc's generated constants are linked to
// their blocks by the -- name: line they start with, named queries
// (goyesql, dotsql, fields tagged query:"name") get the block's text, and
// sqlc's batch code runs the statement it queues.
func TestSQLFiles(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	analysistest.Run(t, dir, sites, "sqlcgen", "sqlcbatch", "named")
}

// Prepared statements kept in struct fields, package-level variables and
// statement tables carry their SQL to every use, in any package; SQL kept
// in data (query tables, struct literals, embedded files) resolves too.
func TestFields(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	analysistest.Run(t, dir, sites, "sqlutil", "prepared", "preparedapi", "data", "pgxnamed")
}

// go-zero's raw SQL: sqlx's Session and prepared statements, sqlc's
// CachedConn, and the closures its cached methods run.
// borp is gorp with a context first in every method.
func TestBorp(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	analysistest.Run(t, dir, sites, "borpdb")
}

func TestGoZero(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	analysistest.Run(t, dir, sites, "gozerodb")
}

// ORM chains become the statements the ORM sends; what cannot be
// modeled is unresolved, with the reason.
func TestORM(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	analysistest.Run(t, dir, sites, "orm", "gormv1")
	analysistest.Run(t, dir, queries.Analyzer, "ormmodels") // the TableName fact
}

// GoFrame's gdb: raw SQL on its handles, Model chains rebuilt from a
// table named by a constant or by a generated dao of another package
// (through the facts of its Ctx and its columns), and what gdb maps at
// run time (WherePri's key, a struct model's table, a value's columns)
// left unresolved with why.
func TestGdb(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	analysistest.Run(t, dir, queries.Analyzer, "gdbdao")
	analysistest.Run(t, dir, sites, "gdbdb")
}

// A shared base taking builders (squirrel.Sqlizer) is a wrapper: each
// call of it, here or in another package, runs the caller's chain.
func TestBuilderWrappers(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	analysistest.Run(t, dir, sites, "sqlizer", "sqlizerapi")
}

// Helpers that take a squirrel builder and return it with clauses added,
// or start a statement of their own, add what they add at each call,
// here or through their facts in another package; clauses only some
// calls add are optional. Helpers whose additions are unknown leave the
// statement unresolved, saying why.
func TestBuilderHelpers(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	analysistest.Run(t, dir, sites, "builderhelp", "builderhelpapi")
}

// A pgx batch filled by helpers that take it runs what they queue, here
// or through their facts in another package.
func TestBatchHelpers(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	analysistest.Run(t, dir, sites, "batchhelp", "batchhelpapi")
}

// gorp's handles run raw SQL; the rows it writes from its table mapping
// are ORM sites; wrappers that rewrite placeholders pass the SQL on.
func TestGorp(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	analysistest.Run(t, dir, sites, "gorpdb")
}

// beego's ORM: raw SQL, QuerySeter chains read from QueryTable to the
// finisher, and an Ormer's model reads and writes, left to beego.
func TestBeego(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	analysistest.Run(t, dir, sites, "beegodb")
}

// pocketbase's App: its finders and Save and Delete are sites whose
// statements pocketbase builds at run time.
func TestPocketBase(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	analysistest.Run(t, dir, sites, "pbdb")
}

// A program's own handle interface that sqlx's DB and Tx implement
// rebinds as sqlx does: the SQL given to its Rebind is the statement run.
// An interface no database handle implements keeps its Rebind unknown.
// sqlx's BindNamed, Named, In and Rebind, on its handles, on such an
// interface (declared there or embedded from sqlx's own) or as functions,
// keep the statement they are given.
func TestHandleInterface(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	analysistest.Run(t, dir, sites, "rebind/handle", "rebind", "bindnamed")
}

// A function that rebinds the placeholders of its one SQL parameter and
// returns it (sqlx's Rebind for the database in use) keeps the statement:
// its Rewrites fact carries that to other packages, through a struct
// embedding its receiver too. Functions that append to the text, make it
// with another string, or may return either of two, are no rewriters.
func TestRewriters(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	analysistest.Run(t, dir, sites, "bindctx", "bindctxapi")
}

// A function returning its SQL parameter with text appended (a tenant's
// scope, a search filter, a sort, a page) is an appender: its Appends
// fact carries to other packages that the statement is the one given,
// with what it appends when that is one constant text on every path, and
// without what varies. One that may return another string, or something
// made of the text, is none; nor is one that replaces a table name.
func TestAppenders(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	analysistest.Run(t, dir, sites, "tenant", "tenantstore")
}

// A site given one of several constant statements, chosen on different
// paths (a variable assigned in branches, a function returning one per
// case), is each of them; PostgreSQL's when the others are another
// database's DDL. A choice that is not of whole constant statements
// stays unresolved.
func TestOneOf(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	analysistest.Run(t, dir, sites, "oneof")
}

// TestFacts checks the facts the pass exports, as other packages see them.
func TestFacts(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	analysistest.Run(t, dir, queries.Analyzer, "facts")
}

// xorm's session chains are the statements xorm sends; Sync's beans are
// the schema; what cannot be known is unresolved, with the reason.
func TestXorm(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	analysistest.Run(t, dir, sites, "xormdb")
}

// A fork of xorm (github.com/xorm-io/xorm) is read as xorm: its chains,
// builder conditions and tags; a look-alike package named xorm is not.
func TestXormFork(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	analysistest.Run(t, dir, sites, "xormfork", "goxorm")
}

// pop's chains end in a finisher that takes the model: the statement
// pop sends on the model's table, raw SQL as written, writes of a model
// by its key; what cannot be read stays unresolved, saying why.
func TestPop(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	analysistest.Run(t, dir, sites, "popmodels", "popdb")
}

// ent's generated builders are told by their types (a package declaring
// the config that holds ent's Driver): their finishers are sites, with
// the statement ent sends rebuilt from the entity package's table,
// columns and predicates; the generated package itself has none.
func TestEnt(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	analysistest.Run(t, dir, sites, "example.net/entapp/ent", "entdb")
}

// A program's own interface over its driver, implemented in its package
// by a wrapper, is a wrapper: calls of it are query sites in any
// package. One implemented also by a type that sends no SQL, or by none
// in sight, is not.
func TestInterfaceWrappers(t *testing.T) {
	dir := testenv.Tree(t, analysistest.TestData())
	analysistest.Run(t, dir, sites, "ifacepool", "ifacepooluse")
}
