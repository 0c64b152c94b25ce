package routes

import (
	"encoding/json"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
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
// with a "swagger" or "openapi" key); go-swagger embeds it in the
// restapi package, not the operations one that fills the map, so the
// routes read "…/flags" there: under a prefix not known here.

// handlerMaps registers the routes of the package's handler maps.
func (a *analyzer) handlerMaps() {
	info := a.pass.TypesInfo
	base, baseOK, looked := "", false, false
	for _, f := range a.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
				return true
			}
			outer, ok := ast.Unparen(as.Lhs[0]).(*ast.IndexExpr)
			if !ok {
				return true
			}
			inner, ok := ast.Unparen(outer.X).(*ast.IndexExpr)
			if !ok || !handlerMapType(info.TypeOf(inner.X)) {
				return true
			}
			mtv, ptv := info.Types[inner.Index], info.Types[outer.Index]
			if mtv.Value == nil || ptv.Value == nil {
				return true // keys chosen at run time
			}
			method, ok1 := constStr(mtv)
			path, ok2 := constStr(ptv)
			if !ok1 || !ok2 || !isHTTPMethod(method) || !strings.HasPrefix(path, "/") {
				return true
			}
			call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
			if !ok {
				return true
			}
			h := a.serveHTTP(info.TypeOf(call))
			if h == nil {
				return true
			}
			if !looked {
				looked = true
				base, baseOK = a.specBasePath()
			}
			r := router{prefix: base, known: baseOK}
			a.add(call, "go-swagger", r, strings.ToUpper(method), path, true, h, nil)
			return true
		})
	}
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

// specBasePath is the basePath of the OpenAPI spec the package embeds as
// a JSON string literal, and whether there is one.
func (a *analyzer) specBasePath() (string, bool) {
	for _, f := range a.pass.Files {
		var base string
		found := false
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if found || !ok || lit.Kind != token.STRING || !strings.Contains(lit.Value, `"basePath"`) {
				return !found
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				return true
			}
			var spec struct {
				Swagger  string `json:"swagger"`
				OpenAPI  string `json:"openapi"`
				BasePath string `json:"basePath"`
			}
			if json.Unmarshal([]byte(s), &spec) != nil || spec.Swagger == "" && spec.OpenAPI == "" {
				return true
			}
			base, found = strings.TrimSuffix(spec.BasePath, "/"), true
			return false
		})
		if found {
			return base, true
		}
	}
	return "", false
}
