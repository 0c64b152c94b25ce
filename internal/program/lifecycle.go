package program

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"maps"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/internal/codekind"
)

// Lifecycle frameworks run the module's functions when the program
// starts, through reflection the call graph cannot follow: fx (and dig)
// call the constructors they are given and the functions they invoke
// while they build the application, and each start hook when it starts
// it. Nothing in the module calls those functions, so no entry reached
// them, and a start hook's loop over the projects, run once per start,
// was reported as a request's N+1. So does cobra with the functions cobra.OnInitialize
// is given: it runs them once, before the command it executes (reading
// the configuration file into the configuration's variables, say).

// startCalls are the functions that run, at start, the functions given
// as their arguments: by argument index, -1 for every argument.
var startCalls = map[string]int{
	"go.uber.org/fx.Provide":                -1,
	"go.uber.org/fx.Invoke":                 -1,
	"go.uber.org/fx.Decorate":               -1,
	"(*go.uber.org/dig.Container).Provide":  0,
	"(*go.uber.org/dig.Container).Invoke":   0,
	"(*go.uber.org/dig.Container).Decorate": 0,
	"(*go.uber.org/dig.Scope).Provide":      0,
	"(*go.uber.org/dig.Scope).Invoke":       0,
	"(*go.uber.org/dig.Scope).Decorate":     0,
	"go.uber.org/fx.StartHook":              0,
	"go.uber.org/fx.StartStopHook":          0,
	"github.com/spf13/cobra.OnInitialize":   -1,
}

// startFields are the fields, by struct type, that hold a start hook.
var startFields = map[string]string{
	"go.uber.org/fx.Hook": "OnStart",
}

// startHooks are the start-up entries of the functions lifecycle
// frameworks run at start, in the order of the packages and the source.
func (p *Program) startHooks() []*Entry {
	var out []*Entry
	seen := map[*Func]bool{}
	add := func(f *Func) {
		if f != nil && !seen[f] {
			seen[f] = true
			out = append(out, &Entry{Role: RoleStartup, Name: f.Name, Parts: []Part{{Func: f}}})
		}
	}
	for _, path := range slices.Sorted(maps.Keys(p.pkgs)) {
		pkg := p.pkgs[path]
		info := pkg.TypesInfo
		for _, file := range pkg.Syntax {
			if codekind.TestFile(pkg.Fset.File(file.Pos()).Name()) {
				continue
			}
			ast.Inspect(file, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					fn, ok := typeutil.Callee(info, n).(*types.Func)
					if !ok {
						return true
					}
					arg, ok := startCalls[fn.Origin().FullName()]
					if !ok {
						return true
					}
					for i, a := range n.Args {
						if arg < 0 || i == arg {
							add(p.funcExpr(info, a))
						}
					}
				case *ast.CompositeLit:
					t := info.TypeOf(n)
					if t == nil {
						return true
					}
					field, ok := startFields[types.TypeString(derefType(t), nil)]
					if !ok {
						return true
					}
					for _, elt := range n.Elts {
						if kv, ok := elt.(*ast.KeyValueExpr); ok {
							if key, ok := kv.Key.(*ast.Ident); ok && key.Name == field {
								add(p.funcExpr(info, kv.Value))
							}
						}
					}
				}
				return true
			})
		}
	}
	return out
}

// Dependency-injection containers collect values into groups: every
// constructor whose result object has a field tagged `group:"workers"`
// adds that field's value to the group, and a parameter object's field
// with the same tag receives them all, as a list. The container runs
// each constructor once, so the list holds one item per such field in
// the module's code (a `,flatten` tag adds a list's items, any number).

// paramObjects, embedded, make a struct a parameter object the container
// fills; resultObjects make it a result object whose fields it collects.
var (
	paramObjects  = map[string]bool{"go.uber.org/fx.In": true, "go.uber.org/dig.In": true}
	resultObjects = map[string]bool{"go.uber.org/fx.Out": true, "go.uber.org/dig.Out": true}
	// groupTags are the calls whose string arguments are result tags
	// (one value each), and those whose are parameter tags (none).
	resultTags = map[string]bool{"go.uber.org/fx.ResultTags": true}
	paramTags  = map[string]bool{"go.uber.org/fx.ParamTags": true}
)

// groupCount is how many values the module's code adds to a group;
// unknown when one adds a list (flatten) or a tag is used where the
// table above does not say what it does.
type groupCount struct {
	n       int
	unknown bool
}

// groupSize is how many items at most v, a field of owner, holds when
// owner is a parameter object and v a value group's field (see above).
func (p *Program) groupSize(owner *types.TypeName, v *types.Var, limit int) (int, bool) {
	st, ok := owner.Type().Underlying().(*types.Struct)
	if !ok || !embeds(st, paramObjects) {
		return 0, false
	}
	name := ""
	for i := range st.NumFields() {
		if st.Field(i).Origin() == v.Origin() {
			name = groupName(st.Tag(i))
		}
	}
	if name == "" {
		return 0, false
	}
	if p.groups == nil {
		p.groups = p.groupCounts()
	}
	g := p.groups[name]
	return g.n, !g.unknown && g.n <= limit
}

// groupCounts counts, by group, the values the module's result objects
// and result tags add.
func (p *Program) groupCounts() map[string]groupCount {
	out := map[string]groupCount{}
	add := func(tag string) {
		name := groupName(tag)
		if name == "" {
			return
		}
		g := out[name]
		g.n++
		g.unknown = g.unknown || groupFlatten(tag)
		out[name] = g
	}
	for _, path := range slices.Sorted(maps.Keys(p.pkgs)) {
		pkg := p.pkgs[path]
		info := pkg.TypesInfo
		if info == nil {
			continue
		}
		for _, file := range pkg.Syntax {
			skip := map[*ast.BasicLit]bool{}
			ast.Inspect(file, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.StructType:
					st, ok := info.TypeOf(n).(*types.Struct)
					result := ok && embeds(st, resultObjects)
					for _, f := range n.Fields.List {
						if f.Tag == nil {
							continue
						}
						skip[f.Tag] = true
						if result {
							add(strings.Trim(f.Tag.Value, "`"))
						}
					}
				case *ast.CallExpr:
					fn, ok := typeutil.Callee(info, n).(*types.Func)
					if !ok {
						return true
					}
					switch name := fn.Origin().FullName(); {
					case resultTags[name], paramTags[name]:
						for _, a := range n.Args {
							lit, ok := ast.Unparen(a).(*ast.BasicLit)
							if !ok {
								continue
							}
							skip[lit] = true
							if tv, ok := info.Types[lit]; ok && tv.Value != nil && resultTags[name] {
								add(constant.StringVal(tv.Value))
							}
						}
					}
				case *ast.BasicLit:
					if skip[n] || n.Kind != token.STRING {
						return true
					}
					if tv, ok := info.Types[n]; ok && tv.Value != nil {
						// A tag spelled elsewhere: what adds it is not known.
						if name := groupName(constant.StringVal(tv.Value)); name != "" {
							out[name] = groupCount{unknown: true}
						}
					}
				}
				return true
			})
		}
	}
	return out
}

// embeds reports whether st embeds one of the structs named in objs.
func embeds(st *types.Struct, objs map[string]bool) bool {
	for i := range st.NumFields() {
		if f := st.Field(i); f.Embedded() && objs[types.TypeString(f.Type(), nil)] {
			return true
		}
	}
	return false
}

// groupName is the group a struct tag names, "" for none.
func groupName(tag string) string {
	name, _, _ := strings.Cut(reflect.StructTag(tag).Get("group"), ",")
	return name
}

// groupFlatten reports whether a struct tag's group adds a list's items.
func groupFlatten(tag string) bool {
	_, opts, _ := strings.Cut(reflect.StructTag(tag).Get("group"), ",")
	return slices.Contains(strings.Split(opts, ","), "flatten")
}
