package program

import (
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"slices"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/internal/sqlparse"
)

// What only start-up fills.
//
// A loop over what an operator configures runs once per configured item:
// a server's plugins, its storage backends, its rate limiters, the
// agents it is told to ask. Configuration is read when the program
// starts and kept in package variables and in the fields of long-lived
// structs; a loop over one of them in a request is as long as the
// configuration, not as the data, and an N+1 over three plugins is not
// what an optimization push is after. Nothing in the types says a list
// is configuration (a field tagged yaml is, which the queries pass
// knows; one filled from a decoded file or from rows at start-up is
// not). What the program does says it: every place that can change what
// the variable or field holds runs at start-up (or in a command an
// operator runs), never per request or per job. Those places are found
// in the module's code: assignments to it (and, for a map, to its
// elements), composite literals setting it, its address taken or a
// pointer to its struct handed to code outside the module (a decoder),
// and methods of other packages called on it (a sync.Map's Store).

// writes indexes, by package-level variable and struct field of the
// module (their origins, for generic types), the places that may change
// what they hold; by struct type, the places that hand out its address
// (a decoder may then fill any of its fields).
type writes struct {
	of   map[*types.Var][]place
	addr map[*types.TypeName][]place
	// within are, by struct type, the places handing out a pointer to a
	// list or map of its values (json.Unmarshal(b, &items)): what
	// receives it may make values with any fields.
	within map[*types.TypeName][]place
	top    bool        // the walk is in a package-level declaration
	info   *types.Info // the walk's package's
}

// place is where a write is: top for a package-level declaration's. val
// is the value written, when the write sets the whole variable or field
// to one (v = e, T{F: e}), in the package of info; nil otherwise.
type place struct {
	pos  token.Pos
	top  bool
	val  ast.Expr
	info *types.Info
	lit  bool       // a composite literal's field
	on   *types.Var // the package variable whose field an assignment sets (V.F = x)
}

// writes builds the index on first use.
func (p *Program) writesIndex() *writes {
	if p.wr != nil {
		return p.wr
	}
	w := &writes{of: map[*types.Var][]place{}, addr: map[*types.TypeName][]place{}, within: map[*types.TypeName][]place{}}
	p.wr = w
	for _, path := range p.sortedPaths() {
		pkg := p.pkgs[path]
		info := pkg.TypesInfo
		if info == nil {
			continue
		}
		w.info = info
		for _, f := range pkg.Syntax {
			for _, d := range f.Decls {
				// A package-level declaration runs at the package's
				// initialization: its writes are start-up's.
				_, fn := d.(*ast.FuncDecl)
				w.top = !fn
				ast.Inspect(d, func(n ast.Node) bool {
					p.write(w, info, n)
					return true
				})
			}
		}
	}
	w.top = false
	return w
}

// write records what node n may write.
func (p *Program) write(w *writes, info *types.Info, n ast.Node) {
	switch n := n.(type) {
	case *ast.AssignStmt:
		for i, lhs := range n.Lhs {
			var val ast.Expr
			if len(n.Lhs) == len(n.Rhs) && (n.Tok == token.ASSIGN || n.Tok == token.DEFINE) {
				val = n.Rhs[i]
			}
			w.targetVal(info, lhs, val, n.Pos())
		}
		w.aliased(info, n.Rhs, n.Pos())
	case *ast.ValueSpec:
		for _, name := range n.Names {
			if v, ok := info.Defs[name].(*types.Var); ok && len(n.Values) > 0 && v.Parent() == v.Pkg().Scope() {
				w.add(v, name.Pos())
			}
		}
		w.aliased(info, n.Values, n.Pos())
	case *ast.ReturnStmt:
		w.aliased(info, n.Results, n.Pos())
	case *ast.RangeStmt:
		if n.Tok == token.ASSIGN {
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if e != nil {
					w.target(info, e, n.Pos())
				}
			}
		}
	case *ast.UnaryExpr:
		if n.Op == token.AND {
			if _, lit := ast.Unparen(n.X).(*ast.CompositeLit); !lit {
				w.target(info, n.X, n.Pos())
				w.addrOf(info.TypeOf(n.X), n.Pos())
			}
		}
	case *ast.CompositeLit:
		w.literal(info, n)
		var elts []ast.Expr
		for _, e := range n.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				e = kv.Value
			}
			elts = append(elts, e)
		}
		w.aliased(info, elts, n.Pos())
	case *ast.CallExpr:
		if !readsOnly(info, n) { // len(m), maps.Keys(m) add nothing to m
			w.aliased(info, n.Args, n.Pos())
		}
		p.outside(w, info, n)
	}
}

func (w *writes) add(v *types.Var, pos token.Pos) { w.addVal(v, nil, pos) }

// addVal records a write of v at pos setting it to val (nil: unknown).
func (w *writes) addVal(v *types.Var, val ast.Expr, pos token.Pos) {
	v = v.Origin()
	w.of[v] = append(w.of[v], place{pos: pos, top: w.top, val: val, info: w.info})
}

// addLit records a composite literal's setting of field v to val at pos.
func (w *writes) addLit(v *types.Var, val ast.Expr, pos token.Pos) {
	v = v.Origin()
	w.of[v] = append(w.of[v], place{pos: pos, top: w.top, val: val, info: w.info, lit: true})
}

// aliased records the maps among es, which are handed on where they
// are: what receives one may add to it (a slice it receives it cannot
// lengthen in place, and a pointer is an address handed out).
func (w *writes) aliased(info *types.Info, es []ast.Expr, pos token.Pos) {
	for _, e := range es {
		if _, ok := under(info.TypeOf(e)).(*types.Map); ok {
			w.target(info, e, pos)
		}
	}
}

// target records a write of what e denotes: a package-level variable, a
// field, or, for an element of a map, the map.
func (w *writes) target(info *types.Info, e ast.Expr, pos token.Pos) {
	w.targetVal(info, e, nil, pos)
}

// targetVal is target for a write setting what e denotes to val (nil:
// unknown).
func (w *writes) targetVal(info *types.Info, e, val ast.Expr, pos token.Pos) {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := info.ObjectOf(e).(*types.Var); ok && v.Parent() == v.Pkg().Scope() {
			w.addVal(v, val, pos)
		}
	case *ast.SelectorExpr:
		if v, ok := info.ObjectOf(e.Sel).(*types.Var); ok && (v.IsField() || v.Parent() == v.Pkg().Scope()) {
			w.addVal(v, val, pos)
			if id, ok := ast.Unparen(e.X).(*ast.Ident); ok && v.IsField() {
				if on, ok := info.Uses[id].(*types.Var); ok && on.Pkg() != nil && on.Parent() == on.Pkg().Scope() {
					pl := &w.of[v.Origin()][len(w.of[v.Origin()])-1]
					pl.on = on
				}
			}
		}
	case *ast.IndexExpr:
		if _, ok := under(info.TypeOf(e.X)).(*types.Map); ok {
			w.target(info, e.X, pos) // m[k] = v adds to m
		}
	}
}

// addrOf records a pointer to a value of type t handed out at pos: what
// receives it may write any field of the struct.
func (w *writes) addrOf(t types.Type, pos token.Pos) {
	if t == nil {
		return
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		if _, ok := n.Underlying().(*types.Struct); ok {
			w.addr[n.Origin().Obj()] = append(w.addr[n.Origin().Obj()], place{pos: pos, top: w.top})
		}
	}
	// The structs of a list or map it points to.
	for range 4 {
		switch u := under(t).(type) {
		case *types.Slice:
			t = u.Elem()
		case *types.Array:
			t = u.Elem()
		case *types.Map:
			t = u.Elem()
		case *types.Pointer:
			t = u.Elem()
		default:
			t = nil
		}
		if t == nil {
			return
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			if _, ok := n.Underlying().(*types.Struct); ok {
				w.within[n.Origin().Obj()] = append(w.within[n.Origin().Obj()], place{pos: pos, top: w.top})
				return
			}
		}
	}
}

// literal records the fields a struct literal sets.
func (w *writes) literal(info *types.Info, lit *ast.CompositeLit) {
	st, ok := under(info.TypeOf(lit)).(*types.Struct)
	if !ok {
		return
	}
	for i, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				if v, ok := info.ObjectOf(id).(*types.Var); ok {
					w.addLit(v, kv.Value, kv.Pos())
				}
			}
			continue
		}
		if i < st.NumFields() {
			w.addLit(st.Field(i), elt, elt.Pos())
		}
	}
}

// outside records what a call of a function outside the module may
// write: a struct whose pointer it is given (json.Unmarshal(b, cfg)),
// the variable or field a method of another package is called on
// (s.cache.Store(k, v)).
func (p *Program) outside(w *writes, info *types.Info, call *ast.CallExpr) {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn != nil && fn.Pkg() != nil && p.pkgs[fn.Pkg().Path()] != nil {
		return // the module's own: its body's writes are indexed
	}
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		return // a conversion
	}
	if _, ok := info.Uses[identOf(call.Fun)].(*types.Builtin); ok {
		return // append, len, delete: none adds to what it is given in place
	}
	for _, arg := range call.Args {
		if ptr, ok := under(info.TypeOf(arg)).(*types.Pointer); ok {
			w.addrOf(ptr.Elem(), call.Pos())
		}
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && fn != nil && info.Selections[sel] != nil {
		w.target(info, sel.X, call.Pos())
	}
}

// sortedPaths are the paths of the module's packages in the graph, in
// order: what walks them all does it the same way from run to run.
func (p *Program) sortedPaths() []string {
	return slices.Sorted(maps.Keys(p.pkgs))
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

func under(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return t.Underlying()
}

// FilledAtStart says whether x, the collection a range statement of the
// module ranges over (info is its package's), holds what only start-up
// fills (see above): a package-level variable or a field, through
// selectors, indexes and dereferences (h.notifiers,
// limiters[protocol], conf.Server.Agents), every one of which is
// written only where no entry but start-up, a command or a package's
// initialization runs (reaching gives the entries that reach each
// function, as Reaching does). A local variable or a call's result
// along the way is not followed: what it holds is not known here. It
// also says which variable or field it is, for messages.
func (p *Program) FilledAtStart(info *types.Info, x ast.Expr, reaching map[*Func][]*Entry) (string, bool) {
	var chain []*types.Var // the collection's variable or field first
	var owners []*types.TypeName
	for e := ast.Unparen(x); ; {
		switch v := e.(type) {
		case *ast.SelectorExpr:
			obj, ok := info.ObjectOf(v.Sel).(*types.Var)
			if !ok {
				return "", false
			}
			chain = append(chain, obj)
			if sel := info.Selections[v]; sel != nil {
				if sel.Kind() != types.FieldVal {
					return "", false
				}
				owners = append(owners, ownerOf(sel))
				e = ast.Unparen(v.X)
				continue
			}
		case *ast.IndexExpr:
			e = ast.Unparen(v.X)
			continue
		case *ast.StarExpr:
			e = ast.Unparen(v.X)
			continue
		case *ast.SliceExpr:
			e = ast.Unparen(v.X) // a part of it holds no more
			continue
		case *ast.Ident:
			obj, ok := info.ObjectOf(v).(*types.Var)
			if !ok {
				return "", false
			}
			if obj.Parent() == obj.Pkg().Scope() {
				chain = append(chain, obj)
			}
		default:
			return "", false
		}
		break
	}
	if len(chain) == 0 {
		return "", false
	}
	w := p.writesIndex()
	var places []place
	for _, v := range chain {
		if p.pkgs[v.Pkg().Path()] == nil {
			return "", false // another module's: what fills it is not here
		}
		places = append(places, w.of[v.Origin()]...)
	}
	filled := len(w.of[chain[0].Origin()]) > 0
	for _, o := range owners {
		if o != nil {
			places = append(places, w.addr[o]...)
			filled = filled || len(w.addr[o]) > 0
		}
	}
	if !filled {
		return "", false // written nowhere this code shows: a decoder given a pointer made elsewhere, say
	}
	if !p.allAtStart(places, reaching) {
		return "", false
	}
	return types.ExprString(x), true
}

// ReadAtStart says whether some write of x's variable or field (the
// collection FilledAtStart follows, its first selector) is in a function
// that runs queries: start-up read the list from the database (a
// tenants table's rows), as many items as the table holds, not as an
// operator configures. A function whose only queries change the schema
// (gorm's AutoMigrate, which the constructor of a backend's client runs
// while start-up builds the list of backends) read nothing.
func (p *Program) ReadAtStart(info *types.Info, x ast.Expr) bool {
	var v *types.Var
	switch e := ast.Unparen(x).(type) {
	case *ast.SelectorExpr:
		v, _ = info.ObjectOf(e.Sel).(*types.Var)
	case *ast.Ident:
		v, _ = info.ObjectOf(e).(*types.Var)
	}
	if v == nil {
		return false
	}
	for _, pl := range p.writesIndex().of[v.Origin()] {
		if f := p.FuncAt(pl.pos); f != nil {
			for _, r := range p.Reach(f) {
				if r.Site.Kind() != sqlparse.KindDDL { // AutoMigrate, CREATE TABLE: no rows read
					return true
				}
			}
		}
	}
	return false
}

// filledAtStart reports whether v, a package-level variable of the
// module, is written somewhere and only at start-up (see FilledAtStart).
func (p *Program) filledAtStart(v *types.Var, reaching map[*Func][]*Entry) bool {
	if v.Pkg() == nil || p.pkgs[v.Pkg().Path()] == nil {
		return false
	}
	places := p.writesIndex().of[v.Origin()]
	return len(places) > 0 && p.allAtStart(places, reaching)
}

// allAtStart reports whether every place runs at start-up: in a
// package-level declaration, or in code only start-up reaches. A place
// in a function nothing in production runs changes nothing the program
// holds: the exported Register a manager's tests call to add a backend
// leaves the list what configuration made it. Such a function is one
// Unreached found dead or test-only, once it has run, or one tests call
// that no entry reaches (Unreached keeps live every exported method of a
// type whose values go to a dependency as an interface, which may call
// any of them by reflection: possible, but no reason to count a list as
// data). A generic function's entries reach its instances, not it: its
// place counts. At least one place must run.
func (p *Program) allAtStart(places []place, reaching map[*Func][]*Entry) bool {
	run := 0
	for _, pl := range places {
		if !pl.top && p.notRun != nil {
			if f := p.FuncAt(pl.pos); f != nil && (p.notRun[f] || p.tested[f] && !genericDecl(f) && len(reaching[f]) == 0) {
				continue
			}
		}
		run++
		if !pl.top && !p.atStart(pl.pos, reaching) {
			if p.typed != nil && p.readOnlyAddr(pl.pos) {
				continue // a getter's pointer only read through (see typedfew.go)
			}
			return false
		}
	}
	return run > 0
}

// genericDecl reports whether f is, or is declared in, a generic function or
// a method of a generic type.
func genericDecl(f *Func) bool {
	if f.Decl == nil {
		return false
	}
	sig := f.Decl.Signature()
	return sig.TypeParams().Len() > 0 || sig.RecvTypeParams().Len() > 0
}

// ownerOf is the named struct type whose field a selection selects, nil
// for an anonymous one.
func ownerOf(sel *types.Selection) *types.TypeName {
	t := sel.Recv()
	idx := sel.Index()
	for _, k := range idx[:len(idx)-1] {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok {
			return nil
		}
		t = st.Field(k).Type()
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Origin().Obj()
	}
	return nil
}

// atStart says whether the code at pos, in a function, runs only at
// start-up: entries reach its function, every one of them start-up or a
// command. Code no entry reaches (or a function the graph does not
// have) is not known to.
func (p *Program) atStart(pos token.Pos, reaching map[*Func][]*Entry) bool {
	f := p.FuncAt(pos)
	if f == nil {
		return false
	}
	es := reaching[f]
	if len(es) == 0 {
		return false
	}
	for _, e := range es {
		if e.Role != RoleStartup && e.Role != RoleCLI {
			return false
		}
	}
	return true
}
