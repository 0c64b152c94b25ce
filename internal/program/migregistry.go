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
// A registry may keep values instead, each a migration's type
// implementing an interface of the program's (Up(res) error, Version()
// uint64): a package lists its migrations as []Script{new(addUsers),
// &renameCols{}} (returned by an All() function, or appended), start-up
// hands the lists to a registration method, maybe through an interface
// the registry implements, that keeps each value in a field (directly,
// or wrapped: m.pending = append(m.pending, &item{script: s})), and a
// runner ranges over the field calling the interface's methods
// (swc.script.Up(res)). The registered functions are then those methods
// of each listed type that run queries (Up, not Version), provided
// start-up reaches the registration (see registeredAtStart; the lists
// themselves are not followed to it) and those methods or the runner
// change the schema, which a program with an ORM does through its
// schema calls (gorm's AutoMigrate, behind a wrapper of the program's
// whose models are interface{}: see changesSchema). A registry of
// plugins or handlers kept the same way runs no DDL: it is none.
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
// item itself (field nil) or as field of the struct it appends. For a
// registry of values, iface is the interface the parameter holds (or
// lists) them as; nil for a registry of functions.
type regItem struct {
	store, field *types.Var
	iface        *types.Named
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
					if i >= len(call.Args) || sig.Variadic() && i == sig.Params().Len()-1 || regs[fn.Origin()][i].iface != nil {
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
	items := slices.Collect(maps.Keys(registered))
	for _, its := range regs {
		for _, it := range its {
			if it.iface != nil {
				items = append(items, it)
			}
		}
	}
	runners, methods := p.registryRunners(items)
	p.registeredValues(regs, methods, registered)
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

// registeredValues adds to registered, for each registry of values
// (regItem.iface) that start-up fills and a runner runs, the methods the
// runner calls (methods) of the types whose values the module lists as
// the interface, []I{new(T), &U{}} in a literal or appended to a []I,
// that run queries (an Up, not a Version).
// The literal is not followed to the registration: a list of the
// interface a registry keeps, whose registration is called where its
// runs are counted, is taken for one of the registry's.
func (p *Program) registeredValues(regs map[*types.Func]map[int]regItem, methods map[regItem][]string, registered map[regItem][]regFunc) {
	filled := map[*types.Named]bool{} // the interfaces of the registries start-up fills
	byIface := map[*types.Named][]regItem{}
	for _, fn := range slices.SortedFunc(maps.Keys(regs), func(a, b *types.Func) int { return srcpos.Compare(p.Fset, a.Pos(), b.Pos()) }) {
		for _, it := range regs[fn] {
			if it.iface == nil || len(methods[it]) == 0 {
				continue
			}
			if !slices.Contains(byIface[it.iface], it) {
				byIface[it.iface] = append(byIface[it.iface], it)
			}
			if !filled[it.iface] && p.registeredAtStart(p.Func(fn)) {
				filled[it.iface] = true
			}
		}
	}
	if len(filled) == 0 {
		return
	}
	for _, path := range slices.Sorted(maps.Keys(p.pkgs)) {
		pkg := p.pkgs[path]
		info := pkg.TypesInfo
		for _, file := range pkg.Syntax {
			if codekind.TestFile(pkg.Fset.File(file.Pos()).Name()) {
				continue
			}
			ast.Inspect(file, func(n ast.Node) bool {
				var list types.Type
				var elems []ast.Expr
				switch n := n.(type) {
				case *ast.CompositeLit:
					list, elems = info.TypeOf(n), n.Elts
				case *ast.CallExpr:
					if isBuiltin(info, n.Fun, "append") && len(n.Args) > 1 && !n.Ellipsis.IsValid() {
						list, elems = info.TypeOf(n.Args[0]), n.Args[1:]
					}
				}
				iface := listedIface(list)
				if iface == nil || !filled[iface] {
					return true
				}
				for _, e := range elems {
					t := valueType(info, e)
					if t == nil {
						continue
					}
					for _, it := range byIface[iface] {
						for _, m := range methods[it] {
							obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(t), true, t.Obj().Pkg(), m)
							fn, _ := obj.(*types.Func)
							if f := p.Func(fn); f != nil && p.pkgs[f.pkg] != nil && f.syntax != nil && len(p.Reach(f)) > 0 {
								registered[it] = append(registered[it], regFunc{f, f.Name})
							}
						}
					}
				}
				return true
			})
		}
	}
}

// registeredAtStart reports whether start-up (main, an init function, a
// hook a lifecycle framework runs at start) reaches the registration f,
// through an interface the registry implements or not: a registry filled
// once per start, not per request. (Counting f's runs, as a registry of
// functions does, fails on the loop over the plugins that register
// their own lists, and on a test helper starting the server.)
func (p *Program) registeredAtStart(f *Func) bool {
	if f == nil {
		return false
	}
	for _, e := range p.Startup() {
		if slices.Contains(p.functions(e, false, true), f) {
			return true
		}
	}
	return false
}

// listedIface is the named interface, with methods, that a slice or
// array type t lists; nil for another type or error.
func listedIface(t types.Type) *types.Named {
	if t == nil {
		return nil
	}
	var elem types.Type
	switch u := t.Underlying().(type) {
	case *types.Slice:
		elem = u.Elem()
	case *types.Array:
		elem = u.Elem()
	default:
		return nil
	}
	return namedIface(elem)
}

// namedIface is t when it is a named interface with methods other than
// error; nil otherwise.
func namedIface(t types.Type) *types.Named {
	n, _ := types.Unalias(t).(*types.Named)
	if n == nil || n.Obj().Pkg() == nil {
		return nil // error, or not named
	}
	if it, ok := n.Underlying().(*types.Interface); !ok || it.NumMethods() == 0 {
		return nil
	}
	return n.Origin()
}

// valueType is the named non-interface type of a value e makes: new(T),
// &T{...} or T{...}; nil for another expression.
func valueType(info *types.Info, e ast.Expr) *types.Named {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	var t types.Type
	switch e := e.(type) {
	case *ast.CompositeLit:
		t = info.TypeOf(e)
	case *ast.CallExpr:
		if isBuiltin(info, e.Fun, "new") && len(e.Args) == 1 {
			t = info.TypeOf(e.Args[0])
		}
	}
	n, _ := types.Unalias(t).(*types.Named)
	if n == nil || types.IsInterface(n) {
		return nil
	}
	return n.Origin()
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
				ifaces := map[int]*types.Named{} // by index, the interface a parameter holds or lists values as
				for i := range sig.Params().Len() {
					v := sig.Params().At(i)
					if isFuncType(v.Type()) {
						params[v] = i
					} else if n := namedIface(v.Type()); n != nil {
						params[v], ifaces[i] = i, n
					} else if n := listedIface(v.Type()); n != nil {
						params[v], ifaces[i] = i, n
						// for _, s := range scripts: each s is an item.
						ast.Inspect(fd.Body, func(n ast.Node) bool {
							if rs, ok := n.(*ast.RangeStmt); ok && rs.Value != nil && refersTo(info, rs.X, v) {
								if id, ok := ast.Unparen(rs.Value).(*ast.Ident); ok {
									if w, _ := info.ObjectOf(id).(*types.Var); w != nil {
										params[w] = i
									}
								}
							}
							return true
						})
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
							if id, ok := ast.Unparen(v).(*ast.Ident); ok {
								if w, _ := info.Uses[id].(*types.Var); w != nil {
									if _, isParam := params[w]; !isParam {
										if lit, _ := soleDef(fd.Body, info, w); lit != nil {
											v = lit // swc := &item{f: f}; s = append(s, swc)
										}
									}
								}
							}
							for param, field := range heldParams(info, v, params) {
								if out[fn] == nil {
									out[fn] = map[int]regItem{}
								}
								i := params[param]
								out[fn][i] = regItem{store: store, field: field, iface: ifaces[i]}
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
// it) and call the item in the loop's body (m.Up(tx), or h(w, r)); for
// a registry of values, a method of its interface (s.script.Up(res)),
// and methods says, by item, which (in source order, once each).
func (p *Program) registryRunners(items []regItem) (map[regItem][]*Func, map[regItem][]string) {
	out := map[regItem][]*Func{}
	methods := map[regItem][]string{}
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
					for _, it := range items {
						if it.store != store {
							continue
						}
						called, ms := callsItem(info, rs.Body, elem, it)
						if called {
							runs[it] = true
						}
						for _, m := range ms {
							if !slices.Contains(methods[it], m) {
								methods[it] = append(methods[it], m)
							}
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
	return out, methods
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

// callsItem reports whether body calls the item it keeps: elem, the
// range's value (it.field nil), or elem's field; for a registry of
// values, a method of its interface on either (elem.Up(tx),
// elem.script.Up(tx)), and which.
func callsItem(info *types.Info, body ast.Node, elem *types.Var, it regItem) (bool, []string) {
	// isItem reports whether e is the item: elem or elem.field.
	isItem := func(e ast.Expr) bool {
		switch e := ast.Unparen(e).(type) {
		case *ast.Ident:
			return it.field == nil && info.Uses[e] == elem
		case *ast.SelectorExpr:
			x, ok := ast.Unparen(e.X).(*ast.Ident)
			s := info.Selections[e]
			return ok && it.field != nil && info.Uses[x] == elem && s != nil && s.Kind() == types.FieldVal && s.Obj().(*types.Var).Origin() == it.field
		}
		return false
	}
	found := false
	var methods []string
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if it.iface == nil {
			if ok && !found {
				found = isItem(call.Fun)
			}
			return !found
		}
		if !ok {
			return true
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if s := info.Selections[sel]; ok && s != nil && s.Kind() == types.MethodVal && isItem(sel.X) {
			found = true
			if !slices.Contains(methods, sel.Sel.Name) {
				methods = append(methods, sel.Sel.Name)
			}
		}
		return true
	})
	return found, methods
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
