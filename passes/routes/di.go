package routes

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// Dependency-injection containers (uber's fx and dig) hand a function
// its arguments by their types: the container calls the constructors it
// is given (fx.Provide) and passes what each returns to every function
// it runs (fx.Invoke, another constructor) that takes a parameter of that
// type. A service wired so registers its routes on a group no call of
// the module passes:
//
//	fx.Provide(newEngine, newAPIRouter) // newAPIRouter returns r.Group("/api")
//	fx.Invoke(experiment.Register)      // Register(r *gin.RouterGroup, s *Service)
//
// Register's routes read "…/experiments" in its package. Each package
// says the functions it hands to a container (Result.Injected) and what
// the routers its functions return are under (Result.Returned); the
// standalone driver, which sees them all, puts the routes registered on
// a parameter of an injected function under what every injected
// constructor of the parameter's type returns: "/api/experiments",
// behind the group's middlewares.

// Injected is a function of the module a package hands to a
// dependency-injection container.
type Injected struct {
	Func *types.Func
	// Provides says the container calls it for the values it returns
	// (a constructor, a decorator), not only for its effect.
	Provides bool
}

// Returned is what the router a function returns as its result Result
// is under, as its package sees it.
type Returned struct {
	Func   *types.Func
	Result int
	Under  []Under
}

// diCalls are the containers' calls that take functions to run, and
// whether the container runs them for the values they return (a
// constructor, a decorator) or for their effect. fx's take any number;
// dig's, the first argument.
var diCalls = map[string]struct {
	provides bool
	first    bool
}{
	"go.uber.org/fx.Provide":                {provides: true},
	"go.uber.org/fx.Decorate":               {provides: true},
	"go.uber.org/fx.Invoke":                 {},
	"(*go.uber.org/dig.Container).Provide":  {provides: true, first: true},
	"(*go.uber.org/dig.Container).Decorate": {provides: true, first: true},
	"(*go.uber.org/dig.Container).Invoke":   {first: true},
	"(*go.uber.org/dig.Scope).Provide":      {provides: true, first: true},
	"(*go.uber.org/dig.Scope).Decorate":     {provides: true, first: true},
	"(*go.uber.org/dig.Scope).Invoke":       {first: true},
}

// annotate is fx's wrapper of a function given to a container with tags
// or interfaces (fx.Annotate(f, fx.ParamTags(...))): the function is its
// first argument.
const annotate = "go.uber.org/fx.Annotate"

// injected are the functions of the package's files (not its tests)
// that it hands to a dependency-injection container.
func injected(pass *analysis.Pass) []Injected {
	if !importsDI(pass.Pkg) {
		return nil
	}
	var out []Injected
	seen := map[Injected]bool{}
	for _, f := range pass.Files {
		if isTestFile(pass.Fset, f.Pos()) {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
			if !ok {
				return true
			}
			how, ok := diCalls[fn.Origin().FullName()]
			if !ok {
				return true
			}
			for i, arg := range call.Args {
				if how.first && i > 0 {
					break
				}
				if g := injectedFunc(pass.TypesInfo, arg); g != nil {
					in := Injected{Func: g, Provides: how.provides}
					if !seen[in] {
						seen[in] = true
						out = append(out, in)
					}
				}
			}
			return true
		})
	}
	return out
}

// injectedFunc is the declared function e names, through fx.Annotate;
// nil for a function literal or a value.
func injectedFunc(info *types.Info, e ast.Expr) *types.Func {
	var id *ast.Ident
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if fn, ok := typeutil.Callee(info, e).(*types.Func); ok && fn.FullName() == annotate && len(e.Args) > 0 {
			return injectedFunc(info, e.Args[0])
		}
		return nil
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel // pkg.New, or a method value (h.Register)
	default:
		return nil
	}
	fn, ok := info.Uses[id].(*types.Func)
	if !ok || fn.Pkg() == nil {
		return nil
	}
	return fn.Origin()
}

// importsDI reports whether pkg imports fx or dig.
func importsDI(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if imp.Path() == "go.uber.org/fx" || imp.Path() == "go.uber.org/dig" {
			return true
		}
	}
	return false
}

// returned is what the routers the package's functions return are
// under, each result of a router type: those of every return statement.
func (a *analyzer) returned() []Returned {
	var out []Returned
	for _, f := range a.pass.Files {
		if isTestFile(a.pass.Fset, f.Pos()) {
			continue
		}
		for _, decl := range f.Decls {
			d, ok := decl.(*ast.FuncDecl)
			if !ok || d.Body == nil {
				continue
			}
			fn, ok := a.pass.TypesInfo.Defs[d.Name].(*types.Func)
			if !ok {
				continue
			}
			res := fn.Type().(*types.Signature).Results()
			for i := range res.Len() {
				if !a.isRouterType(res.At(i).Type()) {
					continue
				}
				var rs []router
				for _, ret := range a.returns[d] {
					if len(ret.Results) == res.Len() {
						rs = append(rs, a.routers(ret.Results[i], 0)...)
					}
				}
				if rs = dedupe(rs); len(rs) > 0 {
					out = append(out, Returned{Func: fn, Result: i, Under: unders(rs)})
				}
			}
		}
	}
	return out
}
