package routes

import (
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
	"strings"

	"github.com/sqlheat/sqlheat/internal/httpapi"
)

// registerBind makes the routes of GoFrame's group.Bind(objects...): a
// function of the standard shape, func(ctx context.Context, req *Req)
// (res *Res, err error), serves the path and methods the g.Meta field of
// Req names in its tags (path:"/user/list" method:"get"; every method
// when it names none), under the group's prefix; an object (a
// controller, usually a package variable) binds each of its methods of
// that shape. GoFrame calls the methods of a pointer to the object, so
// the pointer's method set is read. What GoFrame binds otherwise (an
// object's methods of another shape, at paths made of their names) is
// said in Result.Unread.
func (a *analyzer) registerBind(call *ast.CallExpr, api *httpapi.API) {
	unread := func(format string, args ...any) {
		a.unread = append(a.unread, Unread{Pos: call.Pos(), Message: "goframe: " + fmt.Sprintf(format, args...)})
	}
	recv := a.routerRecv(call, api)
	if recv == nil {
		return
	}
	routers := a.routers(recv, 0)
	if call.Ellipsis.IsValid() {
		unread("the handlers bound here are not known (%s...): their routes are missing", types.ExprString(call.Args[len(call.Args)-1]))
		return
	}
	for _, arg := range call.Args[min(api.HandlerArg, len(call.Args)):] {
		if fn, ok := a.funcOf(arg); ok && fn.Type().(*types.Signature).Recv() == nil || ok && isMethodValue(a.pass.TypesInfo, arg) {
			if !a.bindStandard(call, routers, fn) {
				unread("%s is not of the standard shape func(ctx, *Req) (*Res, error) with a g.Meta path: its route is missing", fn.Name())
			}
			continue
		}
		t := a.pass.TypesInfo.TypeOf(arg)
		if t == nil {
			continue
		}
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if _, ok := t.Underlying().(*types.Struct); !ok {
			unread("%s, bound here, is neither a function nor an object: GoFrame refuses it", types.ExprString(arg))
			continue
		}
		ms := types.NewMethodSet(types.NewPointer(t))
		bound, other := 0, 0
		for i := range ms.Len() {
			fn, ok := ms.At(i).Obj().(*types.Func)
			if !ok || !fn.Exported() {
				continue
			}
			if a.bindStandard(call, routers, fn) {
				bound++
			} else {
				other++
			}
		}
		if bound == 0 && other > 0 {
			unread("the methods of %s are not of the standard shape func(ctx, *Req) (*Res, error): GoFrame binds them at paths made of their names, which are not read", types.ExprString(arg))
		}
	}
}

// isMethodValue reports whether e is a method value (ctrl.List).
func isMethodValue(info *types.Info, e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s := info.Selections[sel]
	return s != nil && s.Kind() == types.MethodVal
}

// bindStandard adds the routes of fn when it has GoFrame's standard
// shape, and reports whether it has.
func (a *analyzer) bindStandard(call *ast.CallExpr, routers []router, fn *types.Func) bool {
	path, methods, ok := standardRoute(fn)
	if !ok {
		return false
	}
	h := a.action(fn)
	h.Any = true
	for _, m := range methods {
		a.addAll(call, httpapi.GoFrame, routers, []string{m}, path, true, h, nil)
	}
	return true
}

// standardRoute is the path and methods a GoFrame handler of the
// standard shape serves, from the tags of the g.Meta field of its
// request type; ok is false for a function of another shape, or whose
// request names no path.
func standardRoute(fn *types.Func) (path string, methods []string, ok bool) {
	sig := fn.Type().(*types.Signature)
	if sig.Params().Len() != 2 || sig.Results().Len() != 2 ||
		types.TypeString(sig.Params().At(0).Type(), nil) != "context.Context" ||
		types.TypeString(sig.Results().At(1).Type(), nil) != "error" {
		return "", nil, false
	}
	p, isPtr := types.Unalias(sig.Params().At(1).Type()).(*types.Pointer)
	if !isPtr {
		return "", nil, false
	}
	st, isStruct := p.Elem().Underlying().(*types.Struct)
	if !isStruct {
		return "", nil, false
	}
	for i := range st.NumFields() {
		f := st.Field(i)
		n, isNamed := types.Unalias(f.Type()).(*types.Named)
		if !f.Embedded() || !isNamed || n.Obj().Name() != "Meta" || n.Obj().Pkg() == nil || !strings.HasPrefix(n.Obj().Pkg().Path(), "github.com/gogf/gf/") {
			continue
		}
		tag := reflect.StructTag(st.Tag(i))
		path = tag.Get("path")
		if path == "" {
			continue // g.Meta `mime:"application/json"` of a response
		}
		for _, m := range strings.Split(tag.Get("method"), ",") {
			if m = strings.ToUpper(strings.TrimSpace(m)); m != "" && m != "ALL" {
				methods = append(methods, m)
			}
		}
		if len(methods) == 0 {
			methods = []string{httpapi.AnyMethod}
		}
		return path, methods, true
	}
	return "", nil, false
}
