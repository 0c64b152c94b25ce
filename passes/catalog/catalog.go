// Package catalog is the foundation pass that gives checks the schema of
// the database a package's queries run against.
//
// It reports nothing. Its result is a *schema.Catalog built from, in
// DESIGN.md's order: the schema paths of the settings (-schema,
// .sqlheat.yaml); else what schema.DiscoverAll finds under the module
// root (sqlc configurations, migration directories, schema dumps, Go
// sources holding migrations as SQL strings); then the DDL the program
// itself executes — SQL constants whose statements are DDL at the
// package's query sites, and .sql files the package embeds with
// //go:embed (up migrations only, and never a mysql/ or sqlite/ one);
// last, for a table the package queries through xorm that none of these
// declares, the table its bean's tags declare, as xorm's Sync creates it
// (the package syncing the beans is seldom among the importers').
// That last part is exported as a package fact, so that a package
// importing the one that runs the migrations sees their tables; a
// querying package that does not import it sees them only when
// discovery finds the files (migration directories, Go sources named
// *migrat*.go), or through -schema.
//
// When discovery preferred an sqlc schema file, the migration
// directories beside it are loaded too, as Result.Alt: sqlc compiles
// against a file in which indexes matter to nobody, and the migrations
// that run may create more.
//
// Schema files are parsed once per process, whatever the number of
// packages and checks (see load).
package catalog

import (
	"go/ast"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/internal/codekind"
	"github.com/sqlheat/sqlheat/internal/guard"
	"github.com/sqlheat/sqlheat/internal/schema"
	"github.com/sqlheat/sqlheat/internal/sqlparse"
	"github.com/sqlheat/sqlheat/passes/config"
	"github.com/sqlheat/sqlheat/passes/queries"
	sqlfilespass "github.com/sqlheat/sqlheat/passes/sqlfiles"
)

var Analyzer = &analysis.Analyzer{
	Name:       "catalog",
	Doc:        "load the database schema a package's queries run against (no diagnostics; facts carry Go-embedded migrations)",
	URL:        "https://github.com/sqlheat/sqlheat#schema",
	Requires:   []*analysis.Analyzer{config.Analyzer, queries.Analyzer, sqlfilespass.Analyzer},
	ResultType: reflect.TypeOf((*Result)(nil)),
	FactTypes:  []analysis.Fact{(*migrations)(nil)},
	Run:        guard.Run(run),
}

// Result is the schema seen from one package.
type Result struct {
	// Catalog is never nil: without any schema it is empty, and every
	// table is unknown to it.
	Catalog *schema.Catalog
	// Sources are the schema paths the catalog was loaded from (settings,
	// or discovered when Discovered), before the program's own DDL.
	Sources    []string
	Discovered bool
	// Alt, when not nil, is a second view of the same database: the
	// migration directories when discovery preferred an sqlc schema
	// file. A check that reports a missing index asks both and speaks
	// only when neither has one (see schema.DiscoverAll).
	Alt *schema.Catalog
	// Err is a schema path named in the settings that could not be read;
	// the catalog then holds what the program's own DDL gives.
	Err error
	// Unknown are the tables this package's queries read or write that
	// the catalog does not know, sorted: the checks stay silent on them
	// rather than guess, and the driver counts them.
	Unknown []string
}

// Files are the schema files and Go sources whose DDL the catalog
// applied, in order.
func (r *Result) Files() []string {
	if r == nil || r.Catalog == nil {
		return nil
	}
	return r.Catalog.Files
}

// Skipped are the migration files for another database left out of the
// catalog, their PostgreSQL twin being read (see schema.Catalog.Skipped).
func (r *Result) Skipped() []string {
	if r == nil || r.Catalog == nil {
		return nil
	}
	return r.Catalog.Skipped
}

// Warnings are the DDL statements the catalog could not use, with their
// file and line.
func (r *Result) Warnings() []schema.Warning {
	if r == nil || r.Catalog == nil {
		return nil
	}
	return r.Catalog.Warnings
}

// Alt returns the second view of the schema for pass (see Result.Alt),
// or nil.
func Alt(pass *analysis.Pass) *schema.Catalog {
	if r := config.Result[*Result](pass); r != nil {
		return r.Alt
	}
	return nil
}

// For returns the catalog for pass, which must Require Analyzer. It is
// never nil.
func For(pass *analysis.Pass) *schema.Catalog {
	if r := config.Result[*Result](pass); r != nil && r.Catalog != nil {
		return r.Catalog
	}
	return schema.New()
}

// migrations is the fact a package exports when it executes DDL of its
// own: the texts, in the order they apply, so that dependents apply them
// too. Positions are strings relative to the module root.
type migrations struct {
	Texts []DDLText
}

// DDLText is one piece of DDL the program executes: a SQL constant, or
// an embedded .sql file.
type DDLText struct {
	File string // relative to the module root when inside it
	Line int
	SQL  string
}

func (*migrations) AFact() {}

func (f *migrations) String() string {
	var b strings.Builder
	b.WriteString("migrations(")
	for i, t := range f.Texts {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(filepath.Base(t.File))
		if t.Line > 0 {
			b.WriteString(":" + strconv.Itoa(t.Line))
		}
	}
	b.WriteString(")")
	return b.String()
}

func run(pass *analysis.Pass) (any, error) {
	cfg := config.For(pass)
	res := queries.For(pass)
	own := append(ownDDL(pass, cfg.ModuleRoot, res), entSchemaDDL(pass, cfg.ModuleRoot)...)
	deps := dependencyDDL(pass)
	if (res == nil || len(res.Sites) == 0) && len(sqlfilespass.For(pass).Owned) == 0 {
		// No query here needs a schema (no site, and no .sql query file
		// checked here): skip loading it (most packages of a build), but
		// still pass on the migrations found.
		if len(own) > 0 {
			pass.ExportPackageFact(&migrations{Texts: own})
		}
		return &Result{Catalog: schema.New()}, nil
	}

	r := &Result{Sources: cfg.Schema}
	var secondary []string
	if len(r.Sources) == 0 && cfg.ModuleRoot != "" {
		r.Sources, secondary = discover(cfg.ModuleRoot)
		r.Discovered = true
	}
	if len(secondary) > 0 {
		// Warnings of the second view are not surfaced: the first one is
		// the schema the user knows us to use.
		r.Alt, _ = load(secondary)
	}
	base, err := load(r.Sources)
	if err != nil {
		r.Err = err
	}
	if len(own) > 0 {
		pass.ExportPackageFact(&migrations{Texts: own})
	}
	// Files the sources already hold are not applied twice: an embedded
	// migrations/ directory, or Go migrations, that discovery found too.
	extra := slices.DeleteFunc(append(deps, own...), func(t DDLText) bool {
		return slices.Contains(base.Files, absFile(cfg.ModuleRoot, t.File))
	})
	r.Catalog = base
	if len(extra) > 0 {
		r.Catalog = withDDL(base, cfg.ModuleRoot, extra)
	}
	if res != nil {
		r.Unknown = unknownTables(pass, r.Catalog, res)
		if models := modelDDL(pass, cfg.ModuleRoot, res, r.Unknown); len(models) > 0 {
			// Tables no source declares, whose ORM model declares them
			// (xorm's tags, as its Sync creates them): the model is the
			// schema's only word on them.
			r.Catalog = withDDL(base, cfg.ModuleRoot, append(extra, models...))
			r.Unknown = unknownTables(pass, r.Catalog, res)
		}
	}
	return r, nil
}

// modelDDL is the DDL of the models of the package's ORM sites whose
// table is among unknown.
func modelDDL(pass *analysis.Pass, root string, res *queries.Result, unknown []string) []DDLText {
	var out []DDLText
	seen := map[string]bool{}
	for _, s := range res.Sites {
		if s.ModelDDL == "" || seen[s.ModelDDL] || isTest(pass, s.Call.Pos()) {
			continue
		}
		for _, st := range s.Stmts {
			if len(st.Tables) == 0 || !slices.Contains(unknown, st.Tables[0].Name) {
				continue
			}
			seen[s.ModelDDL] = true
			p := pass.Fset.Position(s.Call.Pos())
			out = append(out, DDLText{File: relFile(root, p.Filename), Line: p.Line, SQL: s.ModelDDL})
			break
		}
	}
	return out
}

// ownDDL is the DDL the package executes: resolved SQL of its query
// sites that is DDL, and the .sql files it embeds, outside _test.go
// files (tests create fixtures of their own, which must not replace the
// real tables).
func ownDDL(pass *analysis.Pass, root string, res *queries.Result) []DDLText {
	var out []DDLText
	for _, f := range pass.Files {
		if isTest(pass, f.Pos()) {
			continue
		}
		for _, path := range embeddedSQL(pass, f) {
			// Read as schema files are: Pass.ReadFile admits only the
			// package's Go and other files, not the embedded ones.
			text, err := os.ReadFile(path)
			if err != nil || !looksLikeDDL(string(text)) {
				continue
			}
			out = append(out, DDLText{File: relFile(root, path), SQL: string(text)})
		}
	}
	if res == nil {
		return out
	}
	seen := map[string]bool{}
	for _, s := range res.Sites {
		if !s.Resolved || isTest(pass, s.Call.Pos()) || !isDDL(s.Stmts) || seen[s.SQL] {
			continue
		}
		seen[s.SQL] = true // a migration executed from two places applies once
		pos := s.Call.Pos()
		if s.Lit.IsValid() {
			pos = s.Lit
		}
		p := pass.Fset.Position(pos)
		out = append(out, DDLText{File: relFile(root, p.Filename), Line: p.Line, SQL: s.SQL})
	}
	return out
}

func isDDL(stmts []*sqlparse.Statement) bool {
	for _, st := range stmts {
		if st.Kind == sqlparse.KindDDL {
			return true
		}
	}
	return false
}

// looksLikeDDL is a cheap test before parsing an embedded file, which
// may as well hold queries.
func looksLikeDDL(text string) bool {
	up := strings.ToUpper(text)
	return strings.Contains(up, "CREATE ") || strings.Contains(up, "ALTER ") || strings.Contains(up, "DROP ")
}

// dependencyDDL collects the migrations of the packages this one
// imports (directly or not), ordered by package path so that the result
// does not depend on the order the driver ran them in.
func dependencyDDL(pass *analysis.Pass) []DDLText {
	facts := pass.AllPackageFacts()
	sort.Slice(facts, func(i, j int) bool { return facts[i].Package.Path() < facts[j].Package.Path() })
	var out []DDLText
	for _, f := range facts {
		if m, ok := f.Fact.(*migrations); ok && f.Package != pass.Pkg {
			out = append(out, m.Texts...)
		}
	}
	return out
}

// embeddedSQL lists the .sql files the //go:embed directives of f name,
// absolute and in migration order per directive.
func embeddedSQL(pass *analysis.Pass, f *ast.File) []string {
	var patterns []string
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			rest, ok := strings.CutPrefix(c.Text, "//go:embed")
			if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
				continue
			}
			patterns = append(patterns, embedPatterns(rest)...)
		}
	}
	if len(patterns) == 0 {
		return nil
	}
	dir := filepath.Dir(pass.Fset.File(f.Pos()).Name())
	var out []string
	for _, p := range patterns {
		p = strings.TrimPrefix(p, "all:")
		matches, _ := filepath.Glob(filepath.Join(dir, filepath.FromSlash(p)))
		// A directory embeds the files below it: schema.Files gives its
		// .sql files in migration order, up migrations only.
		files, err := schema.Files(matches)
		if err != nil {
			continue
		}
		for _, m := range files {
			rel, _ := filepath.Rel(dir, m)
			if schema.OtherDialect(rel) || schema.IsDown(filepath.Base(m)) {
				continue // migrations/mysql beside migrations/postgres; downs undo
			}
			if strings.HasSuffix(strings.ToLower(m), ".sql") && !slices.Contains(out, m) {
				out = append(out, m)
			}
		}
	}
	// *.sql embeds 0001_init_sqlite.up.sql and its PostgreSQL twin.
	return schema.SkipTwins(out)
}

// embedPatterns splits a //go:embed line's patterns, which may be quoted.
func embedPatterns(line string) []string {
	var out []string
	for line = strings.TrimSpace(line); line != ""; line = strings.TrimSpace(line) {
		if line[0] == '"' || line[0] == '`' {
			end := strings.IndexByte(line[1:], line[0])
			if end < 0 {
				return out
			}
			out = append(out, line[1:1+end])
			line = line[2+end:]
			continue
		}
		field, rest, _ := strings.Cut(line, " ")
		out = append(out, field)
		line = rest
	}
	return out
}

// unknownTables lists the tables that the package's queries (outside
// tests) read or write and the catalog does not know.
func unknownTables(pass *analysis.Pass, c *schema.Catalog, res *queries.Result) []string {
	var out []string
	for _, s := range res.Sites {
		if isTest(pass, s.Call.Pos()) {
			continue
		}
		for _, st := range s.Stmts {
			if st.Kind != sqlparse.KindRead && st.Kind != sqlparse.KindWrite {
				continue
			}
			for _, t := range st.Tables {
				name := t.Name
				if t.Schema != "" {
					name = t.Schema + "." + name
				}
				if c.Table(name) == nil && !schema.SystemTable(t.Schema, t.Name) && !slices.Contains(out, name) {
					out = append(out, name)
				}
			}
		}
	}
	slices.Sort(out)
	return out
}

func isTest(pass *analysis.Pass, pos token.Pos) bool {
	f := pass.Fset.File(pos)
	return f != nil && codekind.TestFile(f.Name())
}

// relFile is file relative to root, in slash form, when inside it: facts
// must not depend on where the module is checked out.
func relFile(root, file string) string {
	if root != "" {
		if r, err := filepath.Rel(root, file); err == nil && !strings.HasPrefix(r, "..") {
			return filepath.ToSlash(r)
		}
	}
	return file
}

func absFile(root, file string) string {
	if filepath.IsAbs(file) || root == "" {
		return file
	}
	return filepath.Join(root, filepath.FromSlash(file))
}
