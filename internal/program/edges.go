package program

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// ent loads an entity's edges only when its query asks for them
// (WithContract(), WithWorkflow(func(q *WorkflowQuery) { q.WithProject() })),
// and code converting an entity reads the edges that were loaded:
//
//	func entWFToBizWF(w *ent.Workflow) *biz.Workflow {
//		if c := w.Edges.Contract; c != nil {
//			wf.Latest = latestVersion(c) // a query
//		}
//		if w.Edges.Project == nil {
//			wf.Project = loadProject(w.ProjectID) // a query
//		}
//
// The first query runs only for a workflow loaded with its contract, the
// second only for one loaded without its project. A loop converting the
// rows of one query runs the first per row when that query asked for the
// contract, and never otherwise; the call graph, which shares one
// summary of the converter among its callers, has every loop run both.
// So what a call runs is computed, as for the constants it passes (see
// guards.go), in the context of the edges its entity argument was loaded
// with, where the call can see the query: the argument is the result of
// a query chain (client.Workflow.Query().WithProject().Where(...).All(ctx),
// First, Only and their X forms), an item of one, a local defined once
// from one, or a loaded edge of such an entity (run.Edges.Workflow, with
// what the closure handed to WithWorkflow loaded below it), or a
// parameter an outer call on the same path bound so. The chain may start
// at a client (client.Workflow.Query(), client.Workflow.Get(ctx, id),
// which loads no edge) or at another entity's query (org.QueryWorkflows()),
// go through the query's own methods (Where, Order, Limit...), through a
// method of the module that only returns the receiver's chain
// (WithWorkflowAndProject() { return q.WithWorkflow(...) }), and through
// a local query variable the function assigns only such chains of itself
// (q = q.Where(...) under a filter); a With in such an assignment may
// have loaded the edge, and one under a condition may not have. Anything
// else — a query from a helper function, a variable assigned otherwise —
// leaves the call's reach the graph's.

// edgeSet is what an entity value is known to have loaded.
type edgeSet struct {
	// may are the edges its query may have loaded, each with what it
	// loaded below (nil: not known).
	may map[string]*edgeSet
	// must are the edges it loaded on every path.
	must map[string]bool
}

// edgeArg is an edge set known for a parameter, and how many calls
// handed it on.
type edgeArg struct {
	set  *edgeSet
	hops int
}

func (s *edgeSet) key() string {
	if s == nil {
		return "?"
	}
	var names []string
	for n := range s.may {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteByte('{')
	for _, n := range names {
		if s.must[n] {
			b.WriteByte('!')
		}
		b.WriteString(n)
		b.WriteString(s.may[n].key())
		b.WriteByte(',')
	}
	b.WriteByte('}')
	return b.String()
}

// edgesKey names the edge sets of a binding, for its key.
func edgesKey(es []edgeArg) string {
	var out string
	for i, e := range es {
		if e.set != nil {
			out += fmt.Sprintf("%d~%s@%d;", i, e.set.key(), e.hops)
		}
	}
	return out
}

// edgeCond reads an if's condition as a test of an edge of a parameter:
// p.Edges.E != nil or == nil.
func edgeCond(cond ssa.Value) (paramCond, bool) {
	bin, ok := cond.(*ssa.BinOp)
	if !ok || bin.Op != token.EQL && bin.Op != token.NEQ {
		return paramCond{}, false
	}
	x, k := bin.X, bin.Y
	if _, isConst := x.(*ssa.Const); isConst {
		x, k = k, x
	}
	if c, ok := k.(*ssa.Const); !ok || !c.IsNil() {
		return paramCond{}, false
	}
	load, ok := x.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return paramCond{}, false
	}
	edge, ok := load.X.(*ssa.FieldAddr)
	if !ok {
		return paramCond{}, false
	}
	edges, ok := edge.X.(*ssa.FieldAddr)
	if !ok || fieldName(edges) != "Edges" {
		return paramCond{}, false
	}
	prm, ok := edges.X.(*ssa.Parameter)
	if !ok {
		return paramCond{}, false
	}
	return paramCond{prm: prm, op: bin.Op, isNil: true, edge: fieldName(edge)}, true
}

// fieldName is the name of the field fa addresses.
func fieldName(fa *ssa.FieldAddr) string {
	p, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return ""
	}
	s, ok := p.Elem().Underlying().(*types.Struct)
	if !ok || fa.Field >= s.NumFields() {
		return ""
	}
	return s.Field(fa.Field).Name()
}

// edgeRuled says, of an edge guard, whether the edges es make its block
// not run: the block runs when the edge is loaded (!= nil, on) and it
// may not be, or when it is not and it must be.
func edgeRuled(g guard, es *edgeSet) bool {
	_, may := es.may[g.edge]
	set := g.op == token.NEQ // the condition is true when the edge is loaded
	switch {
	case !may:
		return !set != g.on // the edge is nil
	case es.must[g.edge]:
		return set != g.on
	}
	return false
}

// hasEdges reports whether t is (a pointer to) a struct with an Edges
// field of struct type: an ent entity.
func hasEdges(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	s, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for f := range s.Fields() {
		if f.Name() == "Edges" {
			_, ok := f.Type().Underlying().(*types.Struct)
			return ok
		}
	}
	return false
}

// edgeField reports whether e is x.Edges.E, and gives x and E.
func edgeField(e ast.Expr) (x ast.Expr, edge string, ok bool) {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return nil, "", false
	}
	in, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
	if !ok || in.Sel.Name != "Edges" {
		return nil, "", false
	}
	return in.X, sel.Sel.Name, true
}

// maxEdgeDepth bounds how many definitions and chains edgesOf follows.
const maxEdgeDepth = 8

// edgesOf is what the entity (or list of entities) e, in f running under
// b, is known to have loaded (see above); nil when not known.
func (p *Program) edgesOf(f *Func, info *types.Info, b *argTypes, e ast.Expr, depth int) (*edgeSet, int) {
	if depth > maxEdgeDepth {
		return nil, 0
	}
	e = ast.Unparen(e)
	if x, edge, ok := edgeField(e); ok {
		parent, hops := p.edgesOf(f, info, b, x, depth)
		if parent == nil {
			return nil, 0
		}
		return parent.may[edge], hops // nil when not loaded: no entity, unknown
	}
	switch e := e.(type) {
	case *ast.Ident:
		if b != nil {
			if i, ok := p.copiesOf(f).param(info, e); ok && i < len(b.edges) && b.edges[i].set != nil {
				return b.edges[i].set, b.edges[i].hops + 1
			}
		}
		v, ok := info.Uses[e].(*types.Var)
		if !ok {
			return nil, 0
		}
		// Each assignment's: an edge may be loaded when one of them
		// may have, must be when all must.
		var out *edgeSet
		hops := 0
		for _, def := range p.localDefs(f)[v] {
			if def == nil {
				return nil, 0
			}
			es, h := p.edgesOf(f, info, b, def, depth+1)
			if es == nil {
				return nil, 0
			}
			out, hops = meet(out, es), max(hops, h)
		}
		return out, hops
	case *ast.IndexExpr:
		return p.edgesOf(f, info, b, e.X, depth)
	case *ast.CallExpr:
		return p.loadedBy(f, info, e, depth), 0
	}
	return nil, 0
}

// localDefs are, for the locals of f, what each assignment gives them:
// the value of a definition or an assignment (the first of `v, err :=
// q.First(ctx)`), the list a range statement's value ranges over; nil
// for what is not known (a write through the address, a key).
func (p *Program) localDefs(f *Func) map[*types.Var][]ast.Expr {
	if d, ok := p.defs[f]; ok {
		return d
	}
	if p.defs == nil {
		p.defs = map[*Func]map[*types.Var][]ast.Expr{}
	}
	out := map[*types.Var][]ast.Expr{}
	p.defs[f] = out
	info := p.info(f)
	body := funcBody(f)
	if info == nil || body == nil {
		return out
	}
	set := func(id ast.Expr, def ast.Expr) {
		if i, ok := ast.Unparen(id).(*ast.Ident); ok {
			if v, ok := info.ObjectOf(i).(*types.Var); ok {
				out[v] = append(out[v], def)
			}
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				switch {
				case n.Tok != token.DEFINE && n.Tok != token.ASSIGN:
					set(l, nil) // v += x
				case len(n.Lhs) == len(n.Rhs):
					set(l, n.Rhs[i])
				case i == 0 && len(n.Rhs) == 1:
					set(l, n.Rhs[0]) // v, err := q.First(ctx)
				default:
					set(l, nil)
				}
			}
		case *ast.ValueSpec:
			// var v T alone is nil, or a list of no items: no entity.
			if len(n.Values) == len(n.Names) {
				for i, id := range n.Names {
					set(id, n.Values[i])
				}
			}
		case *ast.RangeStmt:
			if n.Key != nil {
				set(n.Key, nil)
			}
			if n.Value != nil {
				set(n.Value, n.X) // an item has what the list's query loaded
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				set(n.X, nil) // written through its address
			}
		}
		return true
	})
	return out
}

// loadedBy is what the entities a call answers loaded: a query chain's
// First, Only or All (their X forms too), or a client's Get, which loads
// no edge; nil for any other call.
func (p *Program) loadedBy(f *Func, info *types.Info, call *ast.CallExpr, depth int) *edgeSet {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if s := info.Selections[sel]; s == nil || s.Kind() != types.MethodVal {
		return nil
	}
	res := info.TypeOf(call)
	if t, ok := res.(*types.Tuple); ok && t.Len() > 0 {
		res = t.At(0).Type()
	}
	if s, ok := res.Underlying().(*types.Slice); ok {
		res = s.Elem()
	}
	if res == nil || !hasEdges(res) {
		return nil
	}
	switch sel.Sel.Name {
	case "First", "FirstX", "Only", "OnlyX", "All", "AllX":
		return p.queryEdges(f, info, sel.X, nil, depth+1)
	case "Get", "GetX":
		if strings.HasSuffix(typeName(info.TypeOf(sel.X)), "Client") {
			return &edgeSet{}
		}
	}
	return nil
}

// typeName is the name of a named type or of what a pointer points to.
func typeName(t types.Type) string {
	if t == nil {
		return ""
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

// hasMethod reports whether a value of type t has a method of that name.
func hasMethod(t types.Type, name string) bool {
	if t == nil {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
	_, ok := obj.(*types.Func)
	return ok
}

// passThrough are the methods of an ent query that load no edge.
var passThrough = map[string]bool{
	"Where": true, "Order": true, "Limit": true, "Offset": true, "Unique": true,
	"Clone": true, "ForUpdate": true, "ForShare": true, "Modify": true,
}

// queryEdges is what the query q (an expression of an ent query type)
// loads, in f: see the top of this file. A chain reaching root, the
// receiver of a method whose body the walk is in, or a query variable
// being assigned, loads nothing more there.
func (p *Program) queryEdges(f *Func, info *types.Info, q ast.Expr, root *types.Var, depth int) *edgeSet {
	if depth > maxEdgeDepth {
		return nil
	}
	q = ast.Unparen(q)
	qt := info.TypeOf(q)
	switch q := q.(type) {
	case *ast.Ident:
		v, ok := info.Uses[q].(*types.Var)
		if !ok {
			return nil
		}
		if v == root {
			return &edgeSet{}
		}
		return p.queryVar(f, info, v, depth)
	case *ast.CallExpr:
		sel, ok := ast.Unparen(q.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		s := info.Selections[sel]
		if s == nil || s.Kind() != types.MethodVal {
			return nil
		}
		if sel.Sel.Name == "Select" && hasMethod(qt, "All") {
			// q.Select(fields...): a selection of the query's rows, with
			// the edges it loads.
			return p.queryEdges(f, info, sel.X, root, depth)
		}
		if !types.Identical(info.TypeOf(sel.X), qt) {
			// client.Workflow.Query(), org.QueryWorkflows(): a new query;
			// another method answering one may have loaded anything.
			if strings.HasPrefix(sel.Sel.Name, "Query") && (sel.Sel.Name == "Query") == strings.HasSuffix(typeName(info.TypeOf(sel.X)), "Client") {
				return &edgeSet{}
			}
			return nil
		}
		rest := p.queryEdges(f, info, sel.X, root, depth)
		if rest == nil {
			return nil
		}
		name := sel.Sel.Name
		switch {
		case passThrough[name]:
			return rest
		case strings.HasPrefix(name, "With") && len(name) > 4:
			if m := p.delegated(s.Obj(), depth); m != nil {
				return union(rest, m, true)
			}
			nested := &edgeSet{}
			for _, a := range q.Args {
				nested = p.optionEdges(f, info, a, nested, depth)
			}
			return union(rest, &edgeSet{may: map[string]*edgeSet{name[4:]: nested}, must: map[string]bool{name[4:]: true}}, true)
		}
		if m := p.delegated(s.Obj(), depth); m != nil {
			return union(rest, m, true)
		}
	}
	return nil
}

// optionEdges adds to nested what an option handed to a With loads on
// the edge's query: a literal func(q *XQuery) { q.WithY() } whose
// statements are such chains of q; nil for anything else.
func (p *Program) optionEdges(f *Func, info *types.Info, a ast.Expr, nested *edgeSet, depth int) *edgeSet {
	lit, ok := ast.Unparen(a).(*ast.FuncLit)
	if nested == nil || !ok || len(lit.Type.Params.List) != 1 || len(lit.Type.Params.List[0].Names) != 1 {
		return nil
	}
	v, ok := info.Defs[lit.Type.Params.List[0].Names[0]].(*types.Var)
	if !ok {
		return nil
	}
	for _, st := range lit.Body.List {
		es, ok := st.(*ast.ExprStmt)
		if !ok {
			return nil
		}
		m := p.queryEdges(f, info, es.X, v, depth+1)
		if m == nil {
			return nil
		}
		nested = union(nested, m, true)
	}
	return nested
}

// delegated is what a method of the module loads that only returns a
// chain of its receiver (func (q *RunQuery) WithWorkflowAndProject()
// *RunQuery { return q.WithWorkflow(...) }); nil for any other.
func (p *Program) delegated(m types.Object, depth int) *edgeSet {
	fn, ok := m.(*types.Func)
	if !ok {
		return nil
	}
	g := p.byDecl[fn.Origin()]
	if g == nil {
		return nil
	}
	decl, ok := g.syntax.(*ast.FuncDecl)
	info := p.info(g)
	if !ok || info == nil || decl.Body == nil || len(decl.Body.List) != 1 || decl.Recv == nil || len(decl.Recv.List[0].Names) != 1 {
		return nil
	}
	ret, ok := decl.Body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return nil
	}
	recv, ok := info.Defs[decl.Recv.List[0].Names[0]].(*types.Var)
	if !ok {
		return nil
	}
	return p.queryEdges(g, info, ret.Results[0], recv, depth+1)
}

// queryVar is what a local query variable v of f loads: its definition's
// chain, with what each assignment of a chain of v itself adds (may
// only, where it is not in the definition's block).
func (p *Program) queryVar(f *Func, info *types.Info, v *types.Var, depth int) *edgeSet {
	body := funcBody(f)
	if body == nil || v.Parent() == nil || v.Pos() < body.Pos() || v.Pos() >= body.End() {
		return nil // a parameter, a field, a package's variable
	}
	var out *edgeSet
	var defBlock ast.Node
	bad := false
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if bad {
			return false
		}
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		block := func() ast.Node {
			for i := len(stack) - 2; i >= 0; i-- {
				switch stack[i].(type) {
				case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
					return stack[i]
				}
			}
			return nil
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				id, ok := ast.Unparen(l).(*ast.Ident)
				if !ok || info.ObjectOf(id) != v {
					continue
				}
				if len(n.Lhs) != len(n.Rhs) {
					bad = true
					return false
				}
				if info.Defs[id] != nil {
					out, defBlock = p.queryEdges(f, info, n.Rhs[i], v, depth+1), block()
					if out == nil {
						bad = true
					}
					continue
				}
				m := p.queryEdges(f, info, n.Rhs[i], v, depth+1)
				if m == nil || out == nil {
					bad = true
					return false
				}
				out = union(out, m, block() == defBlock)
			}
		case *ast.ValueSpec:
			for _, id := range n.Names {
				if info.Defs[id] == v {
					bad = true // var q *XQuery: assigned later, anywhere
				}
			}
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND && info.ObjectOf(id) == v {
				bad = true
			}
		case *ast.FuncLit:
			// A closure assigning v runs when it is called.
			ast.Inspect(n.Body, func(m ast.Node) bool {
				if as, ok := m.(*ast.AssignStmt); ok {
					for _, l := range as.Lhs {
						if id, ok := ast.Unparen(l).(*ast.Ident); ok && info.ObjectOf(id) == v {
							bad = true
						}
					}
				}
				return !bad
			})
		}
		return true
	})
	if bad {
		return nil
	}
	return out
}

// union is what a and b load together; b's edges are loaded on every
// path when sure, else they may be.
func union(a, b *edgeSet, sure bool) *edgeSet {
	out := &edgeSet{may: map[string]*edgeSet{}, must: map[string]bool{}}
	for n, s := range a.may {
		out.may[n] = s
	}
	for n := range a.must {
		out.must[n] = true
	}
	for n, s := range b.may {
		if old, ok := out.may[n]; ok {
			if old == nil || s == nil {
				out.may[n] = nil
			} else {
				out.may[n] = union(old, s, false)
			}
		} else {
			out.may[n] = s
		}
		if sure && b.must[n] {
			out.must[n] = true
		}
	}
	return out
}

// meet is what a value is known to have loaded that is either what a
// (nil: nothing yet) or what b says.
func meet(a, b *edgeSet) *edgeSet {
	if a == nil {
		return b
	}
	out := union(a, b, false)
	for n := range a.must {
		if b.must[n] {
			out.must[n] = true
		}
	}
	for n := range out.may {
		// What was loaded below an edge, of two values: not known
		// unless one loaded it and the other did not load the edge.
		sa, ina := a.may[n]
		sb, inb := b.may[n]
		switch {
		case ina && inb && (sa == nil || sb == nil):
			out.may[n] = nil
		case ina && inb:
			out.may[n] = meet(sa, sb)
		}
	}
	return out
}

// edgeParam is the parameter of f that e, x.Edges.E at any depth, is an
// edge of, for guardedWithin: a callee testing the edge's own edges
// reads what f's parameter loaded.
func edgeParam(info *types.Info, cp *copies, e ast.Expr) (int, bool) {
	for {
		x, _, ok := edgeField(e)
		if !ok {
			return 0, false
		}
		if i, ok := cp.param(info, x); ok {
			return i, true
		}
		e = x
	}
}
