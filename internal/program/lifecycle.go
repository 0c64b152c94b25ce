package program

import (
	"go/ast"
	"go/types"
	"maps"
	"slices"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/internal/codekind"
)

// Lifecycle frameworks run the module's functions when the program
// starts, through reflection the call graph cannot follow: fx calls the
// constructors it is given and the functions it invokes while it builds
// the application, and each start hook when it starts it. Nothing in the
// module calls those functions, so no entry reached them, and a start
// hook's loop over the projects, run once per start, was reported as a
// request's N+1.

// startCalls are the functions that run, at start, the functions given
// as their arguments: by argument index, -1 for every argument.
var startCalls = map[string]int{
	"go.uber.org/fx.Provide":       -1,
	"go.uber.org/fx.Invoke":        -1,
	"go.uber.org/fx.StartHook":     0,
	"go.uber.org/fx.StartStopHook": 0,
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
