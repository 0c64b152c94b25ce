package queries

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/internal/dbapi"
	"github.com/sqlheat/sqlheat/internal/sqlfiles"
)

// sqlText is what the resolver knows of an expression that should hold SQL.
type sqlText struct {
	SQL string
	// partial names the parts of an ORM statement standing as
	// parameters (see Site.Partial).
	partial []string
	OK      bool
	Why     string // when !OK: why it could not be resolved, for the stats
	// Lit is the position of the string literal the text came from, when
	// it came from exactly one literal in this package (selectstar reports
	// there, where the user edits the SQL).
	Lit token.Pos
	// Param is the index of the enclosing function's parameter the text is
	// exactly (a wrapper passing its argument through), or -1; pvar is
	// that parameter (of the function or of one enclosing a closure).
	Param int
	pvar  *types.Var
	// each is the loop whose items the text varies with, when it is not
	// one statement for every item (for _, q := range steps, or steps[i]
	// in a loop over i).
	each ast.Stmt
	// Block is the .sql block the text is exactly, when it came from a
	// named-query file (see named.go).
	Block *sqlfiles.Block
	// many says an ORM writes a whole slice with the statement (see
	// ormMany): what the text, built for one row, cannot say.
	many bool
	// perRow is Site.PerRow.
	perRow string
	// modelDDL is the DDL of the model an ORM chain reads or writes,
	// when the ORM creates its table from the model (see Site.ModelDDL).
	modelDDL string
	// copy says the text is a bulk copy's a driver builds (lib/pq's
	// CopyIn, go-mssqldb's): a statement prepared from it buffers the row
	// each Exec is given and sends them all at the Exec given none.
	copy bool
	// opt says SQL holds clauses only some executions send (items a
	// list of clauses gets under a condition, see list); must is then
	// the text without them, what every execution sends.
	opt  bool
	must string
	// head is, when the text is unresolved because a part of it is known
	// only at run time ("CREATE TABLE " + name), the constant text before
	// that part: its first keyword may say what kind of statement it is
	// (see sqlparse.Leading).
	head string
	// whole says head is a whole text that an appender (see Appends)
	// appended what is not known to, not a piece cut anywhere.
	whole bool
	// alts are, when the text is not one statement but one of several
	// constant ones chosen on different paths (a variable assigned one
	// statement or another, a function returning one per case), those
	// statements; the text is then unresolved as a part of anything
	// larger (partial drops them), and a query site given it exactly
	// runs one of them (see oneOfSQL).
	alts []sqlText
}

// mustSQL is the text every execution sends.
func (t sqlText) mustSQL() string {
	if t.opt {
		return t.must
	}
	return t.SQL
}

// cat is the text of x followed by y, their optional clauses kept.
func cat(x, y sqlText) sqlText {
	out := sqlText{SQL: x.SQL + y.SQL, OK: true, Param: -1}
	if x.opt || y.opt {
		out.opt, out.must = true, x.mustSQL()+y.mustSQL()
	}
	return out
}

// paramOf reports whether t is exactly a parameter of sig: a function
// passing it through is a wrapper. A closure's text may be a parameter of
// the function around it instead.
func (t sqlText) paramOf(sig *types.Signature) bool {
	return t.Param >= 0 && sig != nil && t.Param < sig.Params().Len() && sig.Params().At(t.Param) == t.pvar
}

// after is the text of x, known, followed by y, known only in part or
// not at all: unresolved, with x's text as the head it starts with.
func after(x, y sqlText) sqlText {
	t := partial(y)
	t.head = x.SQL + y.head
	t.whole = y.whole // x, then y's head: where y's unknown text starts
	return t
}

func unresolved(format string, args ...any) sqlText {
	return sqlText{Why: fmt.Sprintf(format, args...), Param: -1}
}

// partial is the text of an expression of which t is only a part: a
// parameter inside a concatenation does not make its function a wrapper.
func partial(t sqlText) sqlText {
	if t.Param >= 0 {
		return unresolved("SQL is built from a parameter (%s)", strings.TrimPrefix(t.Why, "SQL is "))
	}
	t.alts = nil // one of several statements, with more text around it: none of them
	return t
}

// constantText reports whether t is a whole statement known at compile
// time: no parameter, no optional clause, not one per item.
func constantText(t sqlText) bool {
	return t.OK && t.Param < 0 && !t.opt && t.each == nil && !t.many && len(t.alts) == 0
}

// oneOf is the text that is one of ts, texts of different paths: the
// one statement they all are, in their different bind syntaxes (see
// settle), or else, unresolved with why, the statements they are (alts),
// which a query site given exactly this text runs one of. Blank texts
// (var q string before a switch that assigns it) are no statement.
func oneOf(why string, ts []sqlText) sqlText {
	ts = slices.DeleteFunc(slices.Clone(ts), func(t sqlText) bool { return strings.TrimSpace(t.SQL) == "" })
	if len(ts) == 0 {
		return unresolved("%s", why)
	}
	if t := settle(why, ts, make([]string, len(ts))); t.OK {
		return t // one statement, in the bind syntax of each
	}
	t := unresolved("%s", why)
	t.alts = ts
	return t
}

// keyWrite is one write by key (m[key] = val) to a local variable.
type keyWrite struct {
	pos      token.Pos
	key, val ast.Expr
	block    ast.Node // innermost block holding the write
	loops    int      // loop bodies around the write
}

// assignment is one write to a local string variable, in source order.
type assignment struct {
	pos   token.Pos
	tok   token.Token // token.DEFINE, token.ASSIGN, token.ADD_ASSIGN, token.VAR, or token.ILLEGAL for a builder write
	rhs   ast.Expr    // nil for a declaration without value
	index int         // result index when rhs is a multi-value call; -1 otherwise
	block ast.Node    // innermost block holding the write
	loops int         // loop bodies around the write
	call  *ast.CallExpr
}

// resolver turns expressions into SQL text: constants, concatenations,
// local variables assigned constants on every path (or one constant
// statement or another, see oneOf), fmt.Sprintf with a constant format,
// strings.Builder writes of constants, and the pass-through helpers of
// sqlx (In, Rebind, Named, BindNamed). It is built once per package.
type resolver struct {
	pass   *analysis.Pass
	writes map[*types.Var][]assignment
	decl   map[*types.Var]ast.Node // block declaring a local variable
	// declLoops is the number of loop bodies around a local variable's
	// declaration: a write inside more is repeated.
	declLoops map[*types.Var]int
	pkgInit   map[*types.Var]ast.Expr   // package-level var -> initializer (never reassigned)
	consts    map[*types.Const]ast.Expr // constant of this package -> its value expression
	funcs     map[*types.Func]*ast.FuncDecl
	params    map[*types.Var]int // parameter -> index within its signature
	// addressed are local variables whose address is taken (&v): they
	// can be written through the pointer, out of the resolver's sight.
	addressed map[*types.Var]bool
	// files returns the module's query files, for named queries and
	// sqlc's constants; read on first use (nil when there are none).
	files func() *sqlfiles.Set
	// field resolves what a struct field holds (see fields.go).
	field func(v *types.Var, depth int) sqlText
	// built is the SQL a query builder's ToSql returns, and builtArg
	// the SQL a builder expression builds (see orm_builder.go); set by
	// the analyzer.
	built    func(call *ast.CallExpr, at token.Pos) sqlText
	builtArg func(x ast.Expr, at token.Pos) sqlText
	// embeds are package-level variables filled by //go:embed: their
	// patterns, and the directory they are relative to.
	embeds map[*types.Var]embed
	// capped are the fields validation caps (see capped.go), on first
	// use.
	capped map[*types.Var]int64
	// enums counts the constants of the types lists are ranged over
	// (see enums.go), on first use.
	enums map[*types.TypeName]int
	// decoded are the list fields this package decodes from a column of
	// a row (see inrow.go), on first use.
	decoded map[*types.Var]bool
	// modified are package-level maps written by index (m[k] = v).
	modified map[*types.Var]token.Pos
	// indexed are local variables written by index (s[i] = v); keyed
	// holds those writes one to one, in source order.
	indexed map[*types.Var]bool
	keyed   map[*types.Var][]keyWrite
	// ranged are the variables a range statement defines.
	ranged map[*types.Var]*ast.RangeStmt
	// counters are the variables a for statement's init defines (i in
	// for i := 0; i < n; i++).
	counters map[*types.Var]*ast.ForStmt
	// rewriters caches rewriter: the parameter a function rewrites, or -1.
	rewriters map[*types.Func]int
	// appenders caches appender: what a function appends to its string
	// parameter, or nil.
	appenders map[*types.Func]*Appends
	// sym is, while appender reads a function, the string parameter it
	// tries (symBody the function's body): its text is paramMark, so
	// that what the function does to it shows around the mark.
	sym     *types.Var
	symBody *ast.BlockStmt
	// handleMethod is the known database handle's method a method of a
	// user's handle interface stands for (see analyzer.handleOf), or nil.
	// recv is the type of the value fn is called on (nil if unknown).
	handleMethod func(fn *types.Func, recv types.Type) *types.Func
	// items are the loops whose item a piece formatted into SQL text
	// varies with, numbered as their marks are (see itemPiece).
	items   []itemOf
	itemNum map[itemOf]int
	// byCall indexes writes by the call whose results they take, in
	// source order of the variables' first such write; built on first
	// use (see results).
	byCall map[*ast.CallExpr][]*types.Var
}

// results are the local variables written from call's results (`u, v,
// err := call`), in source order.
func (r *resolver) results(call *ast.CallExpr) []*types.Var {
	if r.byCall == nil {
		r.byCall = map[*ast.CallExpr][]*types.Var{}
		type entry struct {
			v   *types.Var
			pos token.Pos
		}
		by := map[*ast.CallExpr][]entry{}
		for v, ws := range r.writes {
			for _, w := range ws {
				if c, ok := ast.Unparen(w.rhs).(*ast.CallExpr); ok {
					by[c] = append(by[c], entry{v, w.pos})
				}
			}
		}
		for c, es := range by {
			slices.SortFunc(es, func(x, y entry) int { return cmp.Compare(x.pos, y.pos) })
			for _, e := range es {
				r.byCall[c] = append(r.byCall[c], e.v)
			}
		}
	}
	return r.byCall[call]
}

func newResolver(pass *analysis.Pass) *resolver {
	r := &resolver{
		pass:   pass,
		writes: map[*types.Var][]assignment{},
		decl:   map[*types.Var]ast.Node{},

		declLoops: map[*types.Var]int{},
		pkgInit:   map[*types.Var]ast.Expr{},
		consts:    map[*types.Const]ast.Expr{},
		funcs:     map[*types.Func]*ast.FuncDecl{},
		params:    map[*types.Var]int{},

		addressed: map[*types.Var]bool{},
		embeds:    map[*types.Var]embed{},
		modified:  map[*types.Var]token.Pos{},
		indexed:   map[*types.Var]bool{},
		keyed:     map[*types.Var][]keyWrite{},
		ranged:    map[*types.Var]*ast.RangeStmt{},
		counters:  map[*types.Var]*ast.ForStmt{},
		rewriters: map[*types.Func]int{},
		appenders: map[*types.Func]*Appends{},
		itemNum:   map[itemOf]int{},
	}
	info := pass.TypesInfo
	reassigned := map[*types.Var]bool{}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.GenDecl:
				if d.Tok != token.VAR {
					continue
				}
				for _, spec := range d.Specs {
					vs := spec.(*ast.ValueSpec)
					r.embedded(f, d, vs)
					if len(vs.Values) != len(vs.Names) {
						continue
					}
					for i, name := range vs.Names {
						if v, ok := info.Defs[name].(*types.Var); ok {
							r.pkgInit[v] = vs.Values[i]
						}
					}
				}
			case *ast.FuncDecl:
				if fn, ok := info.Defs[d.Name].(*types.Func); ok {
					r.funcs[fn] = d
				}
			}
		}
		r.collect(f, reassigned)
	}
	for v := range reassigned {
		delete(r.pkgInit, v)
	}
	return r
}

// collect records every write to local variables in f, with the block it
// happens in, and notes package-level variables written anywhere.
func (r *resolver) collect(f *ast.File, reassigned map[*types.Var]bool) {
	info := r.pass.TypesInfo
	var blocks []ast.Node
	loopBody := map[ast.Node]bool{} // the bodies of for and range statements
	loops := 0
	record := func(id *ast.Ident, a assignment) {
		v := identVar(info, id)
		if v == nil {
			return
		}
		if v.Parent() == v.Pkg().Scope() {
			reassigned[v] = true
			return
		}
		a.block = blocks[len(blocks)-1]
		a.loops = loops
		if a.tok == token.DEFINE || a.tok == token.VAR {
			if _, ok := r.decl[v]; !ok {
				r.decl[v] = a.block
				r.declLoops[v] = loops
			}
		}
		r.writes[v] = append(r.writes[v], a)
	}
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			blocks = append(blocks, n)
			if loopBody[n] {
				loops++
			}
			ast.Inspect(n, func(c ast.Node) bool {
				if c == n {
					return true
				}
				return visit(c)
			})
			if loopBody[n] {
				loops--
			}
			blocks = blocks[:len(blocks)-1]
			return false
		case *ast.ForStmt:
			loopBody[n.Body] = true
			if as, ok := n.Init.(*ast.AssignStmt); ok && as.Tok == token.DEFINE {
				for _, e := range as.Lhs {
					if id, ok := e.(*ast.Ident); ok {
						if v := identVar(info, id); v != nil {
							r.counters[v] = n
						}
					}
				}
			}
		case *ast.FuncType:
			r.recordParams(n)
		case *ast.AssignStmt:
			if len(blocks) == 0 {
				return true
			}
			for i, lhs := range n.Lhs {
				if v := rootVar(info, lhs); v != nil && v.Parent() == v.Pkg().Scope() {
					// queries["get"] = ..., pgQueries.Get = ...: package
					// data changed at run time.
					if _, seen := r.modified[v]; !seen {
						r.modified[v] = n.Pos()
					}
				}
				if ix, ok := ast.Unparen(lhs).(*ast.IndexExpr); ok {
					if id, ok := ast.Unparen(ix.X).(*ast.Ident); ok {
						if v := identVar(info, id); v != nil {
							r.indexed[v] = true // placeholders[i] = "?"
							if len(n.Rhs) == len(n.Lhs) && n.Tok == token.ASSIGN {
								r.keyed[v] = append(r.keyed[v], keyWrite{pos: n.Pos(), key: ix.Index, val: n.Rhs[i], block: blocks[len(blocks)-1], loops: loops})
							}
						}
					}
				}
				id, ok := ast.Unparen(lhs).(*ast.Ident)
				if !ok {
					continue
				}
				a := assignment{pos: n.Pos(), tok: n.Tok, index: -1}
				switch {
				case len(n.Rhs) == len(n.Lhs):
					a.rhs = n.Rhs[i]
				case len(n.Rhs) == 1:
					a.rhs, a.index = n.Rhs[0], i
				}
				record(id, a)
			}
		case *ast.RangeStmt:
			loopBody[n.Body] = true
			if n.Tok == token.DEFINE {
				for _, e := range []ast.Expr{n.Key, n.Value} {
					if id, ok := e.(*ast.Ident); ok {
						if v := identVar(info, id); v != nil {
							r.ranged[v] = n
						}
					}
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if c, ok := info.Defs[id].(*types.Const); ok && i < len(n.Values) {
					r.consts[c] = n.Values[i]
				}
			}
			if len(blocks) == 0 {
				return true
			}
			for i, id := range n.Names {
				a := assignment{pos: n.Pos(), tok: token.VAR, index: -1}
				switch {
				case len(n.Values) == len(n.Names):
					a.rhs = n.Values[i]
				case len(n.Values) == 1:
					a.rhs, a.index = n.Values[0], i
				}
				record(id, a)
			}
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND {
				if v := identVar(info, id); v != nil {
					r.addressed[v] = true
				}
			}
		case *ast.CallExpr:
			if len(blocks) == 0 {
				return true
			}
			// b.WriteString(x), fmt.Fprintf(&b, ...): writes to a builder.
			if id, ok := builderTarget(info, n); ok {
				record(id, assignment{pos: n.Pos(), tok: token.ILLEGAL, index: -1, call: n})
			}
		}
		return true
	}
	ast.Inspect(f, visit)
}

func (r *resolver) recordParams(ft *ast.FuncType) {
	i := 0
	for _, field := range ft.Params.List {
		if len(field.Names) == 0 {
			i++
			continue
		}
		for _, name := range field.Names {
			if v, ok := r.pass.TypesInfo.Defs[name].(*types.Var); ok {
				r.params[v] = i
			}
			i++
		}
	}
}

// rootVar is the variable an index or field selection writes into
// (m in m[k], q in q.Get), nil for a plain variable or anything else.
func rootVar(info *types.Info, e ast.Expr) *types.Var {
	switch x := ast.Unparen(e).(type) {
	case *ast.IndexExpr:
		e = x.X
	case *ast.SelectorExpr:
		if v, ok := info.Uses[x.Sel].(*types.Var); !ok || !v.IsField() {
			return nil
		}
		e = x.X
	default:
		return nil
	}
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return identVar(info, x)
		case *ast.IndexExpr:
			e = x.X
		case *ast.SelectorExpr:
			if v, ok := info.Uses[x.Sel].(*types.Var); ok && !v.IsField() {
				return v // pkg.Var
			}
			e = x.X
		default:
			return nil
		}
	}
}

// callee is the function a call calls: its static callee, or the one a
// local variable holds when the variable is assigned once, a function or
// a method value (p := prep.P; p(sql)), and never through a pointer.
func (r *resolver) callee(call *ast.CallExpr) *types.Func {
	info := r.pass.TypesInfo
	if fn, ok := typeutil.Callee(info, call).(*types.Func); ok {
		return fn
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := info.Uses[id].(*types.Var)
	ws := r.writes[v]
	if v == nil || len(ws) != 1 || ws[0].index >= 0 || ws[0].rhs == nil || r.addressed[v] || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	switch f := ast.Unparen(ws[0].rhs).(type) {
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[f]; ok && sel.Kind() == types.MethodVal {
			fn, _ := sel.Obj().(*types.Func)
			return fn
		}
		fn, _ := info.Uses[f.Sel].(*types.Func) // pkg.F
		return fn
	case *ast.Ident:
		fn, _ := info.Uses[f].(*types.Func)
		return fn
	}
	return nil
}

// identVar is the variable an identifier defines or uses, if any.
func identVar(info *types.Info, id *ast.Ident) *types.Var {
	if obj, ok := info.Defs[id].(*types.Var); ok {
		return obj
	}
	if obj, ok := info.Uses[id].(*types.Var); ok {
		return obj
	}
	return nil
}

// builderTarget matches writes to a strings.Builder or bytes.Buffer held
// in a local variable: b.WriteString(s), b.WriteByte(c), b.WriteRune(c),
// fmt.Fprint*(&b, ...).
func builderTarget(info *types.Info, call *ast.CallExpr) (*ast.Ident, bool) {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return nil, false
	}
	var target ast.Expr
	switch fn.Pkg().Path() {
	case "strings", "bytes":
		if sel, ok := call.Fun.(*ast.SelectorExpr); ok && strings.HasPrefix(fn.Name(), "Write") && isBuilder(info.TypeOf(sel.X)) {
			target = sel.X
		}
	case "fmt":
		if strings.HasPrefix(fn.Name(), "Fprint") && len(call.Args) > 0 && isBuilder(info.TypeOf(call.Args[0])) {
			target = call.Args[0]
		}
	}
	if target == nil {
		return nil, false
	}
	if u, ok := ast.Unparen(target).(*ast.UnaryExpr); ok && u.Op == token.AND {
		target = u.X
	}
	id, ok := ast.Unparen(target).(*ast.Ident)
	return id, ok
}

func isBuilder(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	switch types.TypeString(t, nil) {
	case "strings.Builder", "bytes.Buffer":
		return true
	}
	return false
}

// maxDepth bounds resolution through variables and calls (cycles, and the
// cost of pathological code).
const maxDepth = 12

// resolve returns the SQL text of e as evaluated at position at.
func (r *resolver) resolve(e ast.Expr, at token.Pos) sqlText {
	return r.expr(e, at, 0)
}

func (r *resolver) expr(e ast.Expr, at token.Pos, depth int) sqlText {
	if depth == 0 {
		// The outermost expression: a loop whose item names what the
		// statement acts on runs a statement per item (see itemNames);
		// number the parameters that integers stand for (see number)
		// after the text's own.
		return r.finish(r.text(e, at, depth))
	}
	return r.text(e, at, depth)
}

func (r *resolver) text(e ast.Expr, at token.Pos, depth int) sqlText {
	if depth > maxDepth {
		return unresolved("too deep")
	}
	info := r.pass.TypesInfo
	e = ast.Unparen(e)
	// Constants, including concatenations of constants and constants
	// declared in other packages: the type checker already folded them.
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		if tv.Value.Kind() != constant.String {
			return sqlText{SQL: tv.Value.ExactString(), OK: true, Param: -1}
		}
		t := sqlText{SQL: constant.StringVal(tv.Value), OK: true, Param: -1}
		t.Lit = r.literalPos(e)
		return t
	}
	if t, ok := r.namedQuery(e, at, depth); ok {
		return t // queries["get-user"], a field tagged query:"get-user"
	}
	if t, ok := r.data(e, at, depth); ok {
		return t // queries["get"], pgQueries.Get: SQL kept in package-level data
	}
	switch e := e.(type) {
	case *ast.IndexExpr:
		// steps[i] in a loop over i: a different statement per item.
		if id, ok := ast.Unparen(e.Index).(*ast.Ident); ok {
			var loop ast.Stmt
			if v := identVar(info, id); v != nil {
				if fs := r.counters[v]; fs != nil {
					loop = fs
				} else if rs := r.ranged[v]; rs != nil {
					if k, ok := rs.Key.(*ast.Ident); ok && info.Defs[k] == v {
						loop = rs // steps[i] for i := range steps
					}
				}
			}
			if loop != nil {
				t := unresolved("SQL is each element of %s", exprName(e.X))
				t.each = loop
				return t
			}
		}
		return unresolved("SQL comes from %T", e)
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return unresolved("%s expression", e.Op)
		}
		// The operands are smaller trees: no deeper through variables
		// or calls (a + b + c + d nests to the left).
		x := r.expr(e.X, at, max(depth, 1))
		if !x.OK {
			return partial(x)
		}
		y := r.expr(e.Y, at, max(depth, 1))
		if !y.OK {
			return after(x, y)
		}
		return cat(x, y)
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok {
			return unresolved("%s is not a variable", e.Name)
		}
		return r.variable(v, at, depth)
	case *ast.SelectorExpr:
		v, ok := info.Uses[e.Sel].(*types.Var)
		if ok && !v.IsField() {
			return r.variable(v, at, depth) // pkg.Var
		}
		if ok && r.field != nil {
			t := r.field(v, depth+1) // s.getSQL, assigned once from a constant
			if id, ok := ast.Unparen(e.X).(*ast.Ident); ok && !t.OK {
				if rs := r.ranged[identVar(info, id)]; rs != nil {
					t.each = rs // e.SQL of each entry e of a table
				}
			}
			return t
		}
		return unresolved("SQL comes from field %s", exprName(e))
	case *ast.CallExpr:
		if tv, ok := info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return r.expr(e.Args[0], at, depth+1) // string(b), []byte(s)
		}
		return r.call(e, 0, at, depth)
	}
	return unresolved("SQL comes from %T", e)
}

// literalPos finds the one string literal a constant expression came
// from, in this package, or NoPos.
func (r *resolver) literalPos(e ast.Expr) token.Pos {
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		return e.Pos()
	case *ast.Ident:
		c, ok := r.pass.TypesInfo.Uses[e].(*types.Const)
		if !ok || c.Pkg() != r.pass.Pkg {
			return token.NoPos
		}
		if v, ok := r.consts[c]; ok {
			return r.literalPos(v)
		}
	}
	return token.NoPos
}

// variable resolves a variable's value at position at.
func (r *resolver) variable(v *types.Var, at token.Pos, depth int) sqlText {
	if v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
		// Package-level: from its initializer if never reassigned, or
		// from a fact when it lives in another package.
		if v.Pkg() != r.pass.Pkg {
			var f SQLText
			if r.pass.ImportObjectFact(v, &f) {
				return sqlText{SQL: f.SQL, OK: true, Param: -1}
			}
			return unresolved("SQL comes from variable %s.%s", v.Pkg().Name(), v.Name())
		}
		if init, ok := r.pkgInit[v]; ok {
			return r.expr(init, token.NoPos, depth+1)
		}
		if _, ok := r.embeds[v]; ok {
			return r.embedFile(v, "")
		}
		return unresolved("SQL comes from reassigned variable %s", v.Name())
	}
	if fs := r.counters[v]; fs != nil && at.IsValid() && fs.Body.Pos() <= at && at < fs.Body.End() {
		// for i := 0; ...; i++: what its initializer says holds on
		// the first pass only.
		return unresolved("SQL varies with the loop's counter %s", v.Name())
	}
	writes := r.writes[v]
	if r.addressed[v] && !isBuilder(v.Type()) {
		// rows.Scan(&n), json.Unmarshal(b, &q): written out of sight.
		return unresolved("variable %s is written through a pointer", v.Name())
	}
	// The last unconditional definition or assignment before at is the
	// base — one in the declaring block, or in a block holding at itself:
	// `if inc { query = "UPDATE ..."; tx.Exec(query) }` runs the UPDATE,
	// whatever query held before the if —; conditional reassignments
	// after it must agree with it, and
	// appends (+=, builder writes) are all taken, in order, so that a
	// query built with optional filters is seen with every filter; those
	// under a condition are optional clauses, as a list's are (lists.go).
	declBlock, declLoops := r.decl[v], r.declLoops[v]
	if v == r.sym {
		declBlock, declLoops = r.symBody, 0 // the parameter tried by appender
	}
	base := -1
	for i, w := range writes {
		if at.IsValid() && w.pos >= at {
			break
		}
		_, param := r.params[v]
		holds := !param && at.IsValid() && w.block != nil && w.block.Pos() <= at && at < w.block.End()
		if w.tok == token.DEFINE || w.tok == token.VAR || (w.tok == token.ASSIGN && (w.block == declBlock || holds)) {
			base = i
		}
	}
	var out sqlText
	if base < 0 && v == r.sym {
		out = sqlText{SQL: paramMark, OK: true, Param: -1}
	} else if base < 0 {
		if idx, ok := r.params[v]; ok {
			// A parameter, not reassigned before at: a wrapper's argument.
			// query = db.Rebind(query) keeps it a pass-through.
			var last *assignment
			for i, w := range writes {
				if w.pos < at && w.tok == token.ASSIGN {
					last = &writes[i]
				}
			}
			if last != nil {
				if t := r.write(*last, at, depth); t.OK || t.Param == idx {
					return t
				}
				return unresolved("parameter %s is reassigned", v.Name())
			}
			return sqlText{Why: fmt.Sprintf("SQL is parameter %s", v.Name()), Param: idx, pvar: v}
		}
		if isBuilder(v.Type()) {
			out = sqlText{OK: true, Param: -1} // a zero builder
			base = -1
		} else if len(writes) == 0 {
			if rs := r.ranged[v]; rs != nil {
				return r.rangeElem(v, rs, depth, func(e ast.Expr) sqlText { return r.expr(e, e.Pos(), depth+1) })
			}
			return unresolved("variable %s has no visible value", v.Name())
		} else {
			return unresolved("variable %s is only assigned conditionally", v.Name())
		}
	} else {
		out = r.write(writes[base], at, depth)
		if !out.OK && strings.HasPrefix(out.head, paramMark) {
			// The parameter appender tries, with text not known
			// appended: it must still start every value assigned after.
			for _, w := range writes[base+1:] {
				if at.IsValid() && w.pos >= at {
					break
				}
				if w.tok != token.ASSIGN && w.tok != token.DEFINE {
					continue // appended to
				}
				alt := r.write(w, at, depth)
				text := alt.head
				if alt.OK {
					text = alt.SQL
				}
				if !strings.HasPrefix(text, paramMark) {
					return unresolved("variable %s holds different SQL on different paths", v.Name())
				}
			}
			return out
		}
		if !out.OK {
			if len(out.alts) > 0 && slices.ContainsFunc(writes[base+1:], func(w assignment) bool { return !at.IsValid() || w.pos < at }) {
				return partial(out) // one statement or another, then changed
			}
			return out
		}
	}
	differ := fmt.Sprintf("variable %s holds different SQL on different paths", v.Name())
	// alts are the statements assigned under conditions, besides out's:
	// q := a; if x { q = b } runs a or b.
	var alts []sqlText
	// varied is, when the parameter appender tries had unknown text
	// appended under a condition (q = q + cond), the text before it,
	// which every path starts with.
	var varied *string
	for _, w := range writes[base+1:] {
		if at.IsValid() && w.pos >= at {
			break
		}
		switch w.tok {
		case token.ASSIGN, token.DEFINE:
			alt := r.write(w, at, depth)
			if alt.OK && alt.SQL == out.SQL {
				continue
			}
			if !alt.OK && strings.HasPrefix(out.SQL, paramMark) && strings.HasPrefix(alt.head, out.SQL) && w.block != declBlock && w.loops <= declLoops {
				if varied == nil {
					must := out.mustSQL()
					varied = &must
				}
				continue
			}
			if alt.OK && len(alts) == 0 && strings.TrimSpace(out.SQL) != "" && strings.HasPrefix(alt.SQL, out.SQL) && w.block != declBlock && w.loops <= declLoops {
				// query = fmt.Sprintf("%s LIMIT %d", query, n) under a
				// condition: the text it held, and a clause only some
				// executions add (see list).
				out.must, out.opt = out.mustSQL(), true
				out.SQL = alt.SQL
				out.Lit, out.Param, out.Block = token.NoPos, -1, nil
				continue
			}
			if !constantText(alt) || !constantText(out) {
				return unresolved("%s", differ)
			}
			alts = append(alts, alt)
		case token.ADD_ASSIGN, token.ILLEGAL:
			if len(alts) > 0 {
				return unresolved("%s", differ) // appended to one statement or another
			}
			if w.loops > declLoops {
				// Appended once per iteration: a list built item by
				// item ("$1, $2, ..."), not one piece of text.
				return unresolved("variable %s is built in a loop", v.Name())
			}
			more := r.write(w, at, depth)
			if !more.OK {
				return after(out, more)
			}
			if w.block != declBlock {
				// Under a condition: a clause only some executions
				// send (see list).
				more.opt, more.must = true, ""
			}
			c := cat(out, more)
			out.SQL, out.opt, out.must = c.SQL, c.opt, c.must
			out.Lit, out.Param, out.Block = token.NoPos, -1, nil
		}
	}
	if len(alts) > 0 {
		return oneOf(differ, append([]sqlText{out}, alts...))
	}
	if varied != nil {
		t := unresolved("%s", differ)
		t.head, t.whole = *varied, true
		return t
	}
	return out
}

// write evaluates the value one assignment contributes.
func (r *resolver) write(w assignment, at token.Pos, depth int) sqlText {
	if w.call != nil { // builder write
		args := w.call.Args
		fn, _ := typeutil.Callee(r.pass.TypesInfo, w.call).(*types.Func)
		if fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "fmt" {
			// fmt.Fprintf(&b, format, args...) is Sprintf into b.
			if strings.HasSuffix(fn.Name(), "f") {
				return r.sprintf(args[1:], at, depth)
			}
			return r.concat(args[1:], at, depth)
		}
		if len(args) != 1 {
			return unresolved("builder write")
		}
		return r.expr(args[0], at, depth+1)
	}
	if w.rhs == nil {
		return sqlText{OK: true, Param: -1} // var s string
	}
	if w.index >= 0 {
		call, ok := ast.Unparen(w.rhs).(*ast.CallExpr)
		if !ok {
			return unresolved("multi-value assignment")
		}
		// Its arguments as they are where it is called (q, args =
		// f(q, args...) reads q before).
		return r.call(call, w.index, w.pos, depth)
	}
	return r.expr(w.rhs, w.pos, depth+1)
}

func (r *resolver) concat(args []ast.Expr, at token.Pos, depth int) sqlText {
	out := sqlText{OK: true, Param: -1}
	for _, a := range args {
		t := r.expr(a, at, depth+1)
		if !t.OK && isInteger(r.pass.TypesInfo.TypeOf(a)) {
			t = number // fmt.Sprint(n)
		}
		if !t.OK {
			return partial(t)
		}
		out = cat(out, t)
	}
	return out
}

// call resolves result number index of a call.
func (r *resolver) call(call *ast.CallExpr, index int, at token.Pos, depth int) sqlText {
	info := r.pass.TypesInfo
	fn := r.callee(call)
	if fn == nil {
		return unresolved("SQL comes from a dynamic call")
	}
	// h.Rebind(q) on a store's own Handler that *sqlx.DB and *sqlx.Tx
	// implement: what sqlx's Rebind does.
	name := r.handleName(fn, call)
	if (fn.Name() == "ToSql" || fn.Name() == "ToSQL" && dbapi.ORMChain(fn) == "goqu") && index == 0 && r.built != nil {
		return r.built(call, at)
	}
	// A model's TableName method of another package (pop's
	// TableNameAble, gorm's Tabler) returns the constant its fact holds
	// (a method of this package is read below, as any function).
	if f := new(TableName); index == 0 && fn.Name() == "TableName" && fn.Pkg() != r.pass.Pkg && r.pass.ImportObjectFact(fn, f) {
		return sqlText{SQL: f.Name, OK: true, Param: -1}
	}
	arg := func(i int) sqlText {
		if i >= len(call.Args) {
			return unresolved("missing argument")
		}
		return r.expr(call.Args[i], at, depth+1)
	}
	if x, ok := r.reformats(fn, call); ok && index == 0 {
		return r.expr(x, at, depth+1) // the statement, its whitespace changed (reformat.go)
	}
	if i, ok := keepsText[name]; ok && index == 0 {
		return arg(i)
	}
	switch name {
	case "fmt.Sprintf":
		if index == 0 {
			return r.sprintf(call.Args, at, depth)
		}
	case "fmt.Sprint":
		if index == 0 {
			return r.concat(call.Args, at, depth)
		}
	case "strings.Join":
		if index == 0 && len(call.Args) == 2 {
			return r.join(call.Args[0], call.Args[1], at, depth)
		}
	case "strconv.Itoa", "strconv.FormatInt", "strconv.FormatUint":
		if t := arg(0); t.OK {
			return t // of a constant
		}
		return number
	case "strings.Replace", "strings.ReplaceAll":
		if index == 0 {
			return r.replace(call, at, depth)
		}
	case "(embed.FS).ReadFile":
		if index == 0 {
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok && len(call.Args) == 1 {
				return r.embedRead(sel.X, call.Args[0], at, depth)
			}
		}
	case "io/fs.ReadFile":
		if index == 0 && len(call.Args) == 2 {
			return r.embedRead(call.Args[0], call.Args[1], at, depth)
		}
	case "(*strings.Builder).String", "(*bytes.Buffer).String":
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			break
		}
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok {
				return r.variable(v, call.Pos(), depth+1)
			}
		}
	case "github.com/lib/pq.CopyIn", "github.com/lib/pq.CopyInSchema",
		"github.com/microsoft/go-mssqldb.CopyIn", "github.com/denisenkom/go-mssqldb.CopyIn":
		if index == 0 {
			t := unresolved("SQL is a bulk copy (%s)", fn.Name())
			t.copy = true
			return t
		}
	case "(" + dotsqlPath + ".DotSql).Raw":
		if index == 0 && len(call.Args) == 1 {
			return r.named(call.Args[0], at, depth) // dot.Raw("get-user")
		}
	}
	// A dialect translation, of this package or (through its Rewrites
	// fact) of another: the statement as written.
	if p := r.rewriter(fn); p >= 0 && index == 0 {
		return arg(p)
	}
	// A function that appends to the SQL it is given, of this package
	// or (through its Appends fact) of another: the statement given,
	// with what every path appends when that is constant.
	if a := r.appender(fn); a != nil && index == 0 && !methodExpr(info, call) {
		return r.appended(fn, a, arg(a.Param))
	}
	// A function of this package that returns a constant SQL text, or
	// the SQL of the builder it is given (a toSQL helper: the text of
	// the builder the call passes).
	if decl := r.funcs[fn.Origin()]; decl != nil && decl.Body != nil && index == 0 {
		rets := successReturns(fn.Origin(), decl.Body)
		if len(rets) > 1 {
			// A statement per case (func (m) schema(driver string)
			// string): one of them, when each is constant.
			ts := make([]sqlText, len(rets))
			for i, ret := range rets {
				if ts[i] = r.expr(ret.Results[0], ret.Pos(), depth+1); !constantText(ts[i]) {
					return unresolved("SQL comes from a call to %s", fn.Name())
				}
				ts[i].Lit = token.NoPos
			}
			return oneOf(fmt.Sprintf("SQL comes from a call to %s, which returns different SQL on different paths", fn.Name()), ts)
		}
		if len(rets) == 1 {
			t := r.expr(rets[0].Results[0], rets[0].Pos(), depth+1)
			if t.OK {
				t.Lit = token.NoPos
				return t
			}
			sig := fn.Type().(*types.Signature)
			if t.paramOf(sig) && isSqlizer(t.pvar.Type()) && r.builtArg != nil && t.Param < len(call.Args) && !methodExpr(info, call) {
				return r.builtArg(call.Args[t.Param], at)
			}
		}
	}
	return unresolved("SQL comes from a call to %s", fn.Name())
}

// keepsText are the library functions whose first result is the text of
// one of their arguments (by index) with the statement unchanged.
var keepsText = map[string]int{
	"strings.TrimSpace": 0, "strings.ToLower": 0, "strings.ToUpper": 0,
	// Placeholders renumbered or renamed (? to {:p0}), names quoted:
	// the statement as written, as a rewriter (below) keeps it.
	"(*regexp.Regexp).ReplaceAllString": 0, "(*regexp.Regexp).ReplaceAllLiteralString": 0, "(*regexp.Regexp).ReplaceAllStringFunc": 0,
	// sqlx rewrites placeholders but keeps the statement: In expands
	// `IN (?)` for a slice, Rebind, Named and BindNamed change bind
	// syntax (the parser numbers :name and ? as they do).
	"github.com/jmoiron/sqlx.In": 0, "github.com/jmoiron/sqlx.Named": 0,
	"(*github.com/jmoiron/sqlx.DB).Rebind": 0, "(*github.com/jmoiron/sqlx.Tx).Rebind": 0,
	"(*github.com/jmoiron/sqlx.DB).BindNamed": 0, "(*github.com/jmoiron/sqlx.Tx).BindNamed": 0,
	"github.com/jmoiron/sqlx.Rebind": 1, "github.com/jmoiron/sqlx.BindNamed": 1,
}

// successReturns are the return statements of a function's body that
// give its first result: those that do not fail (when its last result
// is an error, a return of a nil error; a return of something else
// gives a zero value with its error), all of them when none says so.
func successReturns(fn *types.Func, body *ast.BlockStmt) []*ast.ReturnStmt {
	res := fn.Type().(*types.Signature).Results()
	var all, ok []*ast.ReturnStmt
	ast.Inspect(body, func(n ast.Node) bool {
		if _, lit := n.(*ast.FuncLit); lit {
			return false
		}
		rs, isRet := n.(*ast.ReturnStmt)
		if !isRet {
			return true
		}
		if len(rs.Results) == 0 || res.Len() > 1 && len(rs.Results) != res.Len() {
			all = append(all, nil) // a bare return, or return f(): not followed
			return true
		}
		all = append(all, rs)
		last := rs.Results[len(rs.Results)-1]
		if id, isID := ast.Unparen(last).(*ast.Ident); res.Len() < 2 || !types.Identical(res.At(res.Len()-1).Type(), types.Universe.Lookup("error").Type()) || isID && id.Name == "nil" {
			ok = append(ok, rs)
		}
		return true
	})
	if slices.Contains(all, nil) {
		return nil
	}
	if len(ok) == 0 {
		return all
	}
	return ok
}

// methodExpr reports whether call calls a method expression (T.M(recv,
// args...)), whose arguments start with the receiver.
func methodExpr(info *types.Info, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s := info.Selections[sel]
	return s != nil && s.Kind() == types.MethodExpr
}

// rewriter returns the parameter that fn rewrites and returns — a
// dialect translation such as
//
//	func (f flavor) translate(query string) string {
//		for _, r := range f.queryReplacers {
//			query = r.re.ReplaceAllString(query, r.with)
//		}
//		return query
//	}
//
//	func (c *Context) Bind(sql string) string {
//		bindParam := sqlx.QUESTION
//		if c.postgres { bindParam = sqlx.DOLLAR }
//		return sqlx.Rebind(bindParam, sql)
//	}
//
// — or -1. A function of another package is one when its Rewrites fact
// says so. Of this package: every return gives back the parameter, or
// passes it to another rewriter or to a library function that keeps the
// statement (keepsText: sqlx's Rebind) and returns what that gives; the
// parameter is only reassigned from such calls, from calls of a library
// (not fmt's) it is an argument of, or from a builder written only while
// ranging over it (placeholders renumbered character by character):
// whatever the rewriting does at run time (placeholders, quoting for
// another database), the statement is the one written. A function that
// appends to it or builds anything else is no rewriter, nor one whose
// other string parameters go into the text. Of several string
// parameters, the one rewritten must be the only one that qualifies.
func (r *resolver) rewriter(fn *types.Func) int {
	fn = fn.Origin()
	if p, ok := r.rewriters[fn]; ok {
		return p
	}
	r.rewriters[fn] = -1
	if fn.Pkg() != r.pass.Pkg {
		var f Rewrites
		if fn.Pkg() != nil && r.pass.ImportObjectFact(fn, &f) {
			r.rewriters[fn] = f.Param
		}
		return r.rewriters[fn]
	}
	decl := r.funcs[fn]
	sig := fn.Type().(*types.Signature)
	if decl == nil || decl.Body == nil || sig.Results().Len() != 1 || !isString(sig.Results().At(0).Type()) {
		return -1
	}
	var strs []*types.Var
	for i := 0; i < sig.Params().Len(); i++ {
		if v := sig.Params().At(i); isString(v.Type()) {
			strs = append(strs, v)
		}
	}
	p := -1
	for i := 0; i < sig.Params().Len(); i++ {
		if v := sig.Params().At(i); slices.Contains(strs, v) && r.rewrites(fn, decl, v, strs) {
			if p >= 0 {
				return -1 // two strings that qualify: which one is the SQL is not known
			}
			p = i
		}
	}
	r.rewriters[fn] = p
	return p
}

// rewrites reports whether fn gives back parameter v rewritten, as
// rewriter says; strs are its string parameters.
func (r *resolver) rewrites(fn *types.Func, decl *ast.FuncDecl, v *types.Var, strs []*types.Var) bool {
	info := r.pass.TypesInfo
	if r.addressed[v] {
		return false
	}
	isV := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == v
	}
	// other reports whether e mentions another string parameter.
	other := func(e ast.Node) bool {
		found := false
		ast.Inspect(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if u, ok := info.Uses[id].(*types.Var); ok && u != v && slices.Contains(strs, u) {
					found = true
				}
			}
			return !found
		})
		return found
	}
	// kept reports whether call gives back v's statement: a rewriter's
	// result, or a library's that keeps it (with no other string
	// parameter among the arguments that go into its text).
	kept := func(call *ast.CallExpr) bool {
		g := r.callee(call)
		if g == nil || g.Origin() == fn || methodExpr(info, call) {
			return false
		}
		if k := r.rewriter(g); k >= 0 {
			return k < len(call.Args) && isV(call.Args[k])
		}
		k, ok := keepsText[r.handleName(g, call)]
		if !ok || k >= len(call.Args) || !isV(call.Args[k]) {
			return false
		}
		for i, a := range call.Args {
			if i != k && other(a) {
				return false
			}
		}
		return true
	}
	for _, w := range r.writes[v] {
		call, ok := ast.Unparen(w.rhs).(*ast.CallExpr)
		if w.tok != token.ASSIGN || !ok {
			return false
		}
		if kept(call) || len(strs) == 1 && r.rangedBuilder(call, isV, decl.Body) {
			continue
		}
		// A library's call on the text (a strings.Replacer's Replace):
		// not fmt's, which builds text around it; not a function of
		// this package, which is a rewriter (kept) or is not.
		g := r.callee(call)
		if g == nil || g.Pkg() == r.pass.Pkg || g.Pkg() != nil && g.Pkg().Path() == "fmt" || !slices.ContainsFunc(call.Args, isV) || other(call) {
			return false
		}
	}
	ok := true
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) != 1 {
				ok = false // a bare return of a named result
				break
			}
			if call, isCall := ast.Unparen(n.Results[0]).(*ast.CallExpr); isCall {
				// return translate(query, dialect), return
				// sqlx.Rebind(bindType, query): what keeps the statement.
				ok = ok && kept(call)
				break
			}
			ok = ok && isV(n.Results[0])
		}
		return ok
	})
	return ok
}

// handleName is the full name of fn called by call, or of the known
// database handle's method it stands for (see handleMethod).
func (r *resolver) handleName(fn *types.Func, call *ast.CallExpr) string {
	if r.handleMethod != nil {
		var recv types.Type
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if s, ok := r.pass.TypesInfo.Selections[sel]; ok && s.Kind() == types.MethodVal {
				recv = s.Recv()
			}
		}
		if m := r.handleMethod(fn, recv); m != nil {
			return m.FullName()
		}
	}
	return fn.FullName()
}

// rangedBuilder reports whether call is b.String() of a local builder
// written only inside range loops over the parameter isV matches:
//
//	for _, c := range query {
//		if c == '?' { b.WriteString("$" + strconv.Itoa(n)); n++ } else { b.WriteRune(c) }
//	}
//	query = b.String()
//
// rewrites the text character by character, keeping the statement.
func (r *resolver) rangedBuilder(call *ast.CallExpr, isV func(ast.Expr) bool, body *ast.BlockStmt) bool {
	fn := r.callee(call)
	if fn == nil || fn.Name() != "String" {
		return false
	}
	if recv := fn.Type().(*types.Signature).Recv(); recv == nil || !isBuilder(recv.Type()) {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return false
	}
	b := identVar(r.pass.TypesInfo, id)
	if b == nil || r.addressed[b] {
		return false
	}
	var ranges []*ast.RangeStmt
	ast.Inspect(body, func(n ast.Node) bool {
		if rs, ok := n.(*ast.RangeStmt); ok && isV(rs.X) {
			ranges = append(ranges, rs)
		}
		return true
	})
	for _, w := range r.writes[b] {
		switch {
		case (w.tok == token.DEFINE || w.tok == token.VAR) && w.rhs == nil:
			continue // var b strings.Builder
		case w.tok == token.ILLEGAL && slices.ContainsFunc(ranges, func(rs *ast.RangeStmt) bool {
			return rs.Body.Pos() <= w.pos && w.pos < rs.Body.End()
		}):
			continue // a write while ranging over the text
		}
		return false
	}
	return len(ranges) > 0
}

// sprintf evaluates fmt.Sprintf(format, args...) with a constant format.
// Arguments that resolve are substituted; the others become parameters
// ($n after the text's own, or ? in text written with ?; see number),
// so the text still parses where a value stands (`LIMIT %d`, `IN (%s)`).
func (r *resolver) sprintf(args []ast.Expr, at token.Pos, depth int) sqlText {
	if len(args) == 0 {
		return unresolved("Sprintf without format")
	}
	format := r.expr(args[0], at, depth+1)
	if !format.OK || strings.Contains(format.SQL, paramMark) {
		// Not constant; or a parameter appender tries, whose verbs
		// (not known) take the arguments.
		return unresolved("Sprintf format is not constant")
	}
	rest := args[1:]
	next := 0 // the argument the next verb takes
	var b strings.Builder
	// must is the text without the optional clauses of the arguments
	// (see list), built alongside.
	var must strings.Builder
	opt := false
	f := format.SQL
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c != '%' {
			b.WriteByte(c)
			must.WriteByte(c)
			continue
		}
		// Skip flags, width and precision up to the verb.
		j := i + 1
		for j < len(f) && strings.IndexByte("+-# 0123456789.", f[j]) >= 0 {
			j++
		}
		if j >= len(f) {
			b.WriteString(f[i:])
			must.WriteString(f[i:])
			break
		}
		verb := f[j]
		i = j
		if verb == '%' {
			b.WriteByte('%')
			must.WriteByte('%')
			continue
		}
		if verb == '[' {
			// %[n]s: argument n, and those after it next.
			end := strings.IndexByte(f[j:], ']')
			n, err := strconv.Atoi(f[j+1 : j+max(end, 1)])
			if end < 0 || err != nil || n < 1 || j+end+1 >= len(f) {
				return unresolved("Sprintf with a malformed argument index")
			}
			next, j = n-1, j+end+1
			verb, i = f[j], j
		}
		var val sqlText
		var arg ast.Expr
		if next < len(rest) {
			arg = rest[next]
			val = r.expr(arg, at, depth+1)
			next++
		}
		item := false
		if !val.OK && arg != nil {
			// What a loop's item gives the text: where it lands is
			// known once the statement is whole (see itemNames).
			if loop := r.itemLoop(arg, map[*types.Var]bool{}, depth); loop != nil {
				val, item = r.itemPiece(loop, isNumber(r.pass.TypesInfo.TypeOf(arg))), true
			}
		}
		switch {
		case val.OK && verb == 'q' && !item:
			b.WriteString(strconv.Quote(val.SQL))
			must.WriteString(strconv.Quote(val.mustSQL()))
		case val.OK:
			b.WriteString(val.SQL)
			must.WriteString(val.mustSQL())
		case r.sym != nil && arg != nil && !isNumber(r.pass.TypesInfo.TypeOf(arg)):
			// A string not known, while appender reads a function: it
			// may be a keyword ("WHERE" or "AND"), a column, not a
			// value; the text is known up to it, unless the parameter
			// tried comes again after it (quote + s + quote).
			t := unresolved("Sprintf of a string not known")
			if !slices.ContainsFunc(rest[next:], r.mentionsSym) {
				t.head = b.String()
			}
			return t
		default:
			// A value, or the number of a placeholder ("$%d"), numbered
			// with the outermost text, in its placeholder style (see
			// number).
			b.WriteString(numberMark)
			must.WriteString(numberMark)
		}
		opt = opt || val.opt
	}
	out := sqlText{SQL: b.String(), OK: true, Param: -1}
	if opt {
		out.opt, out.must = true, must.String()
	}
	return out
}

// maxPlaceholder is the largest $n in s (0 when none).
func maxPlaceholder(s string) int {
	max := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '$' {
			continue
		}
		j := i + 1
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if n, err := strconv.Atoi(s[i+1 : j]); err == nil && n > max {
			max = n
		}
	}
	return max
}
