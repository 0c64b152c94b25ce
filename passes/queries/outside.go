package queries

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	astedge "golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/sqlheat/sqlheat/passes/config"
)

// Cleanups after another service's refusal. A loop that sends each item
// to a service outside the program, and deletes the items the service
// turned down for good, runs that DELETE once per stale item, ever:
//
//	for _, t := range tokens {
//		_, err := client.Send(ctx, msg(t))        // a push service's client
//		if errors.Is(err, push.ErrUnregistered) {
//			db.Exec("DELETE FROM devices WHERE token = $1", t)
//		}
//	}
//
// Deleted, the item is not sent again: batching the deletes saves
// nothing a reader would pay for. The test of which failure it was
// keeps a failure branch per item elsewhere (see failure.go:
// `if errors.Is(err, sql.ErrNoRows) { insert }` is the normal path of a
// get-or-create); here the failure is not our data's answer. What makes
// it so, by types: the error the if tests (errors.Is(err, X), err == X,
// IsX(err); within an `if err != nil`, also a switch on it or another
// result of the failed call such as a status code) was last assigned,
// before the if, by a call into a package of another module than the
// one analyzed (the standard library's included) that imports no
// database package: it reaches no query of ours, so its answer is the
// other service's. And the queries
// the branch runs are DELETEs (the pass sees the statements of its own
// sites; the whole-program driver, those every call reaches, through
// interfaces): an UPDATE that marks the item keeps it in the next run's
// loop (a repository the forge no longer has, set inactive and checked
// again at every sync), and an INSERT creates per item. Only the branch
// where the test holds counts so: an else, a negated test, a switch's
// default outside `if err != nil` run on success too. A loop within the
// branch deletes per item of its own, as one within a get-or-create's
// branch creates.
//
// Not so told: a failure the program reads from a field of the
// service's answer (a per-message error code in a decoded response) or
// from a bool (a full queue): by types, that field is any string, and
// false any answer.

// outsideCall reports whether call is into a package of another module
// than the one analyzed that imports no database package (see above).
func (a *analyzer) outsideCall(call *ast.CallExpr) bool {
	fn := a.r.callee(call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg() == a.pass.Pkg || a.lookup(fn, call) != nil {
		return false
	}
	cfg := config.For(a.pass)
	mod, path := cfg.ModulePath, fn.Pkg().Path()
	if mod == "" {
		// No go.mod (GOPATH): the repository the analyzed package's
		// path names is the program's own.
		mod = repoRoot(a.pass.Pkg.Path())
	}
	if path == mod || strings.HasPrefix(path, mod+"/") {
		return false // the module's own
	}
	return !isLibrary(fn.Pkg()) && !mayQuery(fn.Pkg(), cfg.Functions)
}

// repoRoot is the part of an import path that names its repository:
// host/owner/name for a path starting with a host, else its first
// element.
func repoRoot(path string) string {
	parts := strings.Split(path, "/")
	if strings.Contains(parts[0], ".") && len(parts) >= 3 {
		return strings.Join(parts[:3], "/")
	}
	return parts[0]
}

// lastCall is the call that last assigned v before pos, nil when
// none did.
func (a *analyzer) lastCall(v *types.Var, pos token.Pos) *ast.CallExpr {
	var last *assignment
	for i, w := range a.r.writes[v] {
		if _, ok := ast.Unparen(w.rhs).(*ast.CallExpr); ok && w.pos < pos && (last == nil || w.pos > last.pos) {
			last = &a.r.writes[v][i]
		}
	}
	if last == nil {
		return nil
	}
	return ast.Unparen(last.rhs).(*ast.CallExpr)
}

// toldOutside reports whether the body of x runs only when an outside
// call (see outsideCall) failed with the failure cond tells: a conjunct
// of cond is such a test, not negated (errors.Is(err, X), IsX(err), err
// == X), and every error cond reads comes from an outside call.
func (a *analyzer) toldOutside(x *ast.IfStmt) bool {
	if a.toldByStatus(x) {
		return true
	}
	told := false
	for _, c := range conjuncts(x.Cond) {
		told = told || a.positiveTest(c)
	}
	if !told {
		return false
	}
	all := true
	ast.Inspect(x.Cond, func(n ast.Node) bool {
		if v := a.errVar(asExpr(n)); v != nil && v.Parent() != v.Pkg().Scope() {
			call := a.lastCall(v, x.Body.Pos())
			all = all && call != nil && a.outsideCall(call)
		}
		return all
	})
	return all
}

// positiveTest reports whether e holds only for a non-nil error: a call
// handed an error (errors.Is(err, X), IsNotFound(err)) or err == X, X
// not nil.
func (a *analyzer) positiveTest(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		for _, arg := range e.Args {
			if a.errVar(arg) != nil {
				return true
			}
		}
	case *ast.BinaryExpr:
		if e.Op != token.EQL || a.isNil(e.X) || a.isNil(e.Y) {
			return false
		}
		return a.errVar(e.X) != nil || a.errVar(e.Y) != nil
	}
	return false
}

func asExpr(n ast.Node) ast.Expr {
	e, _ := n.(ast.Expr)
	return e
}

// walkCleanup walks the if at c, whose body runs only when an outside
// call failed (see toldOutside): its body as a cleanup, the rest as usual.
func (a *analyzer) walkCleanup(n *funcNode, c inspector.Cursor, loops []*Loop) {
	for part := range c.Children() {
		if part.ParentEdgeKind() != astedge.IfStmt_Body {
			a.walk(n, part, loops)
			continue
		}
		a.cleanup++
		a.walk(n, part, loops)
		a.cleanup--
	}
}

// Deletes reports whether s runs DELETEs only.
func (s *Site) Deletes() bool {
	for _, st := range s.Stmts {
		if st.Command != "DELETE" {
			return false
		}
	}
	return len(s.Stmts) > 0
}

// toldByStatus reports whether the body of x runs only when the HTTP
// response an outside call returned says the request failed:
//
//	resp, err := webpush.SendNotification(msg, sub, opts)
//	...
//	if (resp.StatusCode < 200 || resp.StatusCode > 299) && resp.StatusCode != 429 {
//		store.RemoveSubscription(sub.Endpoint) // the endpoint is gone
//	}
//
// The status is the other service's answer, as an error it returns is
// (see toldOutside). The condition must be made of comparisons of one
// *net/http.Response variable's StatusCode with constants, joined by &&,
// || and !, and be false for every success (200, 201, 202, 204); that
// variable must be last assigned, before the if, by an outside call.
func (a *analyzer) toldByStatus(x *ast.IfStmt) bool {
	var resp *types.Var
	var eval func(e ast.Expr, code int64) (bool, bool)
	eval = func(e ast.Expr, code int64) (bool, bool) {
		switch e := ast.Unparen(e).(type) {
		case *ast.UnaryExpr:
			if e.Op != token.NOT {
				return false, false
			}
			v, ok := eval(e.X, code)
			return !v, ok
		case *ast.BinaryExpr:
			switch e.Op {
			case token.LAND, token.LOR:
				l, ok1 := eval(e.X, code)
				r, ok2 := eval(e.Y, code)
				if e.Op == token.LAND {
					return l && r, ok1 && ok2
				}
				return l || r, ok1 && ok2
			case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
				op, status, k := e.Op, e.X, e.Y
				if _, isConst := intConst(a.pass.TypesInfo, e.X); isConst {
					status, k = e.Y, e.X
					op = mirror(op)
				}
				c, isConst := intConst(a.pass.TypesInfo, k)
				v := a.statusOf(status)
				if !isConst || v == nil || resp != nil && v != resp {
					return false, false
				}
				resp = v
				switch op {
				case token.EQL:
					return code == c, true
				case token.NEQ:
					return code != c, true
				case token.LSS:
					return code < c, true
				case token.LEQ:
					return code <= c, true
				case token.GTR:
					return code > c, true
				default:
					return code >= c, true
				}
			}
		}
		return false, false
	}
	for _, code := range []int64{200, 201, 202, 204} {
		if v, ok := eval(x.Cond, code); !ok || v {
			return false
		}
	}
	if resp == nil {
		return false
	}
	call := a.lastCall(resp, x.Pos())
	return call != nil && a.outsideCall(call)
}

// statusOf is the local *net/http.Response variable e reads the
// StatusCode of (resp.StatusCode), nil when e is no such read.
func (a *analyzer) statusOf(e ast.Expr) *types.Var {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "StatusCode" {
		return nil
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := a.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Parent() == nil || v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
		return nil
	}
	ptr, ok := v.Type().(*types.Pointer)
	if !ok {
		return nil
	}
	named, ok := ptr.Elem().(*types.Named)
	if !ok || named.Obj().Pkg() == nil || named.Obj().Pkg().Path() != "net/http" || named.Obj().Name() != "Response" {
		return nil
	}
	return v
}

// mirror is the comparison op with its operands swapped (a < b is b > a).
func mirror(op token.Token) token.Token {
	switch op {
	case token.LSS:
		return token.GTR
	case token.GTR:
		return token.LSS
	case token.LEQ:
		return token.GEQ
	case token.GEQ:
		return token.LEQ
	}
	return op
}
