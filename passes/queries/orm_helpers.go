package queries

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"

	"github.com/sqlheat/sqlheat/internal/dbapi"
)

// Builder helpers. Repositories built on squirrel keep the clauses they
// share in functions of their own, often in another package:
//
//	func ByFilter(sb squirrel.SelectBuilder, f *Filter) squirrel.SelectBuilder {
//		eq := squirrel.Eq{}
//		if f.Kind != "" {
//			eq["kind"] = f.Kind
//		}
//		...
//		return sb.Where(eq)
//	}
//
//	func Purge(sb squirrel.StatementBuilderType, table string) squirrel.DeleteBuilder
//
// A function returning a squirrel builder that it starts, or that it is
// given and adds to, is read once: what it adds is recorded with its
// values as `?` (BuilderAdds, a fact for other packages), and a chain
// through a call of it gets those clauses, bound again there; the table
// of a statement it starts may be one of its parameters, named by each
// call. What only some calls add — a step under a condition or in one
// of several returns, a key of a condition map set under a condition —
// is optional, as a clause appended to a list under a condition is
// (lists.go): the statement every call sends is written without it, and
// missingindex never asks for an index for it alone. A helper whose
// additions cannot be read (a condition it is given, keys from a loop)
// leaves the chains through it unresolved, saying why.

// helperMemo is what builderHelper learned of a function of this
// package.
type helperMemo struct {
	adds *BuilderAdds
	why  string
	busy bool // being read: a helper calling itself
}

// builderHelper returns what a call of fn adds to a squirrel chain; ok
// is false when fn is no builder helper (or one of another package
// without a fact), why says why what it adds is unknown.
func (a *analyzer) builderHelper(fn *types.Func) (adds *BuilderAdds, why string, ok bool) {
	if fn == nil {
		return nil, "", false
	}
	fn = fn.Origin()
	sig := fn.Type().(*types.Signature)
	if sig.Results().Len() != 1 || dbapi.ORMType(sig.Results().At(0).Type()) != "squirrel" {
		return nil, "", false
	}
	if fn.Pkg() != a.pass.Pkg {
		var f BuilderAdds
		if fn.Pkg() == nil || !a.pass.ImportObjectFact(fn, &f) {
			return nil, "", false
		}
		return &f, "", true
	}
	decl := a.r.funcs[fn]
	if decl == nil || decl.Body == nil {
		return nil, "", false
	}
	if m, seen := a.helpers[fn]; seen {
		if m.busy {
			return nil, "a helper calling itself", true
		}
		return m.adds, m.why, true
	}
	m := &helperMemo{busy: true}
	a.helpers[fn] = m
	m.adds, m.why = a.readHelper(decl, sig)
	m.busy = false
	return m.adds, m.why, true
}

// readHelper records what helper decl adds, in full and on every call.
func (a *analyzer) readHelper(decl *ast.FuncDecl, sig *types.Signature) (*BuilderAdds, string) {
	f := &BuilderAdds{Param: -1, TableParam: -1}
	for i := 0; i < sig.Params().Len(); i++ {
		if dbapi.ORMType(sig.Params().At(i).Type()) == "squirrel" {
			f.Param = i
			break
		}
	}
	steps, param, why := a.inlineCall(decl.Type, decl.Body, nil, token.NoPos, 0)
	switch {
	case why != "":
		return nil, why
	case param != "":
		return nil, "chain starts at parameter " + param
	}
	run := func(must bool) (*ormChain, string) {
		c := &ormChain{lib: "squirrel", helper: decl, tableParam: -1, must: must}
		return c, a.builderSteps(c, steps)
	}
	full, why := run(false)
	if why != "" {
		return nil, why
	}
	f.TableParam = full.tableParam
	f.Full, f.Must = full.part(), full.part()
	if full.sawOpt {
		must, why := run(true)
		if why != "" {
			return nil, why
		}
		f.Must = must.part()
	}
	return f, ""
}

// helperParam is the index of the helper parameter e is, when the chain
// records a helper's additions; -1 otherwise.
func (c *ormChain) helperParam(a *analyzer, e ast.Expr) int {
	if c.helper == nil {
		return -1
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return -1
	}
	v, _ := a.pass.TypesInfo.Uses[id].(*types.Var)
	i, isParam := a.r.params[v]
	if !isParam || v.Pos() < c.helper.Type.Pos() || v.Pos() >= c.helper.Type.End() || len(a.r.writes[v]) > 0 {
		return -1
	}
	return i
}

// part is what the chain holds, as a helper's additions.
func (c *ormChain) part() BuilderPart {
	p := BuilderPart{
		Cmd: c.cmd, Table: c.table,
		Columns: c.columns, Joins: c.joins, Order: c.order, Group: c.group,
		Having: c.having, Set: c.set, Values: c.values, Extra: c.extra,
		Limit: c.limit, Offset: c.offset, Prefix: c.prefix, Suffix: c.suffix,
		Distinct: c.distinct,
	}
	for _, cond := range c.conds {
		p.Conds = append(p.Conds, BuilderCond{Op: cond.op, SQL: cond.sql})
	}
	return p
}

// applyAdds adds what the helper call st adds to the chain: its clauses
// with their values bound as the chain's, the table its call names.
func (a *analyzer) applyAdds(c *ormChain, st ormStep) string {
	f := st.adds
	p := f.Full
	if !reflect.DeepEqual(f.Full, f.Must) {
		c.sawOpt = true
		if c.must {
			p = f.Must
		}
	}
	bind := func(s string) string {
		out, _ := a.bind(c, s, nil)
		return out
	}
	each := func(dst *[]string, src []string) {
		for _, s := range src {
			*dst = append(*dst, bind(s))
		}
	}
	if p.Cmd != "" {
		c.cmd = p.Cmd
	}
	switch {
	case f.TableParam >= 0:
		if f.TableParam >= len(st.call.Args) {
			return "missing table"
		}
		arg := st.call.Args[f.TableParam]
		name, ok := a.constString(arg)
		if !ok {
			if i := c.helperParam(a, arg); i >= 0 {
				c.tableParam = i // a helper calling a helper with its table
			} else {
				return "table " + exprName(arg) + " is not constant"
			}
		}
		c.table = name
	case p.Table != "":
		c.table = p.Table
	}
	c.prefix += bind(p.Prefix)
	each(&c.columns, p.Columns)
	each(&c.set, p.Set)
	each(&c.values, p.Values)
	each(&c.extra, p.Extra)
	each(&c.joins, p.Joins)
	for _, cond := range p.Conds {
		c.conds = append(c.conds, ormCond{op: cond.Op, sql: bind(cond.SQL)})
	}
	each(&c.group, p.Group)
	each(&c.having, p.Having)
	each(&c.order, p.Order)
	if p.Limit != "" {
		c.limit = bind(p.Limit)
	}
	if p.Offset != "" {
		c.offset = bind(p.Offset)
	}
	c.suffix += bind(p.Suffix)
	c.distinct = c.distinct || p.Distinct
	return ""
}

// exportHelpers publishes what the package's builder helpers add.
func (a *analyzer) exportHelpers() {
	for fn := range a.r.funcs {
		adds, why, ok := a.builderHelper(fn)
		if !ok || why != "" {
			continue
		}
		a.pass.ExportObjectFact(fn, adds)
		a.res.Builders[fn] = adds
	}
}
