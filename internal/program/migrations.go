package program

import (
	"fmt"
	"go/ast"
	"go/types"
	"maps"
	"slices"
	"sort"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/internal/codekind"
	"github.com/sqlheat/sqlheat/internal/sqlparse"
	"github.com/sqlheat/sqlheat/internal/srcpos"
)

// Migrations are the program's schema migrations written in Go, found by
// what the code does rather than by what it is called:
//
//   - functions registered with a migration framework (goose's
//     AddMigration, go-pg's and bun's Register, gormigrate's Migration
//     literals);
//   - the functions registered into the program's own registry, or the
//     methods of the values it keeps, and its runner (see
//     migregistry.go);
//   - the program's own migration table: a package-level list (slice,
//     array or map literal) of functions, or of structs holding
//     functions, that some function of the module ranges over — the
//     migrate entry, which runs them in order — provided the listed
//     functions or the entry change the schema (run DDL) somewhere below
//     them. A list of handlers or of validation rules is not a migration
//     table: it changes no schema.
//
// Each registered or listed function is an entry named by it ("runs in
// migration schema.addTaskSlugs"); so is the migrate entry, whose own
// queries (a version table) are migration work too.
func (p *Program) Migrations() []*Entry {
	var out []*Entry
	seen := map[*Func]bool{}
	add := func(f *Func, name string) {
		if f != nil && !seen[f] {
			seen[f] = true
			out = append(out, &Entry{Role: RoleMigration, Name: name, Parts: []Part{{Func: f}}})
		}
	}
	tables := map[*types.Var][]listed{}
	var order []*types.Var
	for _, path := range slices.Sorted(maps.Keys(p.pkgs)) {
		pkg := p.pkgs[path]
		for _, f := range p.registered(pkg) {
			add(f, f.Name)
		}
		for v, fs := range p.funcTables(pkg) {
			tables[v] = fs
			order = append(order, v)
		}
	}
	sort.Slice(order, func(i, j int) bool { return srcpos.Compare(p.Fset, order[i].Pos(), order[j].Pos()) < 0 })
	for _, v := range order {
		runners := p.rangesOver(v)
		if len(runners) == 0 {
			continue // a list nobody runs in order
		}
		fs := append([]*Func(nil), runners...)
		for _, l := range tables[v] {
			fs = append(fs, l.f)
		}
		if !p.changesSchema(fs) {
			continue
		}
		for _, f := range runners {
			add(f, f.Name)
		}
		for _, l := range tables[v] {
			add(l.f, l.name)
		}
	}
	for _, e := range p.registryMigrations().entries {
		add(e.Parts[0].Func, e.Name)
	}
	return out
}

// changesSchema reports whether any of fs runs a DDL statement, directly
// or below: SQL text, or an ORM's schema call (gorm's AutoMigrate, also
// behind a wrapper of the module's taking the models as interface{},
// whose statements are not known).
func (p *Program) changesSchema(fs []*Func) bool {
	for _, f := range fs {
		for _, r := range p.Reach(f) {
			if r.Site.Kind() == sqlparse.KindDDL || r.Site.Method != nil && r.Site.Method.Schema {
				return true
			}
		}
	}
	return false
}

// funcTables finds a package's variables initialized with a composite
// literal that lists module functions, directly or in struct fields.
func (p *Program) funcTables(pkg *packages.Package) map[*types.Var][]listed {
	info := pkg.TypesInfo
	out := map[*types.Var][]listed{}
	for _, file := range pkg.Syntax {
		if codekind.TestFile(pkg.Fset.File(file.Pos()).Name()) {
			continue
		}
		for _, d := range file.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok {
				continue
			}
			for _, spec := range gd.Specs {
				vs, ok := spec.(*ast.ValueSpec)
				if !ok {
					continue
				}
				for i, val := range vs.Values {
					lit, ok := ast.Unparen(val).(*ast.CompositeLit)
					if !ok || i >= len(vs.Names) {
						continue
					}
					v, _ := info.Defs[vs.Names[i]].(*types.Var)
					if v == nil {
						continue
					}
					if fs := p.listedFuncs(info, pkg.Types.Name()+"."+v.Name(), lit); len(fs) > 0 {
						out[v] = fs
					}
				}
			}
		}
	}
	return out
}

// listed is a function a table lists, with the name messages give it: its
// own, or for a function literal, the table's and its element's index
// ("upgrade.history[1]").
type listed struct {
	f    *Func
	name string
}

// listedFuncs are the module functions a composite literal lists, at any
// depth of nested literals.
func (p *Program) listedFuncs(info *types.Info, table string, lit *ast.CompositeLit) []listed {
	var out []listed
	// visit walks an element of the table; elem names it.
	var visit func(e ast.Expr, elem string)
	visit = func(e ast.Expr, elem string) {
		switch e := ast.Unparen(e).(type) {
		case *ast.CompositeLit:
			for _, elt := range e.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					elt = kv.Value
				}
				visit(elt, elem)
			}
		case *ast.UnaryExpr: // &step{...}
			visit(e.X, elem)
		default:
			if f := p.funcExpr(info, e); f != nil {
				name := f.Name
				if _, isLit := e.(*ast.FuncLit); isLit {
					name = elem
				}
				out = append(out, listed{f, name})
			}
		}
	}
	for i, elt := range lit.Elts {
		elem := fmt.Sprintf("%s[%d]", table, i)
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if k, ok := stringConst(info, kv.Key); ok {
				elem = fmt.Sprintf("%s[%q]", table, k)
			}
			elt = kv.Value
		}
		visit(elt, elem)
	}
	return out
}

// rangesOver finds the functions of the module that range over v.
func (p *Program) rangesOver(v *types.Var) []*Func {
	if p.ranged == nil {
		p.ranged = p.rangedVars()
	}
	out := slices.Clone(p.ranged[v])
	sort.Slice(out, func(i, j int) bool { return p.less(out[i], out[j]) })
	return out
}

// rangedVars indexes the module's functions by the variables they range
// over (by name or as a selected field), each function once per
// variable: built once, for every variable a migration list may be.
func (p *Program) rangedVars() map[*types.Var][]*Func {
	out := map[*types.Var][]*Func{}
	for _, pkg := range p.pkgs {
		info := pkg.TypesInfo
		for _, file := range pkg.Syntax {
			for _, d := range file.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || fd.Body == nil {
					continue
				}
				fn, _ := info.Defs[fd.Name].(*types.Func)
				f := p.Func(fn)
				if f == nil {
					continue
				}
				ast.Inspect(fd.Body, func(n ast.Node) bool {
					rs, ok := n.(*ast.RangeStmt)
					if !ok {
						return true
					}
					var id *ast.Ident
					switch x := ast.Unparen(rs.X).(type) {
					case *ast.Ident:
						id = x
					case *ast.SelectorExpr:
						id = x.Sel
					}
					if v, ok := info.Uses[id].(*types.Var); ok && id != nil {
						if fs := out[v]; len(fs) == 0 || fs[len(fs)-1] != f {
							out[v] = append(fs, f)
						}
					}
					return true
				})
			}
		}
	}
	return out
}

func refersTo(info *types.Info, e ast.Expr, v *types.Var) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return info.Uses[e] == v
	case *ast.SelectorExpr:
		return info.Uses[e.Sel] == v
	}
	return false
}

// migrationAPIs are the registration functions of migration frameworks;
// every function passed to them is a migration.
var migrationAPIs = map[string]bool{
	"github.com/pressly/goose/v3.AddMigration":                        true,
	"github.com/pressly/goose/v3.AddMigrationContext":                 true,
	"github.com/pressly/goose/v3.AddMigrationNoTx":                    true,
	"github.com/pressly/goose/v3.AddMigrationNoTxContext":             true,
	"github.com/pressly/goose/v3.AddNamedMigration":                   true,
	"github.com/pressly/goose/v3.AddNamedMigrationContext":            true,
	"github.com/pressly/goose/v3.AddNamedMigrationNoTx":               true,
	"github.com/pressly/goose/v3.AddNamedMigrationNoTxContext":        true,
	"github.com/pressly/goose.AddMigration":                           true,
	"github.com/pressly/goose.AddNamedMigration":                      true,
	"github.com/go-pg/migrations/v8.Register":                         true,
	"github.com/go-pg/migrations/v8.MustRegister":                     true,
	"github.com/go-pg/migrations/v8.RegisterTx":                       true,
	"github.com/go-pg/migrations/v8.MustRegisterTx":                   true,
	"(*github.com/go-pg/migrations/v8.Collection).Register":           true,
	"(*github.com/go-pg/migrations/v8.Collection).MustRegister":       true,
	"(*github.com/go-pg/migrations/v8.Collection).RegisterTx":         true,
	"(*github.com/go-pg/migrations/v8.Collection).MustRegisterTx":     true,
	"(*github.com/uptrace/bun/migrate.Migrations).Register":           true,
	"(*github.com/uptrace/bun/migrate.Migrations).MustRegister":       true,
	"(*github.com/go-gormigrate/gormigrate/v2.Gormigrate).InitSchema": true,
}

// migrationTypes are the struct types of migration frameworks whose
// function fields are migrations.
var migrationTypes = map[string]bool{
	"github.com/go-gormigrate/gormigrate/v2.Migration": true,
	"github.com/pressly/goose/v3.GoFunc":               true,
	"github.com/uptrace/bun/migrate.Migration":         true,
}

// registered finds the functions a package registers with a migration
// framework.
func (p *Program) registered(pkg *packages.Package) []*Func {
	info := pkg.TypesInfo
	var out []*Func
	for _, file := range pkg.Syntax {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				fn, _ := typeutil.Callee(info, n).(*types.Func)
				if fn == nil || !migrationAPIs[fn.Origin().FullName()] {
					return true
				}
				for _, a := range n.Args {
					if f := p.funcExpr(info, a); f != nil {
						out = append(out, f)
					}
				}
			case *ast.CompositeLit:
				t := info.TypeOf(n)
				if t == nil || !migrationTypes[types.TypeString(derefType(t), nil)] {
					return true
				}
				for _, elt := range n.Elts {
					if kv, ok := elt.(*ast.KeyValueExpr); ok {
						if f := p.funcExpr(info, kv.Value); f != nil {
							out = append(out, f)
						}
					}
				}
			}
			return true
		})
	}
	return out
}
