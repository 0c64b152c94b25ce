package httpapi

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// grpc-gateway serves a gRPC service's methods as HTTP paths (the
// google.api.http rules of its .proto). Its generated registrations,
//
//	func RegisterXHandlerServer(ctx context.Context, mux *runtime.ServeMux, server XServer) error
//	func RegisterXHandlerClient(ctx context.Context, mux *runtime.ServeMux, client XClient) error
//	func RegisterXHandler(ctx context.Context, mux *runtime.ServeMux, conn *grpc.ClientConn) error
//	func RegisterXHandlerFromEndpoint(ctx context.Context, mux *runtime.ServeMux, endpoint string, opts []grpc.DialOption) error
//
// call mux.Handle(method, pattern_X_M_0, func(w, req, pathParams) {...})
// once per path, where pattern_X_M_0 is a package variable compiled from
// constant op codes and strings (runtime.MustPattern(runtime.NewPattern(1,
// ops, pool, verb))) and the closure calls a generated function of the
// file that calls the method of the server (in process) or of the client
// (over gRPC). Newer generators also write the path template itself, as
// runtime.WithHTTPPathPattern("/v1/...") in the closure, and the
// procedure's full name ("/pkg.X/M") as AnnotateContext's argument.
//
// No router's table can see these routes: the call that registers them
// is in the generated file, which a package registering a service does
// not have the syntax of (it may be a dependency read from export data).
// GatewayFile reads what that file says.

// IsGatewayRegistration reports whether fn has the signature of a
// generated grpc-gateway registration (see above): a function of no
// receiver taking a context and the gateway's *runtime.ServeMux (v1 or
// v2), returning an error.
func IsGatewayRegistration(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() != nil || sig.Params().Len() < 2 || sig.Results().Len() != 1 {
		return false
	}
	return typesIs(sig.Results().At(0).Type(), "error") && typesIs(sig.Params().At(0).Type(), "context.Context") &&
		typesIs(sig.Params().At(1).Type(), "*"+gatewayPkg+".ServeMux", "*"+gatewayV1Pkg+".ServeMux")
}

// GatewayPath is one path a generated gateway registration serves.
type GatewayPath struct {
	Method string // "GET"
	// Path is the template: "/v1/items/{id}", "/v1/{name=shelves/*}:get".
	Path string
	// Procedure is the full name of the method the generated code
	// annotates the request with ("/pkg.X/M"); "" when it names none
	// (older generators).
	Procedure string
	// Interface is the name of the package's interface (XServer or
	// XClient) whose method Call serves the path.
	Interface, Call string
}

// GatewayFile is what a generated gateway file registers, by
// registration function.
type GatewayFile struct {
	funcs    map[string]*ast.FuncDecl
	patterns map[string]string // pattern variable -> path template
	runtime  string            // the name the file imports the runtime as
}

// NewGatewayFile indexes a generated gateway file.
func NewGatewayFile(file *ast.File) *GatewayFile {
	g := &GatewayFile{funcs: map[string]*ast.FuncDecl{}, patterns: map[string]string{}, runtime: "runtime"}
	for _, imp := range file.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); (p == gatewayPkg || p == gatewayV1Pkg) && imp.Name != nil {
			g.runtime = imp.Name.Name
		}
	}
	for _, d := range file.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil && d.Body != nil {
				g.funcs[d.Name.Name] = d
			}
		case *ast.GenDecl:
			if d.Tok != token.VAR {
				continue
			}
			for _, s := range d.Specs {
				vs := s.(*ast.ValueSpec)
				for i, name := range vs.Names {
					if i < len(vs.Values) {
						if p, ok := g.compiled(vs.Values[i]); ok {
							g.patterns[name.Name] = p
						}
					}
				}
			}
		}
	}
	return g
}

// maxGatewayDepth bounds the registrations one calls in turn
// (FromEndpoint → Handler → HandlerClient).
const maxGatewayDepth = 4

// Paths are the paths the registration function name serves, in the
// order it registers them: its own mux.Handle calls and those of the
// file's registrations it hands its mux to. Those it cannot read (a
// pattern it cannot decode) are left out and counted in skipped.
func (g *GatewayFile) Paths(name string) (out []GatewayPath, skipped int) {
	g.paths(name, 0, &out, &skipped)
	return out, skipped
}

func (g *GatewayFile) paths(name string, depth int, out *[]GatewayPath, skipped *int) {
	d := g.funcs[name]
	if d == nil || depth > maxGatewayDepth {
		return
	}
	mux := paramName(d.Type, 1)
	if mux == "" {
		return
	}
	ast.Inspect(d.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) < 2 || !isIdent(call.Args[1], mux) && !isSelectorOf(call.Fun, mux, "Handle") {
			return true
		}
		if isSelectorOf(call.Fun, mux, "Handle") { // mux.Handle(method, pattern, func(...) {...})
			if p, ok := g.handle(call); ok {
				*out = append(*out, p)
			} else {
				*skipped++
			}
			return false
		}
		if id, ok := call.Fun.(*ast.Ident); ok && g.funcs[id.Name] != nil && id.Name != name {
			g.paths(id.Name, depth+1, out, skipped) // another registration, on this mux
		}
		return true
	})
}

// handle reads one mux.Handle call.
func (g *GatewayFile) handle(call *ast.CallExpr) (GatewayPath, bool) {
	var p GatewayPath
	if len(call.Args) != 3 {
		return p, false
	}
	switch m := call.Args[0].(type) {
	case *ast.BasicLit: // "GET" (older generators)
		s, err := strconv.Unquote(m.Value)
		if err != nil {
			return p, false
		}
		p.Method = s
	case *ast.SelectorExpr: // http.MethodGet
		rest, ok := strings.CutPrefix(m.Sel.Name, "Method")
		if !ok || rest == "" {
			return p, false
		}
		p.Method = strings.ToUpper(rest)
	default:
		return p, false
	}
	if id, ok := call.Args[1].(*ast.Ident); ok {
		p.Path = g.patterns[id.Name]
	}
	lit, ok := call.Args[2].(*ast.FuncLit)
	if !ok {
		return p, false
	}
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		switch {
		case isSelectorOf(c.Fun, g.runtime, "WithHTTPPathPattern") && len(c.Args) == 1:
			if s, ok := stringLit(c.Args[0]); ok {
				p.Path = s // the template as written in the .proto
			}
		case (isSelectorOf(c.Fun, g.runtime, "AnnotateContext") || isSelectorOf(c.Fun, g.runtime, "AnnotateIncomingContext")) && len(c.Args) >= 4:
			if s, ok := stringLit(c.Args[3]); ok {
				p.Procedure = s
			}
		default:
			if id, ok := c.Fun.(*ast.Ident); ok && p.Call == "" {
				p.Interface, p.Call = g.calls(id.Name)
			}
		}
		return true
	})
	return p, p.Path != "" && p.Call != ""
}

// calls is the method the generated request function name calls on its
// server or client parameter, and that parameter's type's name.
func (g *GatewayFile) calls(name string) (iface, method string) {
	d := g.funcs[name]
	if d == nil {
		return "", ""
	}
	params := map[string]string{} // parameter -> its type, when a type of the package
	for _, f := range d.Type.Params.List {
		if t, ok := f.Type.(*ast.Ident); ok {
			for _, n := range f.Names {
				params[n.Name] = t.Name
			}
		}
	}
	ast.Inspect(d.Body, func(n ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		if !ok || method != "" {
			return method == ""
		}
		if sel, ok := c.Fun.(*ast.SelectorExpr); ok {
			if x, ok := sel.X.(*ast.Ident); ok && params[x.Name] != "" {
				iface, method = params[x.Name], sel.Sel.Name
			}
		}
		return true
	})
	return iface, method
}

// compiled is the path template of runtime.MustPattern(runtime.NewPattern(1,
// []int{ops...}, []string{pool...}, verb)).
func (g *GatewayFile) compiled(e ast.Expr) (string, bool) {
	must, ok := e.(*ast.CallExpr)
	if !ok || !isSelectorOf(must.Fun, g.runtime, "MustPattern") || len(must.Args) != 1 {
		return "", false
	}
	np, ok := must.Args[0].(*ast.CallExpr)
	if !ok || !isSelectorOf(np.Fun, g.runtime, "NewPattern") || len(np.Args) != 4 {
		return "", false
	}
	var ops []int
	var pool []string
	if cl, ok := np.Args[1].(*ast.CompositeLit); ok {
		for _, el := range cl.Elts {
			b, ok := el.(*ast.BasicLit)
			if !ok || b.Kind != token.INT {
				return "", false
			}
			n, err := strconv.Atoi(b.Value)
			if err != nil {
				return "", false
			}
			ops = append(ops, n)
		}
	}
	if cl, ok := np.Args[2].(*ast.CompositeLit); ok {
		for _, el := range cl.Elts {
			s, ok := stringLit(el)
			if !ok {
				return "", false
			}
			pool = append(pool, s)
		}
	}
	verb, ok := stringLit(np.Args[3])
	if !ok {
		return "", false
	}
	return PatternTemplate(ops, pool, verb)
}

// The op codes of grpc-gateway's compiled patterns (its utilities.OpCode).
const (
	opNop = iota
	opPush
	opLitPush
	opPushM
	opConcatN
	opCapture
)

// PatternTemplate decodes a compiled gateway pattern (pairs of op code
// and operand, the pool of literals, the verb) back to the template it
// was compiled from: "/v1/{name=shelves/*}/books:get". False when the
// program is not one the gateway's compiler writes.
func PatternTemplate(ops []int, pool []string, verb string) (string, bool) {
	if len(ops)%2 != 0 {
		return "", false
	}
	var stack []string
	for i := 0; i < len(ops); i += 2 {
		code, arg := ops[i], ops[i+1]
		switch code {
		case opNop:
		case opPush:
			stack = append(stack, "*")
		case opPushM:
			stack = append(stack, "**")
		case opLitPush:
			if arg < 0 || arg >= len(pool) {
				return "", false
			}
			stack = append(stack, pool[arg])
		case opConcatN:
			if arg <= 0 || arg > len(stack) {
				return "", false
			}
			joined := strings.Join(stack[len(stack)-arg:], "/")
			stack = append(stack[:len(stack)-arg], joined)
		case opCapture:
			if arg < 0 || arg >= len(pool) || len(stack) == 0 {
				return "", false
			}
			top := stack[len(stack)-1]
			if top == "*" {
				stack[len(stack)-1] = "{" + pool[arg] + "}"
			} else {
				stack[len(stack)-1] = "{" + pool[arg] + "=" + top + "}"
			}
		default:
			return "", false
		}
	}
	out := "/" + strings.Join(stack, "/")
	if verb != "" {
		out += ":" + verb
	}
	return out, true
}

func paramName(ft *ast.FuncType, i int) string {
	n := 0
	for _, f := range ft.Params.List {
		for _, name := range f.Names {
			if n == i {
				return name.Name
			}
			n++
		}
		if len(f.Names) == 0 {
			n++
		}
	}
	return ""
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

func isSelectorOf(e ast.Expr, x, sel string) bool {
	s, ok := e.(*ast.SelectorExpr)
	return ok && s.Sel.Name == sel && isIdent(s.X, x)
}

func stringLit(e ast.Expr) (string, bool) {
	b, ok := e.(*ast.BasicLit)
	if !ok || b.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(b.Value)
	return s, err == nil
}
