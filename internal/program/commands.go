package program

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/internal/codekind"
)

// Commands are the subcommands of the module's main packages, which an
// operator runs by hand: the arms of a switch (or if) on a command-line
// argument — os.Args, flag.Arg(s), a FlagSet's Arg(s), or a variable or
// parameter holding one of them — and the Run/RunE of cobra commands,
// the Action of urfave/cli commands and the Func of GoFrame's gcmd
// commands (a function, a function literal, or the closure a factory
// returns: RunE: repair()). Each arm's functions are the command's parts. A command that starts serving (http.ListenAndServe and
// the like, anywhere below it) is the server's start, and has the start-up
// role rather than the command one: its queries run once per start, not
// per invocation by an operator.
func (p *Program) Commands() []*Entry {
	var out []*Entry
	p.arms() // fills armCalls before switchCommands adds to it again
	for _, path := range slices.Sorted(maps.Keys(p.pkgs)) {
		pkg := p.pkgs[path]
		if pkg.Types.Name() == "main" {
			out = append(out, p.switchCommands(pkg)...)
		}
		out = append(out, p.frameworkCommands(pkg)...)
	}
	for _, e := range out {
		if p.serves(e) {
			e.Role = RoleStartup
		}
	}
	return out
}

// arms are the calls (by Lparen) in the command arms of the module's
// main packages: what main runs only when the command line asks for it.
func (p *Program) arms() map[token.Pos]bool {
	if p.armCalls == nil {
		p.armCalls = map[token.Pos]bool{}
		for _, pkg := range p.pkgs {
			if pkg.Types.Name() == "main" {
				p.switchCommands(pkg)
			}
		}
	}
	return p.armCalls
}

// serves reports whether any part of e starts serving requests, on a
// goroutine of its own or not (go srv.ListenAndServe()).
func (p *Program) serves(e *Entry) bool {
	return slices.ContainsFunc(p.functions(e, true, true), func(f *Func) bool { return f.Serves })
}

// switchCommands finds the command arms of a main package's functions.
func (p *Program) switchCommands(pkg *packages.Package) []*Entry {
	info := pkg.TypesInfo
	args := p.argVars(pkg)
	isArg := func(e ast.Expr) bool { return mentionsArgs(info, e, args) }
	var out []*Entry
	arm := func(name string, body []ast.Stmt) {
		var parts []Part
		seen := map[*Func]bool{}
		for _, st := range body {
			ast.Inspect(st, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				p.armCalls[call.Lparen] = true
				fn, _ := typeutil.Callee(info, call).(*types.Func)
				if f := p.Func(fn); f != nil && !seen[f] {
					seen[f] = true
					parts = append(parts, Part{Func: f})
				}
				return true
			})
		}
		if len(parts) > 0 {
			out = append(out, &Entry{Role: RoleCLI, Name: name, Parts: parts})
		}
	}
	for _, file := range pkg.Syntax {
		if codekind.TestFile(pkg.Fset.File(file.Pos()).Name()) {
			continue
		}
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SwitchStmt:
				if n.Tag == nil || !isArg(n.Tag) {
					return true
				}
				for _, cc := range n.Body.List {
					cc := cc.(*ast.CaseClause)
					for _, v := range cc.List {
						if name, ok := stringConst(info, v); ok {
							arm(name, cc.Body)
						}
					}
				}
			case *ast.IfStmt:
				// if cmd == "archive" { ... }
				b, ok := ast.Unparen(n.Cond).(*ast.BinaryExpr)
				if !ok || b.Op != token.EQL {
					return true
				}
				for _, pair := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
					if name, ok := stringConst(info, pair[1]); ok && isArg(pair[0]) {
						arm(name, n.Body.List)
					}
				}
			}
			return true
		})
	}
	return out
}

func stringConst(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// argVars are the variables and parameters of a main package that hold
// command-line arguments: assigned from os.Args, flag.Arg(s) or a
// FlagSet's Arg(s) (or from another such variable: an index, a slice, a
// call taking one), or parameters some call of the package passes one.
func (p *Program) argVars(pkg *packages.Package) map[*types.Var]bool {
	info := pkg.TypesInfo
	args := map[*types.Var]bool{}
	params := map[*types.Func][]*types.Var{}
	for _, file := range pkg.Syntax {
		for _, d := range file.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				if fn, ok := info.Defs[fd.Name].(*types.Func); ok {
					sig := fn.Type().(*types.Signature)
					for i := 0; i < sig.Params().Len(); i++ {
						params[fn] = append(params[fn], sig.Params().At(i))
					}
				}
			}
		}
	}
	mark := func(lhs ast.Expr) bool {
		id, ok := ast.Unparen(lhs).(*ast.Ident)
		if !ok {
			return false
		}
		v, ok := info.ObjectOf(id).(*types.Var)
		if !ok || args[v] {
			return false
		}
		args[v] = true
		return true
	}
	for changed := true; changed; {
		changed = false
		for _, file := range pkg.Syntax {
			ast.Inspect(file, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.AssignStmt:
					switch {
					case len(n.Lhs) == len(n.Rhs):
						for i, r := range n.Rhs {
							if mentionsArgs(info, r, args) && mark(n.Lhs[i]) {
								changed = true
							}
						}
					case len(n.Rhs) == 1 && mentionsArgs(info, n.Rhs[0], args):
						for _, l := range n.Lhs {
							if mark(l) {
								changed = true
							}
						}
					}
				case *ast.ValueSpec:
					for i, v := range n.Values {
						if i < len(n.Names) && mentionsArgs(info, v, args) && mark(n.Names[i]) {
							changed = true
						}
					}
				case *ast.CallExpr:
					fn := typeutil.StaticCallee(info, n)
					ps := params[fn]
					for i, a := range n.Args {
						if i < len(ps) && !args[ps[i]] && mentionsArgs(info, a, args) {
							args[ps[i]] = true
							changed = true
						}
					}
				}
				return true
			})
		}
	}
	return args
}

// mentionsArgs reports whether e is, or is computed from, the command
// line's arguments.
func mentionsArgs(info *types.Info, e ast.Expr, args map[*types.Var]bool) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.Ident:
			if v, ok := info.Uses[n].(*types.Var); ok && args[v] {
				found = true
			}
		case *ast.SelectorExpr:
			if v, ok := info.Uses[n.Sel].(*types.Var); ok && v.Pkg() != nil && v.Pkg().Path() == "os" && v.Name() == "Args" {
				found = true
			}
		case *ast.CallExpr:
			if fn, ok := typeutil.Callee(info, n).(*types.Func); ok && fn.Pkg() != nil && fn.Pkg().Path() == "flag" &&
				(fn.Name() == "Arg" || fn.Name() == "Args") {
				found = true // flag.Arg(0), fs.Args()
			}
		}
		return true
	})
	return found
}

// commandTypes are the command structs of CLI frameworks: the fields
// holding the code a command runs, and the one holding its name.
var commandTypes = map[string]struct {
	run  []string
	name string
}{
	"github.com/spf13/cobra.Command":        {[]string{"Run", "RunE", "PreRun", "PreRunE"}, "Use"},
	"github.com/urfave/cli/v2.Command":      {[]string{"Action", "Before"}, "Name"},
	"github.com/urfave/cli/v3.Command":      {[]string{"Action", "Before"}, "Name"},
	"github.com/urfave/cli.Command":         {[]string{"Action", "Before"}, "Name"},
	"github.com/gogf/gf/v2/os/gcmd.Command": {[]string{"Func"}, "Name"},
}

// frameworkCommands finds cobra, urfave/cli and GoFrame gcmd command
// literals.
func (p *Program) frameworkCommands(pkg *packages.Package) []*Entry {
	info := pkg.TypesInfo
	var out []*Entry
	for _, file := range pkg.Syntax {
		ast.Inspect(file, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			t := info.TypeOf(lit)
			if t == nil {
				return true
			}
			ct, ok := commandTypes[types.TypeString(derefType(t), nil)]
			if !ok {
				return true
			}
			e := &Entry{Role: RoleCLI}
			for _, elt := range lit.Elts {
				kv, ok := elt.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				key, _ := kv.Key.(*ast.Ident)
				if key == nil {
					continue
				}
				if key.Name == ct.name {
					if name, ok := stringConst(info, kv.Value); ok {
						e.Name, _, _ = strings.Cut(name, " ")
					}
				}
				for _, r := range ct.run {
					if key.Name != r {
						continue
					}
					if f := p.funcExpr(info, kv.Value); f != nil {
						e.Parts = append(e.Parts, Part{Func: f})
					}
					for _, f := range p.returnedClosures(info, kv.Value) {
						e.Parts = append(e.Parts, Part{Func: f}) // RunE: repair()
					}
				}
			}
			if len(e.Parts) > 0 {
				out = append(out, e)
			}
			return true
		})
	}
	return out
}

// funcExpr is the module function an expression denotes: a function
// literal, a function or a method value.
func (p *Program) funcExpr(info *types.Info, e ast.Expr) *Func {
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return p.Closure(e)
	case *ast.Ident:
		fn, _ := info.Uses[e].(*types.Func)
		return p.Func(fn)
	case *ast.SelectorExpr:
		fn, _ := info.Uses[e.Sel].(*types.Func)
		return p.Func(fn)
	case *ast.IndexExpr: // a generic function instantiated explicitly
		return p.funcExpr(info, e.X)
	}
	return nil
}

// returnedClosures are the function literals a call of a module function
// returns (func repair() func(*cobra.Command, []string) error { return
// func(...) error { ... } }): the code a command built by a factory
// runs. Nil when e is no such call.
func (p *Program) returnedClosures(info *types.Info, e ast.Expr) []*Func {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil
	}
	f := p.Func(typeutil.StaticCallee(info, call))
	if f == nil {
		return nil
	}
	decl, ok := f.Syntax().(*ast.FuncDecl)
	if !ok || decl.Body == nil {
		return nil
	}
	var out []*Func
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // a closure's own returns are not the factory's
		case *ast.ReturnStmt:
			if len(n.Results) == 1 {
				if lit, ok := ast.Unparen(n.Results[0]).(*ast.FuncLit); ok {
					if g := p.Closure(lit); g != nil {
						out = append(out, g)
					}
				}
			}
		}
		return true
	})
	return out
}
