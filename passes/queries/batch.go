package queries

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/sqlheat/sqlheat/internal/dbapi"
)

// pgx sends SQL two ways that hold no SQL at the call that sends it:
//
//   - a batch: b.Queue(sql, args...) adds statements, conn.SendBatch(ctx, b)
//     sends them all in one round trip (sqlc's :batchexec, :batchmany and
//     :batchone code is this, with one statement queued per item);
//   - a statement prepared under a name: conn.Prepare(ctx, "get-user", sql),
//     then conn.Query(ctx, "get-user", id), which pgx takes as the name.
//
// The SendBatch site gets the statements queued on its batch in the same
// function; a name gets the SQL prepared under it in the package.

// collectPgxNames records the statements the package prepares by name
// with pgx.
func (a *analyzer) collectPgxNames() {
	for _, n := range a.funcs {
		for _, c := range n.calls {
			m := c.method
			if m == nil || m.Role != dbapi.Prepare || m.Library() != "pgx" || m.SQLArg != 2 || len(c.call.Args) < 3 {
				continue
			}
			name := a.r.resolve(c.call.Args[1], c.call.Pos())
			if !name.OK {
				continue
			}
			if a.pgxNames == nil {
				a.pgxNames = map[string][]sqlText{}
			}
			a.pgxNames[name.SQL] = append(a.pgxNames[name.SQL], a.r.resolve(c.call.Args[2], c.call.Pos()))
		}
	}
}

// pgxNamed replaces a statement name given to a pgx method for SQL by
// the SQL prepared under that name.
func (a *analyzer) pgxNamed(m *dbapi.Method, t sqlText) sqlText {
	if m == nil || m.Library() != "pgx" || !t.OK || m.Role == dbapi.Prepare {
		return t
	}
	prepared, ok := a.pgxNames[t.SQL]
	if !ok {
		return t
	}
	wheres := make([]string, len(prepared))
	for i := range wheres {
		wheres[i] = "a Prepare"
	}
	return settle("statement "+t.SQL, prepared, wheres)
}

// batchSQL resolves a SendBatch site: the statements queued on its batch,
// one text when they are one statement, a script of them otherwise.
func (a *analyzer) batchSQL(s *Site) sqlText {
	info := a.pass.TypesInfo
	var b *types.Var
	for _, arg := range s.Call.Args {
		if !isBatch(info.TypeOf(arg)) {
			continue
		}
		x := ast.Unparen(arg)
		if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.AND {
			x = ast.Unparen(u.X)
		}
		if id, ok := x.(*ast.Ident); ok {
			b, _ = info.Uses[id].(*types.Var)
		}
		if b == nil || b.Parent() == b.Pkg().Scope() {
			return unresolved("statements are queued on batch %s elsewhere", exprName(arg))
		}
	}
	n := a.nodes[s.Node]
	if b == nil || n == nil {
		return unresolved("batch is not a local variable")
	}
	var texts []sqlText
	for _, c := range n.calls {
		if c.call.Pos() >= s.Call.Pos() || c.call == s.Call {
			continue
		}
		if c.method != nil && c.method.Role == dbapi.Queue && c.method.SQLArg < len(c.call.Args) {
			if sel, ok := c.call.Fun.(*ast.SelectorExpr); ok && a.refersTo(sel.X, b) {
				t := a.pgxNamed(c.method, a.r.resolve(c.call.Args[c.method.SQLArg], c.call.Pos()))
				if !t.OK {
					return unresolved("batch %s queues SQL at %s where %s", b.Name(), a.where(c.call.Pos()), t.Why)
				}
				texts = append(texts, t)
			}
			continue
		}
		if c.method != nil && c.method.Role == dbapi.SendBatch {
			continue // sent, not filled
		}
		for _, arg := range c.call.Args {
			if a.refersTo(arg, b) {
				return unresolved("batch %s is also filled by %s at %s", b.Name(), exprName(c.call.Fun), a.where(c.call.Pos()))
			}
		}
	}
	if len(texts) == 0 {
		return unresolved("no statement is queued on batch %s in this function", b.Name())
	}
	// The distinct statements, in order: sqlc queues one per item.
	var distinct []sqlText
	for _, t := range texts {
		dup := false
		for _, d := range distinct {
			dup = dup || d.SQL == t.SQL
		}
		if !dup {
			distinct = append(distinct, t)
		}
	}
	if len(distinct) == 1 {
		return distinct[0]
	}
	parts := make([]string, len(distinct))
	for i, t := range distinct {
		parts[i] = strings.TrimRight(strings.TrimSpace(t.SQL), ";")
	}
	return sqlText{SQL: strings.Join(parts, ";\n"), OK: true, Param: -1}
}

// refersTo reports whether e is v or &v.
func (a *analyzer) refersTo(e ast.Expr, v *types.Var) bool {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	id, ok := e.(*ast.Ident)
	return ok && a.pass.TypesInfo.Uses[id] == v
}

// isBatch reports whether t is pgx's *Batch.
func isBatch(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Name() != "Batch" {
		return false
	}
	return strings.HasPrefix(n.Obj().Pkg().Path(), "github.com/jackc/pgx/")
}
