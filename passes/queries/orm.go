package queries

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/internal/dbapi"
	"github.com/sqlheat/sqlheat/internal/ormmodel"
	"github.com/sqlheat/sqlheat/internal/sqlparse"
)

// ORM chains (gorm's db.Where(...).Order(...).Find(&users), bun's
// db.NewSelect().Model(&users).Where(...).Scan(ctx)) send SQL that the
// program never writes whole. To check it like any other query, the pass
// rebuilds the statement the ORM sends, roughly: the table from the
// model's type (its TableName method, or the ORM's naming), the
// conditions from the Where fragments, which are SQL expressions and are
// parsed as such, the order, limit, joins; then parses it. Preload (gorm)
// and a has-many Relation (bun) are queries of their own, appended to the
// site's statements.
//
// The chain is followed through the receivers of the finisher, and
// through a local variable the chain was stored in and added to
// (q := db.Model(&x); if f { q = q.Where(...) }; q.Find(&out)): every
// addition before the finisher is taken, as the resolver takes every
// optional filter of a query built by concatenation. What cannot be
// followed — a chain handed in by the caller without a model, conditions
// from a struct variable, Scopes — leaves the site unresolved, with the
// reason, rather than guessed: a condition not seen may be the one an
// index serves.

// ormStep is one call of a chain.
type ormStep struct {
	call *ast.CallExpr
	fn   *types.Func
	// opt says only some executions make the call: it is under a
	// condition (or in a loop) its chain's variable is not, or in one of
	// several returns of a helper (see inlineCall). Query builders write
	// the statement without it too (ormChain.must).
	opt bool
	// adds is what a call of a builder helper adds (see builderHelper):
	// a step standing for the helper's own calls.
	adds *BuilderAdds
}

func (s ormStep) name() string { return s.fn.Name() }

// ormChain is the statement a chain builds, as far as it is known.
type ormChain struct {
	lib   string
	model *ormmodel.Model
	// table is the FROM text when the chain names it (Table, TableExpr),
	// "" to take the model's.
	table string
	// extra are bun's tables beside the model's (Table, TableExpr).
	extra []string
	alias string // bun: the model's alias, as fragments write it
	conds []ormCond
	joins []string
	order []string
	group []string
	// having, columns, set and values are SQL fragments, bound.
	having    []string
	columns   []string
	set       []string
	distinct  bool
	limit     string
	offset    string
	unscoped  bool   // gorm Unscoped, bun WhereAllWithDeleted
	v1        bool   // gorm v1 (github.com/jinzhu/gorm): its models are read as v1 reads them
	generic   bool   // gorm's generic API: the model is G's type argument, the finishers take a context first
	deleted   bool   // bun WhereDeleted
	force     bool   // bun ForceDelete
	suffix    string // bun On("CONFLICT ..."), For("UPDATE")
	returning string
	preloads  []ormPreload
	// eager is pop's Eager or EagerPreload: the associations named
	// (eagerFields, all when none; eagerAny when chosen at run time)
	// are loaded after the statement, by EagerPreload in one query each.
	eager, eagerAny, eagerPreload bool
	eagerFields                   []string
	// perRow names what the finisher loads with one query per row it
	// reads (see Site.PerRow).
	perRow string
	// orElse is the statement the finisher sends instead on other
	// runs, when the code does not say which (Save of a value whose key
	// may be set or zero: an update or an insert).
	orElse string
	// create index / create table
	index       []string
	indexName   string
	unique      bool
	ifNotExists bool
	using       string
	where       []string // CREATE INDEX ... WHERE
	// Query builders (squirrel, dbx): the command, rows of inserted
	// values, and text before the statement (a WITH clause).
	cmd    string
	values []string
	prefix string
	// param names the parameter the chain starts from, when it does:
	// its model and conditions are the caller's.
	param string
	// dynamic is a model argument whose type is no struct (an interface
	// value): the table is chosen at run time.
	dynamic string
	// pkVar is set when a write's model is a value that has its primary
	// key (Save(&u), Model(&u).Update(...)): gorm adds `pk = ?`.
	pkVar bool
	n     int // placeholders written

	// must builds, of a query builder's chain, the statement every
	// execution sends: without the optional steps and map keys, which
	// sawOpt says were met (see builderSQL).
	must, sawOpt bool
	// at is the position of the call being applied: conditions held in
	// variables are read as they are there.
	at token.Pos
	// helper is the builder helper whose additions the chain records
	// (see builderHelper): values are written `?`, bound again at each
	// call, and the table may be its parameter tableParam.
	helper     *ast.FuncDecl
	tableParam int
	// partial names the parts of a builder's statement standing as
	// parameters because only run time knows them (goqu's columns of a
	// struct handed in as any): see Site.Partial.
	partial []string
}

// ormCond is one condition of a chain, with how it joins those before.
type ormCond struct {
	op  string // "AND", "OR", "AND NOT"
	sql string
}

// ormPreload is a relation loaded by a query of its own.
type ormPreload struct {
	path  string
	conds []ormCond
}

// ormSQL rebuilds the SQL of the chain a finisher call ends.
func (a *analyzer) ormSQL(s *Site) sqlText {
	sel, ok := ast.Unparen(s.Call.Fun).(*ast.SelectorExpr)
	if !ok || s.Method == nil {
		return unresolved(whyORM)
	}
	lib := s.Method.Library()
	switch lib {
	case "squirrel", "dbx":
		return a.builderSQL(lib, sel.X, s.Call.Pos())
	case "goqu":
		return a.goquSQL(s, sel) // see orm_goqu.go
	case "gorp":
		// Insert(&row), Get(T{}, id): no chain, the table mapped to the
		// row's type (see orm_gorp.go).
		return a.gorpSQL(s)
	case "xorm":
		return a.xormSQL(s, sel) // see orm_xorm.go
	case "ent":
		return a.entSQL(s, sel) // see orm_ent.go
	case "beego":
		return a.beegoSQL(s, sel) // see orm_beego.go
	case "gdb":
		return a.gdbSQL(s, sel) // see orm_gdb.go
	case "pocketbase":
		t := unresolved("pocketbase %s: pocketbase builds the statement from the collection's schema at run time", s.Method.Name)
		t.many = s.Method.Name == "FindRecordsByIds" || s.Method.Name == "ExpandRecords" // a list in one statement
		return t
	}
	steps, param, why := a.ormSteps(sel.X, s.Call.Pos(), 0)
	// Whether the chain writes a slice is known from its calls, even
	// when its SQL is not (a model handed in as a parameter).
	many := a.ormMany(s, steps)
	fail := func(format string, args ...any) sqlText {
		t := unresolved(format, args...)
		t.many = many
		return t
	}
	if why != "" {
		return fail("%s chain: %s", lib, why)
	}
	if t, ok := a.rawStep(steps); ok {
		t.many = many
		return t // q := db.Raw(query, args...); q.Scan(&rows)
	}
	c := &ormChain{lib: lib, param: param, v1: s.Method.Pkg == dbapi.GormV1}
	for _, st := range steps {
		if why := a.ormStep(c, st); why != "" {
			return fail("%s chain: %s", lib, why)
		}
	}
	var text string
	switch lib {
	case "bun":
		text, why = a.bunFinish(c, s)
	case "pop":
		text, why = a.popFinish(c, s)
	default:
		text, why = a.gormFinish(c, s)
	}
	if why != "" {
		return fail("%s %s: %s", lib, s.Method.Name, why)
	}
	t := sqlText{SQL: text, OK: true, Param: -1, many: many, perRow: c.perRow}
	if c.orElse != "" {
		return oneOf(fmt.Sprintf("%s %s sends one statement or the other", lib, s.Method.Name), []sqlText{t, {SQL: c.orElse, OK: true, Param: -1}})
	}
	return t
}

// rawStep is the SQL of a chain that starts from raw SQL (gorm's Raw,
// bun's NewRaw) held in a variable, the calls after it saying only how
// it is sent: what ormRaw reads when the chain is written in one
// expression. ok is false for a chain without one, or adding to it.
func (a *analyzer) rawStep(steps []ormStep) (sqlText, bool) {
	for i, st := range steps {
		m := dbapi.Lookup(st.fn)
		if m == nil || m.Role != dbapi.Builder || m.SQLArg < 0 || m.SQLArg >= len(st.call.Args) {
			continue
		}
		for _, after := range steps[i+1:] {
			if !sessionStep(after.fn) {
				return sqlText{}, false
			}
		}
		return a.r.resolve(st.call.Args[m.SQLArg], st.call.Pos()), true
	}
	return sqlText{}, false
}

// ormCmd is the command an ORM's finisher sends, "" when it may send
// several (gorm's Save inserts or updates, FirstOrCreate reads first).
func ormCmd(m *dbapi.Method) string {
	switch m.Recv {
	case "SelectQuery":
		return "SELECT"
	case "InsertQuery":
		return "INSERT"
	case "UpdateQuery":
		return "UPDATE"
	case "DeleteQuery":
		return "DELETE"
	}
	switch m.Library() {
	case "gorm":
	case "gorp":
		if m.Name == "Get" {
			return "SELECT"
		}
	case "gdb":
		switch m.Name {
		case "Insert", "InsertAndGetId", "InsertIgnore", "BatchInsert":
			return "INSERT"
		case "Update", "UpdateAndGetAffected", "Increment", "Decrement":
			return "UPDATE"
		case "Delete":
			return "DELETE"
		case "Replace", "Save", "BatchReplace", "BatchSave":
			return "" // an insert or an update
		}
		if m.Recv == "Model" {
			return "SELECT"
		}
		return ""
	case "xorm":
		switch m.Name {
		case "Get", "Find", "Count", "Exist", "Iterate", "Rows", "FindAndCount", "Sum", "Sums", "SumInt", "SumsInt":
			return "SELECT"
		case "InsertOne", "InsertMulti":
			return "INSERT"
		case "Sync", "Sync2", "CreateTables", "CreateIndexes", "CreateUniques":
			return ""
		}
	default:
		return ""
	}
	switch m.Name {
	case "Create", "CreateInBatches", "Insert":
		return "INSERT"
	case "Update", "Updates", "UpdateColumn", "UpdateColumns":
		return "UPDATE"
	case "Delete":
		return "DELETE"
	case "Find", "First", "Last", "Take", "Scan", "Count", "Pluck", "FindInBatches":
		return "SELECT"
	}
	return ""
}

// ormMany reports whether a chain writes a whole slice in one statement:
// gorm's Create, Save or Delete of a slice and CreateInBatches, bun's
// insert, update or delete of a slice model, or bun's VALUES list of a
// slice (With("_data", db.NewValues(&rows))). The SQL rebuilt for one
// row cannot say so; advice to write all rows at once must not be given
// to a call that already does.
func (a *analyzer) ormMany(s *Site, steps []ormStep) bool {
	info := a.pass.TypesInfo
	slice := func(e ast.Expr) bool {
		t := info.TypeOf(e)
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		return t != nil && isList(t)
	}
	switch s.Method.Library() {
	case "gorm":
		if s.Method.Pkg == dbapi.GormV1 {
			return false // v1 writes one row per Create, Save or Delete
		}
		switch s.Method.Name {
		case "CreateInBatches":
			return true
		case "Create", "Save", "Delete":
			return len(s.Call.Args) > 0 && slice(s.Call.Args[0])
		}
	case "bun":
		write := s.Method.Recv == "InsertQuery" || s.Method.Recv == "UpdateQuery" || s.Method.Recv == "DeleteQuery"
		for _, st := range steps {
			switch {
			case st.name() == "Model" && write && len(st.call.Args) > 0 && slice(st.call.Args[0]):
				return true
			case st.name() == "With" && len(st.call.Args) > 1:
				if call, ok := ast.Unparen(st.call.Args[1]).(*ast.CallExpr); ok {
					if fn, _ := typeutil.Callee(info, call).(*types.Func); fn != nil && fn.Name() == "NewValues" && len(call.Args) > 0 && slice(call.Args[0]) {
						return true
					}
				}
			}
		}
	}
	return false
}

// noModel says why a chain's table is unknown.
func (c *ormChain) noModel() string {
	switch {
	case c.dynamic != "":
		return fmt.Sprintf("model %s is chosen at run time", c.dynamic)
	case c.param != "":
		return fmt.Sprintf("chain starts at parameter %s: its model is the caller's", c.param)
	}
	return "no model or table"
}

// ormSteps returns the calls of the chain x ends with, first call
// first, following a local variable to the chain stored in it and the
// additions made to it before at. param is the parameter the chain
// starts from, if it does.
func (a *analyzer) ormSteps(x ast.Expr, at token.Pos, depth int) (steps []ormStep, param, why string) {
	if depth > maxDepth {
		return nil, "", "chain too deep"
	}
	info := a.pass.TypesInfo
	for {
		switch e := ast.Unparen(x).(type) {
		case *ast.CallExpr:
			fn, _ := typeutil.Callee(info, e).(*types.Func)
			sel, isSel := ast.Unparen(e.Fun).(*ast.SelectorExpr)
			if dbapi.ORMChain(fn) != "" && isSel {
				steps = append([]ormStep{{call: e, fn: fn}}, steps...)
				if dbapi.ORMStart(fn) && dbapi.ORMType(info.TypeOf(sel.X)) == "" {
					return steps, "", "" // bun's db.NewSelect(), sq.Select(...): the statement starts here
				}
				x = sel.X
				continue
			}
			if !isSel && dbapi.ORMStart(fn) && fn.Type().(*types.Signature).Recv() == nil {
				return append([]ormStep{{call: e, fn: fn}}, steps...), "", "" // Select(...) of a dot-imported squirrel
			}
			if dbapi.IsPopHandle(info.TypeOf(e)) {
				return steps, "", "" // p.Connection(ctx): pop's statement starts at the handle
			}
			// A builder helper, of this package or another: what it
			// starts, or adds to the chain it is given.
			if adds, why, ok := a.builderHelper(fn); ok {
				if why != "" {
					return nil, "", fmt.Sprintf("%s (in %s)", why, fn.Name())
				}
				st := ormStep{call: e, fn: fn, adds: adds}
				if adds.Param < 0 {
					return append([]ormStep{st}, steps...), "", ""
				}
				if adds.Param >= len(e.Args) {
					return nil, "", fmt.Sprintf("a call to %s without its builder", fn.Name())
				}
				base, p, why := a.ormSteps(e.Args[adds.Param], at, depth+1)
				if why != "" {
					return nil, "", why
				}
				return append(append(base, st), steps...), p, ""
			}
			if a.gdbModelOf(fn) != "" {
				return append([]ormStep{{call: e, fn: fn}}, steps...), "", "" // dao.User.Ctx(ctx): a table's Model
			}
			// A function of this package that returns a chain is read
			// through: what it builds, or adds to the chain it is given.
			if fn != nil && fn.Pkg() == a.pass.Pkg {
				if decl := a.r.funcs[fn]; decl != nil && decl.Body != nil {
					inner, p, why := a.inlineCall(decl.Type, decl.Body, e.Args, at, depth)
					if why != "" {
						return nil, "", fmt.Sprintf("%s (in %s)", why, fn.Name())
					}
					return append(inner, steps...), p, ""
				}
			}
			// A function returning a handle. Handed a chain, it may add
			// conditions we do not see.
			for _, arg := range e.Args {
				if dbapi.ORMType(info.TypeOf(arg)) != "" {
					return nil, "", fmt.Sprintf("conditions added by a call to %s", calleeName(fn, e))
				}
			}
			return steps, "", ""
		case *ast.Ident:
			v, ok := info.Uses[e].(*types.Var)
			if !ok {
				return steps, "", ""
			}
			if v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
				if init, ok := a.r.pkgInit[v]; ok && (dbapi.ORMType(v.Type()) == "squirrel" || dbapi.ORMType(v.Type()) == "goqu") {
					// A statement kept in a package-level variable of
					// this package, never reassigned (var byID =
					// sq.Select(...).From("users")): squirrel's builders
					// are values, so every use starts from what it holds.
					base, p, why := a.ormSteps(init, init.Pos(), depth+1)
					if why != "" {
						return nil, "", why
					}
					return append(base, steps...), p, ""
				}
				return steps, "", "" // a package-level handle
			}
			base, mods, p, why := a.ormVar(v, at, depth)
			if why != "" {
				return nil, "", why
			}
			return append(append(base, mods...), steps...), p, ""
		default:
			// A field (s.db), or anything else that yields a handle.
			return steps, "", ""
		}
	}
}

// inlineCall returns the chain a function returns when called with
// args: the chain it builds, or, when it takes a chain (a scope such as
// func(q *gorm.DB) *gorm.DB), the chain given followed by the additions
// of its fullest return, those not every return makes optional.
func (a *analyzer) inlineCall(ft *ast.FuncType, body *ast.BlockStmt, args []ast.Expr, at token.Pos, depth int) ([]ormStep, string, string) {
	info := a.pass.TypesInfo
	var param *types.Var
	index := 0
	for _, f := range ft.Params.List {
		for _, name := range f.Names {
			if v, ok := info.Defs[name].(*types.Var); ok && param == nil && dbapi.ORMType(v.Type()) != "" {
				param = v
				break
			}
			index++
		}
		if param != nil {
			break
		}
	}
	var rets []*ast.ReturnStmt
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			rets = append(rets, n)
		}
		return true
	})
	var out []ormStep
	p := ""
	if param != nil {
		if args == nil {
			out = nil // Scopes, Apply: the chain is the caller's own
		} else if index < len(args) {
			base, bp, why := a.ormSteps(args[index], at, depth+1)
			if why != "" {
				return nil, "", why
			}
			out, p = base, bp
		}
	} else if len(rets) != 1 {
		if a.handleReturns(rets, at, depth) {
			return nil, "", "" // the transaction in the context, or the database: a handle either way
		}
		return nil, "", "a function returning different chains"
	}
	// The returns of a function handed a chain are its alternatives: the
	// fullest is taken (the last of those adding the most), as the
	// fullest list of clauses is; a call it makes that another return
	// does not is optional.
	var fullest []ormStep
	made := map[*ast.CallExpr]int{} // how many returns make each call
	for _, ret := range rets {
		if len(ret.Results) != 1 {
			return nil, "", "a function returning a chain with other results"
		}
		r := ast.Unparen(ret.Results[0])
		if param != nil {
			if !a.rootedAt(r, param) {
				return nil, "", "a function returning another chain than it is given"
			}
			// What the function adds: the calls in its body, on the
			// way to this return (q = q.Where(...) included).
			steps, _, why := a.ormSteps(r, ret.Pos(), depth+1)
			if why != "" {
				return nil, "", why
			}
			var adds []ormStep
			for _, st := range steps {
				if body.Pos() <= st.call.Pos() && st.call.End() <= body.End() {
					made[st.call]++
					adds = append(adds, st)
				}
			}
			if len(adds) >= len(fullest) {
				fullest = adds
			}
			continue
		}
		steps, bp, why := a.ormSteps(r, ret.Pos(), depth+1)
		if why != "" {
			return nil, "", why
		}
		out, p = append(out, steps...), bp
	}
	for _, st := range fullest {
		st.opt = st.opt || made[st.call] < len(rets)
		out = append(out, st)
	}
	return out, p, ""
}

// handleReturns reports whether every return of a function of several
// returns answers a bare handle, nothing added to it but how it is
// sent (the request's transaction kept in its context, else the
// database with the context: `if tx, ok := ctx.Value(txKey{}).(*gorm.DB);
// ok { return tx }; return db.WithContext(ctx)`): whichever it answers,
// a chain on it starts afresh.
func (a *analyzer) handleReturns(rets []*ast.ReturnStmt, at token.Pos, depth int) bool {
	for _, ret := range rets {
		if len(ret.Results) != 1 {
			return false
		}
		steps, param, why := a.ormSteps(ret.Results[0], ret.Pos(), depth+1)
		if why != "" || param != "" {
			return false
		}
		for _, st := range steps {
			if !sessionStep(st.fn) {
				return false
			}
		}
	}
	return true
}

// sessionStep reports whether fn, a call of an ORM chain, says how the
// statement is sent and adds nothing to it: gorm's WithContext, Session
// and Debug, gdb's Ctx, Safe, Master and Slave.
func sessionStep(fn *types.Func) bool {
	switch dbapi.ORMChain(fn) {
	case "gorm":
		switch fn.Name() {
		case "WithContext", "Session", "Debug":
			return true
		}
	case "gdb":
		switch fn.Name() {
		case "Ctx", "Safe", "Master", "Slave":
			return true
		}
	}
	return false
}

// scopeSteps inlines the functions given to gorm's Scopes or bun's
// Apply: literals, functions of this package, or calls of this
// package's functions that return a literal (Paginate(r)).
func (a *analyzer) scopeSteps(args []ast.Expr, at token.Pos, depth int) ([]ormStep, string) {
	var out []ormStep
	for _, arg := range args {
		arg = ast.Unparen(arg)
		if id, ok := arg.(*ast.Ident); ok && id.Name == "nil" {
			continue
		}
		ft, body := a.scopeFunc(arg)
		if body == nil {
			return nil, fmt.Sprintf("conditions added by %s", exprName(arg))
		}
		steps, _, why := a.inlineCall(ft, body, nil, at, depth)
		if why != "" {
			return nil, why
		}
		out = append(out, steps...)
	}
	return out, ""
}

// scopeFunc is the function a scope argument is: a literal, a function
// of the package, or the literal a function of the package returns
// (paginate(p)); nil when its code is not in the package.
func (a *analyzer) scopeFunc(arg ast.Expr) (*ast.FuncType, *ast.BlockStmt) {
	switch x := ast.Unparen(arg).(type) {
	case *ast.FuncLit:
		return x.Type, x.Body
	case *ast.Ident, *ast.SelectorExpr:
		fn, _ := a.pass.TypesInfo.Uses[identOf(x)].(*types.Func)
		if decl := a.r.funcs[fn]; decl != nil && decl.Body != nil {
			return decl.Type, decl.Body
		}
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(a.pass.TypesInfo, x).(*types.Func)
		if decl := a.r.funcs[fn]; decl != nil && decl.Body != nil && len(decl.Body.List) > 0 {
			if ret, ok := decl.Body.List[len(decl.Body.List)-1].(*ast.ReturnStmt); ok && len(ret.Results) == 1 {
				if lit, ok := ast.Unparen(ret.Results[0]).(*ast.FuncLit); ok {
					return lit.Type, lit.Body
				}
			}
		}
	}
	return nil, nil
}

func identOf(e ast.Expr) *ast.Ident {
	if sel, ok := e.(*ast.SelectorExpr); ok {
		return sel.Sel
	}
	id, _ := e.(*ast.Ident)
	return id
}

// ormVar returns the chain stored in local variable v as seen at at:
// the chain of its last unconditional assignment, then the calls of each
// later `v = v.Where(...)` and `v.Where(...)` before at, in order.
func (a *analyzer) ormVar(v *types.Var, at token.Pos, depth int) (base, mods []ormStep, param, why string) {
	if _, ok := a.r.params[v]; ok && len(a.r.writes[v]) == 0 {
		if dbapi.ORMType(v.Type()) != "" {
			param = v.Name()
		}
		return nil, nil, param, a.ormMutations(v, token.NoPos, at, &mods)
	}
	var basePos token.Pos
	var baseRHS ast.Expr
	found := false
	for _, w := range a.r.writes[v] {
		if w.pos >= at {
			break
		}
		if w.rhs == nil {
			continue
		}
		if a.rootedAt(w.rhs, v) {
			steps, _, why := a.ormSteps(w.rhs, w.pos, depth+1)
			if why != "" {
				return nil, nil, "", why
			}
			// The steps of v itself were taken already: keep the new ones,
			// optional when not every execution of v's block adds them.
			opt := a.conditional(v, w)
			for _, st := range a.newSteps(w.rhs, v, steps) {
				st.opt = st.opt || opt
				mods = append(mods, st)
			}
			continue
		}
		if found && !(w.tok == token.DEFINE || w.tok == token.VAR || w.block == a.r.decl[v]) {
			return nil, nil, "", fmt.Sprintf("%s holds different chains on different paths", v.Name())
		}
		if w.index >= 0 {
			base, param, mods, found, basePos, baseRHS = nil, "", nil, true, w.pos, nil // tx, err := db.Begin(): a handle
			continue
		}
		b, p, why := a.ormSteps(w.rhs, w.pos, depth+1)
		if why != "" {
			return nil, nil, "", why
		}
		base, param, mods, found, basePos, baseRHS = b, p, nil, true, w.pos, w.rhs
	}
	if !found {
		if _, ok := a.r.params[v]; ok && dbapi.ORMType(v.Type()) != "" {
			param = v.Name()
		}
	}
	if baseRHS != nil && a.gormSession(baseRHS) {
		return base, mods, param, ""
	}
	var stmtMods []ormStep
	if why := a.ormMutations(v, basePos, at, &stmtMods); why != "" {
		return nil, nil, "", why
	}
	// Statement-form additions (bun's q.Where(...) changes q) interleave
	// with assignments by position.
	mods = mergeSteps(mods, stmtMods)
	return base, mods, param, ""
}

// conditional reports whether write w of v happens on some executions
// of v's block only: in another block (under an if, a case, a loop that
// may run no time) or in more loops. A parameter's block is its
// function's body.
func (a *analyzer) conditional(v *types.Var, w assignment) bool {
	decl, ok := a.r.decl[v]
	if !ok {
		switch fn := a.enclosing(v.Pos()).(type) {
		case *ast.FuncDecl:
			decl = fn.Body
		case *ast.FuncLit:
			decl = fn.Body
		}
		return w.block != decl
	}
	return w.block != decl || w.loops > a.r.declLoops[v]
}

// gormSession reports whether x, what a local variable of type *gorm.DB
// is defined as, is a gorm session, which no chain changes in place. gorm
// changes a value in place only past its first chain call: tx :=
// db.Where(...) makes a new statement, and tx.Where(...) adds to it. A
// value read from a field or a package-level variable, or returned by a
// function of the program (database.GetDB()), gorm.Open, or Session,
// WithContext, Begin or Debug, starts every chain afresh: a statement
// db.Select(...).Where(...).First(&row) leaves db as it was, and the
// next chain on db does not select those columns. (A builder helper,
// q = byFilter(q, f), returns a chain: not a session. gorm v1 copies at
// every call, so its chains never change a value in place.)
func (a *analyzer) gormSession(x ast.Expr) bool {
	info := a.pass.TypesInfo
	t := info.TypeOf(x)
	if t == nil || dbapi.ORMType(t) != "gorm" {
		return false
	}
	if p, ok := t.(*types.Pointer); ok {
		if n, ok := p.Elem().(*types.Named); ok && n.Obj().Pkg() != nil && dbapi.Canonical(n.Obj().Pkg().Path()) == dbapi.GormV1 {
			return true
		}
	}
	switch x := ast.Unparen(x).(type) {
	case *ast.SelectorExpr:
		_, ok := info.Uses[x.Sel].(*types.Var)
		return ok // s.db, pkg.DB
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		return ok && v.Parent() == v.Pkg().Scope() // a package-level variable
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(info, x).(*types.Func)
		if !ok {
			return false
		}
		if dbapi.ORMChain(fn) == "gorm" {
			switch fn.Name() {
			case "Session", "WithContext", "Begin", "Debug":
				return true
			}
			return false
		}
		if _, _, ok := a.builderHelper(fn); ok {
			return false
		}
		sig := fn.Type().(*types.Signature)
		for i := range sig.Params().Len() {
			if dbapi.ORMType(sig.Params().At(i).Type()) != "" {
				return false // scoped(db): may add to the chain it is given
			}
		}
		return true
	}
	return false
}

// ormMutations appends the calls of statements `v.Where(...)...` between
// from and to: bun's builders, and a gorm chain past its first call,
// change the value in place.
func (a *analyzer) ormMutations(v *types.Var, from, to token.Pos, out *[]ormStep) string {
	node := a.enclosing(to)
	if node == nil {
		return ""
	}
	var why string
	ast.Inspect(node, func(n ast.Node) bool {
		es, ok := n.(*ast.ExprStmt)
		if !ok || why != "" {
			return why == ""
		}
		if es.Pos() <= from || es.Pos() >= to {
			return true
		}
		call, ok := ast.Unparen(es.X).(*ast.CallExpr)
		if !ok || !a.rootedAt(call, v) {
			return true
		}
		steps, _, w := a.ormSteps(call, es.Pos(), 1)
		if w != "" {
			why = w
			return false
		}
		*out = append(*out, a.newSteps(call, v, steps)...)
		return true
	})
	return why
}

// enclosing is the innermost function of the package holding pos.
func (a *analyzer) enclosing(pos token.Pos) ast.Node {
	var best ast.Node
	for n := range a.nodes {
		if n.Pos() <= pos && pos < n.End() && (best == nil || n.Pos() >= best.Pos()) {
			best = n
		}
	}
	return best
}

// rootedAt reports whether the chain x starts from variable v.
func (a *analyzer) rootedAt(x ast.Expr, v *types.Var) bool {
	info := a.pass.TypesInfo
	for {
		switch e := ast.Unparen(x).(type) {
		case *ast.CallExpr:
			fn, _ := typeutil.Callee(info, e).(*types.Func)
			if adds, why, ok := a.builderHelper(fn); ok && why == "" && adds.Param >= 0 && adds.Param < len(e.Args) {
				x = e.Args[adds.Param] // q = byFilter(q, f)
				continue
			}
			sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
			if !ok || dbapi.ORMChain(fn) == "" {
				return false
			}
			x = sel.X
		case *ast.Ident:
			return info.Uses[e] == v
		default:
			return false
		}
	}
}

// newSteps keeps the steps of a chain rooted at v that its expression
// adds: those whose call is inside x.
func (a *analyzer) newSteps(x ast.Expr, v *types.Var, steps []ormStep) []ormStep {
	var out []ormStep
	for _, s := range steps {
		if s.call.Pos() >= x.Pos() && s.call.End() <= x.End() {
			out = append(out, s)
		}
	}
	return out
}

func mergeSteps(a, b []ormStep) []ormStep {
	out := make([]ormStep, 0, len(a)+len(b))
	for len(a) > 0 || len(b) > 0 {
		if len(b) == 0 || len(a) > 0 && a[0].call.Pos() < b[0].call.Pos() {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return out
}

func calleeName(fn *types.Func, call *ast.CallExpr) string {
	if fn != nil {
		return fn.Name()
	}
	return exprName(call.Fun)
}

// ormModel returns the model of a struct type for the chain's ORM.
func (a *analyzer) ormModel(lib string, t *types.Named) (*ormmodel.Model, error) {
	key := ormKey{lib, t}
	if e, ok := a.models[key]; ok {
		return e.m, e.err
	}
	var m *ormmodel.Model
	var err error
	switch lib {
	case "bun":
		m, err = ormmodel.BunModel(t)
	case "xorm":
		m, err = ormmodel.XormModel(t, a.tableName)
	case "pop":
		m, err = a.popModel(t)
	case "gorm1":
		m, err = ormmodel.GormV1Model(t, a.tableName)
	default:
		m, err = ormmodel.GormModel(t, a.tableName)
	}
	a.models[key] = ormEntry{m, err}
	return m, err
}

type ormKey struct {
	lib string
	t   *types.Named
}

type ormEntry struct {
	m   *ormmodel.Model
	err error
}

// tableName is gorm's Tabler: the constant a model's TableName method
// returns, from its body in this package or its fact in another.
func (a *analyzer) tableName(t *types.Named) (string, bool, error) {
	return a.tableNameOf(t, ormmodel.TableNameMethod(t))
}

// tableNameOf is the constant TableName method fn of t returns.
func (a *analyzer) tableNameOf(t *types.Named, fn *types.Func) (string, bool, error) {
	if fn == nil {
		return "", false, nil
	}
	if fn.Pkg() != a.pass.Pkg {
		var f TableName
		if a.pass.ImportObjectFact(fn, &f) {
			return f.Name, true, nil
		}
		return "", false, fmt.Errorf("%s.TableName does not return a constant", t.Obj().Name())
	}
	if name, ok := a.localTableName(fn); ok {
		return name, true, nil
	}
	return "", false, fmt.Errorf("%s.TableName does not return a constant", t.Obj().Name())
}

// localTableName resolves a TableName method of this package that
// returns one constant.
func (a *analyzer) localTableName(fn *types.Func) (string, bool) {
	decl := a.r.funcs[fn]
	if decl == nil || decl.Body == nil || len(decl.Body.List) != 1 {
		return "", false
	}
	ret, ok := decl.Body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return "", false
	}
	t := a.r.expr(ret.Results[0], ret.Pos(), 0)
	return t.SQL, t.OK
}

// TableName is attached to a model type's TableName method when it
// returns a constant: the table gorm uses for the model, which packages
// that query or migrate the model need.
type TableName struct{ Name string }

func (*TableName) AFact() {}

func (f *TableName) String() string { return fmt.Sprintf("tableName(%q)", f.Name) }

// exportTableNames exports the TableName facts of the package's models.
func (a *analyzer) exportTableNames() {
	for fn := range a.r.funcs {
		sig := fn.Type().(*types.Signature)
		if fn.Name() != "TableName" || sig.Recv() == nil || !ormmodel.IsTableNameSig(sig) {
			continue
		}
		if name, ok := a.localTableName(fn); ok {
			a.pass.ExportObjectFact(fn, &TableName{Name: name})
		}
	}
}

// modelOf returns the model an argument stands for (&users, new(User),
// (*User)(nil)), or nil when its type is no struct.
func (a *analyzer) modelOf(lib string, arg ast.Expr) (*ormmodel.Model, string) {
	t := ormmodel.StructOf(a.pass.TypesInfo.TypeOf(arg))
	if t == nil {
		return nil, ""
	}
	m, err := a.ormModel(lib, t)
	if err != nil {
		return nil, err.Error()
	}
	return m, ""
}

// ---- binding fragments ---------------------------------------------

// bind writes a fragment of the chain with its placeholders filled as
// the ORM fills them: a value becomes $n, a slice a list, bun.Ident an
// identifier, bun.Safe and gorm.Expr their text, a chain a subquery;
// bun's ?TableAlias and friends name the model.
func (a *analyzer) bind(c *ormChain, text string, args []ast.Expr) (string, string) {
	var why string
	named := map[string]string{}
	out := sqlparse.Bind(text, func(p sqlparse.Placeholder) string {
		if p.Quoted {
			return quoteColumn(p.Name) // dbx's {{table}}, [[column]]
		}
		if p.Name != "" {
			if r, ok := c.namedPlaceholder(p.Name); ok {
				return r
			}
			if i, err := strconv.Atoi(p.Name); err == nil && i < len(args) {
				return a.bindArg(c, args[i], p.Before, &why)
			}
			if r, ok := named[p.Name]; ok {
				return r
			}
			named[p.Name] = c.param1()
			return named[p.Name]
		}
		if p.Index < len(args) {
			return a.bindArg(c, args[p.Index], p.Before, &why)
		}
		return c.param1()
	})
	return out, why
}

// fragment binds the SQL fragment in argument i of a chain's call,
// with the arguments after it.
func (a *analyzer) fragment(c *ormChain, st ormStep, i int) (string, string) {
	args := st.call.Args
	if i >= len(args) {
		return "", "missing argument"
	}
	s, ok := a.constString(args[i])
	if !ok {
		return "", fmt.Sprintf("%s argument %s is not constant", st.name(), exprName(args[i]))
	}
	return a.bind(c, s, args[i+1:])
}

// param1 writes the next $n (a `?` when recording a helper's additions).
func (c *ormChain) param1() string {
	c.n++
	if c.helper != nil {
		return "?"
	}
	return "$" + strconv.Itoa(c.n)
}

// namedPlaceholder fills bun's model placeholders.
func (c *ormChain) namedPlaceholder(name string) (string, bool) {
	m := c.model
	switch name {
	case "TableAlias":
		return sqlparse.QuoteIdent(c.aliasName()), true
	case "TableName":
		if m != nil {
			return m.QuotedTable(), true
		}
	case "PKs", "TablePKs":
		if m != nil && len(m.PK) > 0 {
			return c.qualified(m.PK), true
		}
	case "Columns", "TableColumns":
		if m != nil {
			return c.qualified(m.ColumnNames()), true
		}
	}
	return "", false
}

func (c *ormChain) aliasName() string {
	if c.alias != "" {
		return c.alias
	}
	if c.model != nil {
		return c.model.Table
	}
	return "t"
}

func (c *ormChain) qualified(cols []string) string {
	q := make([]string, len(cols))
	for i, col := range cols {
		q[i] = sqlparse.QuoteIdent(c.aliasName()) + "." + sqlparse.QuoteIdent(col)
	}
	return strings.Join(q, ", ")
}

// bindArg is the text one argument puts in place of its placeholder.
func (a *analyzer) bindArg(c *ormChain, arg ast.Expr, before string, why *string) string {
	info := a.pass.TypesInfo
	arg = ast.Unparen(arg)
	t := info.TypeOf(arg)
	if call, ok := arg.(*ast.CallExpr); ok {
		fn, _ := typeutil.Callee(info, call).(*types.Func)
		if tv, ok := info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
			arg = call.Args[0] // bun.Ident("x") is a conversion
		} else if fn != nil && fn.Pkg() != nil && ((fn.Pkg().Path() == "gorm.io/gorm" || fn.Pkg().Path() == dbapi.GormV1) && fn.Name() == "Expr") && len(call.Args) > 0 {
			if s := a.r.expr(call.Args[0], call.Pos(), 0); s.OK {
				text, w := a.bind(c, s.SQL, call.Args[1:])
				if w != "" {
					*why = w
				}
				return text
			}
		} else if fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "github.com/uptrace/bun" && fn.Name() == "In" {
			return listParam(c, before)
		}
	}
	if t != nil {
		switch n := types.Unalias(t).(type) {
		case *types.Named:
			if n.Obj().Pkg() != nil && strings.HasPrefix(n.Obj().Pkg().Path(), "github.com/uptrace/bun") {
				switch n.Obj().Name() {
				case "Ident", "Safe":
					s := a.r.expr(arg, arg.Pos(), 0)
					if !s.OK {
						*why = fmt.Sprintf("bun.%s from %s", n.Obj().Name(), exprName(arg))
						return c.param1()
					}
					if n.Obj().Name() == "Safe" {
						return s.SQL
					}
					parts := strings.Split(s.SQL, ".")
					for i, p := range parts {
						parts[i] = sqlparse.QuoteIdent(p)
					}
					return strings.Join(parts, ".")
				}
			}
		}
		if dbapi.ORMType(t) != "" {
			return "(SELECT NULL)" // a subquery built by a chain of its own
		}
		if isList(t) && !isValuer(t) {
			return listParam(c, before)
		}
	}
	return c.param1()
}

// isValuer reports whether t (or *t) is a driver.Valuer: a value the
// driver sends as one (uuid.UUID is an array), which the ORMs bind as
// one parameter, not as a list.
func isValuer(t types.Type) bool {
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(t), true, nil, "Value")
	fn, ok := obj.(*types.Func)
	return ok && fn.Type().(*types.Signature).Params().Len() == 0 && fn.Type().(*types.Signature).Results().Len() == 2
}

// listParam writes a list placeholder: gorm and bun expand a slice to
// (v1, v2, ...), inside the parentheses the fragment has or their own.
func listParam(c *ormChain, before string) string {
	if strings.HasSuffix(strings.TrimRight(before, " \t\n"), "(") {
		return c.param1()
	}
	return "(" + c.param1() + ")"
}

func isList(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return !ok || b.Kind() != types.Byte
	case *types.Array:
		return true
	}
	return false
}

// constString resolves a fragment argument to its text.
func (a *analyzer) constString(e ast.Expr) (string, bool) {
	t := a.r.expr(e, e.Pos(), 0)
	return t.SQL, t.OK
}

// strings of a variadic string argument list, resolved.
func (a *analyzer) constStrings(args []ast.Expr) ([]string, bool) {
	var out []string
	for _, e := range args {
		if tv, ok := a.pass.TypesInfo.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
			out = append(out, constant.StringVal(tv.Value))
			continue
		}
		s, ok := a.constString(e)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

// ---- the statement -------------------------------------------------

// whereSQL renders the conditions, each in parentheses so that an OR
// keeps to its own.
func whereSQL(conds []ormCond) string {
	var b strings.Builder
	for i, c := range conds {
		switch {
		case i == 0 && c.op == "AND NOT":
			b.WriteString("NOT (" + c.sql + ")")
		case i == 0:
			b.WriteString("(" + c.sql + ")")
		case c.op == "OR":
			s := b.String()
			b.Reset()
			b.WriteString("(" + s + ") OR (" + c.sql + ")")
		default:
			b.WriteString(" " + c.op + " (" + c.sql + ")")
		}
	}
	return b.String()
}

// tail writes WHERE ... GROUP BY ... ORDER BY ... LIMIT ... OFFSET.
func (c *ormChain) tail(b *strings.Builder, conds []ormCond, orderLimit bool) {
	if len(conds) > 0 {
		b.WriteString(" WHERE " + whereSQL(conds))
	}
	if !orderLimit {
		writeClauses(b, c.group, c.having, nil, "", "")
		return
	}
	writeClauses(b, c.group, c.having, c.order, c.limit, c.offset)
}

// writeClauses writes the clauses after WHERE, each when it has a part:
// GROUP BY, HAVING, ORDER BY, LIMIT, OFFSET. Every ORM's statement ends
// with them in this order.
func writeClauses(b *strings.Builder, group, having, order []string, limit, offset string) {
	if len(group) > 0 {
		b.WriteString(" GROUP BY " + strings.Join(group, ", "))
	}
	if len(having) > 0 {
		b.WriteString(" HAVING " + strings.Join(having, " AND "))
	}
	if len(order) > 0 {
		b.WriteString(" ORDER BY " + strings.Join(order, ", "))
	}
	if limit != "" {
		b.WriteString(" LIMIT " + limit)
	}
	if offset != "" {
		b.WriteString(" OFFSET " + offset)
	}
}

// limitText is a Limit/Offset argument as the ORM writes it: the
// number when constant, else a parameter.
func (a *analyzer) limitText(c *ormChain, e ast.Expr) string {
	if tv, ok := a.pass.TypesInfo.Types[e]; ok && tv.Value != nil {
		return tv.Value.ExactString()
	}
	return c.param1()
}

// preloadSQL renders the query a relation loaded on its own sends: the
// target rows whose key matches the base rows'.
func (a *analyzer) preloadSQL(c *ormChain, base *ormmodel.Model, p ormPreload) ([]string, string) {
	var out []string
	m := base
	parts := strings.Split(p.path, ".")
	for i, name := range parts {
		if m == nil {
			return nil, fmt.Sprintf("relation %s of an unknown model", p.path)
		}
		rel, tm, err := m.Relation(name, func(t *types.Named) (*ormmodel.Model, error) { return a.ormModel(c.lib, t) })
		if err != nil {
			return nil, err.Error()
		}
		if c.lib == "bun" && !rel.Many && rel.JoinTable == "" {
			m = tm
			continue // joined into the main query (see bunJoin)
		}
		var b strings.Builder
		sel := "*"
		from := tm.QuotedTable()
		alias := ""
		if c.lib == "bun" {
			alias = sqlparse.QuoteIdent(tm.Alias)
			sel = qualifiedCols(alias, tm.ColumnNames())
			from += " AS " + alias
		}
		col := func(name string) string {
			if alias != "" {
				return alias + "." + sqlparse.QuoteIdent(name)
			}
			return tm.QuotedTable() + "." + sqlparse.QuoteIdent(name)
		}
		if rel.JoinTable != "" {
			jt := sqlparse.QuoteIdent(rel.JoinTable)
			out = append(out, fmt.Sprintf("SELECT * FROM %s WHERE %s.%s IN (%s)", jt, jt, sqlparse.QuoteIdent(rel.JoinBase[0]), c.param1()))
			fmt.Fprintf(&b, "SELECT %s FROM %s WHERE %s IN (%s)", sel, from, col(rel.TargetColumns[0]), c.param1())
		} else {
			fmt.Fprintf(&b, "SELECT %s FROM %s WHERE %s IN (%s)", sel, from, col(rel.TargetColumns[0]), c.param1())
		}
		if tm.SoftDelete != "" && !c.unscoped {
			b.WriteString(" AND " + col(tm.SoftDelete) + " IS NULL")
		}
		if i == len(parts)-1 && len(p.conds) > 0 {
			b.WriteString(" AND " + whereSQL(p.conds))
		}
		out = append(out, b.String())
		m = tm
	}
	return out, ""
}

func qualifiedCols(alias string, cols []string) string {
	q := make([]string, len(cols))
	for i, col := range cols {
		q[i] = alias + "." + sqlparse.QuoteIdent(col)
	}
	return strings.Join(q, ", ")
}
