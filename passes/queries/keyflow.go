package queries

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// What a cache's key is computed from. A read-through cache of one pass
// (a memo the caller hands in, see cache.go; a process's cache hits,
// once warm, whatever the key) saves round trips in a loop only when its
// key repeats across the loop's items: a setting read by a constant key,
// once; a lookup by each item's own id misses on every item, and the
// loop runs one query per item all the same. So a query that fills a
// keyed cache says what its key is (Query.KeyFrom): the same on every
// call (a constant, a package-level value), one of its function's
// parameters, or something else; and a call in a loop, of a function
// whose cache is keyed by a parameter, is read through the argument it
// passes there: made anew per item by the loop (its variable, a value
// built from it, a value the loop carries from one item to the next),
// the queries run per item; made before the loop, once.
//
// Flow reads that from the syntax of one function: a local variable is
// what its writes (assignments, declarations, range statements) compute;
// a call of a function is what its arguments are (fmt.Sprintf,
// path.Join), but a call taking none, a method's call, a receive, a
// variable whose address is taken, evaluated in a loop, may answer
// something else on each item (time.Now(), it.Value(), rows.Scan(&v)).

// Flow traces the values of one function (a declaration or a literal).
type Flow struct {
	info   *types.Info
	fn     ast.Node // *ast.FuncDecl or *ast.FuncLit
	sig    *types.Signature
	writes map[*types.Var][]ast.Expr     // what each write of a local computes (the variable itself for v++, v += x)
	at     map[*types.Var][]token.Pos    // where those writes are, and where the address is taken
	ranged map[*types.Var]*ast.RangeStmt // the range statement defining a variable
	addr   map[*types.Var]bool           // address taken: written out of sight
}

// NewFlow reads fn, a *ast.FuncDecl or *ast.FuncLit; nil for anything
// else.
func NewFlow(info *types.Info, fn ast.Node) *Flow {
	if info == nil {
		return nil
	}
	f := &Flow{info: info, fn: fn, writes: map[*types.Var][]ast.Expr{}, at: map[*types.Var][]token.Pos{}, ranged: map[*types.Var]*ast.RangeStmt{}, addr: map[*types.Var]bool{}}
	var body *ast.BlockStmt
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		if obj, ok := info.Defs[fn.Name].(*types.Func); ok {
			f.sig, _ = obj.Type().(*types.Signature)
		}
		body = fn.Body
	case *ast.FuncLit:
		f.sig, _ = info.TypeOf(fn).(*types.Signature)
		body = fn.Body
	}
	if f.sig == nil || body == nil {
		return nil
	}
	// local is the variable of the function e writes into: v of v, v.f,
	// v[i], *v.
	local := func(e ast.Expr) *types.Var {
		v := Root(info, e)
		if v == nil || v.IsField() || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
			return nil
		}
		return v
	}
	inBody := func(v *types.Var) *types.Var {
		if v != nil && body.Pos() <= v.Pos() && v.Pos() < body.End() {
			return v
		}
		return nil
	}
	// touch marks v as written out of sight at pos: through its address,
	// a method of it, or a call handed what it refers to.
	touch := func(v *types.Var, pos token.Pos) {
		if v != nil {
			f.addr[v] = true
			f.at[v] = append(f.at[v], pos)
		}
	}
	write := func(v *types.Var, x ast.Expr, pos token.Pos) {
		if v != nil {
			f.writes[v] = append(f.writes[v], x)
			f.at[v] = append(f.at[v], pos)
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				v := local(lhs)
				switch {
				case len(n.Rhs) == len(n.Lhs):
					write(v, n.Rhs[i], n.Pos())
				case len(n.Rhs) == 1:
					write(v, n.Rhs[0], n.Pos())
				}
				if n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
					write(v, lhs, n.Pos()) // v += x: what v was, too
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				v, _ := info.Defs[id].(*types.Var)
				switch {
				case len(n.Values) == len(n.Names):
					write(v, n.Values[i], n.Pos())
				case len(n.Values) == 1:
					write(v, n.Values[0], n.Pos())
				}
			}
		case *ast.IncDecStmt:
			write(local(n.X), n.X, n.Pos())
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if v := local(e); v != nil {
					if n.Tok == token.DEFINE {
						f.ranged[v] = n
					} else {
						write(v, e, n.Pos()) // an earlier variable: what the loop gives it
						f.addr[v] = true
					}
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				touch(local(n.X), n.Pos())
			}
		case *ast.CallExpr:
			if tv, ok := info.Types[n.Fun]; ok && (tv.IsType() || tv.IsBuiltin() && !isAppendOrCopy(n, info)) {
				break
			}
			// b.WriteString(x), rows.Next(): a method may change what its
			// receiver holds; fill(buf), a function what it is handed —
			// of the function's own values (a parameter's, a callee's
			// to keep, is read through the calls in the loop, see trace).
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && info.Selections[sel] != nil && info.Selections[sel].Kind() == types.MethodVal {
				touch(inBody(local(sel.X)), n.Pos())
			}
			for _, arg := range n.Args {
				if refers(info.TypeOf(arg)) {
					touch(inBody(local(arg)), n.Pos())
				}
			}
		}
		return true
	})
	return f
}

// isAppendOrCopy says whether call is of the builtin copy (which writes
// its first argument); append writes nothing its result does not say.
func isAppendOrCopy(call *ast.CallExpr, info *types.Info) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == "copy"
}

// refers says whether a value of type t refers to storage a callee may
// write: a pointer, a map, a slice, a channel, an interface.
func refers(t types.Type) bool {
	if t == nil {
		return false
	}
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Map, *types.Slice, *types.Chan, *types.Interface:
		return true
	}
	return false
}

// Root is the variable a selection, an index or a dereference starts
// from (s in s.cur.id, m in m[k], p in *p, v in v), nil when it starts
// from anything else (a call's result).
func Root(info *types.Info, e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			v, _ := info.ObjectOf(x).(*types.Var)
			return v
		case *ast.SelectorExpr:
			if info.Selections[x] == nil {
				v, _ := info.Uses[x.Sel].(*types.Var) // pkg.Var
				return v
			}
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// From traces x, an expression of the function: ord is 0 when x is the
// same whatever the call's arguments (constants, package-level values, a
// value made in the function from those), a mask of the function's
// parameters it is computed from when it is (bit n-1 for the parameter
// n-1, the receiver first, for a method: see Params), -1 when from what
// the function cannot name (a closure's parameter, a variable it
// captures); varies says one of loops, loops of the function around x,
// makes it anew per item.
func (f *Flow) From(x ast.Expr, loops []*Loop) (ord int, varies bool) {
	if fewValues(f.info.TypeOf(x)) {
		return 0, false
	}
	t := &trace{f: f, loops: loops, params: map[int]bool{}, state: map[*types.Var]int{}}
	t.expr(x)
	return t.result()
}

// fewValues reports whether a key of type t takes few values whatever
// computes it: a reflect.Type, one of the program's types (a writer
// kept per row type is made once per type, not per row).
func fewValues(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "reflect" && n.Obj().Name() == "Type"
}

// FromVars is From for a value computed from vars alone.
func (f *Flow) FromVars(vars []types.Object, loops []*Loop) (ord int, varies bool) {
	t := &trace{f: f, loops: loops, params: map[int]bool{}, state: map[*types.Var]int{}}
	for _, o := range vars {
		if v, ok := o.(*types.Var); ok {
			t.variable(v)
		}
	}
	return t.result()
}

func (t *trace) result() (ord int, varies bool) {
	for p := range t.params {
		if p >= 63 {
			t.opaque = true
		} else {
			ord |= 1 << (p - 1)
		}
	}
	if t.opaque {
		ord = -1
	}
	return ord, t.varies
}

// Through traces a key computed from the parameters of mask (see
// From) of call's callee: from what call, in the function, passes them;
// varies says one of loops, the loops around call, makes one anew per
// item. A Flow that could not read its function (nil) knows nothing of
// the arguments: they vary with any loop that multiplies.
func (f *Flow) Through(call *ast.CallExpr, recv bool, mask int, loops []*Loop) (ord int, varies bool) {
	per := itemLoops(loops)
	if mask < 0 || f == nil {
		return -1, len(per) > 0
	}
	for _, n := range Params(mask) {
		arg := Arg(f.info, call, recv, n)
		if arg == nil {
			return -1, len(per) > 0
		}
		o, v := f.From(arg, per)
		ord, varies = UnionKeys(ord, o), varies || v
	}
	return ord, varies
}

// itemLoops are the loops of loops that repeat per item.
func itemLoops(loops []*Loop) []*Loop {
	var out []*Loop
	for _, l := range loops {
		if l.Kind.PerItem() {
			out = append(out, l)
		}
	}
	return out
}

// Arg is the expression call hands its callee's parameter ord-1 (the
// receiver first when recv, the callee being a method), nil when it
// cannot be told (a method expression or value, a variadic parameter,
// f(g()) spreading one call).
func Arg(info *types.Info, call *ast.CallExpr, recv bool, ord int) ast.Expr {
	sig, _ := info.TypeOf(call.Fun).(*types.Signature)
	if sig == nil || ord <= 0 {
		return nil
	}
	k := ord - 1
	sel, _ := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	var s *types.Selection
	if sel != nil {
		s = info.Selections[sel]
	}
	if (s != nil && s.Kind() == types.MethodVal) != recv {
		return nil // a method value, a method expression: shifted
	}
	if recv {
		if k == 0 {
			return sel.X
		}
		k--
	}
	if k >= len(call.Args) || sig.Variadic() && k >= sig.Params().Len()-1 || len(call.Args) != sig.Params().Len() && !sig.Variadic() {
		return nil
	}
	return call.Args[k]
}

// Params is the set of parameters, by ordinal n (n-1 the index, the
// receiver first), a KeyFrom mask holds; nil for -1, which names none.
func Params(mask int) []int {
	var out []int
	for n := 1; mask > 0 && n < 63; n++ {
		if mask&(1<<(n-1)) != 0 {
			out = append(out, n)
		}
	}
	return out
}

// UnionKeys is the key computed from two: the parameters of either, -1
// when either is -1.
func UnionKeys(a, b int) int {
	if a < 0 || b < 0 {
		return -1
	}
	return a | b
}

// trace is one question to a Flow.
type trace struct {
	f      *Flow
	loops  []*Loop
	params map[int]bool
	opaque bool
	varies bool
	state  map[*types.Var]int // 1: being traced, 2: traced
}

// inLoop says whether pos is inside one of the loops.
func (t *trace) inLoop(pos token.Pos) bool {
	for _, l := range t.loops {
		if l.Node != nil && l.Node.Pos() <= pos && pos < l.Node.End() {
			return true
		}
	}
	return false
}

func (t *trace) expr(x ast.Expr) {
	info := t.f.info
	ast.Inspect(x, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if s := info.Selections[n]; s != nil {
				t.expr(n.X) // a field or a method of what X is
				return false
			}
			t.ident(n.Sel) // a package's name
			return false
		case *ast.KeyValueExpr:
			if _, isID := n.Key.(*ast.Ident); isID {
				t.expr(n.Value) // a field's name, or a map's constant key
				return false
			}
		case *ast.Ident:
			t.ident(n)
		case *ast.UnaryExpr:
			if n.Op == token.ARROW && t.inLoop(n.Pos()) {
				t.varies = true
			}
		case *ast.CallExpr:
			if tv, ok := info.Types[n.Fun]; ok && (tv.IsType() || tv.IsBuiltin()) {
				break // a conversion, len(x): what the operands are
			}
			if !t.inLoop(n.Pos()) {
				break
			}
			fn, _ := typeutil.Callee(info, n).(*types.Func)
			if fn == nil || fn.Type().(*types.Signature).Recv() != nil || len(n.Args) == 0 {
				t.varies = true // state read anew on each item
			}
		}
		return true
	})
}

func (t *trace) ident(id *ast.Ident) {
	if v, ok := t.f.info.ObjectOf(id).(*types.Var); ok {
		t.variable(v)
	}
}

func (t *trace) variable(v *types.Var) {
	if v == nil || v.IsField() || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return // a constant, a function, a package-level variable
	}
	switch t.state[v] {
	case 1:
		// v's value depends on what it was: carried from item to item
		// when a loop writes it.
		for _, pos := range t.f.at[v] {
			if t.inLoop(pos) {
				t.varies = true
			}
		}
		return
	case 2:
		return
	}
	t.state[v] = 1
	defer func() { t.state[v] = 2 }()
	if ord := t.ordinal(v); ord > 0 {
		t.params[ord] = true
	} else if !(t.f.fn.Pos() <= v.Pos() && v.Pos() < t.f.fn.End()) {
		t.opaque = true // captured from an enclosing function
		return
	} else if rs := t.f.ranged[v]; rs != nil {
		for _, l := range t.loops {
			if l.Node == rs {
				t.varies = true // the loop's own item
				return
			}
		}
		t.expr(rs.X)
		return
	} else if t.f.isParam(v) {
		t.opaque = true // a closure's parameter: its caller's to say
		if t.inLoop(v.Pos()) {
			t.varies = true
		}
		return
	}
	if t.f.addr[v] {
		t.opaque = true
		for _, pos := range t.f.at[v] {
			if t.inLoop(pos) {
				t.varies = true
			}
		}
	}
	for _, w := range t.f.writes[v] {
		t.expr(w)
	}
}

// ordinal is 1 + v's index among the function's parameters, the receiver
// first; 0 when it is none.
func (t *trace) ordinal(v *types.Var) int {
	sig := t.f.sig
	i := 0
	if r := sig.Recv(); r != nil {
		if r == v {
			return 1
		}
		i = 1
	}
	for j := range sig.Params().Len() {
		if sig.Params().At(j) == v {
			return i + j + 1
		}
	}
	return 0
}

// isParam says whether v is the parameter of a literal inside the
// function.
func (f *Flow) isParam(v *types.Var) bool {
	found := false
	ast.Inspect(f.fn, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok && lit != f.fn {
			for _, fl := range lit.Type.Params.List {
				for _, name := range fl.Names {
					if f.info.Defs[name] == v {
						found = true
					}
				}
			}
		}
		return !found
	})
	return found
}
