package program

import (
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"slices"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sqlheat/sqlheat/internal/codekind"
	"github.com/sqlheat/sqlheat/internal/httpapi"
	"github.com/sqlheat/sqlheat/passes/queries"
)

// RPC interceptors.
//
// An RPC server runs its interceptors around every procedure it serves:
// gRPC's, handed to grpc.NewServer as grpc.UnaryInterceptor(f),
// ChainUnaryInterceptor(f, g), StreamInterceptor or
// ChainStreamInterceptor; connect's, handed to the generated handlers'
// constructors as connect.WithInterceptors(i, ...), each a value whose
// WrapUnary (and WrapStreamingHandler) returns the function that runs
// per request, or a connect.UnaryInterceptorFunc. That is where services
// authenticate — a session or API key looked up per request — so a
// procedure's route runs the interceptors' queries before its method's:
// a unary procedure's, the unary interceptors (what WrapUnary returns); a
// streaming one's, the stream interceptors (WrapStreamingHandler's).
//
// The interceptors handed are often gathered first in a local slice,
// spread into the option (connect.WithInterceptors(icpts...)): its
// elements are what the function writes to it. And a constructor may
// return the interface (func NewInterceptor(...) connect.Interceptor):
// the interceptor is what its return statements give.
//
// Which server or handler an option reaches is a matter of values the
// code builds at start; a program builds one server, or several with the
// same interceptors, so every procedure route of a framework gets the
// interceptors of every such call of the module (not of a client's
// grpc.WithUnaryInterceptor, a DialOption). grpc-gateway's in-process
// handlers call the implementation directly, bypassing gRPC's
// interceptors: they get none.

// interceptorAPIs are the outside functions whose arguments are a
// server's interceptors, by framework.
// server's interceptors, by framework, and the kind of procedure they
// wrap ("" for connect's, which wrap either by their methods).
var interceptorAPIs = map[string][2]string{
	"google.golang.org/grpc.UnaryInterceptor":         {httpapi.GRPC, unary},
	"google.golang.org/grpc.ChainUnaryInterceptor":    {httpapi.GRPC, unary},
	"google.golang.org/grpc.StreamInterceptor":        {httpapi.GRPC, streaming},
	"google.golang.org/grpc.ChainStreamInterceptor":   {httpapi.GRPC, streaming},
	"connectrpc.com/connect.WithInterceptors":         {httpapi.Connect, ""},
	"github.com/bufbuild/connect-go.WithInterceptors": {httpapi.Connect, ""},
}

// The kinds of procedure an interceptor wraps.
const (
	unary     = "unary"
	streaming = "streaming"
)

// connectWraps are the methods of a connect interceptor whose results run
// per request a handler serves (WrapStreamingClient wraps a client's),
// by the kind of procedure.
var connectWraps = map[string]string{unary: "WrapUnary", streaming: "WrapStreamingHandler"}

// Interceptors are the module functions every request of a procedure of
// framework fw runs around its method (see above), computed once: those
// of streaming procedures, or of unary ones; when the method does not
// say which (fn nil), either's.
func (p *Program) Interceptors(fw string, fn *types.Func) []*Func {
	if p.icpt == nil {
		p.icpt = p.interceptors()
	}
	if fn == nil {
		out := slices.Clone(p.icpt[fw+" "+unary])
		for _, f := range p.icpt[fw+" "+streaming] {
			if !slices.Contains(out, f) {
				out = append(out, f)
			}
		}
		return out
	}
	if streamingMethod(fn) {
		return p.icpt[fw+" "+streaming]
	}
	return p.icpt[fw+" "+unary]
}

// streamingMethod says an RPC method streams: gRPC's and connect's
// streaming methods return only an error; connect's client streams take
// a *connect.ClientStream.
func streamingMethod(fn *types.Func) bool {
	sig := fn.Signature()
	if sig.Results().Len() != 2 {
		return true
	}
	for v := range sig.Params().Variables() {
		t := v.Type()
		if ptr, ok := t.(*types.Pointer); ok {
			t = ptr.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Name() == "ClientStream" {
			switch n.Obj().Pkg().Path() {
			case "connectrpc.com/connect", "github.com/bufbuild/connect-go":
				return true
			}
		}
	}
	return false
}

func (p *Program) interceptors() map[string][]*Func {
	out := map[string][]*Func{}
	add := func(fw string, fs ...*Func) {
		for _, f := range fs {
			if f != nil && !slices.Contains(out[fw], f) {
				out[fw] = append(out[fw], f)
			}
		}
	}
	for _, path := range slices.Sorted(maps.Keys(p.pkgs)) {
		pkg := p.pkgs[path]
		info := pkg.TypesInfo
		for _, file := range pkg.Syntax {
			if codekind.TestFile(pkg.Fset.File(file.Pos()).Name()) {
				continue
			}
			queries.InspectAround(file, func(n ast.Node, around []ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				fn, _ := typeutil.Callee(info, call).(*types.Func)
				if fn == nil {
					return true
				}
				api, ok := interceptorAPIs[fn.FullName()]
				if !ok {
					return true
				}
				fw := api[0]
				if fw == httpapi.Connect && p.clientOption(info, file, call, around) {
					return true
				}
				for i, arg := range call.Args {
					args := []ast.Expr{arg}
					if call.Ellipsis.IsValid() && i == len(call.Args)-1 {
						args = p.sliceElems(info, arg, map[any]bool{})
					}
					for _, a := range args {
						if fw == httpapi.GRPC {
							add(fw+" "+api[1], p.interceptorFuncs(info, a)...)
							continue
						}
						for _, kind := range []string{unary, streaming} {
							add(fw+" "+kind, p.connectInterceptor(info, a, kind, map[any]bool{})...)
						}
					}
				}
				return true
			})
		}
	}
	for fw := range out {
		slices.SortFunc(out[fw], p.compare)
	}
	return out
}

// interceptorFuncs are the functions an interceptor argument runs per
// request: the function it names or writes out, or the closures a
// module function called there returns (auth.Unary(db)).
func (p *Program) interceptorFuncs(info *types.Info, e ast.Expr) []*Func {
	if f := p.funcExpr(info, e); f != nil {
		return []*Func{f}
	}
	if fs := p.returnedClosures(info, e); fs != nil {
		return fs
	}
	// An interceptor another module makes from the module's functions
	// (go-grpc-middleware's auth.UnaryServerInterceptor(authenticate)):
	// it runs them per request.
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || p.Func(typeutil.StaticCallee(info, call)) != nil {
		return nil
	}
	var out []*Func
	for _, a := range call.Args {
		if f := p.funcExpr(info, a); f != nil {
			out = append(out, f)
		}
	}
	return out
}

// connectInterceptor are the functions a connect interceptor runs per
// request: what its WrapUnary and WrapStreamingHandler return, for a
// value of a module type; what the function converted to a
// connect.UnaryInterceptorFunc returns. A value of an interface type is
// what is written to it: a local's assigned values, the values a module
// function's return statements give (func NewInterceptor(...)
// connect.Interceptor { return &Interceptor{...} }).
func (p *Program) connectInterceptor(info *types.Info, e ast.Expr, kind string, seen map[any]bool) []*Func {
	e = ast.Unparen(e)
	if conv, ok := e.(*ast.CallExpr); ok && len(conv.Args) == 1 {
		if tv, ok := info.Types[conv.Fun]; ok && tv.IsType() {
			if kind != unary {
				return nil // a UnaryInterceptorFunc wraps no stream
			}
			var out []*Func
			for _, f := range p.interceptorFuncs(info, conv.Args[0]) {
				out = append(out, f.returns...)
			}
			return out
		}
	}
	t := info.TypeOf(e)
	if t == nil {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, connectWraps[kind])
	if m, ok := obj.(*types.Func); ok {
		if f := p.Func(m); f != nil {
			return f.returns
		}
	}
	var out []*Func
	for _, v := range p.valuesOf(info, e, 0, seen) {
		out = append(out, p.connectInterceptor(v.info, v.expr, kind, seen)...)
	}
	return out
}

// A value is an expression written to a variable or returned, with the
// types of the package it is written in.
type value struct {
	info *types.Info
	expr ast.Expr
}

// valuesOf are the expressions whose value e has, for a local variable
// (what its function assigns it) or a call of a module function (what
// the function's return statements give as its result idx); nil for
// anything else, and for what seen holds.
func (p *Program) valuesOf(info *types.Info, e ast.Expr, idx int, seen map[any]bool) []value {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v := localVar(info, e)
		if v == nil || idx != 0 || seen[v] {
			return nil
		}
		seen[v] = true
		var out []value
		for _, w := range p.writes(v) {
			if w.idx == 0 && w.multi == nil {
				out = append(out, value{info, w.expr})
			} else if w.multi != nil {
				out = append(out, p.valuesOf(info, w.multi, w.idx, seen)...)
			}
		}
		return out
	case *ast.CallExpr:
		f := p.Func(typeutil.StaticCallee(info, e))
		if f == nil || seen[f] {
			return nil
		}
		seen[f] = true
		decl, ok := f.Syntax().(*ast.FuncDecl)
		pkg := p.Package(f)
		if !ok || decl.Body == nil || pkg == nil {
			return nil
		}
		var out []value
		ast.Inspect(decl.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false // a closure's own returns are not the function's
			case *ast.ReturnStmt:
				if len(n.Results) > 1 && idx < len(n.Results) {
					out = append(out, value{pkg.TypesInfo, n.Results[idx]})
				} else if len(n.Results) == 1 {
					if idx == 0 {
						out = append(out, value{pkg.TypesInfo, n.Results[0]})
					} else { // return g(...), of g's results
						out = append(out, p.valuesOf(pkg.TypesInfo, n.Results[0], idx, seen)...)
					}
				}
			}
			return true
		})
		return out
	}
	return nil
}

// sliceElems are the elements a slice expression spread into a call
// holds: a composite literal's, what appends add, and for a local slice
// what its function writes to it so, recursively.
func (p *Program) sliceElems(info *types.Info, e ast.Expr, seen map[any]bool) []ast.Expr {
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		var out []ast.Expr
		for _, el := range e.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			out = append(out, el)
		}
		return out
	case *ast.CallExpr:
		if b, ok := typeutil.Callee(info, e).(*types.Builtin); !ok || b.Name() != "append" || len(e.Args) == 0 {
			return nil
		}
		out := p.sliceElems(info, e.Args[0], seen)
		for i, a := range e.Args[1:] {
			if e.Ellipsis.IsValid() && i == len(e.Args)-2 {
				out = append(out, p.sliceElems(info, a, seen)...)
			} else {
				out = append(out, a)
			}
		}
		return out
	case *ast.Ident:
		v := localVar(info, e)
		if v == nil || seen[v] {
			return nil
		}
		seen[v] = true
		var out []ast.Expr
		for _, w := range p.writes(v) {
			if w.multi == nil {
				out = append(out, p.sliceElems(info, w.expr, seen)...)
			}
		}
		return out
	}
	return nil
}

// localVar is the variable declared in a function that id names, if so.
func localVar(info *types.Info, id *ast.Ident) *types.Var {
	v, _ := info.ObjectOf(id).(*types.Var)
	if v == nil || v.IsField() || v.Pkg() == nil || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	return v
}

// A write gives a variable a value: expr, or result idx of multi (a
// call assigned to several variables).
type write struct {
	expr  ast.Expr
	multi ast.Expr
	idx   int
}

// writes are the assignments to the local variable v in the function
// declaring it (closures within included).
func (p *Program) writes(v *types.Var) []write {
	f := p.FuncAt(v.Pos())
	if f == nil || f.Syntax() == nil {
		return nil
	}
	pkg := p.Package(f)
	if pkg == nil {
		return nil
	}
	info := pkg.TypesInfo
	var out []write
	assign := func(lhs []ast.Expr, rhs []ast.Expr) {
		for i, l := range lhs {
			id, ok := ast.Unparen(l).(*ast.Ident)
			if !ok || info.ObjectOf(id) != v {
				continue
			}
			switch {
			case len(rhs) == len(lhs):
				out = append(out, write{expr: rhs[i]})
			case len(rhs) == 1:
				out = append(out, write{multi: rhs[0], idx: i})
			}
		}
	}
	ast.Inspect(f.Syntax(), func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.ASSIGN || n.Tok == token.DEFINE {
				assign(n.Lhs, n.Rhs)
			}
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			assign(lhs, n.Values)
		}
		return true
	})
	return out
}

// clientOption says the connect.WithInterceptors call, enclosed by stack
// (innermost last), configures clients only: it is handed where a
// ClientOption is expected, or is kept in a local that every use hands
// so.
func (p *Program) clientOption(info *types.Info, file *ast.File, call ast.Expr, stack []ast.Node) bool {
	i := len(stack) - 1
	e := call
	for ; i >= 0; i-- {
		if _, ok := stack[i].(*ast.ParenExpr); !ok {
			break
		}
		e = stack[i].(ast.Expr)
	}
	if i < 0 {
		return false
	}
	if t := expectedType(info, stack[i], e); t != nil {
		return isClientOption(t)
	}
	var v *types.Var
	switch n := stack[i].(type) {
	case *ast.AssignStmt:
		for j, r := range n.Rhs {
			if r == e && len(n.Lhs) == len(n.Rhs) {
				if id, ok := n.Lhs[j].(*ast.Ident); ok {
					v = localVar(info, id)
				}
			}
		}
	case *ast.ValueSpec:
		for j, r := range n.Values {
			if r == e && len(n.Names) == len(n.Values) {
				v = localVar(info, n.Names[j])
			}
		}
	}
	if v == nil {
		return false
	}
	uses := 0
	client := true
	queries.InspectAround(file, func(n ast.Node, around []ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == v && len(around) > 0 {
			uses++
			t := expectedType(info, around[len(around)-1], id)
			client = client && t != nil && isClientOption(t)
		}
		return true
	})
	return uses > 0 && client
}

// expectedType is the type parent expects of its part e: the parameter
// of a call's argument, the element of a slice literal or append, nil
// when none is known.
func expectedType(info *types.Info, parent ast.Node, e ast.Expr) types.Type {
	switch n := parent.(type) {
	case *ast.CallExpr:
		if b, ok := typeutil.Callee(info, n).(*types.Builtin); ok {
			if b.Name() == "append" && len(n.Args) > 0 && n.Args[0] != e {
				if s, ok := info.TypeOf(n).Underlying().(*types.Slice); ok {
					return s.Elem()
				}
			}
			return nil
		}
		sig, ok := info.TypeOf(n.Fun).Underlying().(*types.Signature)
		if !ok {
			return nil
		}
		for j, a := range n.Args {
			if a != e {
				continue
			}
			params := sig.Params()
			switch {
			case sig.Variadic() && j >= params.Len()-1 && !n.Ellipsis.IsValid():
				if s, ok := params.At(params.Len() - 1).Type().(*types.Slice); ok {
					return s.Elem()
				}
			case j < params.Len():
				return params.At(j).Type()
			}
		}
	case *ast.CompositeLit:
		if t := info.TypeOf(n); t != nil {
			switch u := t.Underlying().(type) {
			case *types.Slice:
				return u.Elem()
			case *types.Array:
				return u.Elem()
			}
		}
	}
	return nil
}

// isClientOption says t is connect's ClientOption.
func isClientOption(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Name() != "ClientOption" {
		return false
	}
	switch n.Obj().Pkg().Path() {
	case "connectrpc.com/connect", "github.com/bufbuild/connect-go":
		return true
	}
	return false
}
