package queries

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
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
// function, and those queued by the functions it hands the batch to
// (func (w *Writer) insertRows(b *pgx.Batch, rows []Row) queues an
// INSERT per row), at any depth and, through their facts (BatchQueues),
// in any package; a name gets the SQL prepared under it in the package.

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
	texts, fail := a.queuedOn(n, b, s.Call)
	if fail != nil {
		return fail.text(b.Name())
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

// queuedOn returns the statements queued on batch b in function n
// before the call send (the whole body when nil): by b.Queue, and by the
// functions b is handed to. fail says why they cannot be known.
func (a *analyzer) queuedOn(n *funcNode, b *types.Var, send *ast.CallExpr) (texts []sqlText, fail *queueFail) {
	for _, c := range n.calls {
		if send != nil && (c.call.Pos() >= send.Pos() || c.call == send) {
			continue
		}
		if c.method != nil && c.method.Role == dbapi.Queue && c.method.SQLArg < len(c.call.Args) {
			if sel, ok := c.call.Fun.(*ast.SelectorExpr); ok && a.refersTo(sel.X, b) {
				t := a.pgxNamed(c.method, a.r.resolve(c.call.Args[c.method.SQLArg], c.call.Pos()))
				if !t.OK {
					return nil, &queueFail{site: a.where(c.call.Pos()), why: t.Why}
				}
				texts = append(texts, t)
			}
			continue
		}
		if c.method != nil && c.method.Role == dbapi.SendBatch {
			continue // sent, not filled
		}
		for i, arg := range c.call.Args {
			if !a.refersTo(arg, b) {
				continue
			}
			q := a.batchQueues(c.callee)
			switch {
			case q == nil || q.Param != i:
				return nil, &queueFail{filler: exprName(c.call.Fun), site: a.where(c.call.Pos())}
			case q.Why != "":
				return nil, &queueFail{site: q.Site, via: q.Via, why: q.Why}
			}
			for _, sql := range q.SQL {
				texts = append(texts, sqlText{SQL: sql, OK: true, Param: -1})
			}
		}
	}
	return texts, nil
}

// queueFail says why the statements queued on a batch are unknown: the
// SQL of the Queue call at site (in function via, when another) is
// (why), or a function the batch is handed to (filler, called at site)
// says nothing of what it queues.
type queueFail struct {
	site, via, why string
	filler         string
}

func (f *queueFail) text(batch string) sqlText {
	switch {
	case f.filler != "":
		return unresolved("batch %s is also filled by %s at %s", batch, f.filler, f.site)
	case f.via != "":
		return unresolved("batch %s queues SQL at %s (in %s) where %s", batch, f.site, f.via, f.why)
	}
	return unresolved("batch %s queues SQL at %s where %s", batch, f.site, f.why)
}

// batchMemo is what batchQueues learned of a function of this package.
type batchMemo struct {
	q    *BatchQueues
	busy bool
}

// batchQueues returns what fn queues on the pgx batch it takes, nil
// when it takes none or queues nothing (or belongs to another package
// without a fact).
func (a *analyzer) batchQueues(fn *types.Func) *BatchQueues {
	if fn == nil {
		return nil
	}
	fn = fn.Origin()
	if fn.Pkg() != a.pass.Pkg {
		var f BatchQueues
		if fn.Pkg() == nil || !a.pass.ImportObjectFact(fn, &f) {
			return nil
		}
		return &f
	}
	if m, seen := a.batches[fn]; seen {
		return m.q // nil while busy: a helper calling itself adds nothing more
	}
	m := &batchMemo{busy: true}
	a.batches[fn] = m
	m.q = a.readBatchHelper(fn)
	m.busy = false
	return m.q
}

// readBatchHelper reads what fn, of this package, queues on its batch
// parameter.
func (a *analyzer) readBatchHelper(fn *types.Func) *BatchQueues {
	decl := a.r.funcs[fn]
	if decl == nil || decl.Body == nil {
		return nil
	}
	n := a.nodes[decl]
	sig := fn.Type().(*types.Signature)
	var b *types.Var
	param := -1
	for i := 0; i < sig.Params().Len(); i++ {
		if isBatch(sig.Params().At(i).Type()) {
			b, param = sig.Params().At(i), i
			break
		}
	}
	if n == nil || b == nil {
		return nil
	}
	texts, fail := a.queuedOn(n, b, nil)
	switch {
	case fail != nil && fail.filler != "":
		return nil // handed on to a function that says nothing: callers say so
	case fail != nil:
		via := fail.via
		if via == "" {
			via = FuncName(fn)
		}
		return &BatchQueues{Param: param, Site: fail.site, Via: via, Why: fail.why}
	}
	if len(texts) == 0 {
		return nil
	}
	q := &BatchQueues{Param: param}
	for _, t := range texts {
		if !slices.Contains(q.SQL, t.SQL) {
			q.SQL = append(q.SQL, t.SQL)
		}
	}
	return q
}

// exportBatches publishes what the package's functions queue on the
// batches they are given.
func (a *analyzer) exportBatches() {
	for fn := range a.r.funcs {
		if q := a.batchQueues(fn); q != nil {
			a.pass.ExportObjectFact(fn, q)
			a.res.Batches[fn] = q
		}
	}
}
