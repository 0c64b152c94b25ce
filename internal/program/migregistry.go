package program

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"path/filepath"
	"slices"
	"sort"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/internal/codekind"
	"github.com/sqlheat/sqlheat/internal/srcpos"
)

// The program's own migration registry.
//
// A program that keeps its migrations in Go often has no framework for
// them but a registry of its own: a type whose registration method
// appends the functions it is given, or a struct holding them, to a
// field (func (l *List) Register(up, down func(App) error) { l.list =
// append(l.list, &Migration{Up: up, Down: down}) }) or to a package-level
// list, and each migration's file registers its functions from its init
// function (func init() { core.Migrations.Register(func(tx App) error
// {...}, nil) }). A runner ranges over the registry's items and runs each
// (for _, m := range r.list.Items() { m.Up(tx) }), recording the ones it
// applied in a table, so each runs once per deployment, whoever starts
// the runner.
//
// Such a registered function is a migration entry ("runs in migration
// core.Migrations.Register(up) at 1717_init.go:23"), and so is the
// runner, whose own queries (the version table) are migration work too,
// provided the registration is called where the code lets one count its
// runs (an init function, main or what they call, a hook a lifecycle
// framework runs at start: see runs), some function of the module ranges
// over the items and calls the registered functions, and those
// functions or the runner change the schema (run DDL) somewhere below
// them. A registry of HTTP handlers or plugins filled the same way, whose
// items run no DDL, is not one; neither is a registry filled per request
// (its registration's runs cannot be counted).
//
// What runs a migration's code is that migration, or the runner: the
// other entries reaching the runner (a start-up's bootstrap, or a job
// the call graph wrongly joins to it) do not reach the runner nor,
// through it, the registered functions, nor does one migration another
// (see functions), as main does not reach its commands' arms; a finding
// in a migration names it. A registered function that a request calls
// directly (an admin route re-running a normalization) stays the
// request's too.

// regItem says where a registration function puts one of its function
// parameters: in store (a field or a package-level variable), as the
// item itself (field nil) or as field of the struct it appends.
type regItem struct {
	store, field *types.Var
}

// ownMigrations are the program's own registry's migrations (see above),
// found once.
type ownMigrations struct {
	entries []*Entry
	// only are the runners: what their own entries alone reach, and
	// through them, the registered functions.
	only map[*Func]bool
}

// registryMigrations finds the migrations of the program's own
// registries; nil while it runs (functions, which it may call, then
// follows every call).
func (p *Program) registryMigrations() *ownMigrations {
	if p.ownMig != nil || p.ownMigBusy {
		return p.ownMig
	}
	p.ownMigBusy = true
	defer func() { p.ownMigBusy = false }()
	regs := p.registrationFuncs()
	if len(regs) == 0 {
		p.ownMig = &ownMigrations{only: map[*Func]bool{}}
		p.addLadders(p.ownMig)
		return p.ownMig
	}
	// What registrations hand each item of each store, and the name
	// their entries get.
	registered := map[regItem][]regFunc{}
	for _, path := range slices.Sorted(maps.Keys(p.pkgs)) {
		pkg := p.pkgs[path]
		info := pkg.TypesInfo
		for _, file := range pkg.Syntax {
			name := pkg.Fset.File(file.Pos()).Name()
			if codekind.TestFile(name) {
				continue
			}
			ast.Inspect(file, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				fn, _ := typeutil.Callee(info, call).(*types.Func)
				if fn == nil || regs[fn.Origin()] == nil {
					return true
				}
				if in := p.FuncAt(call.Pos()); in == nil || in.syntax == nil {
					return true
				} else if _, ok := p.runs(in, unbounded, 0, map[*Func]bool{}); !ok {
					return true // per request, per row, through a func value: not counted
				}
				sig := fn.Type().(*types.Signature)
				for _, i := range slices.Sorted(maps.Keys(regs[fn.Origin()])) {
					if i >= len(call.Args) || sig.Variadic() && i == sig.Params().Len()-1 {
						continue
					}
					f := p.funcExpr(info, call.Args[i])
					if f == nil {
						continue
					}
					label := f.Name
					if _, isLit := ast.Unparen(call.Args[i]).(*ast.FuncLit); isLit {
						pos := pkg.Fset.Position(call.Pos())
						label = fmt.Sprintf("%s(%s) at %s:%d", types.ExprString(call.Fun), sig.Params().At(i).Name(), filepath.Base(pos.Filename), pos.Line)
					}
					it := regs[fn.Origin()][i]
					registered[it] = append(registered[it], regFunc{f, label})
				}
				return true
			})
		}
	}
	runners := p.registryRunners(registered)
	out := &ownMigrations{only: map[*Func]bool{}}
	// By store: its runners and registered functions change the schema
	// together or not at all.
	byStore := map[*types.Var][]regItem{}
	for it := range registered {
		if len(runners[it]) > 0 {
			byStore[it.store] = append(byStore[it.store], it)
		}
	}
	stores := slices.Collect(maps.Keys(byStore))
	sort.Slice(stores, func(i, j int) bool { return srcpos.Compare(p.Fset, stores[i].Pos(), stores[j].Pos()) < 0 })
	seen := map[*Func]bool{}
	add := func(f *Func, name string) {
		if !seen[f] {
			seen[f] = true
			out.entries = append(out.entries, &Entry{Role: RoleMigration, Name: name, Parts: []Part{{Func: f}}})
		}
	}
	for _, s := range stores {
		items := byStore[s]
		sort.Slice(items, func(i, j int) bool { return fieldPos(items[i]) < fieldPos(items[j]) })
		var fs, run []*Func
		for _, it := range items {
			for _, r := range registered[it] {
				fs = append(fs, r.f)
			}
			run = append(run, runners[it]...)
		}
		if !p.changesSchema(append(slices.Clone(run), fs...)) {
			continue // handlers, plugins: they change no schema
		}
		// The migrations first: a finding names the first entry of its
		// role that reaches it, and the migration says more than the
		// runner.
		for _, it := range items {
			for _, r := range registered[it] {
				add(r.f, r.name)
			}
		}
		sort.Slice(run, func(i, j int) bool { return p.less(run[i], run[j]) })
		for _, f := range run {
			add(f, f.Name)
			out.only[f] = true
		}
	}
	p.addLadders(out)
	p.ownMig = out
	return out
}

func fieldPos(it regItem) int {
	if it.field == nil {
		return 0
	}
	return int(it.field.Pos())
}

// registrationFuncs are the module's functions that put a function
// parameter, or a struct literal holding it, into a field or a
// package-level variable of the module (l.list = append(l.list, &M{Up:
// up}), handlers[name] = h): by function, where each such parameter,
// by index, goes.
func (p *Program) registrationFuncs() map[*types.Func]map[int]regItem {
	out := map[*types.Func]map[int]regItem{}
	for _, pkg := range p.pkgs {
		info := pkg.TypesInfo
		for _, file := range pkg.Syntax {
			if codekind.TestFile(pkg.Fset.File(file.Pos()).Name()) {
				continue
			}
			for _, d := range file.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || fd.Body == nil {
					continue
				}
				fn, _ := info.Defs[fd.Name].(*types.Func)
				if fn == nil {
					continue
				}
				sig := fn.Type().(*types.Signature)
				params := map[*types.Var]int{}
				for i := range sig.Params().Len() {
					if v := sig.Params().At(i); isFuncType(v.Type()) {
						params[v] = i
					}
				}
				if len(params) == 0 {
					continue
				}
				ast.Inspect(fd.Body, func(n ast.Node) bool {
					as, ok := n.(*ast.AssignStmt)
					if !ok || len(as.Lhs) != len(as.Rhs) {
						return true
					}
					for i, lhs := range as.Lhs {
						var vals []ast.Expr
						var store *types.Var
						if ix, ok := ast.Unparen(lhs).(*ast.IndexExpr); ok { // s[k] = v
							store, vals = p.storeVar(info, ix.X), as.Rhs[i:i+1]
						} else if call, ok := ast.Unparen(as.Rhs[i]).(*ast.CallExpr); ok && isBuiltin(info, call.Fun, "append") && len(call.Args) > 1 {
							if s := p.storeVar(info, lhs); s != nil && s == p.storeVar(info, call.Args[0]) { // s = append(s, v)
								store, vals = s, call.Args[1:]
							}
						}
						if store == nil {
							continue
						}
						for _, v := range vals {
							for param, field := range heldParams(info, v, params) {
								if out[fn] == nil {
									out[fn] = map[int]regItem{}
								}
								out[fn][params[param]] = regItem{store: store, field: field}
							}
						}
					}
					return true
				})
			}
		}
	}
	return out
}

// storeVar is the field or module package-level variable e denotes
// (x.list, handlers, pkg.Handlers); nil for a local or another module's.
func (p *Program) storeVar(info *types.Info, e ast.Expr) *types.Var {
	var v *types.Var
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ = info.Uses[e].(*types.Var)
	case *ast.SelectorExpr:
		if s := info.Selections[e]; s != nil {
			if s.Kind() != types.FieldVal {
				return nil
			}
			v, _ = s.Obj().(*types.Var)
		} else {
			v, _ = info.Uses[e.Sel].(*types.Var)
		}
	}
	if v == nil || v.Pkg() == nil || p.pkgs[v.Pkg().Path()] == nil {
		return nil
	}
	if !v.IsField() && v.Parent() != v.Pkg().Scope() {
		return nil // a local
	}
	return v.Origin()
}

// heldParams are the parameters among params that e is (field nil) or
// that a struct literal e (or its address) holds in a field.
func heldParams(info *types.Info, e ast.Expr, params map[*types.Var]int) map[*types.Var]*types.Var {
	out := map[*types.Var]*types.Var{}
	param := func(e ast.Expr) *types.Var {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return nil
		}
		v, _ := info.Uses[id].(*types.Var)
		if _, ok := params[v]; ok {
			return v
		}
		return nil
	}
	if v := param(e); v != nil {
		out[v] = nil
		return out
	}
	if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok {
		e = u.X
	}
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok {
		return out
	}
	st, _ := under(info.TypeOf(lit)).(*types.Struct)
	if st == nil {
		return out
	}
	for i, elt := range lit.Elts {
		var field *types.Var
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				field, _ = info.Uses[id].(*types.Var)
			}
			elt = kv.Value
		} else if i < st.NumFields() {
			field = st.Field(i)
		}
		if v := param(elt); v != nil && field != nil {
			out[v] = field.Origin()
		}
	}
	return out
}

// regFunc is a function a registration hands a registry, with the name
// its entry gets.
type regFunc struct {
	f    *Func
	name string
}

// registryRunners are, by item, the module's declared functions that
// range over the item's store (directly or through a getter returning
// it) and call the item in the loop's body (m.Up(tx), or h(w, r)).
func (p *Program) registryRunners(registered map[regItem][]regFunc) map[regItem][]*Func {
	out := map[regItem][]*Func{}
	for _, pkg := range p.pkgs {
		info := pkg.TypesInfo
		for _, file := range pkg.Syntax {
			if codekind.TestFile(pkg.Fset.File(file.Pos()).Name()) {
				continue
			}
			for _, d := range file.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || fd.Body == nil {
					continue
				}
				runs := map[regItem]bool{}
				ast.Inspect(fd.Body, func(n ast.Node) bool {
					rs, ok := n.(*ast.RangeStmt)
					if !ok || rs.Value == nil {
						return true
					}
					store := p.rangedStore(info, fd.Body, rs.X)
					id, _ := ast.Unparen(rs.Value).(*ast.Ident)
					if store == nil || id == nil {
						return true
					}
					elem, _ := info.ObjectOf(id).(*types.Var)
					for it := range registered {
						if it.store == store && !runs[it] && callsItem(info, rs.Body, elem, it.field) {
							runs[it] = true
						}
					}
					return true
				})
				fn, _ := info.Defs[fd.Name].(*types.Func)
				if f := p.Func(fn); f != nil {
					for it := range runs {
						out[it] = append(out[it], f)
					}
				}
			}
		}
	}
	return out
}

// rangedStore is the store a range statement's expression, in body,
// denotes: the field or package-level variable itself, or what a getter
// of the module returns (func (l *List) Items() []*M { return l.list }),
// directly, sliced, or kept in a local declared with it (items :=
// r.list.Items(); range items[n-1:]).
func (p *Program) rangedStore(info *types.Info, body *ast.BlockStmt, e ast.Expr) *types.Var {
	e = ast.Unparen(e)
	if sl, ok := e.(*ast.SliceExpr); ok {
		e = ast.Unparen(sl.X)
	}
	if id, ok := e.(*ast.Ident); ok {
		if v, _ := info.Uses[id].(*types.Var); v != nil && !v.IsField() && v.Parent() != nil && v.Pkg() != nil && v.Parent() != v.Pkg().Scope() {
			return p.localStore(info, body, v)
		}
	}
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return p.storeVar(info, e)
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	g := p.Func(fn)
	if g == nil || p.pkgs[g.pkg] == nil {
		return nil
	}
	fd, ok := g.syntax.(*ast.FuncDecl)
	if !ok || fd.Body == nil || len(fd.Body.List) != 1 {
		return nil
	}
	ret, ok := fd.Body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return nil
	}
	return p.storeVar(p.pkgs[g.pkg].TypesInfo, ret.Results[0])
}

// localStore is the store v, a local of body, holds when its declaration
// (v := x) is its only assignment and x denotes a store (see rangedStore,
// which does not follow another local).
func (p *Program) localStore(info *types.Info, body *ast.BlockStmt, v *types.Var) *types.Var {
	var from ast.Expr
	writes := 0
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok {
			return true
		}
		for i, lhs := range as.Lhs {
			id, ok := ast.Unparen(lhs).(*ast.Ident)
			if !ok || info.ObjectOf(id) != v {
				continue
			}
			writes++
			if as.Tok == token.DEFINE && len(as.Lhs) == len(as.Rhs) {
				from = as.Rhs[i]
			}
		}
		return true
	})
	if writes != 1 || from == nil {
		return nil
	}
	if id, ok := ast.Unparen(from).(*ast.Ident); ok && info.Uses[id] != nil {
		if w, _ := info.Uses[id].(*types.Var); w != nil && !w.IsField() && w.Pkg() != nil && w.Parent() != w.Pkg().Scope() {
			return nil // another local
		}
	}
	return p.rangedStore(info, body, from)
}

// callsItem reports whether body calls elem, the range's value (field
// nil), or elem's field.
func callsItem(info *types.Info, body ast.Node, elem, field *types.Var) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		switch fun := ast.Unparen(call.Fun).(type) {
		case *ast.Ident:
			found = field == nil && info.Uses[fun] == elem
		case *ast.SelectorExpr:
			x, ok := ast.Unparen(fun.X).(*ast.Ident)
			s := info.Selections[fun]
			found = ok && field != nil && info.Uses[x] == elem && s != nil && s.Kind() == types.FieldVal && s.Obj().(*types.Var).Origin() == field
		}
		return !found
	})
	return found
}

func isFuncType(t types.Type) bool {
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

func isBuiltin(info *types.Info, fun ast.Expr, name string) bool {
	id, ok := ast.Unparen(fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}
