package program

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/sqlheat/sqlheat/internal/codekind"
)

// Version ladders.
//
// A program without a migration framework or registry often upgrades its
// database in one function, a step per release, each step under a test
// of the schema version the database was left at:
//
//	func (p Provider) Upgrade(current int) {
//		if current < 10 { ...CREATE TABLE...; for _, u := range p.Users() { p.SaveUser(u) } }
//		if current < 13 { ... }
//		if current < 14 { for _, h := range p.Hotlinks() { ... } }
//	}
//
// Each step runs once per deployment, when the database is older than
// it, however the ladder is reached: at start-up, from a set-up request,
// from a command. The ladder is a migration entry, and, like a registry's
// runner, what its own entry alone reaches (see functions): a loop in it
// is migration work, not the request's that happens to call it.
//
// A ladder is a declared function with at least two statements of its
// body `if x < K` (or <=, or K > x) on the same x, with integer constants
// K rising in source order, that changes the schema (runs DDL) somewhere
// below it. Size buckets (if n < 10 … if n < 100) change no schema.

// ladders are the module's version ladders, in the order of p.list.
func (p *Program) ladders() []*Func {
	var out []*Func
	for _, f := range p.list {
		fd, ok := f.syntax.(*ast.FuncDecl)
		if !ok || fd.Body == nil || f.instance {
			continue
		}
		if pkg := p.pkgs[f.pkg]; pkg == nil || codekind.TestFile(pkg.Fset.File(fd.Pos()).Name()) {
			continue
		}
		if steps(p.info(f), fd.Body) >= 2 && p.changesSchema([]*Func{f}) {
			out = append(out, f)
		}
	}
	return out
}

// steps counts the longest run of body statements `if x < K` on one x
// with K rising.
func steps(info *types.Info, body *ast.BlockStmt) int {
	if info == nil {
		return 0
	}
	best := 0
	var on string // the x of the current run
	var last constant.Value
	n := 0
	for _, s := range body.List {
		is, ok := s.(*ast.IfStmt)
		if !ok || is.Init != nil {
			continue
		}
		x, k, ok := versionTest(info, is.Cond)
		if !ok {
			continue
		}
		if x == on && constant.Compare(k, token.GTR, last) {
			n++
		} else {
			on, n = x, 1
		}
		last = k
		best = max(best, n)
	}
	return best
}

// versionTest matches `x < K`, `x <= K`, `K > x` and `K >= x` with K an
// integer constant and x not one: x as written, and K.
func versionTest(info *types.Info, cond ast.Expr) (string, constant.Value, bool) {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return "", nil, false
	}
	x, k := b.X, b.Y
	switch b.Op {
	case token.LSS, token.LEQ:
	case token.GTR, token.GEQ:
		x, k = k, x
	default:
		return "", nil, false
	}
	kv := info.Types[k].Value
	if kv == nil || kv.Kind() != constant.Int || info.Types[x].Value != nil {
		return "", nil, false
	}
	return types.ExprString(x), kv, true
}

// addLadders makes each version ladder a migration entry that its own
// entry alone reaches (see above).
func (p *Program) addLadders(m *ownMigrations) {
	for _, f := range p.ladders() {
		if m.only[f] {
			continue // a registry's runner already
		}
		m.only[f] = true
		m.entries = append(m.entries, &Entry{Role: RoleMigration, Name: f.Name, Parts: []Part{{Func: f}}})
	}
}
