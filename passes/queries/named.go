package queries

import (
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sqlheat/sqlheat/internal/dbapi"
	"github.com/sqlheat/sqlheat/internal/finding"
	"github.com/sqlheat/sqlheat/internal/sqlfiles"
	"github.com/sqlheat/sqlheat/internal/sqlparse"
)

// SQL kept in .sql files reaches the database in three ways the resolver
// follows back to the file's block (see internal/sqlfiles):
//
//   - sqlc copies a block into a constant that starts with the block's
//     name line; the site is linked to the block after resolution, by
//     that line (see linkBlock).
//   - goyesql and dotsql load named queries at run time: a map indexed by
//     a constant name (queries["get-user"], goyesql), or a method taking
//     the name (dot.Query(db, "get-user", id), dot.Raw("get-user")).
//   - a struct whose fields carry `query:"get-user"` tags, filled by a
//     loader (goyesql's ScanToStruct, or the program's own): the field is
//     the block's SQL, or the statement prepared from it.
//
// A named query then gets the block's text as its SQL, parsed like any
// constant, and the site carries the block for the checks that report on
// the .sql file.

// Import paths of the named-query loaders.
const (
	goyesqlPath      = "github.com/nleof/goyesql"
	knadhGoyesqlPath = "github.com/knadh/goyesql"
	dotsqlPath       = "github.com/qustavo/dotsql"
)

// dotsqlMethods are dotsql's methods that run a named query: the name is
// their argument SQLArg (the database handle comes before it).
var dotsqlMethods = func() map[string]*dbapi.Method {
	m := map[string]*dbapi.Method{}
	add := func(name string, role dbapi.Role, arg int) {
		m[name] = &dbapi.Method{Pkg: dotsqlPath, Recv: "DotSql", Name: name, Role: role, SQLArg: arg}
	}
	add("Query", dbapi.Query, 1)
	add("QueryRow", dbapi.Query, 1)
	add("Exec", dbapi.Exec, 1)
	add("Prepare", dbapi.Prepare, 1)
	add("QueryContext", dbapi.Query, 2)
	add("QueryRowContext", dbapi.Query, 2)
	add("ExecContext", dbapi.Exec, 2)
	add("PrepareContext", dbapi.Prepare, 2)
	return m
}()

// dotsqlMethod returns the entry of a dotsql method that runs a named
// query, nil for anything else.
func dotsqlMethod(fn *types.Func) *dbapi.Method {
	if fn.Pkg() == nil || fn.Pkg().Path() != dotsqlPath {
		return nil
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return nil
	}
	t := sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); !ok || n.Obj().Name() != "DotSql" {
		return nil
	}
	return dotsqlMethods[fn.Name()]
}

// isNamedAPI reports whether a table entry takes a query's name rather
// than its text.
func isNamedAPI(m *dbapi.Method) bool { return m != nil && m.Pkg == dotsqlPath }

// named resolves e, the name of a query, to its block.
func (r *resolver) named(e ast.Expr, at token.Pos, depth int) sqlText {
	t := r.expr(e, at, depth+1)
	if !t.OK {
		return unresolved("query name is not constant")
	}
	b, why := r.set().Named(t.SQL)
	if b == nil {
		return unresolved("%s", shownPattern(why)) // a name built with Sprintf: get-…
	}
	return sqlText{SQL: b.Text(), OK: true, Param: -1, Block: b}
}

// set is the module's query files, nil when there are none.
func (r *resolver) set() *sqlfiles.Set {
	if r.files == nil {
		return nil
	}
	return r.files()
}

// namedQuery resolves the expressions that stand for a named query: an
// index of a goyesql map with a constant name, goyesql v2's .Query of
// one, and a struct field tagged query:"name". ok is false for any other
// expression.
func (r *resolver) namedQuery(e ast.Expr, at token.Pos, depth int) (sqlText, bool) {
	info := r.pass.TypesInfo
	switch e := e.(type) {
	case *ast.IndexExpr:
		if goyesqlMap(info.TypeOf(e.X)) {
			return r.named(e.Index, at, depth), true // queries["get-user"]
		}
	case *ast.SelectorExpr:
		if ix, ok := ast.Unparen(e.X).(*ast.IndexExpr); ok && e.Sel.Name == "Query" && goyesqlMap(info.TypeOf(ix.X)) {
			return r.named(ix.Index, at, depth), true // queries["get-user"].Query
		}
		if name := r.queryTag(e); name != "" {
			b, why := r.set().Named(name)
			if b == nil {
				return unresolved("%s", why), true
			}
			return sqlText{SQL: b.Text(), OK: true, Param: -1, Block: b}, true
		}
	}
	return sqlText{}, false
}

// goyesqlMap reports whether t is goyesql's map of queries by name.
func goyesqlMap(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Name() != "Queries" {
		return false
	}
	switch n.Obj().Pkg().Path() {
	case goyesqlPath, knadhGoyesqlPath, knadhGoyesqlPath + "/v2":
		return true
	}
	return false
}

// queryTag returns the query name in the `query:"..."` tag of the field
// sel selects, when a named-query file defines that name; "" otherwise
// (`query:` tags also bind URL parameters in web frameworks: only a name
// some query file has counts).
func (r *resolver) queryTag(sel *ast.SelectorExpr) string {
	s, ok := r.pass.TypesInfo.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return ""
	}
	t := s.Recv()
	idx := s.Index()
	for i, k := range idx {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok || k >= st.NumFields() {
			return ""
		}
		if i < len(idx)-1 {
			t = st.Field(k).Type()
			continue
		}
		name, _, _ := strings.Cut(reflect.StructTag(st.Tag(k)).Get("query"), ",")
		if name == "" || name == "-" || !r.set().HasNamed(name) {
			return ""
		}
		return name
	}
	return ""
}

// linkBlock links a site whose SQL is an sqlc-generated constant to the
// block it was generated from, and returns the block (nil when the text
// is not sqlc's or no configuration has its name).
func (a *analyzer) linkBlock(t sqlText) *sqlfiles.Block {
	if t.Block != nil {
		return t.Block
	}
	if !strings.HasPrefix(t.SQL, "-- name: ") {
		return nil
	}
	dir := a.dir
	if t.Lit.IsValid() {
		dir = filepath.Dir(a.pass.Fset.File(t.Lit).Name())
	}
	return a.r.set().SQLC(t.SQL, dir)
}

// maxRelated bounds the Go places listed with a finding about a block.
const maxRelated = 6

// BlockRelated lists the Go places of the sites that run one block, for a
// finding reported on the block at pos: the constant sqlc generated from
// it, and each call that runs it (at most a few); pos itself is left out
// (a runner that shows Go positions only reports at the constant).
func BlockRelated(sites []*Site, pos token.Pos) []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	seen := map[token.Pos]bool{pos: true}
	for _, s := range sites {
		if s.Lit.IsValid() && !seen[s.Lit] {
			seen[s.Lit] = true
			out = append(out, analysis.RelatedInformation{Pos: s.Lit, Message: "the Go constant generated from this query"})
		}
	}
	for _, s := range sites {
		if len(out) >= maxRelated {
			break
		}
		if seen[s.Call.Pos()] {
			continue
		}
		seen[s.Call.Pos()] = true
		msg := "run here"
		if s.Func != nil {
			msg = "run by " + FuncName(s.Func)
		}
		out = append(out, analysis.RelatedInformation{Pos: s.Call.Pos(), Message: msg})
	}
	return out
}

// BlockStmts is a block's statements as the SQL checks see them: its own
// parse (exact: offsets are the file's), or, for a block the parser
// refuses, what the Go that runs it was parsed as.
func BlockStmts(b *sqlfiles.Block, sites []*Site) (stmts []*sqlparse.Statement, exact bool) {
	if stmts, err := b.Stmts(); err == nil {
		return stmts, true
	}
	for _, s := range sites {
		if s.ParseErr == nil && len(s.Stmts) > 0 {
			return s.Stmts, false
		}
	}
	return nil, false
}

// BlockGoPos is a Go place standing for a block, for runners that show
// no other (see sqlfiles.Result.Pos): sqlc's constant, else the first
// call that runs it; NoPos when the package runs it nowhere.
func BlockGoPos(sites []*Site) token.Pos {
	for _, s := range sites {
		if s.Lit.IsValid() {
			return s.Lit
		}
	}
	if len(sites) > 0 {
		return sites[0].Call.Pos()
	}
	return token.NoPos
}

// StmtDetail is the detail of a finding about statement st, run by
// sites (the call of a Go literal, or the calls that run a .sql block;
// none for a block no Go of the package runs): the function of the first
// that has one, the calls as the finding's sites.
func StmtDetail(st *sqlparse.Statement, sites ...*Site) finding.Detail {
	d := finding.Detail{SQL: st.SQL, Fingerprint: st.Fingerprint, Multiplicity: finding.Multiplicity(0)}
	for _, s := range sites {
		if d.Function == "" {
			d.Function = s.FuncFullName()
		}
		d.Sites = append(d.Sites, s.Call.Pos())
	}
	return d
}
