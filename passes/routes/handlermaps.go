package routes

import (
	"encoding/json"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/sqlheat/sqlheat/internal/httpapi"
	"github.com/sqlheat/sqlheat/passes/config"
)

// Handler maps. A server go-swagger generates keeps its operations in a
// map by method and path, which its API type fills once:
//
//	o.handlers["GET"]["/flags"] = flag.NewFindFlags(o.context, o.FlagFindFlagsHandler)
//
// and go-openapi's router serves each under the basePath of the spec.
// Each such assignment is a route: the method and the path its two
// constant keys give, served by the ServeHTTP of the value assigned,
// whose operation calls the handler the application set in the API's
// field (api.FlagFindFlagsHandler = flag.FindFlagsHandlerFunc(find)),
// which the whole-program graph follows through the operation's handler
// interface. What counts: an assignment to m[method][path] of a map of
// maps from strings to a type with a ServeHTTP method (http.Handler),
// both keys constants, the method one an HTTP method's name. The basePath
// is the spec's that the package embeds ("basePath" in a JSON literal
// with a "swagger" or "openapi" key). go-swagger embeds it in the
// restapi package, not the operations one that fills the map: there the
// routes read "…/flags", their router the one the API type's Serve
// method returns (Open), and the package that embeds the spec and calls
// Serve says what that router is under: the spec's basePath, inside
// what it wraps the handler in (see mountsOut), which the standalone
// driver joins.

// handlerMaps registers the routes of the package's handler maps.
func (a *analyzer) handlerMaps() {
	info := a.pass.TypesInfo
	for n := range config.Inspector(a.pass).PreorderSeq((*ast.AssignStmt)(nil)) {
		as := n.(*ast.AssignStmt)
		if as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			continue
		}
		outer, ok := ast.Unparen(as.Lhs[0]).(*ast.IndexExpr)
		if !ok {
			continue
		}
		inner, ok := ast.Unparen(outer.X).(*ast.IndexExpr)
		if !ok || !handlerMapType(info.TypeOf(inner.X)) {
			continue
		}
		mtv, ptv := info.Types[inner.Index], info.Types[outer.Index]
		if mtv.Value == nil || ptv.Value == nil {
			continue // keys chosen at run time
		}
		method, ok1 := constStr(mtv)
		path, ok2 := constStr(ptv)
		if !ok1 || !ok2 || !isHTTPMethod(method) || !strings.HasPrefix(path, "/") {
			continue
		}
		call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !ok {
			continue
		}
		h := a.serveHTTP(info.TypeOf(call))
		if h == nil {
			continue
		}
		base, baseOK := a.specBase()
		r := router{prefix: base, known: baseOK}
		if !baseOK {
			r.open = serveOpen(ownerOf(info, inner.X))
		}
		a.add(call, "go-swagger", r, strings.ToUpper(method), path, true, h, nil)
	}
}

// ownerOf is the type of the value whose field the handler map is
// (o in o.handlers); nil when it is not a field.
func ownerOf(info *types.Info, x ast.Expr) types.Type {
	sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if s := info.Selections[sel]; s == nil || s.Kind() != types.FieldVal {
		return nil
	}
	return info.TypeOf(sel.X)
}

// serveOpen is where the routes of a handler map held by a value of type
// owner come from: the router owner's Serve method returns (go-openapi's
// API types: Serve(builder) http.Handler); nil when it has none.
func serveOpen(owner types.Type) *Open {
	if fn := serveMethod(owner); fn != nil {
		return &Open{Func: fn.Origin(), Param: -1}
	}
	return nil
}

// serveMethod is t's method Serve returning an http.Handler alone, when t
// holds a handler map in a field; nil otherwise.
func serveMethod(t types.Type) *types.Func {
	if t == nil {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "Serve")
	fn, ok := obj.(*types.Func)
	if !ok {
		return nil
	}
	res := fn.Type().(*types.Signature).Results()
	if res.Len() != 1 || !httpapi.IsHandlerType(res.At(0).Type()) || !holdsHandlerMap(t) {
		return nil
	}
	return fn
}

// holdsHandlerMap reports whether t (or what it points to) is a struct
// with a field that is a handler map.
func holdsHandlerMap(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for f := range st.Fields() {
		if handlerMapType(f.Type()) {
			return true
		}
	}
	return false
}

// handlerMapType reports whether t is a map of maps from strings to a
// type with a ServeHTTP method.
func handlerMapType(t types.Type) bool {
	if t == nil {
		return false
	}
	m, ok := t.Underlying().(*types.Map)
	if !ok || !isString(m.Key()) {
		return false
	}
	in, ok := m.Elem().Underlying().(*types.Map)
	if !ok || !isString(in.Key()) {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(in.Elem(), true, nil, "ServeHTTP")
	_, ok = obj.(*types.Func)
	return ok
}

func isHTTPMethod(m string) bool {
	switch strings.ToUpper(m) {
	case "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT":
		return true
	}
	return false
}

// specBase is specBasePath, looked for once.
func (a *analyzer) specBase() (string, bool) {
	if a.spec == nil {
		base, ok := a.specBasePath()
		a.spec = &struct {
			base string
			ok   bool
		}{base, ok}
	}
	return a.spec.base, a.spec.ok
}

// recvType is the type of fn's receiver; nil for a function.
func recvType(fn *types.Func) types.Type {
	if r := fn.Type().(*types.Signature).Recv(); r != nil {
		return r.Type()
	}
	return nil
}

// specBasePath is the basePath of the OpenAPI spec the package embeds as
// a JSON string constant (a literal, or literals joined: go-swagger
// splits its spec where the text holds a backquote), and whether there
// is one.
func (a *analyzer) specBasePath() (string, bool) {
	info := a.pass.TypesInfo
	for _, f := range a.pass.Files {
		var base string
		found := false
		ast.Inspect(f, func(n ast.Node) bool {
			if found {
				return false
			}
			e, ok := n.(ast.Expr)
			if !ok {
				return true
			}
			tv, ok := info.Types[e]
			if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
				return true
			}
			s := constant.StringVal(tv.Value)
			if !strings.Contains(s, `"basePath"`) {
				return false
			}
			var spec struct {
				Swagger  string `json:"swagger"`
				OpenAPI  string `json:"openapi"`
				BasePath string `json:"basePath"`
			}
			if json.Unmarshal([]byte(s), &spec) == nil && (spec.Swagger != "" || spec.OpenAPI != "") {
				base, found = strings.TrimSuffix(spec.BasePath, "/"), true
			}
			return false
		})
		if found {
			return base, true
		}
	}
	return "", false
}
